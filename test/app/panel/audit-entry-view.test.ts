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
      summary: { en: 'Delivery completed: its tickets are resolved or closed — 2 resolved, 1 closed' },
    });
    expect(auditEntryView({ ...entry('deliveryTicketsLinked'), detail: 'tickets:3' })).toMatchObject({
      action: 'deliveryTicketsLinked',
      summary: { de: 'Tickets mit dieser Auslieferung verknüpft — 3 Tickets' },
    });
  });

  it('shows a customer escalation and a new-estimate request in words, never their codes', () => {
    expect(
      auditEntryView({ ...entry('escalated'), source: 'portal', detail: 'level2:serviceTimeExceeded:dach' })
        .summary,
    ).toEqual({
      en: 'Escalated by the customer to level 2 (DACH); reason: Response or restoration time exceeded',
      de: 'Vom Kunden auf Stufe 2 eskaliert (DACH); Grund: Reaktions- oder Wiederherstellungszeit überschritten',
    });
    expect(
      auditEntryView({ ...entry('newEstimateRequested'), detail: 'accountManagerNote' }).summary,
    ).toEqual({
      en: 'New estimate requested by the customer — as a note to the account manager',
      de: 'Neue Aufwandsschätzung vom Kunden angefordert — als Notiz an den Account Manager',
    });
    expect(auditEntryView({ ...entry('newEstimateRequested'), detail: 'newRequest' }).summary.en).toBe(
      'New estimate requested by the customer — as a new Request linked to this one',
    );
  });

  it('finds shipped tickets when the activity log is filtered by `deliveryTransitioned`', () => {
    expect(storedActionsFor('deliveryTransitioned')).toContain('deliveryShipped');
  });

  it.each(['somethingElse', 'constructor', 'toString', '__proto__'])(
    'shows the stored action %s, which this version does not know, as app activity, never hiding it',
    (stored) => {
      expect(auditEntryView(entry(stored))).toMatchObject({
        action: 'appActivity',
        summary: { en: 'App activity', de: 'App-Aktivität' },
      });
    },
  );

  it('shows a failed write with its error in words', () => {
    expect(auditEntryView({ ...entry('write'), outcome: 'failed', detail: 'HTTP 403' }).summary).toEqual({
      en: 'Ticket updated (failed) — Jira answered 403',
      de: 'Ticket aktualisiert (fehlgeschlagen) — Jira antwortete 403',
    });
  });

  const INTERNAL_CODE =
    /\b(reminder\d|installBackfill|statusEntered|resolved:\d|tickets:\d|alreadyDone|[a-z]+[A-Z]\w*)\b/;

  it.each([
    ['reminder', 'reminder3', 'Reminder 3 sent to the customer', 'Erinnerung 3 an den Kunden gesendet'],
    ['close', 'close', 'Ticket closed automatically', 'Ticket automatisch geschlossen'],
    [
      'expiryNotice',
      'expiryNotice',
      'Customer told that the estimate expires soon',
      'Kunde auf den baldigen Ablauf der Schätzung hingewiesen',
    ],
    [
      'restamp',
      'clarification installBackfill',
      'Timer set up from the ticket’s history — clarification timer: set up when the app was installed',
      'Timer aus dem Verlauf des Tickets eingerichtet — Klärungs-Timer: bei der Installation der App eingerichtet',
    ],
    [
      'restamp',
      'resolved statusEntered',
      'Timer set up from the ticket’s history — auto-close timer: the ticket entered the status',
      'Timer aus dem Verlauf des Tickets eingerichtet — Timer für das automatische Schließen: das Ticket kam in den Status',
    ],
    [
      'statusChanged',
      'stateRebuilt',
      'Timer follows a status change — timer rebuilt from the ticket’s history',
      'Timer folgt einem Statuswechsel — Timer aus dem Verlauf des Tickets wiederhergestellt',
    ],
    ['deliveryLinked', 'DEL-7', 'Linked to a Delivery — DEL-7', 'Mit einer Auslieferung verknüpft — DEL-7'],
    [
      'onCallAlert',
      'onCallNotConfigured',
      'On-call duty alerted — no on-call duty is configured',
      'Rufbereitschaft alarmiert — keine Rufbereitschaft eingerichtet',
    ],
    ['emailIntake', undefined, 'Request received by e-mail', 'Anfrage per E-Mail eingegangen'],
    ['reminder', 'someFutureCode', 'Reminder sent to the customer', 'Erinnerung an den Kunden gesendet'],
  ])('%s with detail %s reads as words', (action, detail, en, de) => {
    const view = auditEntryView({ ...entry(action), ...(detail ? { detail } : {}) });
    expect(view.summary).toEqual({ en, de });
    expect(view.summary.en).not.toMatch(INTERNAL_CODE);
  });
});

