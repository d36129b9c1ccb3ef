import type { AuditAction, AuditEntry as AuditEntryView, Bilingual } from '../../contract/common';
import { ESCALATION_REASONS, type EscalationReason } from '../../domain/service/escalation';
import type { AuditEntry } from '../shared/audit-log';
import { auditDetail } from './audit-detail';

/**
 * The audit log stores short machine action names written by the sweep and the event handlers; the UI shows
 * the contract's {@link AuditAction} vocabulary with a sentence in both languages.
 */
const ACTIONS: Readonly<Record<string, AuditAction>> = Object.assign(Object.create(null) as object, {
  reminder: 'reminderSent',
  reminderSent: 'reminderSent',
  expiryNotice: 'reminderSent',
  close: 'autoClosed',
  expire: 'autoClosed',
  autoClosed: 'autoClosed',
  timerReset: 'timerReset',
  timerStopped: 'timerStopped',
  reset: 'timerReset',
  transitionFlagged: 'transitionFlagged',
  reclassificationFlagged: 'transitionFlagged',
  transitionReverted: 'transitionReverted',
  reclassificationReverted: 'transitionReverted',
  priorityFlagged: 'priorityFlagged',
  priorityMismatch: 'priorityFlagged',
  deliveryLinked: 'deliveryLinked',
  deliveryUnlinked: 'deliveryUnlinked',
  deliveryTransitioned: 'deliveryTransitioned',
  // What the Delivery queue handler writes when it resolves or closes a shipped ticket (guide §3.3).
  deliveryShipped: 'deliveryTransitioned',
  deliveryResolved: 'deliveryTransitioned',
  deliveryClosed: 'deliveryTransitioned',
  // What the Delivery itself records: tickets linked to it, and its completion (counts in the detail).
  deliveryTicketsLinked: 'deliveryTicketsLinked',
  deliveryCompleted: 'deliveryCompleted',
  escalated: 'escalated',
  newEstimateRequested: 'newEstimateRequested',
  securitySet: 'securityLevelSet',
  securityLevelSet: 'securityLevelSet',
  securityLifted: 'securityLevelSet',
  onCallAlerted: 'onCallAlerted',
  onCallAlert: 'onCallAlerted',
  settingsChanged: 'settingsChanged',
  settingsSaved: 'settingsChanged',
  parked: 'itemParked',
  unparked: 'parkedItemRetried',
  // The sweep rebuilt a timer state from the changelog (an event was missed or the status changed).
  restamp: 'timerReset',
  statusChanged: 'timerReset',
  securityFallback: 'securityLevelSet',
  emailIntake: 'appActivity',
  comment: 'appActivity',
  write: 'appActivity',
} satisfies Record<string, AuditAction>);

const SUMMARIES: Record<AuditAction, Bilingual> = {
  reminderSent: { en: 'Reminder sent to the customer', de: 'Erinnerung an den Kunden gesendet' },
  autoClosed: { en: 'Ticket closed automatically', de: 'Ticket automatisch geschlossen' },
  timerReset: { en: 'Timer restarted', de: 'Timer neu gestartet' },
  timerStopped: {
    en: 'Timer stopped: the ticket left its status',
    de: 'Timer beendet: das Ticket hat seinen Status verlassen',
  },
  transitionFlagged: {
    en: 'Status change outside the workflow flagged',
    de: 'Statuswechsel außerhalb des Workflows markiert',
  },
  transitionReverted: {
    en: 'Status change outside the workflow reverted',
    de: 'Statuswechsel außerhalb des Workflows zurückgesetzt',
  },
  priorityFlagged: { en: 'Priority does not fit the ticket type', de: 'Priorität passt nicht zum Tickettyp' },
  deliveryLinked: { en: 'Linked to a Delivery', de: 'Mit einer Auslieferung verknüpft' },
  deliveryUnlinked: { en: 'Removed from a Delivery', de: 'Aus einer Auslieferung entfernt' },
  deliveryTransitioned: { en: 'Moved on by its Delivery', de: 'Durch die Auslieferung weitergeschaltet' },
  deliveryTicketsLinked: {
    en: 'Tickets linked to this Delivery',
    de: 'Tickets mit dieser Auslieferung verknüpft',
  },
  deliveryCompleted: {
    en: 'Delivery completed: its tickets are resolved or closed',
    de: 'Auslieferung abgeschlossen: ihre Tickets werden gelöst oder geschlossen',
  },
  securityLevelSet: { en: 'Security level changed', de: 'Sicherheitsstufe geändert' },
  onCallAlerted: { en: 'On-call duty alerted', de: 'Rufbereitschaft alarmiert' },
  settingsChanged: { en: 'Settings changed', de: 'Einstellungen geändert' },
  escalated: { en: 'Escalated by the customer', de: 'Vom Kunden eskaliert' },
  newEstimateRequested: {
    en: 'New estimate requested by the customer',
    de: 'Neue Aufwandsschätzung vom Kunden angefordert',
  },
  itemParked: {
    en: 'Set aside after failing repeatedly; retry it on the admin page (Health tab)',
    de: 'Nach wiederholten Fehlern zurückgestellt; auf der Admin-Seite (Reiter Prüfung) erneut versuchen',
  },
  parkedItemRetried: {
    en: 'Retried by an admin after it was set aside',
    de: 'Nach dem Zurückstellen von einem Admin erneut versucht',
  },
  appActivity: { en: 'App activity', de: 'App-Aktivität' },
};

