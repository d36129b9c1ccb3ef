import type { SiteStore } from '../model/store';
import type { SimIssue, SimWorkflow } from '../model/types';
import type { PlannedChange } from './field-input';

/** Jira's `errors.issuetype` text for a type the project does not offer (or that does not exist). */
const INVALID_ISSUE_TYPE = 'The issue type selected is invalid.';

/** Jira's `errors.issuetype` text when the change would need a status migration (the "Move" wizard). */
const issueTypeNeedsMove = (typeName: string, statusName: string): string =>
  `Issue type '${typeName}' cannot be set: its workflow has no status '${statusName}'. ` +
  'Move the issue to change its type and status together.';

/** Statuses a workflow knows: its initial status and every transition's source and target. */
function workflowStatusIds(workflow: SimWorkflow): Set<string> {
  const ids = new Set<string>([workflow.initialStatusId]);
  for (const t of workflow.transitions) {
    ids.add(t.to);
    for (const from of t.from) ids.add(from);
  }
  return ids;
}

/**
 * `fields.issuetype` (`{id}` or `{name}`) on PUT issue: reclassification (PROCESS.md §2). Jira Cloud changes the
 * type in place only when the target type belongs to the issue's project and the target's workflow contains the
 * issue's current status; anything else needs the Move operation, so the edit is refused on `issuetype` (400).
 * Returns the planned change or that error message.
 */
export function planIssueTypeChange(
  store: SiteStore,
  issue: SimIssue,
  value: unknown,
): PlannedChange | string {
  const ref = (typeof value === 'object' && value !== null ? value : {}) as { id?: unknown; name?: unknown };
  const type =
    typeof ref.id === 'string'
      ? store.issueTypes.get(ref.id)
      : typeof ref.name === 'string'
        ? store.issueTypeByName(ref.name)
        : undefined;
  const project = store.projects.get(issue.projectId);
  if (!type || !project?.issueTypeIds.includes(type.id)) return INVALID_ISSUE_TYPE;
  const workflow = project.workflows[type.id];
  if (!workflow || !workflowStatusIds(workflow).has(issue.statusId)) {
    return issueTypeNeedsMove(type.name, store.statuses.get(issue.statusId)?.name ?? issue.statusId);
  }
  const before = store.issueTypes.get(issue.issueTypeId);
  return {
    item: {
      field: 'issuetype',
      fieldtype: 'jira',
      fieldId: 'issuetype',
      from: issue.issueTypeId,
      fromString: before?.name ?? null,
      to: type.id,
      toString: type.name,
    },
    apply: (i) => (i.issueTypeId = type.id),
  };
}
