import { z } from 'zod';
import { textToAdf } from '../../shared/adf';
import { configForProject, type ProjectConfig } from '../../../domain/config';
import { heldConfig } from '../../shared/automation-hold';
import { PROCESS_STATE_KEY, initialState, withDone } from '../../../domain/process-state';
import { startTimer } from '../../../domain/timers';
import { renderMessage, languageFor } from '../../../domain/texts';
import type { WorkOutcome } from '../../deps';
import { EVENT_WRITER, markStateWrite } from '../../shared/state-write-marker';
import type { EventDeps } from '../event-deps';
import { resolveFieldIds } from '../../shared/field-ids';
import type { FieldIds, Ticket } from '../../../domain/ticket';
import { issueLinksOf, textValue } from '../../shared/field-values';
import { loadTicket, ticketFields, ticketRead, toTicket } from '../../shared/ticket';
import { completionCounts, shipTarget, SHIPPED_KINDS } from '../../../domain/delivery';
import {
  auditTicket,
  auditTicketsLinkedToDelivery,
  deliveryFor,
  deliveryLinks,
  hasVersion,
} from './delivery-links';
import { moveIntoDelivery, placementOf } from './delivery-move';
import { auditDeliveryCompleted } from './delivery-audit';
import { plannedDeliveries, reconcileList } from './delivery-queries';
import { jqlString } from '../../../domain/jql';
import { regenerateDeliveryTable } from './delivery-table-sync';
import { collectScope } from './collect-scope';
import { noteRecentChange, recentChanges } from '../../shared/recent-changes';
import { searchReconciled } from '../../shared/reconciled-search';
import {
  clearTableMark,
  DELIVERY_TABLE_WORK,
  scheduleTableRegeneration,
  tableMarkOf,
} from '../../shared/delivery-table-marks';
import { CLAIM_LEASE_SECONDS } from '../../shared/action-ledger';
import { tableRunFor } from '../../../domain/delivery/table-regeneration';
import { WorkflowTransitions, type WorkflowTransition } from '../../shared/workflow-transitions';
import { JiraHttpError } from '../../ports/jira-errors';

const deliveryBody = z.looseObject({ deliveryId: z.string().min(1), projectKey: z.string().min(1) });
/** `changelogId`: the status change that completed the Delivery (absent on items queued by older releases). */
const completedBody = deliveryBody.extend({ changelogId: z.string().optional() });
const deliveryRef = (body: z.output<typeof deliveryBody>) => ({
  deliveryId: body.deliveryId,
  projectKey: body.projectKey,
});
const DONE: WorkOutcome = { kind: 'done' };

/** Transitions a second when a Delivery fans out (Jira's write burst is about 50/s per site). */
const WRITES_PER_SECOND = 20;
/** Forge queue delays are capped at 900 s. */
const MAX_DELAY_SECONDS = 900;
/**
 * Tickets shipped per queue item, read in one search (1 point plus 1 per ticket, where a read of each costs 2).
 * Few, because an item that dies is retried with a growing backoff and ships one ticket after another: the fewer
 * tickets an item holds, the sooner its last one ships (docs/decisions/0028).
 */
const SHIP_BATCH = 5;
/** `ticketIds`: the tickets one item ships; `ticketId`: the one ticket of an item queued by an older release. */
const shipBody = deliveryBody
  .extend({
    ticketIds: z.array(z.string().regex(/^\d+$/)).min(1).max(SHIP_BATCH).optional(),
    ticketId: z.string().regex(/^\d+$/).optional(),
    version: z.string(),
  })
  .refine((b) => (b.ticketIds === undefined) !== (b.ticketId === undefined), 'ticketIds or ticketId');

/**
 * Links created per invocation when a Delivery collects waiting tickets, and the pause before the next batch:
 * every link is a write on the Delivery issue, and Jira limits writes per issue (about 20 per 2 s, 100 per 30 s).
 */
const LINK_BATCH = 15;
const LINK_BATCH_PAUSE_SECONDS = 10;
/** A collect run that finds another one at work looks again after the ledger's lease (then free, or taken over). */
const COLLECT_RETRY_AFTER_SECONDS = 600;

