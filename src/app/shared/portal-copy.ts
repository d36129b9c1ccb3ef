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

interface StoredCopy {
  bean: { id: string; key: string; fields: Record<string, unknown>; properties: Record<string, unknown> };
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

/** The copy of `issueKey`, as an issue bean with the portal's fields and both properties; `undefined` if none. */
export async function readPortalCopy(store: KeyValueStore, issueKey: string): Promise<IssueBean | undefined> {
  const stored = await store.get<StoredCopy>(copyKey(issueKey));
  return isRecord(stored) && isRecord(stored.bean) ? stored.bean : undefined;
}

/**
 * Keeps the copy of an issue the app just read with at least `fieldIds` (normally {@link portalFields}) and both
 * properties (a property Jira did not return is absent on the issue). Writes KVS only when the copy changed.
 */
export async function keepPortalCopy(
  store: KeyValueStore,
  bean: IssueBean,
  fieldIds: readonly string[],
): Promise<void> {
  if (!bean.key) return;
  const source = bean.fields ?? {};
  const fields = Object.fromEntries(
    fieldIds.flatMap((id) => (source[id] === undefined ? [] : [[id, copiedValue(id, source[id])]])),
  );
  const properties = Object.fromEntries(
    COPIED_PROPERTIES.flatMap((k) => (bean.properties?.[k] === undefined ? [] : [[k, bean.properties[k]]])),
  );
  const next: StoredCopy = { bean: { id: bean.id, key: bean.key, fields, properties } };
  await writeIfChanged(store, bean.key, next);
}

/** After the app wrote one of its properties on `issueKey`: the copy, if there is one, carries the new value. */
export async function patchPortalCopy(
  store: KeyValueStore,
  issueKey: string,
  propertyKey: string,
  value: unknown,
): Promise<void> {
  if (!(COPIED_PROPERTIES as readonly string[]).includes(propertyKey)) return;
  const stored = await store.get<StoredCopy>(copyKey(issueKey));
  if (!isRecord(stored) || !isRecord(stored.bean)) return;
  const next: StoredCopy = {
    bean: { ...stored.bean, properties: { ...stored.bean.properties, [propertyKey]: value } },
  };
  await writeIfChanged(store, issueKey, next, stored);
}

/**
 * Writes the copy when it changed. A copy that cannot be written (storage refused or failed) is removed
 * instead, so that the next view reads the issue rather than show an old copy; the use case that read or wrote
 * the ticket goes on either way, as the copy is never the source of truth.
 */
async function writeIfChanged(
  store: KeyValueStore,
  issueKey: string,
  next: StoredCopy,
  known?: StoredCopy,
): Promise<void> {
  const key = copyKey(issueKey);
  try {
    const current = known ?? (await store.get<StoredCopy>(key));
    if (JSON.stringify(current) === JSON.stringify(next)) return;
    await store.set(key, next);
  } catch {
    await store.delete(key).catch(() => undefined);
  }
}

/**
 * Forgets the copy of `issueKey` after the app changed what Jira holds beyond its properties (a link): the next
 * view reads the issue again.
 */
export async function dropPortalCopy(store: KeyValueStore, issueKey: string): Promise<void> {
  await store.delete(copyKey(issueKey));
}

/**
 * After an edit the app leaves unread (`changed`: the changelog's items): forgets the copy of `issueKey` unless
 * the edit cannot have changed what the copy holds, i.e. every item names, by its field id, a field the copy does
 * not hold (participants, description, labels). An item without a field id, or naming a field the copy holds
 * (the access check's reporter and security level among them), drops the copy: the next view reads the issue.
 */
export async function dropPortalCopyIfChanged(
  store: KeyValueStore,
  issueKey: string,
  changed: readonly { fieldId?: string | undefined }[],
): Promise<void> {
  const copy = await readPortalCopy(store, issueKey);
  if (!copy) return;
  const held = new Set([...ticketFields({}), ...Object.keys(copy.fields ?? {})]);
  const untouched =
    changed.length > 0 && changed.every((item) => item.fieldId !== undefined && !held.has(item.fieldId));
  if (!untouched) await dropPortalCopy(store, issueKey);
}
