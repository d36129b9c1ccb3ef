import { loadSpec, type ApiName } from './spec-files';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Per API: operationId → `METHOD template` of the first operation the spec declares with that id. */
const firstDeclared = new Map<ApiName, Map<string, string>>();

function firstRoutes(api: ApiName): Map<string, string> {
  let table = firstDeclared.get(api);
  if (table) return table;
  table = new Map();
  for (const [template, item] of Object.entries(loadSpec(api).paths)) {
    for (const method of METHODS) {
      const op = item[method] as { operationId?: string } | undefined;
      if (op?.operationId && !table.has(op.operationId))
        table.set(op.operationId, `${method.toUpperCase()} ${template}`);
    }
  }
  firstDeclared.set(api, table);
  return table;
}

/**
 * The name metrics use for an operation. Normally its `operationId`; but the JSM spec reuses six ids for two
 * operations each (e.g. `getOrganizations` for GET /organization and GET /servicedesk/{serviceDeskId}/organization).
 * The first one the spec declares keeps the bare id; the others are `operationId METHOD pathTemplate`, e.g.
 * `getOrganizations GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization`.
 */
export function operationKey(
  op: { api: ApiName; operationId: string; pathTemplate: string },
  method: string,
): string {
  const route = `${method.toUpperCase()} ${op.pathTemplate}`;
  const first = firstRoutes(op.api).get(op.operationId);
  return first === undefined || first === route ? op.operationId : `${op.operationId} ${route}`;
}
