import type { JqlContext, JqlFieldRef } from '../jql';
import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import { findField } from '../render/field-catalog';
import type { IndexedProperty } from './indexed-properties';
import { indexedPropertyValue, type PropertyReader, toDate } from './property-values';

/** The JQL clause name under which JSM searches the request channel. */
const REQUEST_CHANNEL_CLAUSE = 'request-channel-type';

const PROPERTY_REF = /^issue\.property\[["']?([^\]"']+)["']?\]\.(.+)$/i;

/**
 * The simulator's side of the JQL engine: name resolution (system fields, custom fields by name or `cf[n]`,
 * indexed entity properties and their search aliases) and comparable values for each issue.
 */
export function jqlContext(
  store: SiteStore,
  indexed: IndexedProperty[],
  currentUserAccountId: string,
  reconciled: ReadonlySet<string> = new Set(),
): JqlContext {
  const now = Date.now();
  // Search sees property writes only after the index lag, except on issues the caller reconciles.
  const read: PropertyReader = (issue, key) =>
    reconciled.has(issue.id) ? issue.properties[key] : store.searchLag.visible(issue, key, now);
  const user = (accountId: string | null) =>
    accountId === null
      ? null
      : { id: accountId, accountId, name: store.users.get(accountId)?.displayName ?? accountId };
  return {
    now: new Date(),
    currentUserAccountId,
    resolveField(name: string): JqlFieldRef | undefined {
      const property = PROPERTY_REF.exec(name);
      const byAlias = indexed.find((p) => p.searchAlias?.toLowerCase() === name.toLowerCase());
      const entry = property
        ? indexed.find((p) => p.propertyKey === property[1] && p.path === property[2])
        : byAlias;
      if (entry)
        return { kind: 'property', propertyKey: entry.propertyKey, path: entry.path, type: entry.type };
      if (property) return undefined;
      const lower = name.toLowerCase();
      // JSM's channel clause (`request-channel-type = email`): searchable, but no field of the issue.
      if (lower === REQUEST_CHANNEL_CLAUSE) return { kind: 'system', id: REQUEST_CHANNEL_CLAUSE };
      if (lower === 'id' || lower === 'statuscategory')
        return { kind: 'system', id: lower === 'id' ? 'id' : 'statusCategory' };
      const def = findField(store, name);
      if (!def) return undefined;
      return def.custom
        ? { kind: 'custom', id: def.id, type: def.kind ?? 'text' }
        : { kind: 'system', id: def.id };
    },
    fieldValue(raw: unknown, field: JqlFieldRef): unknown {
      const issue = raw as SimIssue;
      if (field.kind === 'property') return indexedPropertyValue(issue, field, read);
      if (field.kind === 'custom') {
        if (field.type === 'requestType') {
          const rt = issue.requestTypeId === null ? undefined : store.requestTypes.get(issue.requestTypeId);
          return rt ? { id: rt.id, name: rt.name } : null;
        }
        // JSM documents the Organizations clause by organization name only (`Organizations = "name"`); the docs
        // are silent on ids, so the strict reading matches names and never ids.
        if (field.type === 'organizations') {
          return issue.organizationIds.flatMap((id) => {
            const name = store.organizations.get(id)?.name;
            return name === undefined ? [] : [{ name }];
          });
        }
        const value = issue.custom[field.id];
        if (value === undefined || value === null) return null;
        if (field.type === 'select') {
          const option = value as { id: string; value: string };
          return { id: option.id, name: option.value };
        }
        if (field.type === 'date') return toDate(value);
        return value;
      }
      return systemValue(store, issue, field.id, user);
    },
  };
}

function systemValue(
  store: SiteStore,
  issue: SimIssue,
  id: string,
  user: (accountId: string | null) => unknown,
): unknown {
  switch (id) {
    case 'id':
      return Number(issue.id);
    case 'key':
      return { key: issue.key, id: issue.id, name: issue.key };
    case 'project': {
      const p = store.projects.get(issue.projectId);
      return p ? { id: p.id, key: p.key, name: p.name } : null;
    }
    case 'status': {
      const s = store.statuses.get(issue.statusId);
      return s ? { id: s.id, name: s.name } : null;
    }
    case 'statusCategory': {
      const s = store.statuses.get(issue.statusId);
      return s
        ? {
            id: s.category,
            key: s.category,
            name: { new: 'To Do', indeterminate: 'In Progress', done: 'Done' }[s.category],
          }
        : null;
    }
    case 'issuetype': {
      const t = store.issueTypes.get(issue.issueTypeId);
      return t ? { id: t.id, name: t.name } : null;
    }
    case 'resolution': {
      const r = issue.resolutionId === null ? undefined : store.resolutions.get(issue.resolutionId);
      return r ? { id: r.id, name: r.name } : null;
    }
    case 'priority': {
      const p = issue.priorityId === null ? undefined : store.priorities.get(issue.priorityId);
      return p ? { id: p.id, name: p.name } : null;
    }
    case 'security': {
      const l = issue.securityLevelId === null ? undefined : store.securityLevels.get(issue.securityLevelId);
      return l ? { id: l.id, name: l.name } : null;
    }
    case REQUEST_CHANNEL_CLAUSE:
      return issue.channel;
    case 'summary':
      return issue.summary;
    case 'labels':
      return issue.labels;
    case 'reporter':
      return user(issue.reporterAccountId);
    case 'assignee':
      return user(issue.assigneeAccountId);
    case 'creator':
      return user(issue.creatorAccountId);
    case 'created':
      return new Date(issue.created);
    case 'updated':
      return new Date(issue.updated);
    case 'resolutiondate':
      return issue.resolutionDate === null ? null : new Date(issue.resolutionDate);
    case 'statuscategorychangedate':
      return new Date(issue.statusCategoryChangedDate);
    default:
      return null;
  }
}