async function setup(deps: EventDeps, projectKey: string) {
  const now = deps.clock.now();
  const config = await heldConfig(
    deps.store,
    configForProject((await deps.config.load()).config, projectKey),
  );
  const fieldIds = await resolveFieldIds(deps.jira, deps.store, config, now);
  return { now, config, fieldIds };
}

/**
 * A Delivery reached Delivered / Stage installation completed / Installation completed: one queue item per
 * {@link SHIP_BATCH} linked tickets, so 300 tickets never have to fit into one invocation (guide §3.3).
 */
const deliveryCompleted = async (raw: Record<string, unknown>, deps: EventDeps): Promise<WorkOutcome> => {
  const body = completedBody.parse(raw);
  const { now, config, fieldIds } = await setup(deps, body.projectKey);
  const delivery = await deps.jira.getIssue(body.deliveryId, {
    fields: ['issuelinks', ...(fieldIds.deliveryVersion ? [fieldIds.deliveryVersion] : [])],
  });
  const versionValue = fieldIds.deliveryVersion ? delivery.fields?.[fieldIds.deliveryVersion] : undefined;
  const version = textValue(versionValue) ?? '';
  const shipped = deliveryLinks(issueLinksOf(delivery.fields?.issuelinks), config, 'outward');
  const ids = shipped.map((l) => l.otherId);
  // Only the known keys travel on: `body` is a loose parse and still carries this item's own `type`.
  // Spread over time: about {@link WRITES_PER_SECOND} transitions a second stay inside Jira's write burst.
  const items = Array.from({ length: Math.ceil(ids.length / SHIP_BATCH) }, (_, batch) => ({
    delaySeconds: Math.min(MAX_DELAY_SECONDS, Math.floor((batch * SHIP_BATCH) / WRITES_PER_SECOND)),
    body: {
      type: 'events.deliveryShipTicket',
      ...deliveryRef(body),
      ticketIds: ids.slice(batch * SHIP_BATCH, (batch + 1) * SHIP_BATCH),
      version,
    },
  }));
  if (items.length > 0) await deps.queue.push(items);
  const delivered = {
    id: delivery.id,
    key: delivery.key ?? body.deliveryId,
    projectKey: body.projectKey,
    completion: body.changelogId ?? now.toISOString(),
  };
  await auditDeliveryCompleted(deps, delivered, completionCounts(shipped, config), now);
  return DONE;
};

/**
 * A shipped ticket in a dry run: nothing is written to it; the audit says where it would go (`detail`: Resolved or
 * Closed), once per ticket and Delivery (a ledger claim of its own, so the real step stays free should the
 * Delivery be completed again after the dry run).
 */
async function auditShipDryRun(
  deps: EventDeps,
  item: { readonly ticketId: string; readonly key: string },
  config: ProjectConfig,
  fieldIds: FieldIds,
  now: Date,
): Promise<WorkOutcome> {
  const claimKey = `${item.key}:dryRun`;
  if ((await deps.ledger.claim(claimKey, now)).kind !== 'claimed') return DONE;
  const ticket = await loadTicket(deps.jira, item.ticketId, fieldIds, config);
  const to = shipTarget(ticket.kind, ticket.status);
  if (to !== undefined && ticket.kind !== undefined)
    await auditTicket(
      deps,
      ticket,
      { action: 'deliveryShipped', outcome: 'dryRun', idempotencyKey: item.key, detail: to },
      now,
    );
  await deps.ledger.complete(claimKey, now);
  return DONE;
}

/**
 * The shipped tickets of one item: Software Defect and Consulting Request go to Resolved with a public comment
 * naming the version (the Resolved timer starts), Customisation is closed (guide §3.3). Exactly once per ticket
 * and Delivery: an `ActionLedger` claim per ticket, and the ticket must still be in Delivery Pending.
 * The tickets not yet shipped are read in one search, reconciled, so current (1 point plus 1 per ticket, where a
 * read each costs 2); then each is claimed and shipped in turn, so that the item never holds more than one claim:
 * an item that dies leaves one ticket to the ledger's lease, and its redelivery ships the others at once. A
 * ticket taken over from a run that died is read again after the takeover, to learn whether that run's transition
 * landed; a ticket the search does not return is read on its own, so that one deleted or hidden since fails the
 * item with Jira's answer. A ticket another run holds is asked for again after the lease, once the others are
 * shipped.
 */
