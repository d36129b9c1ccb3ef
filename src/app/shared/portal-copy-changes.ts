import type { ChangeItem, IssueSnapshot } from '../../domain/events/issue-change';
import type { KeyValueStore } from '../ports';
import {
  createCopyRecord,
  dropPortalCopy,
  laterThan,
  readStoredCopy,
  storeCopyRecord,
  type StoredCopy,
} from './portal-copy';
import { ticketFields } from './ticket';

/** A change the app learnt of from an event without reading the ticket: its changelog and, if sent, its snapshot. */
export interface SeenChange {
  readonly items: readonly ChangeItem[];
  readonly snapshot?: IssueSnapshot | undefined;
}

/**
 * The fields whose value at the event the payload's snapshot carries (the documented `issue.fields` of Forge's
 * issue events), as the copy keeps them (a person as the account id only).
 */
const FROM_SNAPSHOT: ReadonlyMap<string, (s: IssueSnapshot) => unknown> = new Map<
  string,
  (s: IssueSnapshot) => unknown
>([
  ['status', (s) => ({ id: s.statusId, name: s.statusName })],
  ['issuetype', (s) => ({ id: s.typeId, name: s.typeName })],
  ['summary', (s) => s.summary],
  ['reporter', (s) => (s.reporterId === undefined ? null : { accountId: s.reporterId })],
  ['assignee', (s) => (s.assigneeId === undefined ? null : { accountId: s.assigneeId })],
]);

/** What a change does to the stored record: nothing, a patched copy, a mark (`drop`), or a mark if none exists. */
type CopyAfterChange =
  | { readonly kind: 'keep' }
  | { readonly kind: 'patch'; readonly copy: StoredCopy }
  | { readonly kind: 'drop'; readonly floor?: string }
  | { readonly kind: 'markIfAbsent'; readonly floor?: string };

/**
 * What an edit the app did not read the ticket for does to the portal's copy (docs/decisions/0018), per changelog
 * item: an item naming, by its field id, a field no copy holds (description, labels, participants) changes
 * nothing; an item the copy's view already contains (its field's basis is later than the event's `updated`)
 * changes nothing; an item of a field the snapshot carries (status, type, summary, reporter, assignee) takes the
 * snapshot's value with the event's `updated` as that field's basis, which only rises, so that events handled
 * out of order leave each field at its newest value; any other item (organizations, priority, a field without an
 * id, a copy without a basis, an event without a snapshot) makes the copy stale. Without any record the change
 * leaves a mark, so that a copy made later from a lagging search is not kept (`keepSearchCopy`).
 *
 * @internal Exported for the table test; the app calls {@link followPortalCopy}.
 * @example
 * copyAfterChange(copyAt('10:00'), { items: [{ field: 'status', fieldId: 'status', … }], snapshot: at('10:05') })
 * // { kind: 'patch', copy: { …, fieldBasis: { status: '…10:05…' } } }
 */
export function copyAfterChange(stored: StoredCopy | undefined, change: SeenChange): CopyAfterChange {
  const held = new Set([...ticketFields({}), ...Object.keys(stored?.bean?.fields ?? {})]);
  const holds = (item: ChangeItem) =>
    item.fieldId === undefined ||
    held.has(item.fieldId) ||
    (stored?.bean === undefined && item.fieldId.startsWith('customfield_'));
  const touched = change.items.length === 0 ? undefined : change.items.filter(holds);
  if (touched?.length === 0) return { kind: 'keep' };
  const floor = change.snapshot?.updated;
  const atFloor = floor === undefined ? {} : { floor };
  if (stored === undefined) return { kind: 'markIfAbsent', ...atFloor };
  if (!stored.bean) {
    const raised = floor !== undefined && (stored.floor === undefined || laterThan(floor, stored.floor));
    return raised ? { kind: 'drop', floor } : { kind: 'keep' };
  }
  const { snapshot } = change;
  if (touched === undefined || snapshot === undefined || stored.basis === undefined)
    return { kind: 'drop', ...atFloor };
  const fields = { ...stored.bean.fields };
  const fieldBasis = { ...stored.fieldBasis };
  let patched = false;
  for (const item of touched) {
    const known = item.fieldId === undefined ? stored.basis : (fieldBasis[item.fieldId] ?? stored.basis);
    if (laterThan(known, snapshot.updated)) continue;
    const value = item.fieldId === undefined ? undefined : FROM_SNAPSHOT.get(item.fieldId);
    if (value === undefined || item.fieldId === undefined) return { kind: 'drop', floor: snapshot.updated };
    fields[item.fieldId] = value(snapshot);
    fieldBasis[item.fieldId] = snapshot.updated;
    patched = true;
  }
  return patched
    ? { kind: 'patch', copy: { ...stored, bean: { ...stored.bean, fields }, fieldBasis } }
    : { kind: 'keep' };
}

/**
 * Keeps the portal's copy of `issueKey` in step with an edit the app handled without reading the ticket
 * ({@link copyAfterChange}). A mark for a ticket without any record is created only while none exists; when a
 * copy appeared meanwhile, the change is applied to it.
 */
export async function followPortalCopy(
  store: KeyValueStore,
  issueKey: string,
  change: SeenChange,
): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const next = copyAfterChange(await readStoredCopy(store, issueKey), change);
    if (next.kind === 'keep') return;
    if (next.kind === 'patch') return storeCopyRecord(store, issueKey, next.copy);
    if (next.kind === 'drop') return dropPortalCopy(store, issueKey, next.floor);
    const mark: StoredCopy = next.floor === undefined ? {} : { floor: next.floor };
    if (await createCopyRecord(store, issueKey, mark)) return;
  }
  await dropPortalCopy(store, issueKey, change.snapshot?.updated);
}
