import type { SiteStore } from '../model/store';
import type { SimIssue, SimTransition, SimWorkflow } from '../model/types';
import { resolutionBean, statusBean } from '../render/entities';
import { conditionsPass } from './workflow-rules';

/** The workflow that governs an issue (by project and issue type). */
export function workflowOf(store: SiteStore, issue: SimIssue): SimWorkflow | undefined {
  return store.projects.get(issue.projectId)?.workflows[issue.issueTypeId];
}

/**
 * Transitions the workflow offers from the issue's current status (global ones included, loops to itself
 * excluded), before any condition.
 */
function availableTransitions(store: SiteStore, issue: SimIssue): SimTransition[] {
  const workflow = workflowOf(store, issue);
  if (!workflow) return [];
  return workflow.transitions.filter(
    (t) => (t.from.length === 0 || t.from.includes(issue.statusId)) && t.to !== issue.statusId,
  );
}

/** Transitions `accountId` may execute now: those the workflow offers whose attached conditions all pass. */
export function offeredTransitions(store: SiteStore, issue: SimIssue, accountId: string): SimTransition[] {
  return availableTransitions(store, issue).filter((t) => conditionsPass(store, issue, t, accountId));
}

/**
 * The post-function every JSM default workflow carries: entering a done-category status sets a resolution
 * (Done unless the screen supplied one); leaving it for a not-done status clears the resolution (reopen).
 */
export function resolutionAfterTransition(
  store: SiteStore,
  issue: SimIssue,
  toStatusId: string,
  screenResolutionId: string | undefined,
): string | null {
  const target = store.statuses.get(toStatusId);
  if (target?.category !== 'done') return null;
  if (screenResolutionId !== undefined) return screenResolutionId;
  if (issue.resolutionId !== null) return issue.resolutionId;
  return store.resolutionByIdOrName({ name: 'Done' })?.id ?? null;
}

/** An `IssueTransition` bean; `withFields` adds the screen's `fields` metadata (`expand=transitions.fields`). */
export function transitionBean(
  store: SiteStore,
  transition: SimTransition,
  withFields: boolean,
): Record<string, unknown> {
  const to = store.statuses.get(transition.to);
  const bean: Record<string, unknown> = {
    id: transition.id,
    name: transition.name,
    ...(to ? { to: statusBean(to) } : {}),
    hasScreen: transition.screenFields.length > 0,
    isGlobal: transition.from.length === 0,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
  if (withFields) {
    bean.fields = Object.fromEntries(
      transition.screenFields.map((fieldId) => [fieldId, screenFieldMeta(store, fieldId)]),
    );
  }
  return bean;
}

function screenFieldMeta(store: SiteStore, fieldId: string): Record<string, unknown> {
  if (fieldId === 'resolution') {
    return {
      required: true,
      schema: { type: 'resolution', system: 'resolution' },
      name: 'Resolution',
      key: 'resolution',
      operations: ['set'],
      allowedValues: [...store.resolutions.values()].map(resolutionBean),
    };
  }
  const custom = store.customFields.get(fieldId);
  return {
    required: false,
    schema: custom
      ? { type: 'string', custom: 'custom', customId: Number(fieldId.replace('customfield_', '')) }
      : { type: 'string', system: fieldId },
    name: custom?.name ?? fieldId,
    key: fieldId,
    operations: ['set'],
  };
}
