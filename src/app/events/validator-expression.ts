import type { ProjectConfig } from '../../domain/config';
import { KINDS } from '../../domain/kinds';
import { PROCESS_STATE_KEY } from '../../domain/process-state';
import { STATUSES, type StatusKey } from '../../domain/statuses';
import { allowedTargets, CLARIFICATION_KINDS, workingStatuses } from '../../domain/workflows';

/** Logical statuses a ticket can return to from Clarification in some kind: the keys the property may hold. */
function returnableStatuses(): StatusKey[] {
  const returnable = new Set(CLARIFICATION_KINDS.flatMap((kind) => workingStatuses(kind)));
  return STATUSES.filter((s) => returnable.has(s));
}

/**
 * Generates the Jira expression of the `jira:workflowValidator` module from the same domain table the event rules
 * use (`checkStatusChange` via `allowedTargets`), with the site's configured type and status names. The expression
 * is true when the transition is allowed: for each managed issue type, a map from the current status name to the
 * status names it may move to. Types and statuses the app does not manage are always allowed.
 *
 * A return from Clarification (PROCESS.md §3) is narrowed by the return status the app stored in the issue
 * property `jsm-process-state` (`returnStatus`, a logical key mapped to its configured name): only that status,
 * In Progress or Closed (the auto-close) pass. Without the property or the key (installed mid-cycle, or a stored
 * origin the type no longer has) the table's targets apply, as in the event rule.
 * Limits (ADR 0005): company-managed workflows only, `issue.status` is the status before the transition and
 * `transition.to` the target, and Jira caps expression length and complexity, which is why names are compared
 * through compact object literals instead of nested conditions.
 *
 * @example
 * workflowValidatorExpression(cfg); // 'let table = {"Support Request": {"Open": ["Clarification required / On hold", "Resolved"], …}}; …'
 */
export function workflowValidatorExpression(config: Pick<ProjectConfig, 'names'>): string {
  const { kinds, statuses } = config.names;
  const table: Record<string, Record<string, string[]>> = {};
  for (const kind of KINDS) {
    const byStatus: Record<string, string[]> = {};
    for (const from of STATUSES) {
      const targets = allowedTargets(kind, from);
      if (targets.length > 0) byStatus[statuses[from]] = targets.map((to) => statuses[to]);
    }
    table[kinds[kind]] = byStatus;
  }
  const managedStatuses = STATUSES.map((s) => statuses[s]);
  const returnNames = Object.fromEntries(returnableStatuses().map((s) => [s, statuses[s]]));
  const q = (value: string) => JSON.stringify(value);
  const targets = 'byStatus[issue.status.name]';
  return [
    `let table = ${JSON.stringify(table)};`,
    `let managed = ${JSON.stringify(managedStatuses)};`,
    `let returnNames = ${JSON.stringify(returnNames)};`,
    `let byStatus = table[issue.issueType.name];`,
    `let state = issue.properties[${q(PROCESS_STATE_KEY)}];`,
    `let back = state == null || state.returnStatus == null ? null : returnNames[state.returnStatus];`,
    `byStatus == null || !managed.includes(transition.to.name) || !managed.includes(issue.status.name)`,
    `|| issue.status.name == transition.to.name`,
    `|| (${targets} != null && ${targets}.includes(transition.to.name)`,
    `&& (issue.status.name != ${q(statuses.clarification)} || back == null || !${targets}.includes(back)`,
    `|| [back, ${q(statuses.inProgress)}, ${q(statuses.closed)}].includes(transition.to.name)))`,
  ].join('\n');
}
