import { PROCESS_STATE_KEY } from '../../domain/process-state';
import { CUSTOMER_STATE_KEY } from '../../domain/service/customer-state';
import type { FieldIds } from '../../domain/ticket';
import type { KeyValueStore } from '../ports';
import type { IssueBean } from '../ports/jira';
import { accountIdOf } from './field-values';
import { ticketFields } from './ticket';
import { isRecord } from './is-record';

/**
 * The app's copy of what the portal panel shows about a ticket, in KVS (decision 0018): the issue as the app last
 * read it, with only the fields the portal reads and both of the app's properties. Customers cannot read issue
 * properties, and the portal's resolver reads no Jira on a view, so the app keeps this copy wherever it reads
 * or writes the ticket anyway: the event handler's read of the ticket, every write of either property, and the
 * portal actions' own read. It drives what a customer is shown, never a decision: the actions re-read Jira.
 */
const COPY_PREFIX = 'portal:copy:';

/**
 * How long a copy or mark is kept after its last write. A ticket nobody touches for that long costs one read on
 * its next view (a view without a record reads the issue once and keeps it), and KVS holds no record of a
 * ticket the app no longer sees. No search lags by days, so a mark's protection against a lagging search has
 * long done its work when it expires.
 * @internal Exported for the tests of the writers.
 */
export const COPY_TTL_DAYS = 90;

/** The custom fields the portal reads, by role (the others serve the rules). */
const PORTAL_ROLES = ['deliveryVersion', 'estimatedDeliveryDate', 'confidential', 'organizations'] as const;

/** The field ids the portal reads, by role: the site's ids of {@link PORTAL_ROLES}. */
export function portalFieldIds(ids: FieldIds): FieldIds {
  return Object.fromEntries(PORTAL_ROLES.flatMap((role) => (ids[role] ? [[role, ids[role]]] : [])));
}

/**
 * The fields the portal reads of an issue: the ticket reader's system fields and the portal's custom fields. A
 * copy keeps a person as the account id only (the portal's access check uses the reporter's), never with name
 * or e-mail.
 */
export function portalFields(ids: FieldIds): string[] {
  return ticketFields(portalFieldIds(ids));
}

/** The properties a copy carries. */
export const COPIED_PROPERTIES = [PROCESS_STATE_KEY, CUSTOMER_STATE_KEY] as const;

/**
 * What KVS holds for a ticket under `portal:copy:<key>`: a copy (`bean`), or a mark that a change the app saw made
 * a copy stale (no `bean`; `floor`, when known, is the `updated` of that change). A mark is never removed: it keeps
 * the index rebuild from creating a copy out of a search that may lag behind the change (`keepSearchCopy`), and
 * a read of the ticket replaces it only when it is at least as new as the change (Jira's `updated` of a read that
 * holds the change is the change's own or later).
 */
export interface StoredCopy {
  bean?: { id: string; key: string; fields: Record<string, unknown>; properties: Record<string, unknown> };
  /** Jira's `updated` of the view the fields were read in (absent on copies kept before it was recorded). */
  basis?: string;
  /** Fields taken from a later event's payload since, each with that event's `updated`. */
  fieldBasis?: Record<string, string>;
  /** On a mark: the `updated` of the newest change the app saw, which a copy must be at least as new as. */
  floor?: string;
}

