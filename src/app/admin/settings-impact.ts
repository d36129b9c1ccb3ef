import type { SettingsImpactEffect, SettingsImpactView } from '../../contract/admin-views';
import { configForProject } from '../../domain/config';
import { timerImpact } from '../../domain/timers/settings-impact';
import { nextSweepAt } from '../../domain/timers/next-sweep';
import { lastSweepAt, SWEEP_INTERVAL } from '../sweep';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { draftSettings } from './settings-draft';
import { timedTickets } from './timed-tickets';

/** Tickets compared at most (5 searches); a site with more running timers is told the count is partial. */
const CAP = 500;
/** Ticket keys listed per effect. */
const LISTED = 20;
/** Far enough ahead to list every ticket with a due time. */
const EVERY_DUE_MS = 20 * 365 * 24 * 3_600_000;

const EFFECTS: readonly SettingsImpactEffect[] = ['closeNextSweep', 'remindNextSweep', 'earlier', 'later'];

/**
 * What saving `payload` (a `saveSettings` payload) would do to the open tickets' running timers, without saving:
 * the save's own draft gives the configuration it would put in force, the domain's timer rule compares each
 * ticket's next step under the stored and the new settings at the next sweep. Tickets come from the due index
 * and their state from one search per 100 (no per-ticket read). Jira administrators only.
 *
 * @throws NotJiraAdminError, InvalidPayloadError (a payload of the wrong shape).
 */
export async function previewSettingsImpact(payload: unknown, deps: AdminDeps): Promise<SettingsImpactView> {
  await requireJiraAdmin(deps.user);
  const draft = await draftSettings(payload, deps);
  const { config: before } = await deps.app.config.load();
  const nextRun = nextSweepAt(
    await lastSweepAt(deps.app.store, before.projects),
    SWEEP_INTERVAL.ms,
    deps.now,
  );
  const effects = Object.fromEntries(
    EFFECTS.map((e) => [e, { count: 0, tickets: [] as string[] }]),
  ) as SettingsImpactView['effects'];
  const view = (valid: boolean, checked: number, truncated: boolean): SettingsImpactView => ({
    computedAt: deps.now.toISOString(),
    nextSweepAt: nextRun?.toISOString() ?? null,
    valid,
    checked,
    truncated,
    effects,
  });
  if ('result' in draft) return view(false, 0, false);
  const { body, after } = draft;
  const projects = before.projects.filter((p) => body.scope === 'site' || p === body.projectKey);
  // Before the first sweep the next one is not known: it runs within the interval.
  const sweepAt = nextRun ?? new Date(deps.now.getTime() + SWEEP_INTERVAL.ms);
  const everyDue = new Date(deps.now.getTime() + EVERY_DUE_MS);
  const { tickets, truncated } = await timedTickets(deps.app, projects, everyDue, CAP);
  const byKey = [...tickets].sort((a, b) => a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true }));
  for (const ticket of byKey) {
    const impact = timerImpact(
      ticket.state,
      configForProject(before, ticket.projectKey),
      configForProject(after, ticket.projectKey),
      sweepAt,
    );
    if (impact === 'unchanged') continue;
    const effect = effects[impact];
    effect.count += 1;
    if (effect.tickets.length < LISTED) effect.tickets.push(ticket.issueKey);
  }
  return view(true, tickets.length, truncated);
}
