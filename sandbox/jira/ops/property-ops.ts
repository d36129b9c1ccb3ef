import { type OpContext, pathParam, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { propertyProblem } from '../mutations/update-input';
import { SITE_URL } from '../render/format';
import { staffOf } from './staff';

/**
 * Issue entity properties. Writes need *Edit issues* (staff); they change no field, so Jira emits no
 * `updated:issue` for them — the simulator neither. Last write wins (no optimistic locking).
 */
export function getIssuePropertyKeys(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const keys = Object.keys(issue.properties).map((key) => ({
    key,
    self: `${SITE_URL}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
  }));
  return { reply: { status: 200, body: { keys } }, objects: keys.length };
}

export function getIssueProperty(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const key = pathParam(ctx, 'propertyKey');
  if (!(key in issue.properties))
    throw platformError(404, [`The property with key '${key}' does not exist.`]);
  return { reply: { status: 200, body: { key, value: issue.properties[key] } }, objects: 1 };
}

/** PUT: the body is the raw JSON value; 201 when created, 200 when replaced. */
export function setIssueProperty(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  if (!staffOf(ctx, issue)) throw platformError(403, ['You do not have permission to edit this issue.']);
  const key = pathParam(ctx, 'propertyKey');
  const problem = propertyProblem(key, ctx.body);
  if (problem) throw platformError(400, [problem]);
  return {
    objects: 1,
    issueKey: issue.key,
    commit: () => {
      const existed = key in issue.properties;
      issue.properties[key] = ctx.body;
      return { status: existed ? 200 : 201 };
    },
  };
}

export function deleteIssueProperty(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  if (!staffOf(ctx, issue)) throw platformError(403, ['You do not have permission to edit this issue.']);
  const key = pathParam(ctx, 'propertyKey');
  if (!(key in issue.properties))
    throw platformError(404, [`The property with key '${key}' does not exist.`]);
  return {
    objects: 1,
    issueKey: issue.key,
    commit: () => {
      delete issue.properties[key];
      return { status: 204 };
    },
  };
}
