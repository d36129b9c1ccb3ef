import type { AuditEntry } from '../shared/audit-log';
import type { TimerStep } from '../../domain/timers/timer-schedule';
import type { SweepContext } from './sweep-context';

/** Audit action names of the timer steps (readable per ticket and project in the admin page). */
export function auditAction(step: TimerStep): string {
  return step.kind;
}

/**
 * The audit detail of a timer step: a short machine code (`reminder2`, `close`, `expiryNotice`, `expire`). The
 * time the step happened is the entry's own `at`, which the views format per locale; no dates in details.
 */
export function stepCode(step: TimerStep): string {
  return step.kind === 'reminder' ? `reminder${step.number}` : step.kind;
}

/** Records one sweep outcome; audit failures are logged, never allowed to undo or repeat a ticket write. */
export async function auditSweep(
  ctx: SweepContext,
  ticket: { id: string; key: string },
  entry: Pick<AuditEntry, 'action' | 'outcome'> & { detail?: string; idempotencyKey?: string },
): Promise<void> {
  try {
    await ctx.deps.audit.append({
      at: ctx.now.toISOString(),
      projectKey: ctx.cfg.projectKey,
      issueKey: ticket.key,
      issueId: ticket.id,
      source: 'sweep',
      ...entry,
    });
  } catch (error) {
    ctx.deps.log.error('sweep.auditFailed', {
      issueId: ticket.id,
      action: entry.action,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}
