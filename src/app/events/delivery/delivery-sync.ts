import { DELIVERY_MISSING_FLAG, isDeliveryCompleted, SHIPPED_KINDS } from '../../../domain/delivery';
import { PROCESS_STATE_KEY, initialState, withDone, withFlag } from '../../../domain/process-state';
import { renderMessage } from '../../../domain/texts';
import { textToAdf } from '../../shared/adf';
import type { EventDeps } from '../event-deps';
import { changeOf, occurrenceOf } from '../../../domain/events/issue-change';
import { statusOfName } from '../../../domain/names';
import type { RuleInput } from '../../../domain/events/rule-input';
import type { IssueLinkRef, Ticket } from '../../../domain/ticket';
import type { DeliveryCandidate } from '../../../domain/delivery';
import {
  auditDeliveryLinked,
  auditTicketsLinkedToDelivery,
  deliveryFor,
  deliveryLinks,
  hasVersion,
} from './delivery-links';
import { moveIntoDelivery, placementOf } from './delivery-move';
import { plannedDeliveries } from './delivery-queries';
import { scheduleTableRegeneration } from '../../shared/delivery-table-marks';
import {
  NO_RECENT_CHANGES,
  noteRecentChange,
  recentChanges,
  type RecentChanges,
} from '../../shared/recent-changes';
import { JiraHttpError } from '../../ports/jira-errors';
import { customersPlannedDeliveries, forgetCustomersPlannedDeliveries } from './kept-planned-deliveries';

/**
 * Keeps Delivery tickets in line after an issue event (guide §3.3, PROCESS.md §6):
 * - a customer ticket entering Delivery Pending (or changing its Delivery version) is linked to its Delivery,
 *   or told that none exists yet (internal note + flag, once per entry or version change); leaving Delivery Pending unlinks it
 *   from Planned Deliveries; each affected Delivery's table is regenerated once per burst of such changes (marked
 *   and queued, docs/decisions/0023);
 * - a Delivery reaching a completed status hands its tickets to the queue (exactly once per ticket there);
 * - a Planned Delivery created or edited picks up the tickets that were waiting for it (queued).
 */
export async function syncDeliveryForEvent(deps: EventDeps, input: RuleInput): Promise<void> {
  const { event, ticket, config, fieldIds } = input;
  const statusChanged = changeOf(event, 'status') !== undefined;
  const versionChanged =
    fieldIds.deliveryVersion !== undefined &&
    changeOf(event, fieldIds.deliveryVersion, config.names.fields.deliveryVersion) !== undefined;
  if (ticket.kind === 'delivery') {
    // Searches in the next minutes (this Delivery's collect run, tickets placed meanwhile) must see it as it is.
    if (event.kind === 'created' || event.kind === 'updated')
      await noteRecentChange(deps.store, ticket.projectKey, ticket.id, 'delivery', input.now);
    if (statusChanged && isDeliveryCompleted(ticket.status)) {
      await deps.queue.push([
        {
          body: {
            type: 'events.deliveryCompleted',
            deliveryId: ticket.id,
            projectKey: ticket.projectKey,
            ...(event.changelogId ? { changelogId: event.changelogId } : {}),
          },
        },
      ]);
    } else if (ticket.status === 'planned' && (event.kind === 'created' || event.kind === 'updated')) {
      await deps.queue.push([
        { body: { type: 'events.deliveryAttach', deliveryId: ticket.id, projectKey: ticket.projectKey } },
      ]);
    }
    return;
  }
  if (ticket.kind === undefined || !SHIPPED_KINDS.includes(ticket.kind)) return;
  if (!statusChanged && !versionChanged && event.kind !== 'created') return;
  // A collect run in the next minutes must see the ticket as it is now when it entered, left or changed in
  // Delivery Pending (the status it left is the change's `fromString`).
  const left = changeOf(event, 'status')?.fromString;
  if (ticket.status === 'deliveryPending' || (left && statusOfName(config, left) === 'deliveryPending'))
    await noteRecentChange(deps.store, ticket.projectKey, ticket.id, 'ticket', input.now);
  // Only a changelog id or the creation names one change; without either, the copies are not told apart.
  const named = event.changelogId !== undefined || event.kind === 'created';
  await placeInDelivery(deps, input, ticket, {
    change: named ? occurrenceOf(event) : undefined,
    note: noteOccurrence(input, statusChanged),
  });
}

