import type { SimIssue } from '../model/types';

/** A span of wall time in epoch ms; `end` undefined = still open. */
export interface Span {
  start: number;
  end: number | undefined;
}

const ms = (iso: string) => new Date(iso).getTime();

/**
 * The spans an issue spent in any of `statusIds`, recovered from its changelog. A status written without a
 * history entry (test or seed setup) is taken to hold since the issue's last update.
 */
export function spansInStatuses(issue: SimIssue, statusIds: readonly string[]): Span[] {
  const changes: { at: number; to: string }[] = [];
  let initial: string | undefined;
  for (const history of issue.histories)
    for (const item of history.items)
      if (item.fieldId === 'status' && item.to !== null) {
        initial ??= item.from ?? undefined;
        changes.push({ at: ms(history.created), to: item.to });
      }
  const last = changes.at(-1)?.to ?? initial ?? issue.statusId;
  if (last !== issue.statusId)
    changes.push({ at: Math.max(ms(issue.updated), changes.at(-1)?.at ?? 0), to: issue.statusId });
  const spans: Span[] = [];
  let open: number | undefined = statusIds.includes(initial ?? issue.statusId)
    ? ms(issue.created)
    : undefined;
  for (const { at, to } of changes) {
    const inside = statusIds.includes(to);
    if (inside && open === undefined) open = at;
    if (!inside && open !== undefined) {
      spans.push({ start: open, end: at });
      open = undefined;
    }
  }
  if (open !== undefined) spans.push({ start: open, end: undefined });
  return spans;
}

/**
 * Resolution cycles: the first starts at creation; setting a resolution stops the running cycle, clearing it
 * (reopen) starts a new one. Without resolution history, a set `resolutionDate` stops the only cycle.
 */
export function resolutionCycles(issue: SimIssue): Span[] {
  const cycles: Span[] = [];
  let start: number | undefined = ms(issue.created);
  let seen = false;
  for (const history of issue.histories)
    for (const item of history.items) {
      if (item.fieldId !== 'resolution') continue;
      seen = true;
      const at = ms(history.created);
      if (item.to !== null && start !== undefined) {
        cycles.push({ start, end: at });
        start = undefined;
      } else if (item.to === null && start === undefined) start = at;
    }
  if (!seen && issue.resolutionDate !== null && start !== undefined) {
    cycles.push({ start, end: ms(issue.resolutionDate) });
    start = undefined;
  }
  if (start !== undefined) cycles.push({ start, end: undefined });
  return cycles;
}

/** Milliseconds of `spans` inside [from, to]. */
export function overlap(spans: readonly Span[], from: number, to: number): number {
  let total = 0;
  for (const span of spans) {
    const start = Math.max(from, span.start);
    const end = Math.min(to, span.end ?? to);
    if (end > start) total += end - start;
  }
  return total;
}

/**
 * The wall time at which a clock started at `start` has run for `goal`, skipping `pauses`; undefined when it
 * is paused now (an open pause before the goal is reached: the breach time is not known).
 */
export function runningDeadline(start: number, goal: number, pauses: readonly Span[]): number | undefined {
  let cursor = start;
  let remaining = goal;
  for (const pause of [...pauses].sort((a, b) => a.start - b.start)) {
    if (pause.end !== undefined && pause.end <= cursor) continue;
    if (pause.start > cursor) {
      const run = pause.start - cursor;
      if (run >= remaining) return cursor + remaining;
      remaining -= run;
      cursor = pause.start;
    }
    if (pause.end === undefined) return undefined;
    cursor = pause.end;
  }
  return cursor + remaining;
}