/** Whether Jira's `updated` instant `a` is later than `b` (both ISO 8601; Jira writes `+0000` offsets). */
export function laterThan(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/**
 * A field's value as the copy keeps it: a person as nothing but the account id; a link as its id, its type's
 * name and the other issue's id and key (Jira embeds each linked issue's fields, which would outgrow a KVS value
 * on a Delivery with hundreds of tickets).
 */
function copiedValue(fieldId: string, value: unknown): unknown {
  if (fieldId === 'reporter' || fieldId === 'assignee') {
    const accountId = accountIdOf(value);
    return accountId === undefined ? null : { accountId };
  }
  if (fieldId === 'issuelinks' && Array.isArray(value)) return value.flatMap(copiedLink);
  return value;
}

function copiedLink(link: unknown): unknown[] {
  if (!isRecord(link) || !isRecord(link.type)) return [];
  const side = (issue: unknown) => (isRecord(issue) ? { id: issue.id, key: issue.key } : undefined);
  const outwardIssue = side(link.outwardIssue);
  const inwardIssue = side(link.inwardIssue);
  return [
    {
      id: link.id,
      type: { name: link.type.name },
      ...(outwardIssue ? { outwardIssue } : {}),
      ...(inwardIssue ? { inwardIssue } : {}),
    },
  ];
}

function copyKey(issueKey: string): string {
  return `${COPY_PREFIX}${issueKey}`;
}

/** Stores `record` as what KVS holds for `issueKey`, kept {@link COPY_TTL_DAYS} from now. */
export function storeCopyRecord(store: KeyValueStore, issueKey: string, record: StoredCopy): Promise<void> {
  return store.set(copyKey(issueKey), record, { ttlDays: COPY_TTL_DAYS });
}

/** Stores `record` for `issueKey` only while KVS holds nothing for it; whether it did. */
export function createCopyRecord(
  store: KeyValueStore,
  issueKey: string,
  record: StoredCopy,
): Promise<boolean> {
  return store.setIfAbsent(copyKey(issueKey), record, { ttlDays: COPY_TTL_DAYS });
}

/** What KVS holds for `issueKey`: a copy, a mark, or `undefined` when the app never kept either. */
export async function readStoredCopy(
  store: KeyValueStore,
  issueKey: string,
): Promise<StoredCopy | undefined> {
  const stored = await store.get<StoredCopy>(copyKey(issueKey));
  return isRecord(stored) ? stored : undefined;
}

/** The copy of `issueKey`, as an issue bean with the portal's fields and both properties; `undefined` if none. */
export async function readPortalCopy(store: KeyValueStore, issueKey: string): Promise<IssueBean | undefined> {
  const stored = await readStoredCopy(store, issueKey);
  return stored && isRecord(stored.bean) ? stored.bean : undefined;
}

/** The copy of `bean` with only `fieldIds` (people as account ids, links as ids) and the copied properties. */
export function copyOf(bean: IssueBean, fieldIds: readonly string[]): NonNullable<StoredCopy['bean']> {
  const source = bean.fields ?? {};
  const fields = Object.fromEntries(
    fieldIds.flatMap((id) => (source[id] === undefined ? [] : [[id, copiedValue(id, source[id])]])),
  );
  const properties = Object.fromEntries(
    COPIED_PROPERTIES.flatMap((k) => (bean.properties?.[k] === undefined ? [] : [[k, bean.properties[k]]])),
  );
  return { id: bean.id, key: bean.key ?? '', fields, properties };
}

/** Jira's `updated` of an issue bean read with it, if present. */
export function updatedOf(bean: IssueBean): string | undefined {
  const updated = bean.fields?.updated;
  return typeof updated === 'string' ? updated : undefined;
}

/**
 * The copy a fresh read of the ticket (`bean`, strongly consistent, at `basis`) leaves over what is stored:
 * the read, except where the stored record knows a change newer than the read (a mark's `floor`, or a field an
 * event patched at or after `basis`): a mark stays, a patched field keeps its patched value. A read without
 * `updated` replaces anything.
 * @internal Exported for the table test; the app calls {@link keepPortalCopy}.
 */
export function afterRead(
  current: StoredCopy | undefined,
  read: NonNullable<StoredCopy['bean']>,
  basis: string | undefined,
): StoredCopy {
  const fresh: StoredCopy = { bean: read, ...(basis !== undefined ? { basis } : {}) };
  if (basis === undefined || current === undefined) return fresh;
  if (!current.bean) return current.floor !== undefined && laterThan(current.floor, basis) ? current : fresh;
  if (current.basis !== undefined && laterThan(current.basis, basis)) return current;
  const newer = Object.entries(current.fieldBasis ?? {}).filter(([, at]) => !laterThan(basis, at));
  if (newer.length === 0) return fresh;
  const fields = { ...read.fields };
  for (const [id] of newer) fields[id] = current.bean.fields[id];
  return { bean: { ...read, fields }, basis, fieldBasis: Object.fromEntries(newer) };
}

/**
 * Keeps the copy of an issue the app just read fresh with at least `fieldIds` (normally {@link portalFields}) and
 * both properties (a property Jira did not return is absent on the issue), as {@link afterRead} merges it. Writes
 * KVS only when the copy changed.
 */
export async function keepPortalCopy(
  store: KeyValueStore,
  bean: IssueBean,
  fieldIds: readonly string[],
): Promise<void> {
  if (!bean.key) return;
  const key = bean.key;
  await writeIfChanged(store, key, (current) => afterRead(current, copyOf(bean, fieldIds), updatedOf(bean)));
}

/** After the app wrote one of its properties on `issueKey`: the copy, if there is one, carries the new value. */
export async function patchPortalCopy(
  store: KeyValueStore,
  issueKey: string,
  propertyKey: string,
  value: unknown,
): Promise<void> {
  if (!(COPIED_PROPERTIES as readonly string[]).includes(propertyKey)) return;
  await writeIfChanged(store, issueKey, (stored) => {
    if (!stored?.bean) return undefined;
    return {
      ...stored,
      bean: { ...stored.bean, properties: { ...stored.bean.properties, [propertyKey]: value } },
    };
  });
}

/**
 * Writes what `next` makes of the stored record, when it changed (`undefined`: nothing to write). A copy that
 * cannot be written (storage refused or failed) is replaced by a mark instead, so that the next view reads the
 * issue rather than show an old copy; the use case that read or wrote the ticket goes on either way, as the copy
 * is never the source of truth.
 */
async function writeIfChanged(
  store: KeyValueStore,
  issueKey: string,
  next: (current: StoredCopy | undefined) => StoredCopy | undefined,
): Promise<void> {
  try {
    const current = await readStoredCopy(store, issueKey);
    const written = next(current);
    if (written === undefined || JSON.stringify(current) === JSON.stringify(written)) return;
    await storeCopyRecord(store, issueKey, written);
  } catch {
    await storeCopyRecord(store, issueKey, {}).catch(() => undefined);
  }
}

/**
 * Marks the copy of `issueKey` stale after the app changed what Jira holds beyond its properties (a link, a
 * field, a transition): the next view reads the issue again, and the index rebuild keeps no copy of it from
 * search. `floor`: the `updated` of the change, when known.
 */
export async function dropPortalCopy(store: KeyValueStore, issueKey: string, floor?: string): Promise<void> {
  await storeCopyRecord(store, issueKey, floor === undefined ? {} : { floor });
}
