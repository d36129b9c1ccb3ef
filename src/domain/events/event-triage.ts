import type { ProjectConfig } from '../config';
import type { Kind } from '../kinds';
import { SHIPPED_KINDS } from '../delivery';
import { kindOfTypeName, sameName, statusOfName } from '../names';
import type { StatusKey } from '../statuses';
import type { ChangeItem, IssueChangeEvent } from './issue-change';

/** What the event handler knows before any Jira call: the event, and whether a timer may be running. */
export interface TriageFacts {
  readonly event: IssueChangeEvent;
  /**
   * Whether a timer with a due time may run on the ticket (its due-index entry has a due time, or the index is not
   * built yet and so cannot say no).
   */
  readonly timerMayRun: boolean;
}

/**
 * Whether an event can change anything, decided from its payload alone, so that an event no rule reacts to costs
 * no Jira point. `undefined`: handle it (read the ticket); otherwise the reason it is left.
 * - created: always handled (timers, e-mail intake, confidentiality, on-call, §5 note);
 * - a type the app does not manage, unless the event changes the type (a reclassification may need reverting);
 * - commented: only a comment that may be public, on a ticket whose timer may run, can be a customer's reply;
 * - updated: only changes of status, type, the Confidential field, the priority of a Software Defect (the §5 note; no
 *   other kind can get a wrong priority), the assignee while the ticket is in Open (the first assignment starts the
 *   restoration clock; leaving Open started it already), the Delivery version of a shipped kind while the ticket is
 *   in Delivery Pending (its Delivery link, PROCESS.md §6: a version set before the move is read by the move's own
 *   event), or any change of a Delivery ticket (a Planned Delivery edited picks up waiting tickets).
 *
 * @example
 * triageIssueChange({ event: { kind: 'updated', items: [{ field: 'summary' }], … }, timerMayRun: true }, cfg); // 'nothingWatched'
 */
export function triageIssueChange(facts: TriageFacts, config: ProjectConfig): string | undefined {
  const { event } = facts;
  const typeAtEvent = event.typeAtEvent;
  if (event.kind === 'created') return undefined;
  const typeChanged = event.items.some((item) => (item.fieldId ?? item.field) === 'issuetype');
  const kind = typeAtEvent === undefined ? undefined : kindOfTypeName(config, typeAtEvent);
  if (typeAtEvent !== undefined && kind === undefined && !typeChanged) return 'typeNotManaged';
  if (event.kind === 'commented') {
    if (event.comment?.isPublic === false) return 'internalComment';
    return facts.timerMayRun ? undefined : 'noTimerRunning';
  }
  if (kind === 'delivery' || typeAtEvent === undefined) return undefined;
  const watched = event.items.some((item) => watches(item, kind, event, config));
  return watched ? undefined : 'nothingWatched';
}

/** Whether a rule reacts to the change `item` of an update of a ticket of `kind` (see {@link triageIssueChange}). */
function watches(
  item: ChangeItem,
  kind: Kind | undefined,
  event: IssueChangeEvent,
  config: ProjectConfig,
): boolean {
  const field = item.fieldId ?? item.field;
  if (field === 'status' || field === 'issuetype') return true;
  if (field === 'priority') return kind === 'softwareDefect';
  if (field === 'assignee') return statusAtEventMayBe(event, config, 'open');
  const fields = config.names.fields;
  if (sameName(fields.deliveryVersion, item.field))
    return (
      kind !== undefined &&
      SHIPPED_KINDS.includes(kind) &&
      statusAtEventMayBe(event, config, 'deliveryPending')
    );
  return sameName(fields.confidential, item.field);
}

/** Whether the ticket may have been in `status` when the event happened: yes, unless the payload names another. */
function statusAtEventMayBe(event: IssueChangeEvent, config: ProjectConfig, status: StatusKey): boolean {
  const name = event.statusAtEvent?.name;
  return name === undefined || statusOfName(config, name) === status;
}
