import type { Audit, ExecutionContext } from '../../../src/app/events/execution-context';
import { performRevert } from '../../../src/app/events/revert-change';
import type { CommentInput } from '../../../src/app/ports/jira';
import { JiraHttpError, UpstreamError } from '../../../src/app/ports/jira-errors';
import type { MessageRef } from '../../../src/domain/actions';
import type { RevertStatusAction, RevertTypeAction } from '../../../src/domain/events/event-actions';
import { initialState, PROCESS_STATE_KEY, withFlag } from '../../../src/domain/process-state';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const STATE = initialState(new Date('2026-11-27T09:00:00.000Z'), 's-open');
const WRITTEN = { ...STATE, updatedAt: NOW.toISOString() };

const revertStatus: RevertStatusAction = {
  type: 'revertStatus',
  toStatusId: 's-open',
  toStatusName: 'Open',
  comment: {
    visibility: 'internal',
    messageKey: 'transitionRefused',
    params: { ticketKey: 'SD-1', from: 'Open', to: 'Closed', reason: 'not allowed' },
  },
  flag: 'transitionNotReverted',
  idempotencyKey: '10001:revertStatus:h1',
};
const revertType: RevertTypeAction = {
  type: 'revertType',
  toTypeId: 't-sr',
  comment: {
    visibility: 'internal',
    messageKey: 'reclassificationRefused',
    params: { ticketKey: 'SD-1', fromType: 'Support Request', toType: 'Suggestion', reason: 'not allowed' },
  },
  flag: 'reclassificationNotReverted',
  idempotencyKey: '10001:revertType:h2',
};

/**
 * Jira reduced to the calls of a revert; `transitions` offered (as many answers as reads: the last repeats),
 * `editFails` thrown by the first edit, `transitionFails` by the first transition.
 */
function fakeJira(
  options: {
    transitions?: { id: string; to: { id: string; name?: string } }[][];
    editFails?: Error;
    transitionFails?: Error;
  } = {},
) {
  const calls: { call: string; args: unknown[] }[] = [];
  let editFails = options.editFails;
  let transitionFails = options.transitionFails;
  let reads = 0;
  const answers = options.transitions ?? [[]];
  const jira = {
    async getTransitions(key: string) {
      calls.push({ call: 'getTransitions', args: [key] });
      const answer = answers[Math.min(reads, answers.length - 1)] ?? [];
      reads += 1;
      return answer.map((t) => ({ id: t.id, to: { id: t.to.id, name: t.to.name ?? `status ${t.to.id}` } }));
    },
    async doTransition(...args: unknown[]) {
      calls.push({ call: 'doTransition', args });
      const failure = transitionFails;
      transitionFails = undefined;
      if (failure) throw failure;
    },
    async editIssue(...args: unknown[]) {
      calls.push({ call: 'editIssue', args });
      const failure = editFails;
      editFails = undefined;
      if (failure) throw failure;
    },
  };
  return { jira, calls };
}

const render = async (ref: MessageRef, occurrence: string): Promise<CommentInput> =>
  ({ body: `text of ${ref.messageKey}`, internal: true, occurrence }) as unknown as CommentInput;

async function revert(
  action: RevertStatusAction | RevertTypeAction,
  jira: ReturnType<typeof fakeJira>,
  fields: Record<string, unknown> = {},
  store = new MemoryStore(),
) {
  const ctx = {
    deps: { jira: jira.jira, store },
    ticket: { key: 'SD-1', projectKey: 'SD', typeId: 't-sr', statusId: 's-closed' },
    now: NOW,
  } as unknown as ExecutionContext;
  const audits: Audit[] = [];
  const result = await performRevert(ctx, action, STATE, fields, render, audits);
  return { result, audits };
}

const comment = (action: RevertStatusAction | RevertTypeAction) => ({
  body: `text of ${action.comment.messageKey}`,
  internal: true,
  occurrence: action.idempotencyKey,
});

