import type { SettingsImpactEffect, SettingsImpactView } from '../../contract/admin-views';
import { configForProject } from '../../domain/config';
import { timerImpact } from '../../domain/timers/settings-impact';
import { hadMoreReminders } from '../../domain/timers/timer-schedule';
import { nextSweepAt } from '../../domain/timers/next-sweep';
import { lastSweepAt, SWEEP_INTERVAL } from '../sweep';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { draftSettings } from './settings-draft';
import { storedTimers } from './stored-timers';

/** Ticket keys listed per effect. */
const LISTED = 20;
/** Far enough ahead to list every ticket with a due time. */
const EVERY_DUE_MS = 20 * 365 * 24 * 3_600_000;

const EFFECTS: readonly SettingsImpactEffect[] = ['closeNextSweep', 'remindNextSweep', 'earlier', 'later'];

const byKey = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * What saving `payload` (a `saveSettings` payload) would do to the open tickets' running timers, without saving:
 * the save's own draft gives the configuration it would put in force, the domain's timer rule compares each
 * ticket's next step under the stored and the new settings at the next sweep. Tickets and their state come from
 * the app's own storage (the due index and its state copies, KVS): no Jira call besides the admin check, and no
 * cap. What the storage does not know (a ticket without a state copy, a project not indexed yet) is reported as
 * such, never guessed. Jira administrators only.
 *
 * @throws NotJiraAdminError, InvalidPayloadError (a payload of the wrong shape).
 */
export async function previewSettingsImpact(payload: unknown, deps: AdminDeps): Promise<SettingsImpactView> {
  await requireJiraAdmin(deps);
  const draft = await draftSettings(payload, deps);
  const { config: before } = await deps.app.config.load();
  const nextRun = nextSweepAt(
    await lastSweepAt(deps.app.store, before.projects),
    SWEEP_INTERVAL.ms,
    deps.now,
  );
  const pastReminderCount = { count: 0, tickets: [] as string[] };
  const effects = Object.fromEntries(
    EFFECTS.map((e) => [e, { count: 0, tickets: [] as string[] }]),
  ) as SettingsImpactView['effects'];
  const view = (
    valid: boolean,
    checked: number,
    unknown: readonly string[],
    unindexedProjects: string[],
  ): SettingsImpactView => ({
    computedAt: deps.now.toISOString(),
    nextSweepAt: nextRun?.toISOString() ?? null,
    valid,
    checked,
    unknown: { count: unknown.length, tickets: [...unknown].sort(byKey).slice(0, LISTED) },
    unindexedProjects,
    effects,
    pastReminderCount,
  });
  if ('result' in draft) return view(false, 0, [], []);
  const { body, after } = draft;
  const projects = before.projects.filter((p) => body.scope === 'site' || p === body.projectKey);
  // Before the first sweep the next one is not known: it runs within the interval.
  const sweepAt = nextRun ?? new Date(deps.now.getTime() + SWEEP_INTERVAL.ms);
  const everyDue = new Date(deps.now.getTime() + EVERY_DUE_MS);
  const stored = await storedTimers(deps.app, projects, everyDue);
  const tickets = [...stored.tickets].sort((a, b) => byKey(a.issueKey, b.issueKey));
  const add = (list: { count: number; tickets: string[] }, key: string) => {
    list.count += 1;
    if (list.tickets.length < LISTED) list.tickets.push(key);
  };
  for (const ticket of tickets) {
    const was = configForProject(before, ticket.projectKey);
    const will = configForProject(after, ticket.projectKey);
    if (hadMoreReminders(ticket.state, will) && !hadMoreReminders(ticket.state, was))
      add(pastReminderCount, ticket.issueKey);
    const impact = timerImpact(ticket.state, was, will, sweepAt);
    if (impact !== 'unchanged') add(effects[impact], ticket.issueKey);
  }
  return view(
    true,
    tickets.length,
    stored.unknown.map((u) => u.issueKey),
    stored.unindexed,
  );
}
