import type { PlatformCheckResult, PlatformChecksView } from '../../contract/platform-checks';
import { SHIPPED_EXPRESSIONS } from '../../domain/workflows/rule-expressions';
import type { PlatformProbe } from '../ports';
import { AUTOMATION_HOLD_KEY, type AutomationHold } from '../shared/automation-hold';
import { publishRulesItem } from '../rules/rules-work';
import { isRecord } from '../shared/is-record';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError } from './invalid-payload-error';
import {
  checkCommentEvents,
  checkDueQuery,
  checkOnCall,
  checkRateLimitHeaders,
} from './platform-checks-site';

export interface PlatformCheckDeps {
  admin: AdminDeps;
  /** Asks the site as the app. */
  probe: PlatformProbe;
}

/** Every expression the manifest ships passes Jira's own analysis (syntax and the documented limits). */
async function checkExpressions(probe: PlatformProbe): Promise<PlatformCheckResult> {
  const keys = Object.keys(SHIPPED_EXPRESSIONS);
  const results = await probe.analyseExpressions(Object.values(SHIPPED_EXPRESSIONS));
  const failed = keys.filter((_key, i) => results[i]?.valid !== true);
  const reasons = failed.map(
    (key) => `${key}: ${results[keys.indexOf(key)]?.errors.join('; ') ?? 'no answer'}`,
  );
  return {
    id: 'expressions',
    passed: failed.length === 0,
    costPoints: 1,
    detail:
      failed.length === 0
        ? {
            en: `Jira accepts all ${keys.length} expressions of the app's validators and condition.`,
            de: `Jira akzeptiert alle ${keys.length} Ausdrücke der Validatoren und der Bedingung der App.`,
          }
        : {
            en: `Jira rejects expressions of the app (${reasons.join(' | ')}). Workflow validators with such an expression block every transition; remove them from the workflows until an update fixes this.`,
            de: `Jira lehnt Ausdrücke der App ab (${reasons.join(' | ')}). Workflow-Validatoren mit einem solchen Ausdruck blockieren jeden Übergang; entfernen Sie sie aus den Workflows, bis ein Update das behebt.`,
          },
  };
}

/**
 * A conditional KVS write conflicts as the exactly-once ledger expects: the first `setIfAbsent` on a fresh key
 * writes, the second reports the key as taken. The scratch key is removed afterwards.
 */
async function checkKvsConflict(deps: AdminDeps): Promise<PlatformCheckResult> {
  const key = `platform-checks:kvs:${deps.now.getTime()}`;
  let first: boolean | string;
  let second: boolean | string;
  try {
    first = await deps.app.store.setIfAbsent(key, { probe: 1 }, { ttlDays: 1 });
    second = await deps.app.store.setIfAbsent(key, { probe: 2 }, { ttlDays: 1 });
  } catch (error) {
    first = second = error instanceof Error ? error.name : 'error';
  } finally {
    await deps.app.store.delete(key).catch(() => undefined);
  }
  const passed = first === true && second === false;
  return {
    id: 'kvsConflict',
    passed,
    costPoints: 0,
    detail: passed
      ? {
          en: 'A second conditional write of the same key was refused, as the exactly-once bookkeeping needs.',
          de: 'Ein zweiter bedingter Schreibvorgang desselben Schlüssels wurde abgelehnt, wie es die Genau-einmal-Buchführung braucht.',
        }
      : {
          en: `Conditional writes did not behave as expected (first: ${String(first)}, second: ${String(second)}). Reminders could be sent twice, so automation stays in dry run.`,
          de: `Bedingte Schreibvorgänge verhielten sich nicht wie erwartet (erster: ${String(first)}, zweiter: ${String(second)}). Erinnerungen könnten doppelt versandt werden, daher bleibt die Automatisierung im Probelauf.`,
        },
  };
}

/**
 * Runs the platform checks on the installed site (admin page, Health tab). Jira administrators only. A failed
 * check holds automation in dry run (the sweep honours the hold) until a later run passes, and each failure is
 * written to the activity log; an advisory failure (what it concerns is already off) is only reported.
 *
 * @throws NotJiraAdminError
 */
export async function runPlatformChecks(
  payload: unknown,
  deps: PlatformCheckDeps,
): Promise<PlatformChecksView> {
  await requireJiraAdmin(deps.admin);
  if (payload !== undefined && !(isRecord(payload) && Object.keys(payload).length === 0))
    throw new InvalidPayloadError(['payload: runPlatformChecks takes no parameters']);
  const { admin } = deps;
  const results = [
    await checkExpressions(deps.probe),
    await checkDueQuery(admin),
    await checkKvsConflict(admin),
    await checkCommentEvents(admin),
    await checkOnCall(admin),
  ];
  // Last: it reports the headers of the calls the checks above made.
  results.push(checkRateLimitHeaders(admin));
  const failed = results.filter((r) => !r.passed && !r.advisory).map((r) => r.id);
  const at = admin.now.toISOString();
  const previous = await admin.app.store.get<AutomationHold>(AUTOMATION_HOLD_KEY);
  const holdChanges = (previous !== undefined) !== failed.length > 0;
  if (failed.length === 0) {
    await admin.app.store.delete(AUTOMATION_HOLD_KEY);
  } else {
    await admin.app.store.set<AutomationHold>(AUTOMATION_HOLD_KEY, { since: previous?.since ?? at, failed });
    for (const id of failed) {
      await admin.app.audit.append({
        at,
        projectKey: '',
        issueKey: '',
        issueId: '',
        action: 'platformCheckFailed',
        outcome: 'failed',
        source: 'admin',
        detail: id,
        idempotencyKey: `platform-check:${id}:${admin.now.getTime()}`,
      });
    }
  }
  // The published expression tables follow the hold (withdrawn when it starts, published again when it ends),
  // queued once the hold is written so the publication reads it.
  if (holdChanges) await admin.app.queue.push([publishRulesItem()]);
  return { ranAt: at, results, automationHeld: failed.length > 0 };
}
