import type { SweepPreviewItem, SweepPreviewView } from '../../contract/admin-views';
import { configForProject, type AppConfig } from '../../domain/config';
import { stepsDueBy } from '../../domain/timers/settings-impact';
import { timerSchedule } from '../../domain/timers/timer-schedule';
import { nextSweepAt } from '../../domain/timers/next-sweep';
import { lastSweepAt, SWEEP_INTERVAL } from '../sweep';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { sweepPreviewPayloadSchema } from './settings-payload-schema';
import { storedTimers, type StoredTimer, type StoredTimers } from './stored-timers';

const WEEK_MS = 7 * 24 * 3_600_000;

/** Tickets whose state is not known, listed by key at most (all of them are counted). */
const LISTED = 20;

/** Tickets one due search of the sweep reads (a page of the due index). */
const SEARCH_PAGE = 100;

/**
 * Rough REST points per step: a reminder is one edit; a close reads the transitions and performs one; an early
 * index entry is raised with one property read.
 */
const POINTS = { remind: 1, close: 3, raise: 1 } as const;

const byKey = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const byDue = (a: SweepPreviewItem, b: SweepPreviewItem) =>
  a.dueAt.localeCompare(b.dueAt) || byKey(a.issueKey, b.issueKey);

/**
 * What the next hourly sweep does, when it runs (its last run marker plus the trigger interval), and what the
 * sweeps of the 7 days after it do: each ticket's timer steps by the domain's schedule (`stepsDueBy`, the latest
 * step already due at the next run, then every step falling due later). Tickets and their state come from the
 * app's own storage, the due index and its state copies (KVS), queried by due time page by page to the end: no
 * Jira call besides the admin check, and no cap. What the storage does not know (a ticket without a state copy,
 * a project not indexed yet) is reported as such. Projects the app is switched off for are left out. Admins only.
 *
 * @throws NotJiraAdminError, InvalidPayloadError (a payload of the wrong shape).
 */
export async function getSweepPreview(payload: unknown, deps: AdminDeps): Promise<SweepPreviewView> {
  await requireJiraAdmin(deps);
  const parsed = sweepPreviewPayloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const { config } = await deps.app.config.load();
  const { projectKey } = parsed.data;
  const projects = config.projects.filter(
    (p) => (!projectKey || p === projectKey) && configForProject(config, p).automation.enabled,
  );
  const nextRun = nextSweepAt(
    await lastSweepAt(deps.app.store, projectKey ? [projectKey] : config.projects),
    SWEEP_INTERVAL.ms,
    deps.now,
  );
  // Before the first sweep its time is not known: it runs within the interval.
  const firstSweep = nextRun ?? new Date(deps.now.getTime() + SWEEP_INTERVAL.ms);
  const until = new Date(firstSweep.getTime() + WEEK_MS);
  const stored = await storedTimers(deps.app, projects, until);
  const steps = stored.tickets.flatMap((ticket) => ticketSteps(config, ticket, firstSweep, until));
  const next = steps.filter((s) => Date.parse(s.dueAt) <= firstSweep.getTime());
  const unknown = stored.unknown.map((u) => u.issueKey).sort(byKey);
  return {
    computedAt: deps.now.toISOString(),
    nextSweepAt: nextRun?.toISOString() ?? null,
    items: next.sort(byDue),
    estimatedPoints: estimatedPoints(stored, next, firstSweep),
    // The budget is per installation: the site setting.
    pointsBudgetPerHour: config.automation.pointsBudgetPerHour,
    week: steps.filter((s) => Date.parse(s.dueAt) > firstSweep.getTime()).sort(byDue),
    weekUntil: until.toISOString(),
    unknown: { count: unknown.length, tickets: unknown.slice(0, LISTED) },
    unindexedProjects: stored.unindexed,
  };
}

/** The steps of one ticket's timer that the sweeps from `firstSweep` up to `until` perform. */
function ticketSteps(
  config: AppConfig,
  ticket: StoredTimer,
  firstSweep: Date,
  until: Date,
): SweepPreviewItem[] {
  const timer = ticket.state.timer;
  if (timer === 'none') return [];
  const cfg = configForProject(config, ticket.projectKey);
  const reminders = timerSchedule(ticket.state, cfg).filter((s) => s.step.kind === 'reminder').length;
  return stepsDueBy(ticket.state, cfg, firstSweep, until).map((s) => ({
    issueKey: ticket.issueKey,
    timer,
    action: s.step.kind === 'close' || s.step.kind === 'expire' ? 'close' : 'remind',
    reminder: s.step.kind === 'reminder' ? { number: s.step.number, of: reminders } : null,
    dueAt: s.dueAt.toISOString(),
  }));
}

/**
 * What the next sweep spends, roughly: per project, one search per page of the index entries due by then (1
 * point plus 1 per ticket, those without a state copy included), each step, and a property read for each ticket
 * found early (its entry due, its next step not). 0 when nothing is due.
 */
function estimatedPoints(stored: StoredTimers, next: readonly SweepPreviewItem[], at: Date): number {
  const found = [...stored.tickets, ...stored.unknown].filter(
    (t) => Date.parse(t.indexedDueAt) <= at.getTime(),
  );
  const perProject = new Map<string, number>();
  for (const t of found) perProject.set(t.projectKey, (perProject.get(t.projectKey) ?? 0) + 1);
  const searches = [...perProject.values()].reduce((sum, n) => sum + Math.ceil(n / SEARCH_PAGE) + n, 0);
  const stepping = new Set(next.map((s) => s.issueKey));
  const early = stored.tickets.filter(
    (t) => Date.parse(t.indexedDueAt) <= at.getTime() && !stepping.has(t.issueKey),
  ).length;
  return (
    searches +
    early * POINTS.raise +
    next.reduce((sum, s) => sum + (s.action === 'remind' ? POINTS.remind : POINTS.close), 0)
  );
}
