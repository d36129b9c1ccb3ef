import { bodyObject, type OpContext, visibleIssue } from '../http/context';
import { type Outcome, serviceDeskError } from '../http/reply';
import type { PlannedChange } from '../mutations/field-input';
import { userDto } from '../render/entities';
import { jsmPage } from '../render/jsm-paging';
import { staffOf } from './staff';

/** Id of JSM's "Request participants" field on the demo site (its changelog items name it). */
export const REQUEST_PARTICIPANTS_FIELD = 'customfield_10001';

function participantsChange(ctx: OpContext, before: string[], after: string[]): PlannedChange {
  const names = (ids: string[]) => ids.map((id) => ctx.store.users.get(id)?.displayName ?? id).join(', ');
  return {
    item: {
      field: 'Request participants',
      fieldtype: 'custom',
      fieldId: REQUEST_PARTICIPANTS_FIELD,
      from: before.length > 0 ? before.join(', ') : null,
      fromString: before.length > 0 ? names(before) : null,
      to: after.join(', '),
      toString: names(after),
    },
    apply: (issue) => (issue.participantAccountIds = [...after]),
  };
}

/**
 * POST /rest/servicedeskapi/request/{issueIdOrKey}/participant — `{accountIds}` (`usernames` is gone since the
 * GDPR API migration). Agents (and the app) manage participants; a customer may share their own request. Every
 * account must exist (400 otherwise, nothing added); accounts already taking part are skipped. Request
 * participants is a field of the issue: a real addition is one history entry and one `updated:issue` event,
 * exactly as Jira records it; adding nobody new changes nothing and emits nothing. Answers the participants.
 */
export function addRequestParticipants(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const { accountIds = [], usernames = [] } = bodyObject(ctx) as {
    accountIds?: string[];
    usernames?: string[];
  };
  if (usernames.length > 0)
    throw serviceDeskError(
      400,
      'Usernames are no longer supported; use accountIds.',
      'sd.participant.usernames',
    );
  if (!staffOf(ctx, issue) && issue.reporterAccountId !== ctx.actor)
    throw serviceDeskError(
      403,
      'You do not have permission to manage participants of this request.',
      'sd.participant.permission',
    );
  const unknown = accountIds.find((id) => !ctx.store.users.has(id));
  if (unknown !== undefined)
    throw serviceDeskError(400, `The user '${unknown}' does not exist.`, 'sd.participant.user.invalid');
  const before = [...issue.participantAccountIds];
  const added = [...new Set(accountIds)].filter((id) => !before.includes(id));
  return {
    objects: before.length + added.length,
    issueKey: issue.key,
    commit: () => {
      if (added.length > 0)
        ctx.writer.update(issue, ctx.actor, ctx.principal, [
          participantsChange(ctx, before, [...before, ...added]),
        ]);
      const all = issue.participantAccountIds.map((id) => userDto(ctx.store, id));
      return {
        status: 200,
        body: jsmPage(
          all,
          0,
          Math.max(50, all.length),
          `/rest/servicedeskapi/request/${issue.id}/participant`,
        ),
      };
    },
  };
}