const deliveryShipTicket = async (raw: Record<string, unknown>, deps: EventDeps): Promise<WorkOutcome> => {
  const body = shipBody.parse(raw);
  const ids = body.ticketIds ?? (body.ticketId ? [body.ticketId] : []);
  const { now, config, fieldIds } = await setup(deps, body.projectKey);
  const keyOf = (ticketId: string) => `${ticketId}:shipped:${body.deliveryId}`;
  if (config.automation.dryRun) {
    for (const ticketId of ids)
      await auditShipDryRun(deps, { ticketId, key: keyOf(ticketId) }, config, fieldIds, now);
    return DONE;
  }
  const open: string[] = [];
  for (const ticketId of ids) if (!(await deps.ledger.isDone(keyOf(ticketId)))) open.push(ticketId);
  const found =
    open.length === 0
      ? []
      : await searchReconciled(
          deps.jira,
          { where: `id in (${open.join(',')})`, ...ticketRead(fieldIds), maxResults: SHIP_BATCH },
          open.map(Number),
        );
  const beans = new Map(found.map((bean) => [bean.id, bean]));
  const ship = { body, keyOf, config, now };
  let heldElsewhere = false;
  // The tickets the search returned first, so that a deleted one fails the item only after the others shipped.
  for (const ticketId of [...open.filter((id) => beans.has(id)), ...open.filter((id) => !beans.has(id))]) {
    const claim = await deps.ledger.claim(keyOf(ticketId), now);
    if (claim.kind === 'inProgress') heldElsewhere = true;
    if (claim.kind !== 'claimed' && claim.kind !== 'stale') continue;
    const bean = claim.kind === 'claimed' ? beans.get(ticketId) : undefined;
    const ticket = bean
      ? toTicket(bean, fieldIds, config)
      : await loadTicket(deps.jira, ticketId, fieldIds, config);
    await shipOne(deps, ship, ticket, claim.kind === 'stale');
  }
  return heldElsewhere ? { kind: 'retry', afterSeconds: 600, reason: 'claimedElsewhere' } : DONE;
};

/** One claimed ticket of {@link deliveryShipTicket}; `stale`: taken over from a run that died, and read after. */
async function shipOne(
  deps: EventDeps,
  {
    body,
    keyOf,
    config,
    now,
  }: {
    body: { readonly projectKey: string; readonly version: string };
    keyOf: (ticketId: string) => string;
    config: ProjectConfig;
    now: Date;
  },
  ticket: Ticket,
  stale: boolean,
): Promise<void> {
  const key = keyOf(ticket.id);
  const state = ticket.state ?? initialState(now, ticket.statusId);
  if (stale && state.done.includes(key)) {
    await deps.ledger.complete(key, now);
    return;
  }
  const to = shipTarget(ticket.kind, ticket.status);
  if (to === undefined || ticket.kind === undefined) {
    await deps.ledger.complete(key, now);
    return;
  }
  const transitions = new WorkflowTransitions(deps.jira, deps.store);
  const transition = await transitions.resolve(body.projectKey, ticket, config.names.statuses[to]);
  if (!transition) {
    await deps.ledger.release(key);
    deps.log.warn('events.deliveryNoTransition', { issueId: ticket.id, to });
    return;
  }
  const language = languageFor(config, ticket.organizations[0]?.name);
  const text = renderMessage(config, to === 'closed' ? 'deliveryClosed' : 'deliveryResolved', language, {
    ticketKey: ticket.key,
    version: body.version,
    // The Resolved timer this transition starts closes the ticket after these days (guide §2.2.5).
    closeAfterDays: config.timers.resolved.closeAfterDays,
  });
  const kind = ticket.kind;
  const stateAfter = (t: WorkflowTransition) =>
    withDone(startTimer(kind, to, now, { statusId: t.toStatusId, previous: state }, config), key);
  const ship = (t: WorkflowTransition) =>
    deps.jira.doTransition(ticket.key, {
      id: t.id,
      // Send a resolution only where the transition screen has the field (jira-rest-api §2).
      ...(t.resolutionOnScreen ? { fields: { resolution: { name: config.names.resolutionOnClose } } } : {}),
      comment: { body: textToAdf(text), internal: false, occurrence: key },
      properties: [{ key: PROCESS_STATE_KEY, value: stateAfter(t) }],
    });
  // Marker before property, so a sweep holding the old timer's state does not overwrite this one (0003).
  await markStateWrite(deps.store, ticket.id, stateAfter(transition).updatedAt, EVENT_WRITER);
  // Until search shows it in its new status, a collect run must not take it for a ticket still waiting.
  await noteRecentChange(deps.store, body.projectKey, ticket.id, 'ticket', now);
  try {
    await ship(transition);
  } catch (error) {
    if (!(error instanceof JiraHttpError && error.status === 400)) throw error;
    // Refused, so nothing was written: a kept transition the workflow no longer offers. Read it again, once.
    await transitions.forget(body.projectKey, ticket);
    const fresh = await transitions.resolve(body.projectKey, ticket, config.names.statuses[to]);
    if (!fresh || fresh.id === transition.id) throw error;
    await ship(fresh);
  }
  await deps.ledger.complete(key, now);
  await auditTicket(deps, ticket, { action: 'deliveryShipped', outcome: 'done', idempotencyKey: key }, now);
}

