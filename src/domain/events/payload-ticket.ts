import type { ProjectConfig } from '../config';
import type { Kind } from '../kinds';
import { SHIPPED_KINDS } from '../delivery';
import { kindOfTypeName, priorityOfName, sameName, statusOfName } from '../names';
import type { ProcessState } from '../process-state';
import type { FieldIds, Ticket } from '../ticket';
import type { EventAction } from './event-actions';
import { changeOf, type ChangeItem, type IssueChangeEvent, type IssueSnapshot } from './issue-change';
import type { StatusKey } from '../statuses';

/** The ticket built from the event and the state copy, or why the ticket has to be read from Jira. */
export type PayloadTicket = { readonly ticket: Ticket } | { readonly reason: string };

/**
 * Whether the rules for a change of `item` on a ticket of `kind` (the payload's) read a field the payload does not
 * carry: Confidential (security level, organizations) and the Delivery version (Delivery links). A change of the
 * priority (§5 note) names the new priority itself (`toString`, as of the event); one without a name reads the
 * ticket. A re-typing is judged from the kinds the change names (a forbidden one is set back, which reads the
 * ticket: `needsTicketFields`); one into a Software Defect reads it for the priority (§5 note), and one from a
 * type the configuration does not name as a kind other than Delivery reads it too.
 */
function readsUnsentField(item: ChangeItem, kind: Kind, config: ProjectConfig, ids: FieldIds): boolean {
  const field = item.fieldId ?? item.field;
  if (field === 'priority') return typeof item.toString !== 'string';
  if (field === 'issuetype') {
    const from = kindOfTypeName(config, item.fromString ?? undefined);
    return kind === 'softwareDefect' || from === undefined || from === 'delivery';
  }
  if (field === 'security') return true;
  const { confidential, deliveryVersion } = config.names.fields;
  return (
    (ids.confidential !== undefined && item.fieldId === ids.confidential) ||
    (ids.deliveryVersion !== undefined && item.fieldId === ids.deliveryVersion) ||
    sameName(confidential, item.field) ||
    sameName(deliveryVersion, item.field)
  );
}

/** Whether a move from `fromName` to `toName` touches Delivery Pending, or a status outside the configuration. */
function touchesDelivery(
  fromName: string | null | undefined,
  toName: string,
  config: ProjectConfig,
): boolean {
  const from = statusOfName(config, fromName);
  const to = statusOfName(config, toName);
  return from === undefined || to === undefined || from === 'deliveryPending' || to === 'deliveryPending';
}

/**
 * The due index entry's copy of the state and the newest ticket view (`updated`) it was decided from. `state`
 * undefined: the copy says the ticket has no state yet (no decision was ever taken on it).
 */
export interface StateCopy {
  readonly state: ProcessState | undefined;
  readonly basis: string;
}

/**
 * Whether the event continues the stored state: a move from the stored status into the snapshot's, or, without a
 * move, the snapshot in the stored status. Without a state a read would start from the ticket's status as the
 * rules see it, which is the snapshot's: only the move must end there.
 */
function continues(
  move: ChangeItem | undefined,
  stored: ProcessState | undefined,
  statusId: string,
): boolean {
  if (move) return move.to === statusId && (stored === undefined || move.from === stored.statusId);
  return stored === undefined || stored.statusId === statusId;
}

/**
 * The ticket as the rules need it for this event, from the payload's snapshot and the state copy (the due index
 * entry's `state`, equal to the Jira property whenever present), so that the event costs no read. Only where the
 * payload carries everything the rules read for it:
 * - updated or commented events of a managed kind other than Delivery, with the payload's snapshot and a copy
 *   (of the state, or of its absence: a ticket no decision was ever taken on);
 * - the event is newer than every view of the ticket the state was decided from (its `updated` after the copy's
 *   basis): the snapshot and the state then describe the ticket in this order, as a read at the event would.
 *   An event older than the state (handled late, reordered, duplicated) reads the ticket, whatever it shows;
 * - no change of the security level, Confidential or Delivery version, no change of the priority that does not
 *   name the new one (the ticket then has the priority the change names), and no re-typing into a Software Defect
 *   or from a type that is no managed kind other than Delivery;
 * - the event continues the stored state: a move from the stored status into the snapshot's, or, without a move,
 *   the snapshot in the stored status (an event read late, a duplicate or a lost one: read the ticket); without
 *   a state, a move into the snapshot's status;
 * - no move of a shipped kind into or out of Delivery Pending (Delivery links);
 * - no one to check as the customer other than the reporter (the other checks need the organizations): the author
 *   of a comment while a reply timer runs, whoever closes the ticket.
 * The fields the payload lacks are left empty (priority unless changed, security level, organizations, custom fields,
 * links);
 * {@link needsTicketFields} says when a decision made on it must be taken again on the ticket read from Jira.
 *
 * @example
 * ticketFromPayload(statusChangeEvent, undefined, config, ids); // { reason: 'noStateCopy' }
 */