describe('performRevert: a forbidden change is set back in one call, or flagged where there is no way back', () => {
  it('a status change: one transition back carrying the internal comment and the state, audited done', async () => {
    const jira = fakeJira({
      transitions: [
        [
          { id: '11', to: { id: 's-closed' } },
          { id: '21', to: { id: 's-open' } },
        ],
      ],
    });
    const { result, audits } = await revert(revertStatus, jira);
    expect(result).toEqual({ reverted: true, state: STATE });
    expect(jira.calls).toEqual([
      { call: 'getTransitions', args: ['SD-1'] },
      {
        call: 'doTransition',
        args: [
          'SD-1',
          {
            id: '21',
            comment: comment(revertStatus),
            properties: [{ key: PROCESS_STATE_KEY, value: WRITTEN }],
          },
        ],
      },
    ]);
    expect(audits).toEqual([
      { action: 'transitionReverted', outcome: 'done', idempotencyKey: revertStatus.idempotencyKey },
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['no field to write', {}, {}],
    ['fields of the event to write', { customfield_1: 'x' }, { fields: { customfield_1: 'x' } }],
  ])(
    'a status change without a way back, %s: one edit, the comment as a warning, the state flagged, no notification',
    async (_, fields, written) => {
      const jira = fakeJira({ transitions: [[{ id: '11', to: { id: 's-closed' } }]] });
      const { result, audits } = await revert(revertStatus, jira, fields);
      const flagged = withFlag(STATE, 'transitionNotReverted');
      expect(result).toEqual({ reverted: false, state: flagged });
      expect(jira.calls.slice(1)).toEqual([
        {
          call: 'editIssue',
          args: [
            'SD-1',
            {
              ...written,
              comment: comment(revertStatus),
              properties: [{ key: PROCESS_STATE_KEY, value: { ...flagged, updatedAt: NOW.toISOString() } }],
            },
            { notifyUsers: false },
          ],
        },
      ]);
      expect(audits).toEqual([
        {
          action: 'transitionReverted',
          outcome: 'failed',
          detail: 'noWayBack',
          idempotencyKey: revertStatus.idempotencyKey,
        },
      ]);
    },
  );

  it('a second revert from the same workflow and status takes the kept transition: no read of the transitions', async () => {
    const store = new MemoryStore();
    const offered = [[{ id: '21', to: { id: 's-open' } }]];
    await revert(revertStatus, fakeJira({ transitions: offered }), {}, store);
    const again = fakeJira({ transitions: offered });
    const { result } = await revert(revertStatus, again, {}, store);
    expect(result.reverted).toBe(true);
    expect(again.calls.map((c) => c.call)).toEqual(['doTransition']);
    expect((again.calls[0]?.args[1] as { id: string }).id).toBe('21');
  });

  it('a kept transition Jira refuses (400: the workflow was edited) is read again and the revert takes the new one', async () => {
    const store = new MemoryStore();
    await revert(revertStatus, fakeJira({ transitions: [[{ id: '21', to: { id: 's-open' } }]] }), {}, store);
    const jira = fakeJira({
      transitions: [[{ id: '31', to: { id: 's-open' } }]],
      transitionFails: new JiraHttpError('doTransition', 400, '{}'),
    });
    const { result, audits } = await revert(revertStatus, jira, {}, store);
    expect(result).toEqual({ reverted: true, state: STATE });
    expect(jira.calls.map((c) => [c.call, (c.args[1] as { id?: string } | undefined)?.id])).toEqual([
      ['doTransition', '21'],
      ['getTransitions', undefined],
      ['doTransition', '31'],
    ]);
    expect(audits).toEqual([
      { action: 'transitionReverted', outcome: 'done', idempotencyKey: revertStatus.idempotencyKey },
    ]);
  });

  it('a kept transition refused and no longer offered: the warning and the flag instead', async () => {
    const store = new MemoryStore();
    await revert(revertStatus, fakeJira({ transitions: [[{ id: '21', to: { id: 's-open' } }]] }), {}, store);
    const jira = fakeJira({
      transitions: [[]],
      transitionFails: new JiraHttpError('doTransition', 400, '{}'),
    });
    const { result, audits } = await revert(revertStatus, jira, {}, store);
    expect(result).toEqual({ reverted: false, state: withFlag(STATE, 'transitionNotReverted') });
    expect(jira.calls.map((c) => c.call)).toEqual(['doTransition', 'getTransitions', 'editIssue']);
    expect(audits[0]).toMatchObject({ outcome: 'failed', detail: 'noWayBack' });
  });

  it.each([
    [
      'a 400 for the transition Jira still offers (a validator refused it)',
      new JiraHttpError('doTransition', 400, '{}'),
      2,
    ],
    ['another refusal', new JiraHttpError('doTransition', 403, '{}'), 1],
    ['an outage', new UpstreamError('doTransition', 'HTTP 503'), 1],
  ])('a revert transition failing with %s is thrown, nothing flagged', async (_, error, transitionReads) => {
    const jira = fakeJira({ transitions: [[{ id: '21', to: { id: 's-open' } }]], transitionFails: error });
    await expect(revert(revertStatus, jira)).rejects.toBe(error);
    expect(jira.calls.filter((c) => c.call === 'getTransitions')).toHaveLength(transitionReads);
    expect(jira.calls.some((c) => c.call === 'editIssue')).toBe(false);
  });

  it('a type change: one edit back to the old type with the event’s fields, the comment and the state', async () => {
    const jira = fakeJira();
    const { result, audits } = await revert(revertType, jira, { customfield_1: 'x' });
    expect(result).toEqual({ reverted: true, state: STATE });
    expect(jira.calls).toEqual([
      {
        call: 'editIssue',
        args: [
          'SD-1',
          {
            fields: { customfield_1: 'x', issuetype: { id: 't-sr' } },
            comment: comment(revertType),
            properties: [{ key: PROCESS_STATE_KEY, value: WRITTEN }],
          },
          { notifyUsers: false },
        ],
      },
    ]);
    expect(audits).toEqual([
      { action: 'reclassificationReverted', outcome: 'done', idempotencyKey: revertType.idempotencyKey },
    ]);
  });

  it('a type change Jira refuses (400: the types need a move): the warning and the flag instead', async () => {
    const jira = fakeJira({ editFails: new JiraHttpError('editIssue', 400, '{}') });
    const { result, audits } = await revert(revertType, jira);
    const flagged = withFlag(STATE, 'reclassificationNotReverted');
    expect(result).toEqual({ reverted: false, state: flagged });
    expect(jira.calls[1]).toEqual({
      call: 'editIssue',
      args: [
        'SD-1',
        {
          comment: comment(revertType),
          properties: [{ key: PROCESS_STATE_KEY, value: { ...flagged, updatedAt: NOW.toISOString() } }],
        },
        { notifyUsers: false },
      ],
    });
    expect(audits).toEqual([
      {
        action: 'reclassificationReverted',
        outcome: 'failed',
        detail: 'noWayBack',
        idempotencyKey: revertType.idempotencyKey,
      },
    ]);
  });

  it.each([
    ['another refusal', new JiraHttpError('editIssue', 403, '{}')],
    ['an outage', new UpstreamError('editIssue', 'HTTP 503')],
  ])('a type change failing with %s is thrown, nothing flagged', async (_, error) => {
    const jira = fakeJira({ editFails: error });
    await expect(revert(revertType, jira)).rejects.toBe(error);
    expect(jira.calls).toHaveLength(1);
  });
});
