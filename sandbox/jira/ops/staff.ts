import type { OpContext } from '../http/context';
import type { SimIssue } from '../model/types';
import { isStaff } from '../permissions';

/** Whether the caller is staff (app or agent) on the issue's project: sees internal comments, may edit. */
export function staffOf(ctx: OpContext, issue: SimIssue): boolean {
  const project = ctx.store.projects.get(issue.projectId);
  return project !== undefined && isStaff(ctx.store, ctx.principal, project);
}