export function ticketFromPayload(
  event: IssueChangeEvent,
  copy: StateCopy | undefined,
  config: ProjectConfig,
  ids: FieldIds,
): PayloadTicket {
  const snap = event.snapshot;
  if (event.kind === 'created') return { reason: 'created' };
  if (snap === undefined) return { reason: 'noSnapshot' };
  if (copy === undefined) return { reason: 'noStateCopy' };
  if (!(Date.parse(snap.updated) > Date.parse(copy.basis))) return { reason: 'olderThanState' };
  const stored = copy.state;
  const kind = kindOfTypeName(config, snap.typeName);
  if (kind === undefined || kind === 'delivery') return { reason: 'kindNeedsTicket' };
  if (event.items.some((item) => readsUnsentField(item, kind, config, ids)))
    return { reason: 'fieldNotInPayload' };
  const move = changeOf(event, 'status');
  if (!continues(move, stored, snap.statusId)) return { reason: 'stateNotContinued' };
  if (move && SHIPPED_KINDS.includes(kind) && touchesDelivery(move.fromString, snap.statusName, config))
    return { reason: 'deliveryPending' };
  const status = statusOfName(config, snap.statusName);
  const waiting = stored?.timer === 'clarification' || stored?.timer === 'resolved';
  const person =
    event.kind === 'commented'
      ? waiting && event.comment?.isPublic !== false
        ? event.comment?.authorId
        : undefined
      : move && status === 'closed'
        ? event.actorId
        : undefined;
  if (person !== undefined && person !== snap.reporterId) return { reason: 'customerCheck' };
  const priorityName = changeOf(event, 'priority')?.toString ?? undefined;
  const priority = priorityOfName(config, priorityName);
  return {
    ticket: snapshotTicket(event, snap, kind, status, {
      ...(priorityName !== undefined ? { priorityName } : {}),
      ...(priority !== undefined ? { priority } : {}),
      ...(stored !== undefined ? { state: stored } : {}),
    }),
  };
}

/**
 * The ticket as the payload's snapshot shows it, with `extra` (what the event itself says: a changed priority, the
 * state copy). The fields the payload lacks are left empty: organizations, links, security level, custom fields.
 */
function snapshotTicket(
  event: IssueChangeEvent,
  snap: IssueSnapshot,
  kind: Kind,
  status: StatusKey | undefined,
  extra: Pick<Ticket, 'priorityName' | 'priority' | 'state'>,
): Ticket {
  return {
    id: event.issueId,
    key: event.issueKey,
    projectKey: snap.projectKey,
    summary: snap.summary,
    typeId: snap.typeId,
    typeName: snap.typeName,
    kind,
    statusId: snap.statusId,
    statusName: snap.statusName,
    ...(status !== undefined ? { status } : {}),
    created: snap.created,
    updated: snap.updated,
    ...(snap.reporterId !== undefined ? { reporterId: snap.reporterId } : {}),
    ...(snap.assigneeId !== undefined ? { assigneeId: snap.assigneeId } : {}),
    ...extra,
    organizations: [],
    links: [],
  };
}

/**
 * A new ticket as its creation's payload shows it, for the decision on a ticket that the search of
 * `creationQuery` did not find (docs/decisions/0029): no rule acts on what the payload lacks, and a new ticket has no
 * state. `undefined` without a snapshot or for a type that is no managed kind.
 *
 * @example
 * ticketFromCreation(createdRequest, config)?.organizations; // []
 */
export function ticketFromCreation(event: IssueChangeEvent, config: ProjectConfig): Ticket | undefined {
  const snap = event.snapshot;
  const kind = kindOfTypeName(config, snap?.typeName);
  if (event.kind !== 'created' || snap === undefined || kind === undefined) return undefined;
  return snapshotTicket(event, snap, kind, statusOfName(config, snap.statusName), {});
}

/**
 * Whether a decision taken on {@link ticketFromPayload}'s ticket needs what the payload lacks: a revert (the
 * transitions or type ids, and the ticket as it is now), a security level, a type, an on-call alert, or a public
 * comment (in the language of the customer's organization). Such a decision is taken again on the ticket read.
 */
export function needsTicketFields(actions: readonly EventAction[]): boolean {
  return actions.some(
    (a) =>
      a.type === 'revertStatus' ||
      a.type === 'revertType' ||
      a.type === 'setSecurityLevel' ||
      a.type === 'setType' ||
      a.type === 'alertOnCall' ||
      (a.type === 'comment' && a.visibility === 'public'),
  );
}