describe('auditEntryView: the entry’s identity, scope and outcome', () => {
  it('names the entry by its time, issue, action and idempotency key', () => {
    expect(auditEntryView({ ...entry('reminder'), idempotencyKey: 'SD-7:c1:reminder1' }).id).toBe(
      '2026-11-27T09:00:00.000Z:10007:reminder:SD-7:c1:reminder1',
    );
  });

  it('names an entry without an idempotency key by its outcome', () => {
    expect(auditEntryView({ ...entry('write'), outcome: 'failed' }).id).toBe(
      '2026-11-27T09:00:00.000Z:10007:write:failed',
    );
  });

  it('keeps the ticket and project of a ticket’s entry', () => {
    expect(auditEntryView(entry('close'))).toMatchObject({
      at: '2026-11-27T09:00:00.000Z',
      issueKey: 'SD-7',
      projectKey: 'SD',
    });
  });

  it('shows a site-wide entry without ticket or project', () => {
    expect(auditEntryView({ ...entry('settingsSaved'), issueKey: '', projectKey: '' })).toMatchObject({
      issueKey: null,
      projectKey: null,
    });
  });

  it.each([
    ['done', 'done', false],
    ['skipped', 'skipped', false],
    ['failed', 'failed', false],
    ['dryRun', 'done', true],
  ] as const)('shows the outcome %s as %s, dry run: %s', (stored, outcome, dryRun) => {
    expect(auditEntryView({ ...entry('close'), outcome: stored })).toMatchObject({ outcome, dryRun });
  });

  it('says a dry run changed nothing', () => {
    expect(auditEntryView({ ...entry('close'), outcome: 'dryRun' }).summary).toEqual({
      en: 'Ticket closed automatically (dry run: nothing changed)',
      de: 'Ticket automatisch geschlossen (Testmodus: nichts geändert)',
    });
  });
});

describe('auditEntryView: settings saves', () => {
  it('names the project whose settings were saved', () => {
    expect(auditEntryView({ ...entry('settingsSaved'), issueKey: '' })).toMatchObject({
      action: 'settingsChanged',
      summary: { en: 'Settings of SD saved', de: 'Einstellungen von SD gespeichert' },
    });
  });

  it('names a save of the site defaults as the site’s', () => {
    expect(auditEntryView({ ...entry('settingsSaved'), issueKey: '', projectKey: '' }).summary).toEqual({
      en: 'Site settings saved',
      de: 'Einstellungen der Site gespeichert',
    });
  });
});

describe('auditEntryView: reminder numbers', () => {
  it('numbers a reminder beyond the ninth', () => {
    expect(auditEntryView({ ...entry('reminder'), detail: 'reminder12' }).summary.en).toBe(
      'Reminder 12 sent to the customer',
    );
  });

  it.each(['lastreminder3', 'reminder3b'])('takes no number from the detail %s', (detail) => {
    expect(auditEntryView({ ...entry('reminder'), detail }).summary.en).toBe('Reminder sent to the customer');
  });

  it('gives a reminder number only to a reminder', () => {
    expect(auditEntryView({ ...entry('write'), detail: 'reminder3' }).summary.en).toBe('Ticket updated');
  });
});

describe('auditEntryView: escalations', () => {
  it('reads an escalation recorded without its region group', () => {
    expect(auditEntryView({ ...entry('escalated'), detail: 'level3:productQuality' }).summary).toEqual({
      en: 'Escalated by the customer to level 3; reason: Product quality',
      de: 'Vom Kunden auf Stufe 3 eskaliert; Grund: Produktqualität',
    });
  });

  it('shows a reason this version does not know by its code rather than hide the escalation', () => {
    expect(
      auditEntryView({ ...entry('escalated'), detail: 'level2:somethingNew:international' }).summary,
    ).toEqual({
      en: 'Escalated by the customer to level 2 (International); reason: somethingNew',
      de: 'Vom Kunden auf Stufe 2 eskaliert (International); Grund: somethingNew',
    });
  });

  it.each([undefined, 'xlevel2:handling', 'level:handling'])(
    'reads an escalation whose detail names no level (%p) in general words',
    (detail) => {
      expect(auditEntryView({ ...entry('escalated'), ...(detail ? { detail } : {}) }).summary).toEqual({
        en: 'Escalated by the customer',
        de: 'Vom Kunden eskaliert',
      });
    },
  );

  it('reads a level only in the detail of an escalation', () => {
    expect(auditEntryView({ ...entry('write'), detail: 'level2:handling' }).summary.en).toBe(
      'Ticket updated',
    );
  });
});

describe('storedActionsFor', () => {
  it('lists only the stored names of the action', () => {
    expect(storedActionsFor('escalated')).toEqual(['escalated']);
    expect(storedActionsFor('reminderSent').sort()).toEqual(['expiryNotice', 'reminder', 'reminderSent']);
  });
});