const OUTCOMES: Record<AuditEntry['outcome'], Bilingual> = {
  done: { en: '', de: '' },
  dryRun: { en: ' (dry run: nothing changed)', de: ' (Testmodus: nichts geändert)' },
  skipped: { en: ' (skipped)', de: ' (übersprungen)' },
  failed: { en: ' (failed)', de: ' (fehlgeschlagen)' },
};

/**
 * The contract action for a stored action name. Names this version does not know (written by a newer or older
 * release) still show, as `appActivity` with the stored name, so no recorded action or error is ever hidden.
 */
function auditAction(stored: string): AuditAction {
  return ACTIONS[stored] ?? 'appActivity';
}

/**
 * Stored action names that map to `action` (for filtering the log by a contract action).
 * @internal Exported for the tests that check it directly.
 */
export function storedActionsFor(action: AuditAction): string[] {
  return Object.keys(ACTIONS).filter((name) => ACTIONS[name] === action);
}

/** Stored actions whose own words say more than their contract action's sentence. */
const STORED_SUMMARIES: Readonly<Record<string, Bilingual>> = Object.assign(Object.create(null) as object, {
  expiryNotice: {
    en: 'Customer told that the estimate expires soon',
    de: 'Kunde auf den baldigen Ablauf der Schätzung hingewiesen',
  },
  expire: { en: 'Estimate expired; ticket closed', de: 'Schätzung abgelaufen; Ticket geschlossen' },
  emailIntake: { en: 'Request received by e-mail', de: 'Anfrage per E-Mail eingegangen' },
  comment: { en: 'Comment added for the customer', de: 'Kommentar für den Kunden hinzugefügt' },
  write: { en: 'Ticket updated', de: 'Ticket aktualisiert' },
  restamp: {
    en: 'Timer set up from the ticket’s history',
    de: 'Timer aus dem Verlauf des Tickets eingerichtet',
  },
  statusChanged: { en: 'Timer follows a status change', de: 'Timer folgt einem Statuswechsel' },
});

/**
 * One stored entry as the panel and the admin activity log show it: a sentence in both languages, the detail
 * code in words (see {@link auditDetail}); a code this version does not know is left out, never shown raw.
 * Stored entries never hold personal data.
 */
export function auditEntryView(entry: AuditEntry): AuditEntryView {
  const action = auditAction(entry.action);
  const reminder = entry.detail?.match(/^reminder(\d+)$/);
  const escalation = entry.action === 'escalated' ? escalationSummary(entry.detail) : undefined;
  const base =
    entry.action === 'settingsSaved'
      ? settingsSummary(entry.projectKey)
      : escalation
        ? escalation
        : action === 'reminderSent' && reminder
          ? {
              en: `Reminder ${reminder[1]} sent to the customer`,
              de: `Erinnerung ${reminder[1]} an den Kunden gesendet`,
            }
          : (STORED_SUMMARIES[entry.action] ?? SUMMARIES[action]);
  const outcome = OUTCOMES[entry.outcome];
  const words =
    entry.detail && !reminder && !escalation && entry.detail !== entry.action
      ? auditDetail(entry.detail)
      : null;
  return {
    id: `${entry.at}:${entry.issueId}:${entry.action}:${entry.idempotencyKey ?? entry.outcome}`,
    at: entry.at,
    action,
    issueKey: entry.issueKey === '' ? null : entry.issueKey,
    projectKey: entry.projectKey === '' ? null : entry.projectKey,
    outcome: entry.outcome === 'dryRun' ? 'done' : entry.outcome,
    dryRun: entry.outcome === 'dryRun',
    summary: {
      en: `${base.en}${outcome.en}${words ? ` — ${words.en}` : ''}`,
      de: `${base.de}${outcome.de}${words ? ` — ${words.de}` : ''}`,
    },
  };
}

const REGION_GROUPS: Readonly<Record<string, Bilingual>> = Object.assign(Object.create(null) as object, {
  dach: { en: 'DACH', de: 'DACH' },
  international: { en: 'International', de: 'International' },
});

/**
 * An escalation in words: the level reached, the customer's region group and reason (detail
 * `level<N>:<reason>:<group>`).
 */
function escalationSummary(detail: string | undefined): Bilingual | undefined {
  const match = /^level(\d):(\w+)(?::(\w+))?/.exec(detail ?? '');
  if (!match) return undefined;
  const [, level, code, groupCode] = match;
  const reason = Object.hasOwn(ESCALATION_REASONS, code ?? '')
    ? ESCALATION_REASONS[code as EscalationReason]
    : { en: code ?? '', de: code ?? '' };
  const group = groupCode ? REGION_GROUPS[groupCode] : undefined;
  return {
    en: `Escalated by the customer to level ${level}${group ? ` (${group.en})` : ''}; reason: ${reason.en}`,
    de: `Vom Kunden auf Stufe ${level} eskaliert${group ? ` (${group.de})` : ''}; Grund: ${reason.de}`,
  };
}

/** A settings save names its scope: the site defaults (no project) or one project's overrides. */
function settingsSummary(projectKey: string): Bilingual {
  return projectKey === ''
    ? { en: 'Site settings saved', de: 'Einstellungen der Site gespeichert' }
    : { en: `Settings of ${projectKey} saved`, de: `Einstellungen von ${projectKey} gespeichert` };
}
