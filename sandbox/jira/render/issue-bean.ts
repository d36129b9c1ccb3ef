import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import { offeredTransitions, transitionBean } from '../mutations/workflow';
import { allFields, type FieldDef, findField } from './field-catalog';
import { renderFieldValue } from './field-values';
import { changelogBean } from './changelog';
import { SITE_URL } from './format';

/** Which parts of an issue to render; built once per request, reused for every issue of a page. */
export interface IssueView {
  fields: FieldDef[];
  /** Property keys to include (`properties=`), or `'*all'`. */
  properties: string[] | '*all';
  expand: Set<string>;
  /** Whether internal comments are visible (staff only). */
  showInternal: boolean;
  /** Who reads: workflow conditions decide per user which transitions `expand=transitions` lists. */
  viewerAccountId: string;
  /** Reads an entity property (search: as the index sees it); the live value by default. */
  readProperty?: (key: string) => unknown;
  /** `expand=changelog` holds only this many histories (search: 40, `GET /issue`: 100); all by default. */
  changelogLimit?: number;
  /** Which histories a cut-off changelog holds: the most recent (default) or the oldest. */
  changelogWindow?: 'newest' | 'oldest';
}

/**
 * Resolve a `fields` parameter: ids or names, `*all`, `*navigable`, `-x` exclusions. Unknown names are
 * ignored (Jira does the same). `fallback` applies when the list is empty: `*all` for GET issue, `id` for search.
 */
export function selectFields(store: SiteStore, requested: string[], fallback: '*all' | 'id'): FieldDef[] {
  const tokens = requested
    .flatMap((r) => r.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const positives = tokens.filter((t) => !t.startsWith('-'));
  const negatives = new Set(
    tokens.filter((t) => t.startsWith('-')).map((t) => findField(store, t.slice(1))?.id ?? t.slice(1)),
  );
  const base =
    positives.length === 0 ? (fallback === '*all' || negatives.size > 0 ? ['*all'] : []) : positives;
  const chosen = new Map<string, FieldDef>();
  for (const token of base) {
    if (token === '*all' || token === '*navigable') {
      for (const def of allFields(store)) if (def.navigable) chosen.set(def.id, def);
    } else if (token !== 'id' && token !== 'key') {
      const def = findField(store, token);
      if (def) chosen.set(def.id, def);
    }
  }
  return [...chosen.values()].filter((def) => !negatives.has(def.id));
}

/** Render an `IssueBean` for the view. */
export function issueBean(store: SiteStore, issue: SimIssue, view: IssueView): Record<string, unknown> {
  const bean: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${SITE_URL}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (view.fields.length > 0) {
    bean.fields = Object.fromEntries(
      view.fields.map((def) => [def.id, renderFieldValue(store, issue, def, view.showInternal)]),
    );
  }
  const propertyKeys = view.properties === '*all' ? Object.keys(issue.properties) : view.properties;
  if (propertyKeys.length > 0) {
    const read = view.readProperty ?? ((k: string) => issue.properties[k]);
    bean.properties = Object.fromEntries(
      propertyKeys.flatMap((k) => {
        const value = read(k);
        return value === undefined ? [] : [[k, value]];
      }),
    );
  }
  if (view.expand.has('changelog')) {
    const limit = view.changelogLimit ?? issue.histories.length;
    const total = issue.histories.length;
    const kept =
      view.changelogWindow === 'oldest'
        ? issue.histories.slice(0, limit)
        : issue.histories.slice(Math.max(0, total - limit));
    const histories = kept.map((h) => changelogBean(store, h));
    bean.changelog = { startAt: 0, maxResults: Math.min(limit, total), total, histories };
  }
  if (view.expand.has('names')) {
    bean.names = Object.fromEntries(view.fields.map((def) => [def.id, def.name]));
  }
  if (view.expand.has('transitions')) {
    bean.transitions = offeredTransitions(store, issue, view.viewerAccountId).map((t) =>
      transitionBean(store, t, false),
    );
  }
  return bean;
}

/** Split a comma-delimited `expand`/list parameter (GET sends a string, POST an array or a string). */
export function listParam(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
