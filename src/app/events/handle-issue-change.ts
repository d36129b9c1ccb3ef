import { JiraHttpError } from '../ports/jira-errors';
import { configForProject, type ProjectConfig } from '../../domain/config';
import { clarificationOriginFromChangelog, type ChangelogMemo } from './clarification-origin';
import { cameByEmail, searchByEmailChannel } from './email-channel';
import { withChangelogId } from './change-occurrence';
import { heldConfig } from '../shared/automation-hold';
import { recordCommentEvent } from '../shared/platform-observations';
import { isCustomer } from '../shared/customer-check';
import { mayBeCustomer } from './comment-author';
import { EVENT_WRITER, markStateWrite } from '../shared/state-write-marker';
import type { EventDeps } from './event-deps';
import { executeEventActions } from './execute-event-actions';
import { resolveFieldIds } from '../shared/field-ids';
import { syncDeliveryForEvent } from './delivery/delivery-sync';
import { loadTicket, ticketRead, toTicket } from '../shared/ticket';
import { askNewTicket } from './new-ticket';
import { keepPortalCopy, portalFields } from '../shared/portal-copy';
import { followPortalCopy } from '../shared/portal-copy-changes';
import { decideIssueChange } from '../../domain/events/decide-issue-change';
import { needsTicketFields, ticketFromPayload } from '../../domain/events/payload-ticket';
import { parseProcessState } from '../../domain/process-state';
import type { FieldIds, Ticket } from '../../domain/ticket';
import { triageIssueChange } from '../../domain/events/event-triage';
import { timerMayRun } from '../shared/repair-marker';
import type { IssueChangeEvent } from '../../domain/events/issue-change';
import { keepNoState, noteDecision } from '../shared/due-index';
import type { RuleInput } from '../../domain/events/rule-input';
import type { IssueBean } from '../ports/jira';
import { kindOfTypeName } from '../../domain/names';

/** What happened with one event, for logs and tests. */
export type EventOutcome = { kind: 'handled'; actions: number } | { kind: 'ignored'; reason: string };

/** Jira issue keys are `<PROJECT>-<number>`. */
export function projectKeyOf(issueKey: string): string {
  return issueKey.slice(0, Math.max(0, issueKey.lastIndexOf('-')));
}

type EventComment = NonNullable<IssueChangeEvent['comment']>;

/**
 * The comment with its visibility: from the event when Jira sent `jsdPublic` (undocumented for Forge events); public
 * when the author's account is a JSM customer account (`accountType` `customer`: customers cannot write internal
 * comments); otherwise read from the comment (2 points). A comment deleted meanwhile counts as not public.
 */
async function withVisibility(
  deps: EventDeps,
  issueKey: string,
  comment: EventComment,
): Promise<EventComment> {
  if (comment.isPublic !== undefined) return comment;
  if (comment.authorAccountType === 'customer') return { ...comment, isPublic: true };
  const isPublic = (await deps.jira.commentIsPublic(issueKey, comment.id)) ?? false;
  return { ...comment, isPublic };
}

/**
 * Handles one created/updated/commented event: decides with the pure rules, acts with idempotency keys, then keeps
 * Delivery tickets in line (§6). The ticket comes from the payload and the due index's copy of the state where
 * they carry what the rules need (`ticketFromPayload`, docs/decisions/0020), and a new Incident or Request from its
 * creation's payload when one search finds no rule acting on what the payload lacks (`askNewTicket`,
 * docs/decisions/0029); otherwise it is read (one GET with only the needed fields and the `jsm-process-state`
 * property). Events for projects the app does not manage, or
 * with the automation switched off, change nothing.
 */