/**
 * A Planned Delivery was created or edited (its date, version or customer too): every Delivery Pending ticket that
 * now belongs in it moves there, and every ticket linked to it that now belongs elsewhere moves on, exactly as
 * when a ticket enters Delivery Pending (`moveIntoDelivery`): at most one Planned Delivery per ticket (guide §3.3).
 * One read of the Delivery and one search per 100 waiting tickets of its customers or linked to it
 * (`collectScope`; fields and process state included), the moves in batches of
 * {@link LINK_BATCH}, the other Deliveries' tables marked for regeneration (docs/decisions/0023) and this one's
 * regenerated after the last batch.
 *
 * One collect run per Delivery at a time, so each ticket is linked and audited once: duplicated product events
 * queue a job each, and each job's queue event may run twice at the same moment. A run holds the Delivery's
 * collect lease (an `ActionLedger` claim it gives back when it ends); a run that finds it held asks to run again
 * after the ledger's lease, re-reads, and finds the tickets already placed. A run that died holding it is taken
 * over then.
 */
const deliveryAttach = async (raw: Record<string, unknown>, deps: EventDeps): Promise<WorkOutcome> => {
  const body = deliveryBody.parse(raw);
  const now = deps.clock.now();
  const lease = `${body.deliveryId}:collect`;
  const claim = await deps.ledger.claim(lease, now);
  if (claim.kind === 'inProgress')
    return { kind: 'retry', afterSeconds: COLLECT_RETRY_AFTER_SECONDS, reason: 'claimedElsewhere' };
  try {
    return await collectWaitingTickets(body, deps);
  } finally {
    await deps.ledger.release(lease);
  }
};

