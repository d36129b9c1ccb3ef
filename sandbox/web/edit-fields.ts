/**
 * The issue view's field editors on the local site: priority, type (reclassification), Delivery version
 * (a patch version or CUSTOM), Affected system, "Can the system be reached?" and organization. Each form edits one
 * field through the simulator's REST API as the selected agent, so the app reacts to a real `issue_updated`.
 */
import { esc } from './html';
import { FIELD } from '../jira/seed/demo-ids';
import type { LocalSite } from './local-site';

/** The fields a visitor can edit, as the page's forms name them. */
const EDITABLE = [
  'priority',
  'issuetype',
  'deliveryVersion',
  'affectedSystem',
  'systemReachable',
  'organization',
] as const;
type Editable = (typeof EDITABLE)[number];

/** What the issue's current values are, as the page read them. */
export interface CurrentValues {
  priority: string | undefined;
  issuetype: string | undefined;
  deliveryVersion: string | undefined;
  affectedSystem: string | undefined;
  systemReachable: string | undefined;
  organization: string | undefined;
}

function select(
  name: Editable,
  label: string,
  values: readonly string[],
  current: string | undefined,
): string {
  const options = ['', ...values]
    .map(
      (v) => `<option value="${esc(v)}"${v === (current ?? '') ? ' selected' : ''}>${esc(v || '—')}</option>`,
    )
    .join('');
  return `<label>${esc(label)} <select name="value" data-testid="edit-${name}">${options}</select></label>`;
}

/** The edit forms, one per field, each with its own Save button. */
export function editForms(local: LocalSite, current: CurrentValues, hidden: string): string {
  const store = local.site.store;
  const optionsOf = (id: string) => (store.customFields.get(id)?.options ?? []).map((o) => o.value);
  const form = (name: Editable, control: string) =>
    `<form method="post" action="/do/edit" class="transitions" aria-label="Edit ${esc(name)}">${hidden}<input type="hidden" name="field" value="${name}">${control}<button>Save</button></form>`;
  const types = [...store.issueTypes.values()].map((t) => t.name);
  return `<details class="edit" data-testid="edit-fields"><summary>Edit fields (priority, type, Delivery version, system, organization)</summary>
${form(
  'priority',
  select(
    'priority',
    'Priority',
    [...store.priorities.values()].map((p) => p.name),
    current.priority,
  ),
)}
${form('issuetype', select('issuetype', 'Type (reclassify)', types, current.issuetype))}
${form('deliveryVersion', `<label>Delivery version <input name="value" list="versions" value="${esc(current.deliveryVersion ?? '')}" placeholder="14.21.3.1 or CUSTOM" data-testid="edit-deliveryVersion" maxlength="40"></label><datalist id="versions"><option value="CUSTOM"><option value="14.21.3.1"></datalist>`)}
${form('affectedSystem', select('affectedSystem', 'Affected system', optionsOf(FIELD.affectedSystem), current.affectedSystem))}
${form('systemReachable', select('systemReachable', 'Can the system be reached?', optionsOf(FIELD.systemReachable), current.systemReachable))}
${form(
  'organization',
  select(
    'organization',
    'Organization',
    [...store.organizations.values()].map((o) => o.name),
    current.organization,
  ),
)}
</details>`;
}

/** The REST `fields` body for one edit; an empty value clears the field. */
export function editBody(local: LocalSite, field: Editable, value: string): Record<string, unknown> {
  const empty = value === '';
  switch (field) {
    case 'priority':
      return { priority: empty ? null : { name: value } };
    case 'issuetype':
      return { issuetype: { name: value } };
    case 'deliveryVersion':
      return { [FIELD.deliveryVersion]: empty ? null : value.trim() };
    case 'affectedSystem':
      return { [FIELD.affectedSystem]: empty ? null : { value } };
    case 'systemReachable':
      return { [FIELD.systemReachable]: empty ? null : { value } };
    case 'organization': {
      const org = [...local.site.store.organizations.values()].find((o) => o.name === value);
      return { [FIELD.organizations]: org ? [{ id: org.id }] : [] };
    }
  }
}

/** Type guard for the form's `field`. */
export function isEditable(value: string | null): value is Editable {
  return value !== null && (EDITABLE as readonly string[]).includes(value);
}
