import { loadSpec, type ApiName } from './spec-files';

/** One operation of a spec, found by method and path. */
export interface MatchedOperation {
  operationId: string;
  api: 'platform' | 'servicedesk';
  pathTemplate: string;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface Route {
  method: string;
  template: string;
  operationId: string;
  /** Per segment: a literal string, or a regex with the names of the parameters it captures. */
  segments: Array<string | { regex: RegExp; names: string[] }>;
}

const routeTables = new Map<ApiName, Map<string, Route[]>>();

function compileSegment(segment: string): string | { regex: RegExp; names: string[] } {
  if (!segment.includes('{')) return segment;
  const names: string[] = [];
  const source = segment
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names };
}

/** Routes of one API grouped by `METHOD segmentCount`, built once from the spec's `paths`. */
function routesOf(api: ApiName): Map<string, Route[]> {
  let table = routeTables.get(api);
  if (table) return table;
  table = new Map();
  for (const [template, item] of Object.entries(loadSpec(api).paths)) {
    const parts = template.split('/').filter(Boolean);
    for (const method of METHODS) {
      const op = item[method] as { operationId?: string } | undefined;
      if (!op?.operationId) continue;
      const key = `${method.toUpperCase()} ${parts.length}`;
      const route: Route = {
        method,
        template,
        operationId: op.operationId,
        segments: parts.map(compileSegment),
      };
      table.set(key, [...(table.get(key) ?? []), route]);
    }
  }
  routeTables.set(api, table);
  return table;
}

/** Query string → record; a repeated name becomes an array (`fields=a&fields=b`). */
function parseQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const prior = query[name];
    query[name] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return query;
}

function tryRoute(
  route: Route,
  parts: string[],
): { score: number[]; params: Record<string, string> } | undefined {
  const params: Record<string, string> = {};
  const score: number[] = [];
  for (const [i, segment] of route.segments.entries()) {
    const part = parts[i] ?? '';
    if (typeof segment === 'string') {
      if (segment !== part) return undefined;
      score.push(1);
      continue;
    }
    const m = segment.regex.exec(part);
    if (!m) return undefined;
    segment.names.forEach((name, j) => (params[name] = decodeSegment(m[j + 1] ?? '')));
    score.push(0);
  }
  return { score, params };
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // A malformed escape stays as sent; the endpoint then reports the unknown id.
  }
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

/**
 * Finds the spec operation for `method` + `pathWithQuery` (e.g. `/rest/api/3/issue/SD-1?fields=summary`).
 * `/rest/servicedeskapi/…` is looked up in the JSM spec, everything else in the platform spec. Where several
 * templates match, the one with a literal segment earliest wins (`/issue/bulkfetch` over `/issue/{issueIdOrKey}`),
 * as Jira's router does.
 */
export function matchOperation(method: string, pathWithQuery: string): MatchedOperation | undefined {
  const q = pathWithQuery.indexOf('?');
  const pathname = q < 0 ? pathWithQuery : pathWithQuery.slice(0, q);
  const parts = pathname.split('/').filter(Boolean);
  const api: ApiName = parts[1] === 'servicedeskapi' ? 'servicedesk' : 'platform';
  const candidates = routesOf(api).get(`${method.toUpperCase()} ${parts.length}`) ?? [];
  let best: { route: Route; score: number[]; params: Record<string, string> } | undefined;
  for (const route of candidates) {
    const hit = tryRoute(route, parts);
    if (hit && (!best || better(hit.score, best.score))) best = { route, ...hit };
  }
  if (!best) return undefined;
  return {
    operationId: best.route.operationId,
    api,
    pathTemplate: best.route.template,
    pathParams: best.params,
    query: q < 0 ? {} : parseQuery(pathWithQuery.slice(q + 1)),
  };
}

/** The raw operation object of a matched operation (parameters, requestBody, responses). */
export function operationObject(op: MatchedOperation): Record<string, unknown> & { parameters?: unknown[] } {
  const item = loadSpec(op.api).paths[op.pathTemplate] ?? {};
  for (const method of METHODS) {
    const candidate = item[method] as { operationId?: string; parameters?: unknown[] } | undefined;
    if (candidate?.operationId === op.operationId) {
      const pathLevel = (item.parameters as unknown[] | undefined) ?? [];
      const own = candidate.parameters ?? [];
      return { ...candidate, parameters: [...pathLevel, ...own] };
    }
  }
  throw new Error(`Operation ${op.operationId} is not in ${op.pathTemplate}`);
}
