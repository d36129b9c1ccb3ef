import { alertOnce } from '../../../src/app/events/on-call-alert-once';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { ExecutionContext } from '../../../src/app/events/execution-context';
import type { OnCallAlert } from '../../../src/app/events/on-call-port';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { onCallSeen } from '../../../src/app/shared/platform-observations';
import { projectConfig, ticket } from '../../domain/events/rule-fixtures';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-28T10:00:00Z');
const ACTION = {
  type: 'alertOnCall',
  mode: 'webhook',
  target: 'https://oncall.example.com/hook',
  idempotencyKey: '10001:onCall',
} as const;

/** An execution context whose pager records each alert, or fails with `failure`. */
function context(store: MemoryStore, cloudId?: string, failure?: Error) {
  const sent: OnCallAlert[] = [];
  const pager = {
    alert: async (alert: OnCallAlert) => {
      sent.push(alert);
      if (failure) throw failure;
    },
  };
  const deps = { store, ledger: new ActionLedger(store), pager } as unknown as EventDeps;
  const ctx: ExecutionContext = {
    deps,
    ticket: ticket(),
    config: projectConfig(),
    now: NOW,
    stored: undefined,
    ...(cloudId ? { cloudId } : {}),
  };
  return { ctx, sent };
}

describe('alertOnce: on-call is paged at most once per key (PROCESS.md §1)', () => {
  it('sends one alert naming the ticket by ids only, records the answer and completes the claim', async () => {
    const store = new MemoryStore();
    const { ctx, sent } = context(store, 'cloud-1');
    await expect(alertOnce(ctx, ACTION)).resolves.toStrictEqual({
      action: 'onCallAlert',
      outcome: 'done',
      idempotencyKey: '10001:onCall',
    });
    expect(sent).toStrictEqual([
      {
        mode: 'webhook',
        target: 'https://oncall.example.com/hook',
        issueKey: 'SD-1',
        issueId: '10001',
        issueUrl: '/browse/SD-1',
        idempotencyKey: '10001:onCall',
        cloudId: 'cloud-1',
      },
    ]);
    await expect(onCallSeen(store)).resolves.toStrictEqual({
      at: NOW.toISOString(),
      ok: true,
      detail: 'accepted',
    });
    await expect(new ActionLedger(store).claim('10001:onCall', NOW)).resolves.toMatchObject({ kind: 'done' });
  });

  it('without a cloud id the alert carries none', async () => {
    const { ctx, sent } = context(new MemoryStore());
    await alertOnce(ctx, ACTION);
    expect(sent[0]).not.toHaveProperty('cloudId');
  });

  it('a second delivery, after or during the first, is skipped without paging', async () => {
    const store = new MemoryStore();
    const first = context(store);
    await alertOnce(first.ctx, ACTION);
    const skipped = {
      action: 'onCallAlert',
      outcome: 'skipped',
      detail: 'alreadyDone',
      idempotencyKey: '10001:onCall',
    };
    await expect(alertOnce(context(store).ctx, ACTION)).resolves.toStrictEqual(skipped);

    const racing = new MemoryStore();
    const [a, b] = [context(racing), context(racing)];
    const outcomes = await Promise.all([alertOnce(a.ctx, ACTION), alertOnce(b.ctx, ACTION)]);
    expect(outcomes.map((o) => o.outcome).sort()).toStrictEqual(['done', 'skipped']);
    expect(a.sent.length + b.sent.length).toBe(1);
  });

  it('a failed alert records the failure, releases the claim and throws, so the retry pages', async () => {
    const store = new MemoryStore();
    const failing = context(store, undefined, new Error('503 from on-call'));
    await expect(alertOnce(failing.ctx, ACTION)).rejects.toThrow('503 from on-call');
    await expect(onCallSeen(store)).resolves.toStrictEqual({
      at: NOW.toISOString(),
      ok: false,
      detail: '503 from on-call',
    });
    const retry = context(store);
    await expect(alertOnce(retry.ctx, ACTION)).resolves.toMatchObject({ outcome: 'done' });
    expect(retry.sent).toHaveLength(1);
  });

  it('a failure that is not an Error is recorded as "error"', async () => {
    const store = new MemoryStore();
    const { ctx } = context(store);
    // A pager may reject with something other than an Error; the recorded answer then says "error".
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const deps = { ...ctx.deps, pager: { alert: () => Promise.reject('down') } } as unknown as EventDeps;
    await expect(alertOnce({ ...ctx, deps }, ACTION)).rejects.toBe('down');
    await expect(onCallSeen(store)).resolves.toMatchObject({ ok: false, detail: 'error' });
  });
});
