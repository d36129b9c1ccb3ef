import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import { parseComment } from './comment-input';
import { notOnScreen, type PlannedChange, planFieldChange } from './field-input';
import type { NewComment } from './issue-writer';

/** Fields the edit screen offers (besides every custom field). */
const EDITABLE_SYSTEM = new Set([
  'summary',
  'description',
  'assignee',
  'reporter',
  'priority',
  'labels',
  'security',
  // Reclassification (PROCESS.md §2): allowed in place only when no status migration is needed.
  'issuetype',
]);

export interface ParsedUpdate {
  changes: PlannedChange[];
  comments: NewComment[];
  properties: { key: string; value: unknown }[];
  /** `fields.resolution` when the screen has it (transitions only). */
  resolutionId?: string;
}

export type UpdateScreen = { kind: 'edit' } | { kind: 'transition'; fields: string[] };

function onScreen(store: SiteStore, screen: UpdateScreen, fieldId: string): boolean {
  if (screen.kind === 'transition') return screen.fields.includes(fieldId);
  return EDITABLE_SYSTEM.has(fieldId) || store.customFields.has(fieldId);
}

/**
 * Parse an `IssueUpdateDetails` body (`fields`, `update`, `properties`) against a screen. Returns the planned
 * changes or Jira's per-field `errors` map (400). Nothing is applied here.
 */
export function parseIssueUpdate(
  store: SiteStore,
  issue: SimIssue,
  body: Record<string, unknown>,
  screen: UpdateScreen,
  staff: boolean,
): ParsedUpdate | { errors: Record<string, string>; errorMessages: string[] } {
  const errors: Record<string, string> = {};
  const errorMessages: string[] = [];
  const parsed: ParsedUpdate = { changes: [], comments: [], properties: [] };
  const fields = (body.fields ?? {}) as Record<string, unknown>;
  const update = (body.update ?? {}) as Record<string, unknown>;

  for (const [fieldId, value] of Object.entries(fields)) {
    if (fieldId in update) {
      errors[fieldId] = `Field '${fieldId}' cannot be set in both 'fields' and 'update'.`;
    } else if (!onScreen(store, screen, fieldId)) {
      errors[fieldId] = notOnScreen(fieldId);
    } else if (fieldId === 'resolution') {
      const ref = value as { id?: string; name?: string } | null;
      const resolution = ref ? store.resolutionByIdOrName(ref) : undefined;
      if (resolution) parsed.resolutionId = resolution.id;
      else errors.resolution = `Resolution '${ref?.name ?? ref?.id ?? ''}' is not valid.`;
    } else {
      const change = planFieldChange(store, issue, fieldId, value);
      if (typeof change === 'string') errors[fieldId] = change;
      else parsed.changes.push(change);
    }
  }

  for (const [fieldId, operations] of Object.entries(update)) {
    if (!Array.isArray(operations)) {
      errors[fieldId] = 'Operations must be a list.';
      continue;
    }
    if (fieldId === 'comment') {
      for (const op of operations as { add?: unknown }[]) {
        const comment =
          op.add === undefined
            ? 'Only the add operation is supported for comments.'
            : parseComment(op.add, staff);
        if (typeof comment === 'string') errors.comment = comment;
        else parsed.comments.push(comment);
      }
      continue;
    }
    if (!onScreen(store, screen, fieldId)) {
      errors[fieldId] = notOnScreen(fieldId);
      continue;
    }
    let labels = fieldId === 'labels' ? [...issue.labels] : undefined;
    for (const op of operations as Record<string, unknown>[]) {
      if (labels && ('add' in op || 'remove' in op)) {
        if ('add' in op && !labels.includes(String(op.add))) labels.push(String(op.add));
        if ('remove' in op) labels = labels.filter((l) => l !== String(op.remove));
      } else if ('set' in op) {
        const change = planFieldChange(store, issue, fieldId, op.set);
        if (typeof change === 'string') errors[fieldId] = change;
        else parsed.changes.push(change);
        labels = undefined;
      } else {
        errors[fieldId] = `Field '${fieldId}' does not support this operation.`;
      }
    }
    if (labels) {
      const change = planFieldChange(store, issue, 'labels', labels);
      if (typeof change === 'string') errors.labels = change;
      else parsed.changes.push(change);
    }
  }

  if (body.properties !== undefined) {
    if (!Array.isArray(body.properties)) errorMessages.push('properties must be a list.');
    else {
      for (const p of body.properties as { key?: unknown; value?: unknown }[]) {
        const problem = propertyProblem(p.key, p.value);
        if (problem) errorMessages.push(problem);
        else parsed.properties.push({ key: p.key as string, value: p.value });
      }
    }
  }
  return Object.keys(errors).length > 0 || errorMessages.length > 0 ? { errors, errorMessages } : parsed;
}

/** Entity property limits: key ≤ 255 characters, value valid JSON ≤ 32,768 characters (reference §4). */
export function propertyProblem(key: unknown, value: unknown): string | undefined {
  if (typeof key !== 'string' || key === '') return 'The property key cannot be empty.';
  if (key.length > 255) return 'The property key cannot be longer than 255 characters.';
  if (value === undefined) return 'The property value cannot be empty.';
  if (JSON.stringify(value).length > 32768)
    return 'The property value cannot be longer than 32768 characters.';
  return undefined;
}
