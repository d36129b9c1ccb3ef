import { evaluateExpression } from '../expressions/evaluate-expression';
import { typeChangeContext, workflowContext } from '../expressions/entities';
import type { ExprValue } from '../expressions/values';
import type { SiteStore } from '../model/store';
import type { SimIssue, SimTransition } from '../model/types';

/**
 * A condition or validator passes only when its expression evaluates to `true`: `false`, any other value and
 * any evaluation error (a failure, a limit exceeded, a construct the site cannot evaluate) block, as the module
 * pages document.
 */
function passes(expression: string, context: Record<string, ExprValue>): boolean {
  const result = evaluateExpression(expression, context);
  return result.ok && result.value === true;
}

/** Whether every condition an admin attached to the site's transitions lets `accountId` see `transition`. */
export function conditionsPass(
  store: SiteStore,
  issue: SimIssue,
  transition: SimTransition,
  accountId: string,
): boolean {
  return store.appRules.conditions
    .filter((module) => store.attachedWorkflowRules.has(module.key))
    .every((module) => passes(module.expression, workflowContext(store, issue, transition, accountId)));
}

/** The error message of the first attached validator that refuses the transition, if any. */
export function validatorRefusal(
  store: SiteStore,
  issue: SimIssue,
  transition: SimTransition,
  accountId: string,
): string | undefined {
  return store.appRules.validators
    .filter((module) => store.attachedWorkflowRules.has(module.key))
    .find((module) => !passes(module.expression, workflowContext(store, issue, transition, accountId)))
    ?.errorMessage;
}

/**
 * The error message of the first `workItemTypeChanged` action validator that refuses changing the issue to
 * `newTypeId`, if any. Action validators act once the app is installed; they run only for a real change.
 */
export function typeChangeRefusal(
  store: SiteStore,
  issue: SimIssue,
  newTypeId: string,
  accountId: string,
): string | undefined {
  if (newTypeId === issue.issueTypeId) return undefined;
  return store.appRules.typeChangeValidators.find(
    (module) => !passes(module.expression, typeChangeContext(store, issue, newTypeId, accountId)),
  )?.errorMessage;
}
