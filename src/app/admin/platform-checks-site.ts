import type { Bilingual } from '../../contract/common';
import type { PlatformCheckResult } from '../../contract/platform-checks';
import type { ConfigError } from '../../domain/config';
import { PROCESS_STATE_KEY, parseProcessState } from '../../domain/process-state';
import { commentEventsSeen, onCallSeen } from '../shared/platform-observations';
import type { AdminDeps } from './admin-access';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The due-ticket JQL finds a property in the app's date format: a ticket whose `nextDueAt` is set is looked up by
 * `processNextDue` within a day of its value (a day's margin keeps the JQL user's time zone out of it). Two
 * searches of one issue each: 4 points.
 */
export async function checkDueQuery(deps: AdminDeps): Promise<PlatformCheckResult> {
  const jira = deps.app.jira;
  const found = await jira.search({
    jql: 'processNextDue IS NOT EMPTY ORDER BY processNextDue ASC',
    fields: [],
    properties: [PROCESS_STATE_KEY],
    maxResults: 1,
  });
  const issue = found.issues[0];
  const due = parseProcessState(issue?.properties?.[PROCESS_STATE_KEY])?.nextDueAt;
  if (!issue || due === undefined) {
    return {
      id: 'dueQuery',
      passed: true,
      costPoints: 2,
      detail: {
        en: 'No ticket has a due time yet, so the due-ticket query cannot be tried; run the checks again once the app has worked on tickets.',
        de: 'Noch kein Ticket hat einen Fälligkeitszeitpunkt, daher lässt sich die Abfrage fälliger Tickets noch nicht prüfen; führen Sie die Prüfungen erneut aus, sobald die App Tickets bearbeitet hat.',
      },
    };
  }
  const at = Date.parse(due);
  const again = await jira.search({
    jql: `id = ${issue.id} AND processNextDue >= "${day(at - DAY_MS)}" AND processNextDue <= "${day(at + 2 * DAY_MS)}"`,
    fields: [],
    maxResults: 1,
  });
  const passed = again.issues.length === 1;
  return {
    id: 'dueQuery',
    passed,
    costPoints: passed ? 4 : 3,
    detail: passed
      ? {
          en: `Jira indexes the app's due time (${due}) as a date: the due-ticket query finds it.`,
          de: `Jira indiziert den Fälligkeitszeitpunkt der App (${due}) als Datum: die Abfrage fälliger Tickets findet ihn.`,
        }
      : {
          en: `Jira does not find the app's due time (${due}) by date. The hourly sweep would find no due ticket, so reminders and closings would not happen; automation stays in dry run.`,
          de: `Jira findet den Fälligkeitszeitpunkt der App (${due}) nicht per Datum. Der stündliche Lauf fände keine fälligen Tickets, Erinnerungen und Schließungen blieben aus; die Automatisierung bleibt im Probelauf.`,
        },
  };
}

/** What comment events showed (recorded by the event handler): whether they carried the comment's visibility. */
export async function checkCommentEvents(deps: AdminDeps): Promise<PlatformCheckResult> {
  const seen = await commentEventsSeen(deps.app.store);
  const when = seen ? seen.at.slice(0, 16).replace('T', ' ') : '';
  return {
    id: 'commentEvents',
    passed: true,
    costPoints: 0,
    detail: !seen
      ? {
          en: 'No comment event has arrived yet. The app does not rely on comment events saying whether a comment is public: it asks Jira when it matters.',
          de: 'Noch kein Kommentar-Ereignis eingegangen. Die App verlässt sich nicht darauf, dass Kommentar-Ereignisse die Sichtbarkeit nennen: Sie fragt Jira, wenn es darauf ankommt.',
        }
      : seen.carriedVisibility
        ? {
            en: `Comment events on this site say whether a comment is public (last seen ${when} UTC); the app uses that and saves a call.`,
            de: `Kommentar-Ereignisse dieser Site nennen die Sichtbarkeit (zuletzt ${when} UTC); die App nutzt das und spart einen Aufruf.`,
          }
        : {
            en: `Comment events on this site do not say whether a comment is public (last seen ${when} UTC); the app reads the comment when a customer reply matters (2 points).`,
            de: `Kommentar-Ereignisse dieser Site nennen die Sichtbarkeit nicht (zuletzt ${when} UTC); die App liest den Kommentar, wenn eine Kundenantwort zählt (2 Punkte).`,
          },
  };
}

