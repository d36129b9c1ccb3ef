import type { Principal } from '../../contract';
import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import type { IssueWriter } from '../mutations/issue-writer';
import { canBrowse } from '../permissions';
import type { IndexedProperty } from '../search/indexed-properties';
import type { SearchSessions } from '../search/search-sessions';
import { issueNotFound, platformError } from './reply';

/** The matched operation as the handlers need it (a subset of the spec module's `MatchedOperation`). */
interface RoutedOperation {
  operationId: string;
  api: 'platform' | 'servicedesk';
  pathTemplate: string;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
}

/** Everything an operation handler may use. */
export interface OpContext {
  store: SiteStore;
  writer: IssueWriter;
  sessions: SearchSessions;
  /** Entity properties the manifest indexes for JQL. */
  indexed: IndexedProperty[];
  principal: Principal;
  /** Account id of the caller (the app user for `asApp()`). */
  actor: string;
  op: RoutedOperation;
  /** Parsed JSON body (undefined when none). */
  body: unknown;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
}

/** A request header by (case-insensitive) name. */
export function header(ctx: OpContext, name: string): string | undefined {
  return ctx.headers[name.toLowerCase()];
}

/** A path parameter (always present once the route matched). */
export function pathParam(ctx: OpContext, name: string): string {
  return ctx.op.pathParams[name] ?? '';
}

/** A single query parameter value (the first one when repeated). */
export function queryValue(ctx: OpContext, name: string): string | undefined {
  const value = ctx.op.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A list-valued query parameter: repeated and/or comma-separated. */
export function queryList(ctx: OpContext, name: string): string[] {
  const value = ctx.op.query[name];
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function queryInt(ctx: OpContext, name: string, fallback: number): number {
  const raw = queryValue(ctx, name);
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(parsed) ? parsed : fallback;
}

export function queryBool(ctx: OpContext, name: string, fallback: boolean): boolean {
  const raw = queryValue(ctx, name);
  return raw === undefined ? fallback : raw === 'true';
}

/** The issue of `{issueIdOrKey}`, or 404 when it does not exist or the caller may not browse it. */
export function visibleIssue(ctx: OpContext, idOrKey = pathParam(ctx, 'issueIdOrKey')): SimIssue {
  const issue = ctx.store.issue(idOrKey);
  if (!issue || !canBrowse(ctx.store, ctx.principal, issue)) throw issueNotFound();
  return issue;
}

/** The body as a JSON object, or 400 as Jira answers a body it cannot read. */
export function bodyObject(ctx: OpContext): Record<string, unknown> {
  if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) {
    throw platformError(400, ['Request body is missing or is not a JSON object.']);
  }
  return ctx.body as Record<string, unknown>;
}
