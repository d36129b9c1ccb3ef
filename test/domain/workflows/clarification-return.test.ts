import { checkStatusChange, leavesClarificationFreely } from '../../../src/domain/workflows';
import { STATUSES } from '../../../src/domain/statuses';
import { CLARIFICATION_KINDS, workingStatuses } from '../../../src/domain/workflows/workflow-table';
import type { StatusKey } from '../../../src/domain/statuses';
import { WORKFLOWS } from '../../../src/domain/workflows/workflow-table';

/** Expected targets from Clarification per (C) kind and origin: the origin, In Progress where the kind has it, Closed. */
function expected(kind: (typeof CLARIFICATION_KINDS)[number], origin: StatusKey): StatusKey[] {
  const statuses: readonly StatusKey[] = WORKFLOWS[kind].statuses;
  return statuses.filter((to) => to === origin || to === 'inProgress' || to === 'closed');
}

describe('returns from Clarification with a known origin (PROCESS.md §3)', () => {
  const cases = CLARIFICATION_KINDS.flatMap((kind) =>
    workingStatuses(kind).map((origin) => [kind, origin] as const),
  );

  it.each(cases)('%s entered from %s returns only there, to In Progress or Closed', (kind, origin) => {
    const statuses: readonly StatusKey[] = WORKFLOWS[kind].statuses;
    const allowed = statuses.filter(
      (to) =>
        to !== 'clarification' &&
        checkStatusChange(kind, 'clarification', to, { previousWorkingStatus: origin }).allowed,
    );
    expect(allowed).toEqual(expected(kind, origin));
  });

  it('without an origin accepts every working status (installed mid-cycle)', () => {
    expect(checkStatusChange('softwareDefect', 'clarification', 'open').allowed).toBe(true);
    expect(checkStatusChange('softwareDefect', 'clarification', 'deliveryPending').allowed).toBe(true);
  });

  it('an origin the kind does not have (re-typed in Clarification) counts as unknown', () => {
    // A Software Defect from Delivery Pending re-typed to Non-Software Defect, which has no Delivery Pending.
    const ctx = { previousWorkingStatus: 'deliveryPending' as const };
    expect(checkStatusChange('nonSoftwareDefect', 'clarification', 'open', ctx).allowed).toBe(true);
    // A Support Request has neither the origin nor In Progress: it must still be able to leave Clarification.
    expect(checkStatusChange('supportRequest', 'clarification', 'open', ctx).allowed).toBe(true);
  });

  it('refuses Open after entering from In Progress', () => {
    const verdict = checkStatusChange('softwareDefect', 'clarification', 'open', {
      previousWorkingStatus: 'inProgress',
    });
    expect(verdict.allowed).toBe(false);
  });
});

describe('leaving Clarification where the origin decides nothing', () => {
  const cases = CLARIFICATION_KINDS.flatMap((kind) =>
    WORKFLOWS[kind].statuses.map((to) => [kind, to] as const),
  );

  it.each(cases)('%s to %s', (kind, to) => {
    // Written by hand: staying, Closed, In Progress (where the kind has it) and the only working status of a kind
    // with one are allowed from wherever the ticket came.
    const working = workingStatuses(kind);
    const free =
      to === 'clarification' ||
      to === 'closed' ||
      (working.includes(to) && (to === 'inProgress' || working.length === 1));
    expect(leavesClarificationFreely(kind, to)).toBe(free);
    if (!free) return;
    for (const origin of [undefined, ...STATUSES]) {
      const ctx = origin ? { previousWorkingStatus: origin } : {};
      expect(checkStatusChange(kind, 'clarification', to, ctx)).toEqual({ allowed: true });
    }
  });
});
