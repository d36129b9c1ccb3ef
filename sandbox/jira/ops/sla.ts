import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import { dateDto, durationDto, SITE_URL } from '../render/format';

const MINUTE = 60_000;

/**
 * The project's SLA metrics for a request, measured in calendar time (no calendars, no pauses):
 * "Time to first response" stops at the first public comment by an agent; "Time to resolution" stops when a
 * resolution is set and restarts as a new cycle if the request is reopened (only the latest cycle is kept).
 */
export function slaInformation(store: SiteStore, issue: SimIssue, now: Date): Record<string, unknown>[] {
  const project = store.projects.get(issue.projectId);
  if (!project?.sla) return [];
  const metrics: Record<string, unknown>[] = [];
  const start = new Date(issue.created).getTime();
  const add = (id: string, name: string, goalMinutes: number | undefined, stopIso: string | null) => {
    if (goalMinutes === undefined) return;
    const goal = goalMinutes * MINUTE;
    const stop = stopIso === null ? null : new Date(stopIso).getTime();
    const elapsed = (stop ?? now.getTime()) - start;
    const breachTime = new Date(start + goal).toISOString();
    const cycle = {
      startTime: dateDto(issue.created),
      breachTime: dateDto(breachTime),
      breached: elapsed > goal,
      goalDuration: durationDto(goal),
      elapsedTime: durationDto(elapsed),
      remainingTime: durationDto(goal - elapsed),
    };
    metrics.push({
      id,
      name,
      _links: { self: `${SITE_URL}/rest/servicedeskapi/request/${issue.id}/sla/${id}` },
      slaDisplayFormat: 'NEW_SLA_FORMAT',
      completedCycles: stop === null ? [] : [{ ...cycle, stopTime: dateDto(new Date(stop).toISOString()) }],
      ...(stop === null ? { ongoingCycle: { ...cycle, paused: false, withinCalendarHours: true } } : {}),
    });
  };
  const firstResponse = issue.comments.find(
    (c) => c.jsdPublic && project.agentAccountIds.includes(c.authorAccountId),
  );
  add('1', 'Time to first response', project.sla.timeToFirstResponseMinutes, firstResponse?.created ?? null);
  add('2', 'Time to resolution', project.sla.timeToResolutionMinutes, issue.resolutionDate);
  return metrics;
}
