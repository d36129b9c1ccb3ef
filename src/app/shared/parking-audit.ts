import type { AuditLog } from './audit-log';
import { parkingId, type ParkingRecord } from './parking-lot';

/**
 * Records in the audit trail that an item was parked (`parked`, outcome `failed`, its failure class as detail)
 * or that an admin retried it (`unparked`). A ticket's entry is filed under the ticket; a work item's under its
 * project, or site-wide.
 */
export async function auditParking(
  audit: AuditLog,
  record: ParkingRecord,
  action: 'parked' | 'unparked',
  now: Date,
): Promise<void> {
  const subject = record.subject;
  const ticket = subject.kind === 'ticket' ? subject : undefined;
  await audit.append({
    at: now.toISOString(),
    projectKey: subject.projectKey,
    issueKey: ticket?.issueKey ?? '',
    issueId: ticket?.issueId ?? '',
    action,
    outcome: action === 'parked' ? 'failed' : 'done',
    source:
      action === 'unparked'
        ? 'admin'
        : ticket || (subject.kind === 'work' && subject.workType.startsWith('sweep.'))
          ? 'sweep'
          : 'event',
    ...(action === 'parked' ? { detail: record.failure } : {}),
    idempotencyKey: `${action}:${parkingId(subject)}:${record.firstFailedAt}`,
  });
}
