import { bodyObject, header, type OpContext, queryList, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { newIssue } from '../model/new-issue';
import { planFieldChange } from '../mutations/field-input';
import { CHANNEL_HEADER, requestChannelOf } from '../mutations/request-channel';
import { parseIssueUpdate } from '../mutations/update-input';
import { applyCreateExtras, parseCreateExtras } from '../mutations/create-extras';
import { hasPermission, isStaff } from '../permissions';
import { issueBean, selectFields } from '../render/issue-bean';
import { SITE_URL } from '../render/format';
import { typeChangeRefusal } from '../mutations/workflow-rules';
import { staffOf } from './staff';

/**
 * At most this many histories come embedded with `expand=changelog` on `GET /issue`; `total` counts all of them
 * and the rest needs `GET /issue/{key}/changelog`. Jira's reference does not say how many or which; 100 (the
 * changelog endpoint's page) is what sites are reported to embed, and which part is `issueChangelogWindow`.
 */
export const ISSUE_CHANGELOG_LIMIT = 100;

/** GET /rest/api/3/issue/{issueIdOrKey} — `fields` default all, `expand`, `properties`. */
export function getIssue(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const properties = queryList(ctx, 'properties');
  const bean = issueBean(ctx.store, issue, {
    fields: selectFields(ctx.store, queryList(ctx, 'fields'), '*all'),
    properties: properties.includes('*all') ? '*all' : properties,
    expand: new Set(queryList(ctx, 'expand')),
    showInternal: staffOf(ctx, issue),
    viewerAccountId: ctx.actor,
    changelogLimit: ISSUE_CHANGELOG_LIMIT,
    changelogWindow: ctx.store.issueChangelogWindow,
  });
  return { reply: { status: 200, body: bean }, objects: 1 };
}

/**
 * PUT /rest/api/3/issue/{issueIdOrKey} — `fields`, `update` (incl. `comment: [{add}]`), `properties`.
 * `notifyUsers` is accepted; the simulator sends no notifications either way. Property-only edits change no
 * field and therefore emit no `updated:issue` (as in Jira).
 */
export function editIssue(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const project = ctx.store.projects.get(issue.projectId);
  if (!project || !isStaff(ctx.store, ctx.principal, project)) {
    throw platformError(403, ['You do not have permission to edit issues in this project.']);
  }
  const parsed = parseIssueUpdate(ctx.store, issue, bodyObject(ctx), { kind: 'edit' }, true);
  if ('errors' in parsed) throw platformError(400, parsed.errorMessages, parsed.errors);
  // A type change runs the installed app's `workItemTypeChanged` action validators first; a refusal changes nothing.
  const newTypeId = parsed.changes.find((c) => c.item?.field === 'issuetype')?.item?.to;
  const refusal = newTypeId ? typeChangeRefusal(ctx.store, issue, newTypeId, ctx.actor) : undefined;
  if (refusal !== undefined) throw platformError(400, [refusal]);
  return {
    objects: 1,
    issueKey: issue.key,
    commit: () => {
      if (parsed.changes.length > 0) ctx.writer.update(issue, ctx.actor, ctx.principal, parsed.changes);
      for (const comment of parsed.comments) ctx.writer.comment(issue, ctx.actor, ctx.principal, comment);
      for (const { key, value } of parsed.properties) issue.properties[key] = value;
      return { status: 204 };
    },
  };
}

/**
 * POST /rest/api/3/issue — create in a project the caller may create in. Starts in the workflow's initial
 * status; `customfield_10010` (request type) takes the request type id as a string. The request channel is
 * `api` unless the simulator's `x-sim-request-channel` header says otherwise (see `request-channel.ts`).
 */
export function createIssue(ctx: OpContext): Outcome {
  const body = bodyObject(ctx);
  const fields = { ...((body.fields ?? {}) as Record<string, unknown>) };
  const projectRef = fields.project as { id?: string; key?: string } | undefined;
  const project = ctx.store.projectByKeyOrId(projectRef?.id ?? projectRef?.key ?? '');
  if (!project || !hasPermission(ctx.store, ctx.principal, 'CREATE_ISSUES', project)) {
    throw platformError(400, [], { project: 'valid project is required' });
  }
  const typeRef = fields.issuetype as { id?: string; name?: string } | undefined;
  const type = typeRef?.id
    ? ctx.store.issueTypes.get(typeRef.id)
    : ctx.store.issueTypeByName(typeRef?.name ?? '');
  const workflow = type ? project.workflows[type.id] : undefined;
  if (!type || !workflow) throw platformError(400, [], { issuetype: 'Specify an issue type' });
  if (typeof fields.summary !== 'string' || fields.summary.trim() === '') {
    throw platformError(400, [], { summary: 'You must specify a summary of the issue.' });
  }
  const channel = requestChannelOf(ctx.store, ctx.principal, project, header(ctx, CHANNEL_HEADER));
  if ('error' in channel) throw platformError(400, [channel.error]);
  const created = new Date().toISOString();
  const draft = newIssue({
    id: '',
    key: '',
    projectId: project.id,
    issueTypeId: type.id,
    statusId: workflow.initialStatusId,
    summary: fields.summary,
    reporterAccountId: ctx.actor,
    created,
    channel: channel.channel,
  });
  const errors: Record<string, string> = {};
  const changes = Object.entries(fields)
    .filter(([id]) => !['project', 'issuetype', 'summary'].includes(id))
    .flatMap(([id, value]) => {
      const change = planFieldChange(ctx.store, draft, id, value);
      if (typeof change === 'string') errors[id] = change;
      return typeof change === 'string' ? [] : [change];
    });
  if (Object.keys(errors).length > 0) throw platformError(400, [], errors);
  const extras = parseCreateExtras(ctx.store, ctx.principal, body);
  if (typeof extras === 'string') throw platformError(400, [extras]);
  return {
    objects: 1,
    commit: () => {
      draft.id = ctx.store.nextId('issue');
      draft.key = `${project.key}-${project.nextIssueNumber++}`;
      for (const change of changes) change.apply(draft);
      // A request raised by a customer is shared with their organization (PROCESS.md §1).
      if (
        draft.organizationIds.length === 0 &&
        ctx.principal.kind === 'user' &&
        !isStaff(ctx.store, ctx.principal, project)
      ) {
        draft.organizationIds = ctx.store
          .organizationsOf(ctx.actor)
          .slice(0, 1)
          .map((o) => o.id);
      }
      ctx.writer.create(draft, ctx.actor, ctx.principal);
      applyCreateExtras(ctx.store, extras, draft, (link) => ctx.writer.link(link, ctx.actor, ctx.principal));
      return {
        status: 201,
        body: { id: draft.id, key: draft.key, self: `${SITE_URL}/rest/api/3/issue/${draft.id}` },
      };
    },
  };
}
