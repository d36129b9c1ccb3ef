import type { ProjectConfig } from '../../domain/config';
import { KINDS } from '../../domain/kinds';
import { STATUSES } from '../../domain/statuses';
import { allowedTargets } from '../../domain/workflows';

/**
 * Generates the Jira expression of the `jira:workflowValidator` module from the same domain table the event rules
 * use (`checkStatusChange` via `allowedTargets`), with the site's configured type and status names. The expression
 * is true when the transition is allowed: for each managed issue type, a map from the current status name to the
 * status names it may move to. Types and statuses the app does not manage are always allowed.
 * Limits (ADR 0005): company-managed workflows only, `issue.status` is the status before the transition and
 * `transition.to` the target, and Jira caps expression length and complexity, which is why names are compared
 * through one compact object literal instead of nested conditions.
 *
 * @example
 * workflowValidatorExpression(cfg); // 'let t = {"Support Request": {"Open": ["Clarification required / On hold", "Resolved"], …}}; …'
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
  return [
    `let table = ${JSON.stringify(table)};`,
    `let managed = ${JSON.stringify(managedStatuses)};`,
    `let byStatus = table[issue.issueType.name];`,
    `byStatus == null || !managed.includes(transition.to.name) || !managed.includes(issue.status.name)`,
    `|| issue.status.name == transition.to.name`,
    `|| (byStatus[issue.status.name] != null && byStatus[issue.status.name].includes(transition.to.name))`,
  ].join('\n');
}

/** The error message the validator shows, in both languages (Jira shows one static text). */
export const VALIDATOR_MESSAGE =
  'This status change is not part of the workflow of this ticket type (JSM process rules). / ' +
  'Dieser Statuswechsel ist im Workflow dieses Tickettyps nicht vorgesehen.';
