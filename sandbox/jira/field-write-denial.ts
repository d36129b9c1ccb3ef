import type { Principal } from '../contract';
import type { Reply } from './http/reply';

/**
 * A field the caller may not set, as on a site where the app lacks that field's permission (e.g. `security`
 * without "Set Issue Security"). Jira Cloud documents 400 for "the user does not have the necessary permission
 * to edit one or more fields" (PUT issue); `403` stands for a site whose permission scheme refuses the whole
 * write of that field, which the app must survive as well.
 */
export interface DeniedFieldWrite {
  /** Field id as written in `fields` / `update` (`security`, `customfield_10021`…). */
  field: string;
  status: 400 | 403;
  /** Whom it applies to: the app only (default), or every caller. */
  principal?: 'app' | 'all';
}

/** The write operations whose body sets fields (`fields` and `update`), keyed `METHOD pathTemplate`. */
const FIELD_WRITES = new Set([
  'POST /rest/api/3/issue',
  'PUT /rest/api/3/issue/{issueIdOrKey}',
  'POST /rest/api/3/issue/{issueIdOrKey}/transitions',
]);

function fieldsWritten(body: unknown): Set<string> {
  if (typeof body !== 'object' || body === null) return new Set();
  const { fields, update } = body as { fields?: unknown; update?: unknown };
  const keys = (v: unknown) => (typeof v === 'object' && v !== null ? Object.keys(v) : []);
  return new Set([...keys(fields), ...keys(update)]);
}

/**
 * The refusal for a request that writes a denied field, or undefined. Nothing of the request is applied: Jira
 * validates the whole edit before changing anything, so the other fields, the comment and the properties of
 * the same call are refused with it.
 */
export function refuseDeniedFieldWrite(
  denied: readonly DeniedFieldWrite[],
  route: string,
  body: unknown,
  principal: Principal,
): Reply | undefined {
  if (denied.length === 0 || !FIELD_WRITES.has(route)) return undefined;
  const written = fieldsWritten(body);
  const hit = denied.find(
    (d) => written.has(d.field) && ((d.principal ?? 'app') === 'all' || principal.kind === 'app'),
  );
  if (!hit) return undefined;
  if (hit.status === 403) {
    return {
      status: 403,
      body: { errorMessages: [`You do not have permission to set the field '${hit.field}'.`], errors: {} },
    };
  }
  return {
    status: 400,
    body: {
      errorMessages: [],
      errors: {
        [hit.field]: `Field '${hit.field}' cannot be set. It is not on the appropriate screen, or unknown.`,
      },
    },
  };
}