/** Why a stored on-call webhook is refused and where, in both languages (no address: it may hold secrets). */
function refusedWebhook(error: ConfigError): Bilingual {
  const project = /^projectOverrides\.([^.]+)\./.exec(error.path)?.[1];
  const where = project
    ? { en: `project ${project}`, de: `Projekt ${project}` }
    : { en: 'site settings', de: 'Site-Einstellungen' };
  const rule = error.rule;
  const hosts = rule?.kind === 'egress' ? rule.hosts.join(', ') || '–' : '';
  const why =
    rule?.kind === 'egress'
      ? {
          en: `its host is not declared as egress of this installation (declared: ${hosts})`,
          de: `ihr Host ist für diese Installation nicht als Egress freigegeben (freigegeben: ${hosts})`,
        }
      : {
          en: 'it is not a full https:// address without user name or password',
          de: 'sie ist keine vollständige https://-Adresse ohne Benutzername und Passwort',
        };
  return { en: `${where.en}: ${why.en}`, de: `${where.de}: ${why.de}` };
}

/**
 * How the on-call route answered the last alert. A test alert would page someone, so the check reports real
 * alerts only; a refused one fails the check. A stored webhook the validation rules refuse fails it too, as
 * advisory: on-call is already off there and everything else runs, until an admin saves a valid address.
 */
export async function checkOnCall(deps: AdminDeps): Promise<PlatformCheckResult> {
  const { config, onCallRefused = [] } = await deps.app.config.load();
  if (onCallRefused.length > 0) {
    const reasons = onCallRefused.map(refusedWebhook);
    return {
      id: 'onCall',
      passed: false,
      advisory: true,
      costPoints: 0,
      detail: {
        en: `On-call alerts are OFF: the stored on-call webhook is refused (${reasons.map((r) => r.en).join('; ')}). Severe faults outside working days reach nobody until an admin saves a full https:// address on a declared host under Settings → On-call. Reminders, closings and the other rules keep running.`,
        de: `Bereitschafts-Alarme sind AUS: Der gespeicherte Bereitschafts-Webhook wird abgelehnt (${reasons.map((r) => r.de).join('; ')}). Schwere Störungen außerhalb der Arbeitszeit erreichen niemanden, bis ein Admin unter Einstellungen → Bereitschaft eine vollständige https://-Adresse auf einem freigegebenen Host speichert. Erinnerungen, Schließungen und die übrigen Regeln laufen weiter.`,
      },
    };
  }
  const seen = await onCallSeen(deps.app.store);
  const base = { id: 'onCall' as const, costPoints: 0 };
  if (config.onCall.mode === 'none')
    return {
      ...base,
      passed: true,
      detail: { en: 'On-call alerts are switched off.', de: 'Bereitschafts-Alarme sind ausgeschaltet.' },
    };
  if (!seen)
    return {
      ...base,
      passed: true,
      detail: {
        en: 'No on-call alert has been sent yet; the first one will show here whether the route accepts it.',
        de: 'Noch kein Bereitschafts-Alarm gesendet; der erste zeigt hier, ob der Weg ihn annimmt.',
      },
    };
  const when = seen.at.slice(0, 16).replace('T', ' ');
  return seen.ok
    ? {
        ...base,
        passed: true,
        detail: {
          en: `The on-call route accepted the last alert (${when} UTC).`,
          de: `Der Bereitschaftsweg hat den letzten Alarm angenommen (${when} UTC).`,
        },
      }
    : {
        ...base,
        passed: false,
        detail: {
          en: `The on-call route refused the last alert (${when} UTC: ${seen.detail}). Check the on-call settings; severe faults outside working days would reach nobody.`,
          de: `Der Bereitschaftsweg hat den letzten Alarm abgelehnt (${when} UTC: ${seen.detail}). Prüfen Sie die Bereitschafts-Einstellungen; schwere Störungen außerhalb der Arbeitszeit erreichten sonst niemanden.`,
        },
      };
}

/** Which rate-limit headers Jira sent on the calls the checks made (no extra call). */
export function checkRateLimitHeaders(deps: AdminDeps): PlatformCheckResult {
  const names = Object.keys(deps.app.stats.rateLimitHeaders());
  return {
    id: 'rateLimitHeaders',
    passed: true,
    costPoints: 0,
    detail:
      names.length === 0
        ? {
            en: 'Jira sent no rate-limit headers on these calls; the app still handles 429 answers with Retry-After.',
            de: 'Jira hat bei diesen Aufrufen keine Rate-Limit-Header gesendet; die App behandelt 429-Antworten trotzdem mit Retry-After.',
          }
        : {
            en: `Jira sent these rate-limit headers: ${names.join(', ')}. The app logs them after every run.`,
            de: `Jira hat diese Rate-Limit-Header gesendet: ${names.join(', ')}. Die App protokolliert sie nach jedem Lauf.`,
          },
  };
}