/**
 * The occurrence a "no Delivery yet" note would be about: this event's change (its changelog id), when the
 * ticket was already in the status it is in now when the change happened (the payload's snapshot; without one,
 * when the event is the move into that status). An older event read late, while the ticket now waits in Delivery
 * Pending, names no occurrence: the move into Delivery Pending has its own event.
 */
function noteOccurrence(input: RuleInput, statusChanged: boolean): string | undefined {
  const { event, ticket } = input;
  const atEvent = event.statusAtEvent;
  const sameStatus =
    atEvent !== undefined
      ? atEvent.id === ticket.statusId
      : statusChanged && changeOf(event, 'status')?.to === ticket.statusId;
  return sameStatus ? occurrenceOf(event) : undefined;
}

/**
 * The Planned Deliveries that decide where a ticket goes: its customer's (the only ones it can belong in, searched
 * by organization so the search returns no other customer's) and the Planned ones it is linked to (its links
 * must go unless one is its target). A link whose Delivery's status the issue read did not carry leaves the
 * status to the search, so then every Planned Delivery of the project is searched. Deliveries just created,
 * edited or shipped are reconciled: their latest status, version, date and customer decide. The customer's are
 * kept for the next of their tickets in a burst of moves (`customersPlannedDeliveries`).
 */
async function placementCandidates(
  deps: EventDeps,
  input: Omit<RuleInput, 'event'>,
  ticket: Ticket,
  pending: boolean,
  plannedLinks: readonly IssueLinkRef[],
  recent: RecentChanges,
): Promise<DeliveryCandidate[]> {
  const { config, fieldIds, now } = input;
  const customers = pending ? customersOf(ticket) : [];
  const statusUnknown = plannedLinks.some((l) => l.otherStatusName === undefined);
  if (customers.length === 0 && !statusUnknown) return plannedLinks.map(linkedCandidate);
  if (statusUnknown) return plannedDeliveries(deps, config, fieldIds, recent.deliveries);
  const searched = await customersPlannedDeliveries(deps, config, fieldIds, recent, customers, now);
  const found = new Set(searched.map((c) => c.id));
  return [...searched, ...plannedLinks.filter((l) => !found.has(l.otherId)).map(linkedCandidate)];
}

/** The customers whose Planned Deliveries a ticket may go into: the organizations it is shared with, by name. */
const customersOf = (ticket: Ticket): string[] => ticket.organizations.map((o) => o.name);

/**
 * Whether `error`, from placing a ticket in `target`, is Jira's "not found" for a Delivery that no longer exists:
 * a 404 alone may also be the link type or the ticket, so the Delivery is read (1 point, only after such a 404).
 */
async function deliveryDeleted(deps: EventDeps, error: unknown, target: DeliveryCandidate): Promise<boolean> {
  if (!(error instanceof JiraHttpError) || !error.isNotFound) return false;
  try {
    await deps.jira.getIssue(target.key, { fields: ['status'] });
    return false;
  } catch (read) {
    if (read instanceof JiraHttpError && read.isNotFound) return true;
    throw read;
  }
}

/**
 * A Planned Delivery the ticket is linked to, as a candidate that only its links count: no customer, so it is
 * never the ticket's target (that one is among the customer's searched).
 */
function linkedCandidate(link: IssueLinkRef): DeliveryCandidate {
  return { id: link.otherId, key: link.otherKey, organizationIds: [] };
}

/**
 * A dry run changes no ticket and no link: the audit says where the ticket would have gone, once per change that
 * put it there (`change`: the move into Delivery Pending or a version change there, see `noteOccurrence`; one
 * ledger claim per change, so copies of its event audit once). Other events, which would find the ticket unlinked
 * again, audit nothing.
 */
async function auditWouldLink(
  deps: EventDeps,
  ticket: Ticket,
  target: DeliveryCandidate | undefined,
  { change, now }: { readonly change: string | undefined; readonly now: Date },
): Promise<void> {
  if (!target || change === undefined) return;
  const key = `${ticket.id}:deliveryLink:${target.id}:${change}:dryRun`;
  if ((await deps.ledger.claim(key, now)).kind !== 'claimed') return;
  await auditDeliveryLinked(deps, ticket, target.key, now, 'dryRun');
  await deps.ledger.complete(key, now);
}

/**
 * Links one ticket to the Delivery it belongs in and unlinks it from the wrong Planned ones, once per change
 * (`occurrence.change`, the event's changelog id): the copies of one product event running at the same time claim
 * the link in the ledger, and only the first links and audits it. `occurrence.note` names the change when the
 * ticket is still where it took it (the move into Delivery Pending, a version change there): the note that no
 * Delivery exists yet is posted once per such change, so a ticket that comes back is told again.
 */