export async function handleIssueChange(
  received: IssueChangeEvent,
  deps: EventDeps,
  now: Date,
): Promise<EventOutcome> {
  const { config: site } = await deps.config.load();
  const projectKey = projectKeyOf(received.issueKey);
  if (!site.projects.includes(projectKey)) return { kind: 'ignored', reason: 'projectNotManaged' };
  const configured: ProjectConfig = configForProject(site, projectKey);
  if (!configured.automation.enabled) return { kind: 'ignored', reason: 'automationDisabled' };
  const mayRun =
    received.kind === 'commented'
      ? await timerMayRun(deps.store, deps.dueIndex, projectKey, received.issueKey)
      : true;
  const left = triageIssueChange({ event: received, timerMayRun: mayRun }, configured);
  if (left !== undefined) {
    // The portal's copy of the ticket is kept on the reads below; an edit left unread (a field no rule watches,
    // such as the organizations or a Non-Software Defect's priority) may change what the portal shows: the copy
    // follows it from the payload where that is exact, or is marked stale (`followPortalCopy`).
    if (received.kind === 'updated') await followPortalCopy(deps.store, received.issueKey, received);
    return { kind: 'ignored', reason: left };
  }
  // Only a public comment by the customer can be a reply. A comment whose author cannot be the customer is left
  // without reading it or the ticket (`mayBeCustomer`).
  if (received.kind === 'commented' && !(await mayBeCustomer(deps, received, now))) {
    await recordCommentEvent(deps.store, false, now);
    return { kind: 'ignored', reason: 'notCustomer' };
  }
  // When the event does not say whether the comment is public, the comment is read before the ticket, so that an
  // internal note is left after one read.
  const visible =
    received.kind === 'commented' && received.comment !== undefined
      ? await withVisibility(deps, received.issueKey, received.comment)
      : undefined;
  if (visible?.isPublic === false) {
    await recordCommentEvent(deps.store, received.comment?.isPublic !== undefined, now);
    return { kind: 'ignored', reason: 'internalComment' };
  }
  // A failed platform check holds automation in dry run, as for the sweep.
  const config = await heldConfig(deps.store, configured);
  const fieldIds = await resolveFieldIds(deps.jira, deps.store, config, now);
  // Whether Forge comment events carry `jsdPublic` on this site is reported by the platform checks.
  if (received.kind === 'commented' && received.comment !== undefined)
    await recordCommentEvent(deps.store, received.comment.isPublic !== undefined, now);
  const entry = await deps.dueIndex.get(received.issueKey);
  const state = parseProcessState(entry?.state);
  // A copy of the state, or of its absence ("no state yet"), with the view it belongs to.
  const known = state !== undefined || entry?.stateless === true;
  const copy =
    known && entry?.basis !== undefined && !entry.viewless ? { state, basis: entry.basis } : undefined;
  const fromPayload = ticketFromPayload(
    visible ? { ...received, comment: visible } : received,
    copy,
    config,
    fieldIds,
  );
  const prepared: Prepared = { deps, config, fieldIds, now, visible, changelog: {} };
  if ('ticket' in fromPayload) {
    const outcome = await decideAndAct(prepared, received, fromPayload.ticket, true);
    if (outcome) {
      // Decided without a read, which would have kept the portal's copy: the copy follows the edit instead.
      if (received.kind === 'updated') await followPortalCopy(deps.store, received.issueKey, received);
      return outcome;
    }
  }
  // A new ticket no decision was taken on yet is first asked whether a rule acts on what its payload lacks
  // (docs/decisions/0029): when not, it is decided from its payload; when so, that search has read it.
  const asked =
    received.kind === 'created' && entry === undefined
      ? await askNewTicket(deps, received, config, fieldIds)
      : undefined;
  if (asked !== undefined && 'quiet' in asked) {
    const outcome = await decideAndAct(prepared, received, asked.quiet, true, false);
    if (outcome) return outcome;
  }
  let read;
  try {
    if (asked !== undefined && 'found' in asked) {
      await keepPortalCopy(deps.store, asked.bean, portalFields(fieldIds));
      read = asked.found;
    } else read = await readTicket(deps, received, fieldIds, config);
  } catch (error) {
    // Deleted meanwhile, or hidden from the app by a security level it is not part of: nothing to act on.
    if (error instanceof JiraHttpError && error.isNotFound)
      return { kind: 'ignored', reason: 'issueNotFound' };
    throw error;
  }
  const { ticket, viaEmail } = read;
  if (ticket.kind === undefined) {
    // A decision that writes nothing on a ticket that may have no entry: it makes one (`keepNoState`).
    await noteDecision(deps.dueIndex, ticket.key, ticket.updated, ticket.state, true);
    return { kind: 'ignored', reason: 'typeNotManaged' };
  }
  return (await decideAndAct(prepared, received, ticket, false, viaEmail)) as EventOutcome;
}

/**
 * Reads the event's ticket (one GET with only the needed fields and the properties), keeping the portal's copy.
 * A ticket created as an Incident (the payload's type) is first searched with the e-mail channel clause, carrying
 * the same fields: a ticket raised by e-mail is then read by that search alone, one read where a GET and the
 * channel's search were two; `viaEmail` is what the search said.
 */
async function readTicket(
  deps: EventDeps,
  received: IssueChangeEvent,
  fieldIds: FieldIds,
  config: ProjectConfig,
): Promise<{ ticket: Ticket; viaEmail?: boolean }> {
  const keep = (bean: IssueBean) => keepPortalCopy(deps.store, bean, portalFields(fieldIds));
  const newIncident =
    received.kind === 'created' && kindOfTypeName(config, received.typeAtEvent) === 'incident';
  const byEmail = newIncident
    ? await searchByEmailChannel(deps, received.issueId, ticketRead(fieldIds))
    : undefined;
  if (byEmail) {
    await keep(byEmail);
    return { ticket: toTicket(byEmail, fieldIds, config), viaEmail: true };
  }
  const ticket = await loadTicket(deps.jira, received.issueId, fieldIds, config, keep);
  // Not by e-mail, or a site that cannot say (the ticket is left as it is).
  return newIncident ? { ticket, viaEmail: false } : { ticket };
}

