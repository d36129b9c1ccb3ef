import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import { dateDto, durationDto, SITE_URL } from '../render/format';
import { overlap, resolutionCycles, runningDeadline, type Span, spansInStatuses } from './sla-timeline';

const MINUTE = 60_000;
const iso = (epoch: number) => new Date(epoch).toISOString();

/** One metric's cycles as `SlaInformationDTO`: completed cycles and the ongoing one (if any). */
function metric(
  issue: SimIssue,
  id: string,
  name: string,
  goal: number,
  cycles: Span[],
  pauses: Span[],
  now: number,
): Record<string, unknown> {
  const completedCycles: Record<string, unknown>[] = [];
  let ongoingCycle: Record<string, unknown> | undefined;
  for (const cycle of cycles) {
    const end = cycle.end ?? now;
    const elapsed = end - cycle.start - overlap(pauses, cycle.start, end);
    // A completed cycle's breach time ignores pauses after it stopped (they did not delay it).
    const pausesInCycle = pauses
      .filter((p) => p.start < end)
      .map((p) => ({ start: p.start, end: Math.min(p.end ?? end, end) }));
    const breach = runningDeadline(cycle.start, goal, cycle.end === undefined ? pauses : pausesInCycle);
    const common = {
      startTime: dateDto(iso(cycle.start)),
      ...(breach === undefined ? {} : { breachTime: dateDto(iso(breach)) }),
      breached: elapsed > goal,
      goalDuration: durationDto(goal),
      elapsedTime: durationDto(elapsed),
      remainingTime: durationDto(goal - elapsed),
    };
    if (cycle.end !== undefined) completedCycles.push({ ...common, stopTime: dateDto(iso(cycle.end)) });
    else {
      const paused = pauses.some((p) => p.end === undefined && p.start <= now);
      ongoingCycle = { ...common, paused, withinCalendarHours: true };
    }
  }
  return {
    id,
    name,
    _links: { self: `${SITE_URL}/rest/servicedeskapi/request/${issue.id}/sla/${id}` },
    slaDisplayFormat: 'NEW_SLA_FORMAT',
    completedCycles,
    ...(ongoingCycle ? { ongoingCycle } : {}),
  };
}

/**
 * The project's SLA metrics for a request, in calendar time (no working-hours calendars):
 * - "Time to first response" runs from creation to the first public comment by an agent (one cycle, no pauses);
 * - "Time to resolution" runs from creation until a resolution is set; reopening starts a new cycle. It pauses
 *   while the request is in one of the project's `timeToResolutionPausedStatusIds` (the demo site: "Clarification
 *   required / On hold", where the ball is with the customer): the ongoing cycle then reports `paused: true`, no
 *   breach time, and elapsed time never counts paused spans.
 */
export function slaInformation(store: SiteStore, issue: SimIssue, now: Date): Record<string, unknown>[] {
  const project = store.projects.get(issue.projectId);
  if (!project?.sla) return [];
  const { timeToFirstResponseMinutes, timeToResolutionMinutes, timeToResolutionPausedStatusIds } =
    project.sla;
  const metrics: Record<string, unknown>[] = [];
  const created = new Date(issue.created).getTime();
  if (timeToFirstResponseMinutes !== undefined) {
    const firstResponse = issue.comments.find(
      (c) => c.jsdPublic && project.agentAccountIds.includes(c.authorAccountId),
    );
    const end = firstResponse ? new Date(firstResponse.created).getTime() : undefined;
    const cycle: Span = { start: created, end };
    metrics.push(
      metric(
        issue,
        '1',
        'Time to first response',
        timeToFirstResponseMinutes * MINUTE,
        [cycle],
        [],
        now.getTime(),
      ),
    );
  }
  if (timeToResolutionMinutes !== undefined) {
    const pauses = spansInStatuses(issue, timeToResolutionPausedStatusIds ?? []);
    metrics.push(
      metric(
        issue,
        '2',
        'Time to resolution',
        timeToResolutionMinutes * MINUTE,
        resolutionCycles(issue),
        pauses,
        now.getTime(),
      ),
    );
  }
  return metrics;
}
