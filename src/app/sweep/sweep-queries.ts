import type { ProjectConfig } from '../../domain/config';
import { KINDS } from '../../domain/kinds';
import type { TimerName } from '../../domain/process-state';
import type { StatusKey } from '../../domain/statuses';
import { timerFor } from '../../domain/timers/timer-schedule';
import { jqlString } from '../../domain/jql';

/**
 * The statuses in which a timer runs (PROCESS.md §4).
 * @internal Exported for the naive benchmark baseline and the tests.
 */
export const TIMER_STATUSES: readonly StatusKey[] = ['clarification', 'resolved', 'estimationAvailable'];

/**
 * Every ticket of the project with a due time, earliest first: what the due index must know after it was
 * (re)built, and what a settings change may have moved.
 *
 * @example
 * stampedTicketsJql('SUP'); // 'project = "SUP" AND processNextDue IS NOT EMPTY ORDER BY processNextDue ASC, id ASC'
 */
export function stampedTicketsJql(projectKey: string): string {
  return `project = ${jqlString(projectKey)} AND processNextDue IS NOT EMPTY ORDER BY processNextDue ASC, id ASC`;
}

/**
 * Tickets in a timer status whose state does not run that status's timer: no state yet (waiting before the app
 * was installed), `none`, or another timer because a status event was lost. One clause per timer status,
 * limited to the issue types that run a timer there, so a ticket whose state is right never matches and the
 * query costs 1 point when there is nothing to repair.
 *
 * @example
 * unstampedTicketsJql(cfg); // 'project = "SUP" AND ((status = "Clarification required / On hold" AND issuetype in (…) AND (processTimer IS EMPTY OR processTimer != "clarification")) OR …) ORDER BY id ASC'
 */
export function unstampedTicketsJql(cfg: Pick<ProjectConfig, 'names' | 'projectKey'>): string {
  const clauses = TIMER_STATUSES.flatMap((status) => {
    const timer: TimerName = timerForStatus(status);
    const kinds = KINDS.filter((kind) => timerFor(kind, status) === timer);
    if (timer === 'none' || kinds.length === 0) return [];
    const types = kinds.map((kind) => jqlString(cfg.names.kinds[kind])).join(', ');
    return [
      `(status = ${jqlString(cfg.names.statuses[status])} AND issuetype in (${types}) AND ` +
        `(processTimer IS EMPTY OR processTimer != ${jqlString(timer)}))`,
    ];
  });
  return `project = ${jqlString(cfg.projectKey)} AND (${clauses.join(' OR ')}) ORDER BY id ASC`;
}

/**
 * Every ticket of the managed kinds other than Delivery without a state property in a status where no timer runs
 * for its kind and that is not Closed: the tickets the index rebuild gives a "no state yet" copy
 * (docs/decisions/0020). Delivery tickets are always read by their events; a ticket in a status where its kind
 * runs a timer is the repair query's, and the states it has just written may not have reached the search yet. A
 * kind without a timer in a timer status (an Incident in Resolved) is left by the repair query and found here.
 *
 * @example
 * statelessTicketsJql(cfg); // 'project = "SUP" AND issuetype in ("Incident", …) AND processTimer IS EMPTY AND (status not in ("Clarification required / On hold", …, "Closed") OR (status = "Resolved" AND issuetype in ("Incident", "Request")) OR …) ORDER BY id ASC'
 */
export function statelessTicketsJql(cfg: Pick<ProjectConfig, 'names' | 'projectKey'>): string {
  const managed = KINDS.filter((kind) => kind !== 'delivery');
  const typesOf = (kinds: readonly (typeof KINDS)[number][]) =>
    kinds.map((kind) => jqlString(cfg.names.kinds[kind])).join(', ');
  const statuses = [...TIMER_STATUSES, 'closed' as const]
    .map((s) => jqlString(cfg.names.statuses[s]))
    .join(', ');
  const untimed = TIMER_STATUSES.flatMap((status) => {
    const kinds = managed.filter((kind) => timerFor(kind, status) === 'none');
    return kinds.length === 0
      ? []
      : [`(status = ${jqlString(cfg.names.statuses[status])} AND issuetype in (${typesOf(kinds)}))`];
  });
  return (
    `project = ${jqlString(cfg.projectKey)} AND issuetype in (${typesOf(managed)}) AND processTimer IS EMPTY AND ` +
    `(${[`status not in (${statuses})`, ...untimed].join(' OR ')}) ORDER BY id ASC`
  );
}

/** The timer a timer status runs for the kinds that have it. */
function timerForStatus(status: StatusKey): TimerName {
  for (const kind of KINDS) {
    const timer = timerFor(kind, status);
    if (timer !== 'none') return timer;
  }
  return 'none';
}
