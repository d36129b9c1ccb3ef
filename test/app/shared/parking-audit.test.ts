import { AuditLog, type AuditEntry } from '../../../src/app/shared/audit-log';
import { auditParking } from '../../../src/app/shared/parking-audit';
import type { ParkingRecord, ParkingSubject } from '../../../src/app/shared/parking-lot';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const FIRST = '2026-11-26T09:00:00.000Z';
const TICKET: ParkingSubject = { kind: 'ticket', projectKey: 'SUP', issueId: '10001', issueKey: 'SUP-1' };
const work = (workType: string, projectKey = 'SUP'): ParkingSubject => ({
  kind: 'work',
  projectKey,
  workType,
  body: { type: workType, projectKey },
});

const record = (subject: ParkingSubject): ParkingRecord => ({
  subject,
  state: 'parked',
  failure: 'storage',
  code: 'storage set',
  attempts: 5,
  firstFailedAt: FIRST,
  lastFailedAt: NOW.toISOString(),
  parkedAt: NOW.toISOString(),
});

/** Every audit entry the store holds, once per entry (a ticket's is kept under the ticket and its project). */
function entries(store: MemoryStore): AuditEntry[] {
  return [...store.data.entries()]
    .filter(([key]) => key.startsWith('audit:p:'))
    .map(([, v]) => v as AuditEntry);
}

describe('auditParking: a parking and an admin’s retry, audited once each under the ticket or project', () => {
  it('a parked ticket: filed under the ticket, by the sweep, with its failure class', async () => {
    const store = new MemoryStore();
    await auditParking(new AuditLog(store), record(TICKET), 'parked', NOW);
    await auditParking(new AuditLog(store), record(TICKET), 'parked', NOW);
    expect(entries(store)).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SUP',
        issueKey: 'SUP-1',
        issueId: '10001',
        action: 'parked',
        outcome: 'failed',
        source: 'sweep',
        detail: 'storage',
        idempotencyKey: `parked:t:SUP:10001:${FIRST}`,
      },
    ]);
    expect(await new AuditLog(store).forIssue('10001')).toHaveLength(1);
  });

  it('an admin’s retry: by the admin, done, without a failure class', async () => {
    const store = new MemoryStore();
    await auditParking(new AuditLog(store), record(TICKET), 'unparked', NOW);
    expect(entries(store)).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SUP',
        issueKey: 'SUP-1',
        issueId: '10001',
        action: 'unparked',
        outcome: 'done',
        source: 'admin',
        idempotencyKey: `unparked:t:SUP:10001:${FIRST}`,
      },
    ]);
  });

  it.each<[string, 'sweep' | 'event' | 'admin', ParkingSubject, 'parked' | 'unparked']>([
    ['parked sweep work', 'sweep', work('sweep.project'), 'parked'],
    ['parked event work', 'event', work('events.deliveryTable'), 'parked'],
    ['parked work whose type only ends in sweep.', 'event', work('events.sweep.'), 'parked'],
    ['parked site-wide work', 'event', work('rules.publish', ''), 'parked'],
    ['retried sweep work', 'admin', work('sweep.project'), 'unparked'],
  ])('%s: filed under its project, without a ticket, by the %s', async (_, source, subject, action) => {
    const store = new MemoryStore();
    await auditParking(new AuditLog(store), record(subject), action, NOW);
    expect(entries(store)).toEqual([
      expect.objectContaining({ projectKey: subject.projectKey, issueKey: '', issueId: '', source, action }),
    ]);
  });
});
