import { writeAudits, type ExecutionContext } from '../../../src/app/events/execution-context';
import type { AuditEntry } from '../../../src/app/shared/audit-log';

const NOW = new Date('2026-11-30T09:15:00.000Z');

/** An execution on SUP-7 whose audit log keeps what it is given, in order. */
function execution(): { ctx: ExecutionContext; written: AuditEntry[] } {
  const written: AuditEntry[] = [];
  const ctx = {
    deps: { audit: { append: async (entry: AuditEntry) => void written.push(entry) } },
    ticket: { projectKey: 'SUP', key: 'SUP-7', id: '10007' },
    now: NOW,
    stored: undefined,
  } as unknown as ExecutionContext;
  return { ctx, written };
}

describe("execution audits: each entry is filed under the execution's ticket, time and source", () => {
  it('fills in the ticket, the time and the event source, in the order given', async () => {
    const { ctx, written } = execution();
    await writeAudits(ctx, [
      { action: 'transitionReverted', outcome: 'done', detail: 'notAllowed', idempotencyKey: 'k1' },
      { action: 'securitySet', outcome: 'failed', detail: 'HTTP 403' },
    ]);
    expect(written).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SUP',
        issueKey: 'SUP-7',
        issueId: '10007',
        source: 'event',
        action: 'transitionReverted',
        outcome: 'done',
        detail: 'notAllowed',
        idempotencyKey: 'k1',
      },
      {
        at: NOW.toISOString(),
        projectKey: 'SUP',
        issueKey: 'SUP-7',
        issueId: '10007',
        source: 'event',
        action: 'securitySet',
        outcome: 'failed',
        detail: 'HTTP 403',
      },
    ]);
  });

  it('writes nothing for an execution without audits', async () => {
    const { ctx, written } = execution();
    await writeAudits(ctx, []);
    expect(written).toEqual([]);
  });
});
