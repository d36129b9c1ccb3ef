import type { SiteStore } from '../model/store';
import type { AdfDoc, SimChangeItem, SimCustomField, SimIssue } from '../model/types';
import { adfProblem } from '../adf';
import { adfToText } from '../render/format';
import { planIssueTypeChange } from './issue-type-change';

/** A validated change to one field: the changelog item it produces and how to apply it. */
export interface PlannedChange {
  item: SimChangeItem | null;
  apply: (issue: SimIssue) => void;
}

/** A member of an object-shaped REST value (undefined for anything else). */
function member(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** Jira's message when a field is not on the edit/transition screen or does not exist. */
export function notOnScreen(fieldId: string): string {
  return `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
}

function item(
  field: string,
  fieldId: string,
  custom: boolean,
  from: [string | null, string | null],
  to: [string | null, string | null],
): SimChangeItem {
  return {
    field,
    fieldtype: custom ? 'custom' : 'jira',
    fieldId,
    from: from[0],
    fromString: from[1],
    to: to[0],
    toString: to[1],
  };
}

/**
 * Parse the REST write value of one field (`fields.X` in PUT issue / transitions / create) into a change,
 * or return Jira's per-field error message. Resolution is handled by the transition code, never here.
 */
export function planFieldChange(
  store: SiteStore,
  issue: SimIssue,
  fieldId: string,
  value: unknown,
): PlannedChange | string {
  switch (fieldId) {
    case 'summary':
      if (typeof value !== 'string' || value.trim() === '') return 'You must specify a summary of the issue.';
      if (value.length > 255) return 'Summary must be less than 255 characters.';
      return {
        item: item('summary', 'summary', false, [null, issue.summary], [null, value]),
        apply: (i) => (i.summary = value),
      };
    case 'description': {
      if (value !== null) {
        const problem = adfProblem(value);
        if (problem) return `Operation value must be an Atlassian Document (${problem}).`;
      }
      const doc = value as AdfDoc | null;
      const before = issue.description ? adfToText(issue.description) : null;
      return {
        item: item('description', 'description', false, [null, before], [null, doc ? adfToText(doc) : null]),
        apply: (i) => (i.description = doc),
      };
    }
    case 'assignee':
    case 'reporter':
      return planUserChange(store, issue, fieldId, value);
    case 'priority': {
      const ref = value as { id?: unknown; name?: unknown } | null;
      const priority = [...store.priorities.values()].find((p) => p.id === ref?.id || p.name === ref?.name);
      if (!priority) return 'Specify a valid value for priority';
      const before =
        issue.priorityId === null ? null : (store.priorities.get(issue.priorityId)?.name ?? null);
      return {
        item: item('priority', 'priority', false, [issue.priorityId, before], [priority.id, priority.name]),
        apply: (i) => (i.priorityId = priority.id),
      };
    }
    case 'labels': {
      if (!Array.isArray(value) || value.some((l) => typeof l !== 'string' || /\s/.test(l)))
        return 'The label must not contain spaces.';
      const labels = value as string[];
      return {
        item: item(
          'labels',
          'labels',
          false,
          [null, issue.labels.join(' ') || null],
          [null, labels.join(' ') || null],
        ),
        apply: (i) => (i.labels = [...labels]),
      };
    }
    case 'issuetype':
      return planIssueTypeChange(store, issue, value);
    case 'security':
      return planSecurityChange(store, issue, value);
    default:
      return planCustomChange(store, issue, fieldId, value);
  }
}

function planCustomChange(
  store: SiteStore,
  issue: SimIssue,
  fieldId: string,
  value: unknown,
): PlannedChange | string {
  const field = store.customFields.get(fieldId);
  if (!field) return notOnScreen(fieldId);
  const before = issue.custom[fieldId] ?? null;
  const name = field.name;
  switch (field.kind) {
    case 'text':
      if (value !== null && typeof value !== 'string') return 'Operation value must be a string';
      if (typeof value === 'string' && value.length > 255)
        return 'The entered text is too long. It exceeds the allowed limit of 255 characters.';
      return {
        item: item(
          name,
          fieldId,
          true,
          [null, (before as string | null) ?? null],
          [null, value === '' ? null : value],
        ),
        apply: (i) => (i.custom[fieldId] = value === '' ? null : value),
      };
    case 'date':
      if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)))
        return `Error parsing date string: ${JSON.stringify(value)}`;
      return {
        item: item(name, fieldId, true, [before as string | null, before as string | null], [value, value]),
        apply: (i) => (i.custom[fieldId] = value),
      };
    case 'adf': {
      if (value !== null) {
        const problem = adfProblem(value);
        if (problem) return `Operation value must be an Atlassian Document (${problem}).`;
      }
      return {
        item: item(
          name,
          fieldId,
          true,
          [null, before ? adfToText(before) : null],
          [null, value ? adfToText(value) : null],
        ),
        apply: (i) => (i.custom[fieldId] = value),
      };
    }
    case 'select':
      return planSelectChange(field, fieldId, before, value);
    case 'requestType':
      return planRequestTypeChange(store, issue, name, fieldId, value);
    case 'organizations': {
      const ids = Array.isArray(value)
        ? value.map((v) => String((v as { id?: unknown } | null)?.id ?? v))
        : null;
      if (!ids || ids.some((id) => !store.organizations.has(id))) return 'Organization is not valid.';
      const names = (list: string[]) =>
        list.map((id) => store.organizations.get(id)?.name ?? id).join(', ') || null;
      return {
        item: item(name, fieldId, true, [null, names(issue.organizationIds)], [null, names(ids)]),
        apply: (i) => (i.organizationIds = ids),
      };
    }
  }
}

/** Assignee or reporter: an existing user's account id (the reporter cannot be emptied). */
function planUserChange(
  store: SiteStore,
  issue: SimIssue,
  fieldId: 'assignee' | 'reporter',
  value: unknown,
): PlannedChange | string {
  const accountId = value === null ? null : member(value, 'accountId');
  if (accountId !== null && (typeof accountId !== 'string' || !store.users.has(accountId)))
    return `Specified user does not exist or you do not have required permissions`;
  if (fieldId === 'reporter' && accountId === null) return 'Reporter is required.';
  const current = fieldId === 'assignee' ? issue.assigneeAccountId : issue.reporterAccountId;
  const name = (id: string | null) => (id === null ? null : (store.users.get(id)?.displayName ?? null));
  return {
    item: item(fieldId, fieldId, false, [current, name(current)], [accountId, name(accountId)]),
    apply: (i) => {
      if (fieldId === 'assignee') i.assigneeAccountId = accountId;
      else if (accountId !== null) i.reporterAccountId = accountId;
    },
  };
}

/** Issue security level by id, or `null` for none. */
function planSecurityChange(store: SiteStore, issue: SimIssue, value: unknown): PlannedChange | string {
  const id = value === null ? null : member(value, 'id');
  const level = typeof id === 'string' ? store.securityLevels.get(id) : undefined;
  if (id !== null && !level) return 'Security level is not valid.';
  const before =
    issue.securityLevelId === null ? null : (store.securityLevels.get(issue.securityLevelId)?.name ?? null);
  return {
    item: item(
      'security',
      'security',
      false,
      [issue.securityLevelId, before],
      [level?.id ?? null, level?.name ?? null],
    ),
    apply: (i) => (i.securityLevelId = level?.id ?? null),
  };
}

/** A single-select custom field: an option by id or value, or `null`. */
function planSelectChange(
  field: SimCustomField,
  fieldId: string,
  before: unknown,
  value: unknown,
): PlannedChange | string {
  const name = field.name;
  const ref = value as { id?: unknown; value?: unknown } | null;
  const option =
    value === null ? null : field.options?.find((o) => o.id === ref?.id || o.value === ref?.value);
  if (option === undefined) return `Option value '${String(ref?.value ?? ref?.id)}' is not valid`;
  const prev = before as { id: string; value: string } | null;
  return {
    item: item(
      name,
      fieldId,
      true,
      [prev?.id ?? null, prev?.value ?? null],
      [option?.id ?? null, option?.value ?? null],
    ),
    apply: (i) =>
      (i.custom[fieldId] = option
        ? { self: `${fieldId}/option/${option.id}`, id: option.id, value: option.value }
        : null),
  };
}

/** JSM's request type field. */
function planRequestTypeChange(
  store: SiteStore,
  issue: SimIssue,
  name: string,
  fieldId: string,
  value: unknown,
): PlannedChange | string {
  // Setting the request type takes the plain id string (the object form is rejected by Jira).
  const requestType = typeof value === 'string' ? store.requestTypes.get(value) : undefined;
  if (!requestType) return 'Request type is not valid.';
  const prev = issue.requestTypeId === null ? undefined : store.requestTypes.get(issue.requestTypeId);
  return {
    item: item(
      name,
      fieldId,
      true,
      [prev?.id ?? null, prev?.name ?? null],
      [requestType.id, requestType.name],
    ),
    apply: (i) => (i.requestTypeId = requestType.id),
  };
}
