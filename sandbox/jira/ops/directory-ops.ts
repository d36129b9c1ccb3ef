import { type OpContext, queryInt } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { userBean } from '../render/entities';

function window(ctx: OpContext, fallback: number): { startAt: number; maxResults: number } {
  return {
    startAt: Math.max(0, queryInt(ctx, 'startAt', 0)),
    maxResults: Math.min(1000, Math.max(1, queryInt(ctx, 'maxResults', fallback))),
  };
}

/**
 * GET /rest/api/3/users/search — every account of the site (active or not, customers and apps included), a
 * plain array, 50 by default. Needs the *Browse users and groups* global permission, which portal customers
 * never hold: they are refused with 403.
 */
export function getAllUsers(ctx: OpContext): Outcome {
  if (ctx.principal.kind === 'user') {
    const caller = ctx.store.users.get(ctx.principal.accountId);
    if (!caller || caller.accountType !== 'atlassian')
      throw platformError(403, ['You do not have the permission to browse users and groups.']);
  }
  const { startAt, maxResults } = window(ctx, 50);
  const values = [...ctx.store.users.values()].slice(startAt, startAt + maxResults).map(userBean);
  return { reply: { status: 200, body: values }, objects: 0, accessObjects: values.length };
}
