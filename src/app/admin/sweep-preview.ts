import type { SweepPreviewItem, SweepPreviewView } from '../../contract/admin-views';
import { configForProject, type AppConfig } from '../../domain/config';
import { stepsDueBy } from '../../domain/timers/settings-impact';
import { timedTickets } from './timed-tickets';
import { KINDS } from '../../domain/kinds';
import { parseProcessState, PROCESS_STATE_KEY } from '../../domain/process-state';
import { indexedInstant } from '../../domain/timers/indexed-instant';
import { timerSchedule } from '../../domain/timers/timer-schedule';
import { toContractKind } from '../panel/delivery-views';
import { namedRef } from '../shared/field-values';
import { keyByName } from '../../domain/names';
import { lastSweepAt, previewSweep, SWEEP_INTERVAL } from '../sweep';
import { nextSweepAt } from '../../domain/timers/next-sweep';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { sweepPreviewPayloadSchema } from './settings-payload-schema';

/** The sweep's preview reads at most this many tickets per query; reaching it means there may be more. */
const PREVIEW_PAGE = 50;

/** Rough REST points per step: a reminder is one edit; a close reads the transitions and performs one. */
const POINTS = { search: 2, remind: 1, close: 3 } as const;

/**
 * What the next hourly sweep would do, and when it runs (its last run marker plus the trigger interval),
 * per ticket with its due time, computed by the sweep's own queries and
 * decisions without writing anything (src/app/sweep/preview-sweep.ts). Adds each ticket's kind, timer and
 * reminder number from its stored state in one search; then what the sweeps of the following 7 days perform.
 * Admins only.
 */
export async function getSweepPreview(payload: unknown, deps: AdminDeps): Promise<SweepPreviewView> {
  await requireJiraAdmin(deps);
  const parsed = sweepPreviewPayloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const { config } = await deps.app.config.load();
  const keys = parsed.data.projectKey ? [parsed.data.projectKey] : config.projects;
  const nextRun = nextSweepAt(await lastSweepAt(deps.app.store, keys), SWEEP_INTERVAL.ms, deps.now);
  const perProject = await Promise.all(keys.map((k) => previewSweep(deps.app, k, deps.now)));
  const planned = perProject.flat();
  const steps = planned.filter((p) => p.action !== 'restamp');
  const beans =
    steps.length === 0
      ? []
      : await deps.app.jira.searchAll({
          jql: `key in (${steps.map((s) => `"${s.issueKey}"`).join(', ')})`,
          fields: ['issuetype', 'project'],
          properties: [PROCESS_STATE_KEY],
          maxResults: 100,
        });
  const items = steps.flatMap((step): SweepPreviewItem[] => {
    const bean = beans.find((b) => b.key === step.issueKey);
    const project = bean?.fields?.project;
    const cfg = configForProject(config, (project as { key?: string } | undefined)?.key ?? keys[0] ?? '');
    const kind = toContractKind(keyByName(cfg.names.kinds, KINDS, namedRef(bean?.fields?.issuetype)?.name));
    const state = parseProcessState(bean?.properties?.[PROCESS_STATE_KEY]);
    if (!kind || !state || state.timer === 'none') return [];
    const scheduled = timerSchedule(state, cfg).find((s) => indexedInstant(s.dueAt) === step.dueAt);
    const reminders = timerSchedule(state, cfg).filter((s) => s.step.kind === 'reminder').length;
    const remind = step.action === 'reminder' || step.action === 'expiryNotice';
    return [
      {
        issueKey: step.issueKey,
        kind,
        timer: state.timer,
        action: remind ? 'remind' : 'close',
        reminder:
          scheduled?.step.kind === 'reminder' ? { number: scheduled.step.number, of: reminders } : null,
        dueAt: step.dueAt,
      },
    ];
  });
  const firstSweep = nextRun ?? new Date(deps.now.getTime() + SWEEP_INTERVAL.ms);
  const coming = await comingWeek(deps, config, keys, firstSweep);
  const estimatedPoints =
    keys.length * 2 * POINTS.search +
    items.reduce((sum, i) => sum + (i.action === 'remind' ? POINTS.remind : POINTS.close), 0);
  return {
    computedAt: deps.now.toISOString(),
    nextSweepAt: nextRun?.toISOString() ?? null,
    items: items.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    truncated: perProject.some((list) => list.length >= PREVIEW_PAGE),
    estimatedPoints,
    // The budget is per installation: the site setting.
    pointsBudgetPerHour: config.automation.pointsBudgetPerHour,
    ...coming,
  };
}

/** Tickets the coming week's list is computed for at most (5 searches). */
const WEEK_CAP = 500;
const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * What the sweeps after the first one perform up to 7 days after it: each ticket's timer steps falling due in
 * that window, by the domain's schedule (`stepsDueBy`), tickets from the due index, their state in one search
 * per 100.
 */
async function comingWeek(
  deps: AdminDeps,
  config: AppConfig,
  keys: readonly string[],
  firstSweep: Date,
): Promise<Pick<SweepPreviewView, 'week' | 'weekUntil' | 'weekTruncated'>> {
  const until = new Date(firstSweep.getTime() + WEEK_MS);
  const { tickets, truncated } = await timedTickets(deps.app, keys, until, WEEK_CAP);
  const week = tickets.flatMap((ticket): SweepPreviewItem[] => {
    const cfg = configForProject(config, ticket.projectKey);
    const kind = toContractKind(keyByName(cfg.names.kinds, KINDS, ticket.issueType));
    const timer = ticket.state.timer;
    if (!kind || timer === 'none') return [];
    const schedule = timerSchedule(ticket.state, cfg);
    const reminders = schedule.filter((s) => s.step.kind === 'reminder').length;
    return stepsDueBy(ticket.state, cfg, firstSweep, until)
      .filter((s) => s.dueAt.getTime() > firstSweep.getTime())
      .map((s) => ({
        issueKey: ticket.issueKey,
        kind,
        timer,
        action: s.step.kind === 'close' || s.step.kind === 'expire' ? 'close' : 'remind',
        reminder: s.step.kind === 'reminder' ? { number: s.step.number, of: reminders } : null,
        dueAt: s.dueAt.toISOString(),
      }));
  });
  return {
    week: week.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.issueKey.localeCompare(b.issueKey)),
    weekUntil: until.toISOString(),
    weekTruncated: truncated,
  };
}
