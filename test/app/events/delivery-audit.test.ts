import { auditDeliveryCompleted } from '../../../src/app/events/delivery/delivery-audit';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import { NOW } from '../../domain/events/rule-fixtures';

describe('a completed Delivery audits itself', () => {
  it('one entry on the Delivery per completion, with the counts as its detail', async () => {
    const entries: AuditEntry[] = [];
    const deps = {
      audit: {
        async append(entry: AuditEntry) {
          entries.push(entry);
        },
      },
    } as unknown as EventDeps;
    await auditDeliveryCompleted(
      deps,
      { id: 'd1', key: 'DL-1', projectKey: 'DL', completion: 'h20042' },
      { resolved: 3, closed: 1 },
      NOW,
    );
    expect(entries).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'DL',
        issueKey: 'DL-1',
        issueId: 'd1',
        action: 'deliveryCompleted',
        outcome: 'done',
        source: 'event',
        detail: 'resolved:3,closed:1',
        idempotencyKey: 'd1:completed:h20042',
      },
    ]);
  });
});
