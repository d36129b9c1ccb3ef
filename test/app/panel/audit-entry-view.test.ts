import { auditEntryView, storedActionsFor } from '../../../src/app/panel/audit-entry-view';
import type { AuditEntry } from '../../../src/app/shared/audit-log';

const entry = (action: string): AuditEntry => ({
  at: '2026-11-27T09:00:00.000Z',
  projectKey: 'SD',
  issueKey: 'SD-7',
  issueId: '10007',
  action,
  outcome: 'done',
  source: 'event',
});

describe('auditEntryView', () => {
  it('shows a ticket shipped by its Delivery (the queue handler writes `deliveryShipped`)', () => {
    const view = auditEntryView(entry('deliveryShipped'));
    expect(view?.action).toBe('deliveryTransitioned');
    expect(view?.summary.en).toBe('Moved on by its Delivery');
  });

  it('shows what a Delivery itself did: its completion with counts, and the tickets linked to it', () => {
    expect(auditEntryView({ ...entry('deliveryCompleted'), detail: 'resolved:2,closed:1' })).toMatchObject({
      action: 'deliveryCompleted',
      summary: { en: 'Delivery completed: its tickets are resolved or closed — resolved:2,closed:1' },
    });
    expect(auditEntryView({ ...entry('deliveryTicketsLinked'), detail: 'tickets:3' })).toMatchObject({
      action: 'deliveryTicketsLinked',
      summary: { de: 'Tickets mit dieser Auslieferung verknüpft — tickets:3' },
    });
  });

  it('finds shipped tickets when the activity log is filtered by `deliveryTransitioned`', () => {
    expect(storedActionsFor('deliveryTransitioned')).toContain('deliveryShipped');
  });

  it('shows stored actions this version does not know as app activity, never hiding them', () => {
    expect(auditEntryView(entry('somethingElse'))).toMatchObject({
      action: 'appActivity',
      summary: { en: 'App activity: somethingElse', de: 'App-Aktivität: somethingElse' },
    });
  });

  it('shows a failed write with its error code', () => {
    expect(auditEntryView({ ...entry('write'), outcome: 'failed', detail: 'HTTP 403' }).summary.en).toBe(
      'App activity: write (failed) — HTTP 403',
    );
  });
});
