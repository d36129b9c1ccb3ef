import type { SiteStore } from '../model/store';
import type { CustomFieldKind, SimCustomField } from '../model/types';

/** One field as GET /rest/api/3/field describes it; also the basis of `names`, JQL clause names and rendering. */
export interface FieldDef {
  id: string;
  name: string;
  custom: boolean;
  /** Included in `*navigable` (and hence GET issue / search `*all`). */
  navigable: boolean;
  clauseNames: string[];
  schema: { type: string; system?: string; custom?: string; customId?: number; items?: string };
  /** Custom field kind (undefined for system fields). */
  kind?: CustomFieldKind;
}

const SYSTEM_FIELDS: FieldDef[] = [
  sys('summary', 'Summary', { type: 'string' }),
  sys('description', 'Description', { type: 'string' }),
  sys('status', 'Status', { type: 'status' }),
  sys('issuetype', 'Issue Type', { type: 'issuetype' }, ['issuetype', 'type']),
  sys('project', 'Project', { type: 'project' }),
  sys('reporter', 'Reporter', { type: 'user' }),
  sys('creator', 'Creator', { type: 'user' }),
  sys('assignee', 'Assignee', { type: 'user' }),
  sys('priority', 'Priority', { type: 'priority' }),
  sys('resolution', 'Resolution', { type: 'resolution' }),
  sys('resolutiondate', 'Resolved', { type: 'datetime' }, ['resolutiondate', 'resolved']),
  sys('created', 'Created', { type: 'datetime' }, ['created', 'createdDate']),
  sys('updated', 'Updated', { type: 'datetime' }, ['updated', 'updatedDate']),
  sys('statuscategorychangedate', 'Status Category Changed', { type: 'datetime' }, [
    'statusCategoryChangedDate',
  ]),
  sys('labels', 'Labels', { type: 'array', items: 'string' }),
  sys('security', 'Security Level', { type: 'securitylevel' }, ['level']),
  sys('issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks' }, ['issueLink']),
  sys('comment', 'Comment', { type: 'comments-page' }),
  sys('key', 'Key', { type: 'string' }, ['key', 'issueKey'], false),
];

function sys(
  id: string,
  name: string,
  schema: FieldDef['schema'],
  clauseNames = [id],
  navigable = true,
): FieldDef {
  return { id, name, custom: false, navigable, clauseNames, schema: { ...schema, system: id } };
}

const CUSTOM_SCHEMA: Record<CustomFieldKind, { type: string; custom: string; items?: string }> = {
  text: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' },
  select: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
  date: { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker' },
  adf: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' },
  requestType: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin' },
  organizations: {
    type: 'array',
    items: 'sd-customerorganization',
    custom: 'com.atlassian.servicedesk:sd-customer-organizations',
  },
};

function customFieldDef(field: SimCustomField): FieldDef {
  const numeric = Number(field.id.replace('customfield_', ''));
  return {
    id: field.id,
    name: field.name,
    custom: true,
    navigable: true,
    clauseNames: [`cf[${numeric}]`, field.name],
    schema: { ...CUSTOM_SCHEMA[field.kind], customId: numeric },
    kind: field.kind,
  };
}

/** Every field of the site: system fields first, then custom fields in id order. */
export function allFields(store: SiteStore): FieldDef[] {
  return [...SYSTEM_FIELDS, ...[...store.customFields.values()].map(customFieldDef)];
}

/** Field by id, or by name / clause name (case-insensitive), as JQL and `fields=` accept. */
export function findField(store: SiteStore, ref: string): FieldDef | undefined {
  const lower = ref.toLowerCase();
  const cf = /^cf\[(\d+)\]$/.exec(lower);
  const id = cf ? `customfield_${cf[1]}` : ref;
  return allFields(store).find(
    (f) =>
      f.id === id || f.name.toLowerCase() === lower || f.clauseNames.some((c) => c.toLowerCase() === lower),
  );
}

/** The `FieldDetails` bean of GET /rest/api/3/field. */
export function fieldDetails(def: FieldDef): Record<string, unknown> {
  return {
    id: def.id,
    key: def.id,
    name: def.name,
    custom: def.custom,
    orderable: def.id !== 'key',
    navigable: def.navigable,
    searchable: true,
    clauseNames: def.clauseNames,
    schema: def.schema,
  };
}