/** One collect run of {@link deliveryAttach}, under the Delivery's collect lease. */
async function collectWaitingTickets(
  body: z.output<typeof deliveryBody>,
  deps: EventDeps,
): Promise<WorkOutcome> {
  const { now, config, fieldIds } = await setup(deps, body.projectKey);
  const recent = await recentChanges(deps.store, body.projectKey, now);
  // The Delivery was just created or edited, and the tickets that just entered, left or changed in Delivery
  // Pending (or were linked) may not have reached the search index yet: both searches reconcile them.
  const candidates = await plannedDeliveries(
    deps,
    config,
    fieldIds,
    reconcileList(recent.deliveries, [body.deliveryId]),
  );
  const delivery = candidates.find((c) => c.id === body.deliveryId);
  if (!delivery) return DONE;
  const scope = await collectScope(deps, config, fieldIds, delivery.id);
  const kinds = SHIPPED_KINDS.map((k) => jqlString(config.names.kinds[k])).join(', ');
  const waiting =
    scope.kind === 'none'
      ? []
      : await searchReconciled(
          deps.jira,
          {
            where: `project = ${jqlString(config.projectKey)} AND issuetype in (${kinds}) AND status = ${jqlString(config.names.statuses.deliveryPending)}${scope.where}`,
            fields: ticketFields(fieldIds),
            properties: [PROCESS_STATE_KEY],
            maxResults: 100,
          },
          recent.tickets,
        );
  const toMove = waiting
    .map((issue) => toTicket(issue, fieldIds, config))
    .filter(hasVersion)
    .map((ticket) => ({ ticket, target: deliveryFor(ticket, candidates, config) }))
    .filter(({ ticket, target }) => {
      const placement = placementOf(config, ticket, candidates, target);
      const arrives = target?.id === delivery.id && (placement.link || placement.unlink.length > 0);
      return arrives || placement.unlink.some((l) => l.deliveryId === delivery.id);
    });
  if (config.automation.dryRun) return DONE;
  const batch = toMove.slice(0, LINK_BATCH);
  const touched = new Set<string>();
  const linkedHere: string[] = [];
  for (const { ticket, target } of batch) {
    const move = await moveIntoDelivery(deps, config, ticket, candidates, target, now);
    for (const id of move.touched) touched.add(id);
    if (move.linked && target?.id === delivery.id) linkedHere.push(ticket.id);
  }
  if (linkedHere.length > 0) {
    const ref = { id: delivery.id, key: delivery.key, projectKey: config.projectKey };
    await auditTicketsLinkedToDelivery(deps, ref, linkedHere, now);
  }
  touched.delete(delivery.id);
  for (const id of touched) await scheduleTableRegeneration(deps, config.projectKey, id, now);
  if (toMove.length > batch.length) {
    // The next batch re-reads the waiting tickets, so changes made meanwhile are respected.
    await deps.queue.push([
      {
        body: { type: 'events.deliveryAttach', ...deliveryRef(body) },
        delaySeconds: LINK_BATCH_PAUSE_SECONDS,
      },
    ]);
    return DONE;
  }
  await regenerateDeliveryTable(deps, config, fieldIds, delivery.id, recent.tickets);
  return DONE;
}

/** `token`: the table mark the item regenerates for (absent on items queued by older releases). */
const tableBody = deliveryBody.extend({ token: z.string().min(1).optional() });

/**
 * Regenerates a Delivery's table once per mark (docs/decisions/0023): the first copy of the item claims the
 * mark's token in the ledger (a duplicate delivery finds it done, a concurrent one asks to run again after the
 * lease and then finds it done), clears its mark BEFORE it reads the links, so a link made from then on marks
 * again and is listed by a regeneration of its own, and regenerates with the project's recent changes
 * reconciled (docs/decisions/0014). A mark of another regeneration means that one still reads the links later.
 */
const deliveryTable = async (raw: Record<string, unknown>, deps: EventDeps): Promise<WorkOutcome> => {
  const body = tableBody.parse(raw);
  const regenerate = async () => {
    const { now, config, fieldIds } = await setup(deps, body.projectKey);
    const recent = await recentChanges(deps.store, body.projectKey, now);
    await regenerateDeliveryTable(deps, config, fieldIds, body.deliveryId, recent.tickets);
  };
  if (body.token === undefined) {
    await regenerate();
    return DONE;
  }
  const key = `${body.deliveryId}:deliveryTable:${body.token}`;
  const claim = await deps.ledger.claim(key, deps.clock.now());
  if (claim.kind === 'done') return DONE;
  if (claim.kind === 'inProgress')
    return { kind: 'retry', afterSeconds: CLAIM_LEASE_SECONDS, reason: 'claimedElsewhere' };
  try {
    const run = tableRunFor(await tableMarkOf(deps.store, body.deliveryId), body.token);
    if (run === 'clear') await clearTableMark(deps.store, body.deliveryId);
    if (run !== 'skip') await regenerate();
  } catch (error) {
    await deps.ledger.release(key);
    throw error;
  }
  await deps.ledger.complete(key, deps.clock.now());
  return DONE;
};

/**
 * Queue work of the event rules, keyed by `body.type` (all prefixed `events.`). The queue consumer
 * (`src/entry/work.ts`) dispatches to these with an `EventDeps` bundle.
 */
export const EVENT_WORK_HANDLERS: Record<
  string,
  (body: Record<string, unknown>, deps: EventDeps) => Promise<WorkOutcome>
> = {
  'events.deliveryCompleted': deliveryCompleted,
  'events.deliveryShipTicket': deliveryShipTicket,
  'events.deliveryAttach': deliveryAttach,
  [DELIVERY_TABLE_WORK]: deliveryTable,
};