async function placeInDelivery(
  deps: EventDeps,
  input: Omit<RuleInput, 'event'>,
  ticket: Ticket,
  occurrences: { readonly change: string | undefined; readonly note: string | undefined },
  gone?: string,
): Promise<void> {
  const occurrence = occurrences.note;
  const { config, now } = input;
  // Only a link to a Planned Delivery can be wrong (shipped Deliveries keep their links): the issue read carries
  // each linked issue's status, so a ticket linked to shipped Deliveries only needs no search of the Planned ones.
  const plannedLinks = deliveryLinks(ticket.links, config, 'inward').filter(
    (l) => l.otherStatusName === undefined || statusOfName(config, l.otherStatusName) === 'planned',
  );
  const versioned = hasVersion(ticket) ? ticket : undefined;
  const pending = ticket.status === 'deliveryPending' && versioned !== undefined;
  const recent =
    pending || plannedLinks.length > 0
      ? await recentChanges(deps.store, ticket.projectKey, now)
      : NO_RECENT_CHANGES;
  const candidates = (await placementCandidates(deps, input, ticket, pending, plannedLinks, recent)).filter(
    (c) => c.id !== gone,
  );
  const target = pending && versioned ? deliveryFor(versioned, candidates, config) : undefined;
  if (config.automation.dryRun) {
    await auditWouldLink(
      deps,
      ticket,
      target && placementOf(config, ticket, candidates, target).link ? target : undefined,
      {
        change: occurrences.note,
        now,
      },
    );
    return;
  }
  const linkKey =
    target && occurrences.change !== undefined && placementOf(config, ticket, candidates, target).link
      ? `${ticket.id}:deliveryLink:${target.id}:${occurrences.change}`
      : undefined;
  const claim = linkKey ? await deps.ledger.claim(linkKey, now) : undefined;
  // Another copy of this event is linking the ticket, or has linked it.
  if (claim?.kind === 'done' || claim?.kind === 'inProgress') return;
  let move: Awaited<ReturnType<typeof moveIntoDelivery>>;
  try {
    move = await moveIntoDelivery(deps, config, ticket, candidates, target, now);
  } catch (error) {
    if (linkKey) await deps.ledger.release(linkKey);
    if (gone !== undefined || !target || !(await deliveryDeleted(deps, error, target))) throw error;
    // The Delivery was deleted after the answer that named it (kept a few minutes, or a search the index had not
    // caught up with; Forge's deleted-issue event is not handled): the ticket is placed again without it.
    await forgetCustomersPlannedDeliveries(deps.store, config.projectKey, customersOf(ticket));
    return placeInDelivery(deps, input, ticket, occurrences, target.id);
  }
  const { touched, linked } = move;
  if (target && linked) {
    await auditTicketsLinkedToDelivery(
      deps,
      { id: target.id, key: target.key, projectKey: ticket.projectKey },
      [ticket.id],
      now,
    );
  }
  if (linkKey) await deps.ledger.complete(linkKey, now);
  if (pending && !target && occurrence !== undefined) await noteNoDelivery(deps, input, ticket, occurrence);
  for (const deliveryId of touched) await scheduleTableRegeneration(deps, ticket.projectKey, deliveryId, now);
}

/**
 * Tells the agents, in an internal note without notifications, that no Planned Delivery of the ticket's customer
 * and version exists yet, and flags the ticket; once per `occurrence` (the change that put it there).
 */
async function noteNoDelivery(
  deps: EventDeps,
  input: Omit<RuleInput, 'event'>,
  ticket: Ticket,
  occurrence: string,
): Promise<void> {
  const { config, now } = input;
  const state = ticket.state ?? initialState(now, ticket.statusId);
  const key = `${ticket.id}:deliveryMissing:${ticket.deliveryVersion ?? ''}:${occurrence}`;
  if (state.done.includes(key)) return;
  const text = renderMessage(config, 'deliveryMissing', config.defaultLanguage, {
    ticketKey: ticket.key,
    version: ticket.deliveryVersion ?? '',
  });
  await deps.jira.editIssue(
    ticket.key,
    {
      comment: { body: textToAdf(text), internal: true, occurrence: key },
      properties: [{ key: PROCESS_STATE_KEY, value: withFlag(withDone(state, key), DELIVERY_MISSING_FLAG) }],
    },
    { notifyUsers: false },
  );
}