interface Prepared {
  readonly deps: EventDeps;
  readonly config: ProjectConfig;
  readonly fieldIds: FieldIds;
  readonly now: Date;
  /** The event's comment with its visibility, when the event is a comment. */
  readonly visible: EventComment | undefined;
  /** The changelog, once read for a decision on the payload's ticket, for the decision on the ticket read. */
  readonly changelog: ChangelogMemo;
}

/**
 * Decides with the pure rules on `ticket` and acts with idempotency keys, then keeps Delivery tickets in line.
 * A ticket built from the payload (`fromPayload`) gives way when the decision needs what the payload lacks
 * (`needsTicketFields`): `undefined` then, before anything is written, and the caller reads the ticket.
 */
async function decideAndAct(
  { deps, config, fieldIds, now, visible, changelog }: Prepared,
  received: IssueChangeEvent,
  ticket: Ticket,
  fromPayload: boolean,
  knownViaEmail?: boolean,
): Promise<EventOutcome | undefined> {
  const event = await withChangelogId(deps, ticket.key, received);
  const stored = ticket.state;
  const timerRunning = stored?.timer === 'clarification' || stored?.timer === 'resolved';
  // A comment on a waiting ticket may be the customer's reply: announce a state write before any other write of
  // this handler, so that a handler dying after any of them still leaves the sweep the sign to take its proof
  // before the ticket's next step (docs/decisions/0003), even when the reply landed just before a sweep's write.
  if (event.kind === 'commented' && timerRunning)
    await markStateWrite(deps.store, ticket.id, now.toISOString(), EVENT_WRITER);
  const comment = timerRunning ? visible : undefined;
  const commenter = comment?.isPublic === true ? comment.authorId : undefined;
  // Whoever closed the ticket: a customer may close only a ticket that waits for them (PROCESS.md §3, §4), and the
  // audit entry of a stopped timer says who.
  const closer =
    ticket.status === 'closed' && stored !== undefined && stored.statusId !== ticket.statusId
      ? event.actorId
      : undefined;
  const person = commenter ?? closer;
  const byCustomer = person !== undefined ? await isCustomer(deps, ticket, person) : undefined;
  const viaEmail =
    event.kind === 'created' && ticket.kind === 'incident'
      ? (knownViaEmail ?? (await cameByEmail(deps, ticket.id)))
      : undefined;
  const clarificationOrigin = await clarificationOriginFromChangelog(
    deps,
    ticket,
    event,
    stored,
    config,
    changelog,
  );
  const input: RuleInput = {
    event: comment ? { ...event, comment } : event,
    ...(clarificationOrigin ? { clarificationOrigin } : {}),
    ticket,
    config,
    now,
    fieldIds,
    ...(byCustomer !== undefined ? { byCustomer } : {}),
    ...(viaEmail !== undefined ? { viaEmail } : {}),
  };
  const decision = decideIssueChange(input);
  if (fromPayload && needsTicketFields(decision.actions)) return undefined;
  const { state: written, reverted } = await executeEventActions(
    {
      deps,
      ticket,
      config,
      now,
      stored,
      ...(event.actorId ? { actorId: event.actorId } : {}),
      ...(event.cloudId ? { cloudId: event.cloudId } : {}),
    },
    decision.state,
    decision.actions,
  );
  // Written or not: no event older than this view of the ticket may be decided from its payload any more.
  await noteDecision(deps.dueIndex, ticket.key, ticket.updated, stored);
  // A ticket read without a state, or a new one decided from its creation's payload, that this decision left
  // without one (it recorded nothing but the status): the entry says "no state yet" as of this view, so that the
  // ticket's next event is decided from its payload. A write made meanwhile has its entry already, which this
  // leaves as it is (docs/decisions/0020).
  if ((!fromPayload || event.kind === 'created') && stored === undefined && ticket.updated !== undefined)
    await keepNoState(deps.dueIndex, ticket.key, ticket.updated);
  // A change set back leaves the ticket where it was; one the workflow had no way back for keeps it where the
  // change put it, and the Delivery rules apply there.
  if (!reverted)
    await syncDeliveryForEvent(deps, { event, ticket: { ...ticket, state: written }, config, now, fieldIds });
  return { kind: 'handled', actions: decision.actions.length };
}
