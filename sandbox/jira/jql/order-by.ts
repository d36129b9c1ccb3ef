import type { Resolve } from './evaluate';
import type { JqlContext } from './types';
import { compareScalars, modeOf, sortScalarOf } from './values';

export interface OrderByPlan {
  field: string;
  descending: boolean;
}

/** Jira accepts at most this many ORDER BY fields (search/jql spec text). */
export const MAX_ORDER_BY_FIELDS = 7;

/**
 * Compares two issues by the ORDER BY fields in turn. Fields without a direction sort ascending. An empty value
 * sorts after every value in ascending order and before them in descending order, as in Jira's issue navigator.
 */
export function compareIssues(
  orderBy: OrderByPlan[],
  a: unknown,
  b: unknown,
  ctx: JqlContext,
  resolve: Resolve,
): number {
  for (const { field, descending } of orderBy) {
    const ref = resolve(field);
    const va = sortScalarOf(ctx.fieldValue(a, ref));
    const vb = sortScalarOf(ctx.fieldValue(b, ref));
    let c: number;
    if (va === undefined || vb === undefined) c = va === vb ? 0 : va === undefined ? 1 : -1;
    else c = compareScalars(va, vb, modeOf(ref)) ?? String(va).localeCompare(String(vb));
    if (c !== 0) return descending ? -c : c;
  }
  return 0;
}
