import { JiraHttpError, RateLimitedError, UpstreamError } from '../../../src/app/ports/jira-errors';
import { ActionLedger, CLAIM_LEASE_SECONDS } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { EVENT_WRITER, markStateWrite } from '../../../src/app/shared/state-write-marker';
import { performStep } from '../../../src/app/sweep/perform-step';
import type { SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { withDone, type ProcessState } from '../../../src/domain/process-state';
import { MessageRenderError } from '../../../src/domain/texts';
import { decideTimer } from '../../../src/domain/timers/decide-timer';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';
import {
  APP,
  CLOSE_TRANSITION,
  DAY,
  cfg,
  clarificationTicket,
  comment,
  fakeSite,
  jiraTime,
  now,
  sweepContext,
  timerTicket,
  type Site,
} from './sweep-fakes';

/** 12 days into Clarification: the first reminder is due. */
const REMINDER_DAYS = 12;
/** Long past every reminder: the close is due. */
const CLOSE_DAYS = 60;

function dueStep(ticket: SweepTicket) {
  const decision = decideTimer(ticket.state as ProcessState, now, cfg, ticket);
  if (!decision.due) throw new Error('fixture: a step must be due');
  return decision;
}

/** Performs the step due on `ticket` against a fake site; returns the outcome and what happened. */
async function perform(
  ticket: SweepTicket,
  site: Site = {},
  store = new MemoryStore(),
  dryRun = false,
  at = now,
) {
  const fake = fakeSite({ property: ticket.state, ...site });
  const decision = dueStep(ticket);
  const ctx = { ...sweepContext(store, fake, { dryRun }), now: at };
  const outcome = await performStep(ctx, ticket, decision);
  const audits = await new AuditLog(store).forIssue(ticket.id);
  return { outcome, fake, decision, store, audits };
}

const claimOf = (store: MemoryStore, key: string, at = now) => new ActionLedger(store).claim(key, at);
const commentsRead = (calls: readonly string[]) => calls.filter((c) => c.startsWith('comments'));
/** A customer reply `days` into the cycle of a ticket that entered Clarification `cycleDays` ago. */
const replyAt = (cycleDays: number, days: number) =>
  comment('90', 'customer-1', jiraTime(now.getTime() - (cycleDays - days) * DAY));

describe('performStep: a due step happens exactly once, and never without proof when it cannot be undone', () => {
  it('a due reminder is one edit carrying the comment and the next state; the claim is done and audited', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const { outcome, fake, decision, store, audits } = await perform(ticket);
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
    expect(fake.property()?.done).toContain(decision.idempotencyKey);
    await expect(claimOf(store, decision.idempotencyKey)).resolves.toMatchObject({ kind: 'done' });
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'reminder',
        outcome: 'done',
        detail: 'reminder1',
        idempotencyKey: decision.idempotencyKey,
      }),
    ]);
    // The state was written right after the search, and nothing changed since: no proof needed; a fresh
    // claim needs no read-back of the property either.
    expect(commentsRead(fake.calls)).toEqual([]);
    expect(fake.calls.filter((c) => c.startsWith('getProperty'))).toEqual([]);
  });

  it('in dry run nothing is written and each would-be step is audited once, for 200 days', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const store = new ExpiringStore();
    const first = await perform(ticket, {}, store, true);
    const second = await perform(ticket, {}, store, true, new Date(now.getTime() + 3_600_000));
    expect([first.outcome, second.outcome]).toEqual([{ kind: 'dryRun' }, { kind: 'dryRun' }]);
    expect([...first.fake.writes, ...second.fake.writes]).toEqual([]);
    expect(second.audits).toEqual([
      expect.objectContaining({ action: 'reminder', outcome: 'dryRun', detail: 'reminder1' }),
    ]);
    const other = await perform({ ...ticket, id: '10002', key: 'SUP-2' }, {}, store, true);
    expect(other.audits).toEqual([expect.objectContaining({ issueKey: 'SUP-2', outcome: 'dryRun' })]);
    store.advanceDays(200);
    expect([...store.data.keys()].filter((k) => k.startsWith('sweep:dry:'))).toEqual([]);
  });

  it('a step the state already records only brings the property up to date, without a comment', async () => {
    const searched = clarificationTicket(REMINDER_DAYS);
    const key = dueStep(searched).idempotencyKey;
    const ticket = { ...searched, state: withDone(searched.state as ProcessState, key) };
    const { outcome, fake } = await perform(ticket);
    expect(outcome).toEqual({ kind: 'skipped', reason: 'alreadyDone' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['property']);
  });

  it.each([
    [
      'a recorded step whose state another writer announced since the search is re-decided, not written',
      false,
      { kind: 'redecide', reason: 'stateWritten' },
    ],
    [
      'a recorded step whose newer state is still being written waits for the next sweep',
      true,
      { kind: 'deferred', reason: 'stateWriteInFlight' },
    ],
  ] as const)('%s', async (_name, stateFresh, expected) => {
    const searched = clarificationTicket(REMINDER_DAYS, stateFresh ? { stateFresh } : {});
    const key = dueStep(searched).idempotencyKey;
    const ticket = { ...searched, state: withDone(searched.state as ProcessState, key) };
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
    const { outcome, fake } = await perform(ticket, {}, store);
    expect(outcome).toEqual(expected);
    expect(fake.writes).toEqual([]);
  });

  it('a step another run completed, or is performing, is skipped without a write', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const key = dueStep(ticket).idempotencyKey;
    const doneStore = new MemoryStore();
    await claimOf(doneStore, key);
    await new ActionLedger(doneStore).complete(key, now);
    const done = await perform(ticket, {}, doneStore);
    expect(done.outcome).toEqual({ kind: 'skipped', reason: 'alreadyDone' });
    expect(done.audits).toEqual([
      expect.objectContaining({ action: 'reminder', outcome: 'skipped', detail: 'alreadyDone' }),
    ]);
    const busyStore = new MemoryStore();
    await claimOf(busyStore, key);
    const busy = await perform(ticket, {}, busyStore);
    // The claim holds the step until its lease ends: the sweep looks again then, should its runner have died.
    expect(busy.outcome).toEqual({
      kind: 'skipped',
      reason: 'inProgress',
      heldUntil: new Date(now.getTime() + CLAIM_LEASE_SECONDS * 1000).toISOString(),
    });
    expect([...done.fake.writes, ...busy.fake.writes]).toEqual([]);
  });

  it('a dead runner’s claim whose write landed is only completed; one whose write did not land is performed', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const decision = dueStep(ticket);
    const deadAt = new Date(now.getTime() - 3_600_000);
    const landedStore = new MemoryStore();
    await claimOf(landedStore, decision.idempotencyKey, deadAt);
    const landed = await perform(ticket, { property: decision.state }, landedStore);
    expect(landed.outcome).toEqual({ kind: 'skipped', reason: 'recovered' });
    expect(landed.fake.writes).toEqual([]);
    expect(landed.audits).toEqual([
      expect.objectContaining({ action: 'reminder', outcome: 'done', detail: 'recovered' }),
    ]);
    await expect(claimOf(landedStore, decision.idempotencyKey)).resolves.toMatchObject({ kind: 'done' });

    const lostStore = new MemoryStore();
    await claimOf(lostStore, decision.idempotencyKey, deadAt);
    const lost = await perform(ticket, {}, lostStore);
    expect(lost.outcome).toEqual({ kind: 'done' });
    expect(lost.fake.writes.map((w) => w.kind)).toEqual(['edit']);

    const unsetStore = new MemoryStore();
    await claimOf(unsetStore, decision.idempotencyKey, deadAt);
    const unset = await perform(ticket, { property: undefined }, unsetStore);
    expect(unset.outcome).toEqual({ kind: 'done' });
  });

  it('a state another writer announced since the search: no write, the claim is free again', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
    const { outcome, fake, decision } = await perform(ticket, {}, store);
    expect(outcome).toEqual({ kind: 'redecide', reason: 'stateWritten' });
    expect(fake.writes).toEqual([]);
    await expect(claimOf(store, decision.idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
  });

  it('a state announced by a writer still at work defers the step to the next sweep, claim free', async () => {
    const ticket = { ...clarificationTicket(REMINDER_DAYS), stateFresh: true };
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
    const { outcome, fake, decision } = await perform(ticket, {}, store);
    expect(outcome).toEqual({ kind: 'deferred', reason: 'stateWriteInFlight' });
    expect(fake.writes).toEqual([]);
    await expect(claimOf(store, decision.idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
  });
});

describe('performStep: the proof that no customer replied since the cycle began', () => {
  it('closes a ticket whose customer stayed silent: one transition with the resolution', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const { outcome, fake, decision } = await perform(ticket, {
      comments: [comment('81', APP, jiraTime(now.getTime() - 5 * DAY))],
    });
    expect(decision.step.kind).toBe('close');
    expect(outcome).toEqual({ kind: 'done' });
    expect(commentsRead(fake.calls)).not.toEqual([]);
    expect(fake.writes).toEqual([
      expect.objectContaining({
        kind: 'transition',
        body: expect.objectContaining({ id: CLOSE_TRANSITION }),
      }),
    ]);
  });

  it('never closes a Resolved ticket after a customer reply whose event was lost', async () => {
    const days = cfg.timers.resolved.closeAfterDays + 10;
    const ticket = timerTicket('resolved', days);
    const { outcome, decision, fake } = await perform(ticket, { comments: [replyAt(days, 2)] });
    expect(decision.step.kind).toBe('close');
    expect(outcome).toEqual({ kind: 'reset' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['property']);
  });

  it('never closes after a customer reply whose event was lost: the cycle restarts instead, claim free', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const { outcome, fake, decision, store, audits } = await perform(ticket, {
      comments: [replyAt(CLOSE_DAYS, 40)],
    });
    expect(outcome).toEqual({ kind: 'reset' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['property']);
    expect(fake.property()?.cycle).toBe((ticket.state as ProcessState).cycle + 1);
    await expect(claimOf(store, decision.idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
    expect(audits).toEqual([expect.objectContaining({ action: 'timerReset', detail: 'customerReplyFound' })]);
  });

  it.each([
    [
      'the proof cannot read back to the cycle’s start',
      Array.from({ length: 5_000 }, (_, i) => comment(String(1000 + i), APP, jiraTime(now.getTime() - DAY))),
      'proofIncomplete',
    ],
    [
      'a customer comment has no readable time',
      [comment('90', 'customer-1', undefined)],
      'proofUntimedComment',
    ],
  ])('never closes when %s: the close fails, nothing written', async (_name, comments, gap) => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const { outcome, fake, decision, store, audits } = await perform(ticket, { comments });
    expect(outcome).toEqual({ kind: 'failed', reason: gap, failure: 'definite' });
    expect(fake.writes).toEqual([]);
    await expect(claimOf(store, decision.idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
    expect(audits).toEqual([expect.objectContaining({ action: 'close', outcome: 'failed', detail: gap })]);
  });

  it('never closes while comments are deleted under the proof: a passing failure, looked at again shortly', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const comments = Array.from({ length: 8 }, (_, i) =>
      comment(String(200 + i), 'agent-1', jiraTime(now.getTime() - DAY)),
    );
    const { outcome, fake, audits } = await perform(ticket, {
      comments,
      afterCommentsPage: (startAt) => startAt === 0 && void comments.pop(),
    });
    expect(outcome).toEqual({ kind: 'failed', reason: 'proofShifting', failure: 'transient' });
    expect(fake.writes).toEqual([]);
    expect(audits).toEqual([
      expect.objectContaining({ action: 'close', outcome: 'failed', detail: 'proofShifting' }),
    ]);
  });

  it('a reminder on a ticket that changed after its state was written is proved first', async () => {
    const base = clarificationTicket(REMINDER_DAYS);
    const ticket = { ...base, updatedMs: Date.parse((base.state as ProcessState).updatedAt) + 60_001 };
    const { outcome, fake } = await perform(ticket, { comments: [replyAt(REMINDER_DAYS, 11)] });
    expect(outcome).toEqual({ kind: 'reset' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['property']);
  });

  it('the app’s own write moving Jira’s updated time by up to a minute needs no proof', async () => {
    const base = clarificationTicket(REMINDER_DAYS);
    const ticket = { ...base, updatedMs: Date.parse((base.state as ProcessState).updatedAt) + 60_000 };
    const { outcome, fake } = await perform(ticket, { comments: [replyAt(REMINDER_DAYS, 11)] });
    expect(outcome).toEqual({ kind: 'done' });
    expect(commentsRead(fake.calls)).toEqual([]);
  });

  it('a ticket without a known update time needs no proof before a reminder', async () => {
    const ticket = { ...clarificationTicket(REMINDER_DAYS), updatedMs: undefined };
    const { outcome, fake } = await perform(ticket);
    expect(outcome).toEqual({ kind: 'done' });
    expect(commentsRead(fake.calls)).toEqual([]);
  });

  it('a writer that announced a state and died long ago: proof before the write, then the step', async () => {
    const ticket = { ...clarificationTicket(REMINDER_DAYS), stateFresh: true };
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, new Date(now.getTime() - 3_600_000).toISOString(), EVENT_WRITER);
    const { outcome, fake } = await perform(ticket, {}, store);
    expect(outcome).toEqual({ kind: 'done' });
    // One proof: after it, the dead writer's marker is old news, not a racing event.
    expect(commentsRead(fake.calls)).toHaveLength(1);
  });

  it('a timer that no reply restarts (the estimate) is never proved', async () => {
    const validDays = cfg.timers.estimate.validWeeks * 7;
    const base = clarificationTicket(validDays + 10);
    const state = { ...(base.state as ProcessState), timer: 'estimate' as const };
    const ticket = { ...base, state, updatedMs: Date.parse(state.updatedAt) + DAY };
    expect(decideTimer(state, now, cfg, ticket).due).toBe(true);
    const { outcome, fake } = await perform(ticket, { comments: [replyAt(validDays + 10, 11)] });
    expect(outcome).toEqual({ kind: 'done' });
    expect(commentsRead(fake.calls)).toEqual([]);
  });

  it('a customer reply stored by an event during the reminder’s write is restarted on top of it', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const store = new MemoryStore();
    const comments = [] as ReturnType<typeof comment>[];
    const { outcome, fake } = await perform(
      ticket,
      {
        comments,
        duringWrite: async () => {
          comments.push(replyAt(REMINDER_DAYS, 11.9));
          await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
        },
      },
      store,
    );
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit', 'property']);
    expect(fake.property()?.cycle).toBe((ticket.state as ProcessState).cycle + 1);
  });

  it('an event racing the reminder that stored no reply (an agent’s note) leaves the reminder standing', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const store = new MemoryStore();
    const { outcome, fake } = await perform(
      ticket,
      { duringWrite: () => markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER) },
      store,
    );
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
  });

  it('a reply racing the close’s own transition does not restart the cycle of the closed ticket', async () => {
    const ticket = clarificationTicket(CLOSE_DAYS);
    const store = new MemoryStore();
    const comments = [] as ReturnType<typeof comment>[];
    const { outcome, fake } = await perform(
      ticket,
      {
        comments,
        duringWrite: async () => {
          comments.push(replyAt(CLOSE_DAYS, CLOSE_DAYS - 0.1));
          await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
        },
      },
      store,
    );
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['transition']);
    // The proof before the close read the comments; nothing after the close reads them again.
    expect(commentsRead(fake.calls)).toEqual(['comments SUP-1 0+2']);
  });

  it('without a racing event the reminder stands, even when a reply came in meanwhile', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const comments = [] as ReturnType<typeof comment>[];
    const { fake } = await perform(ticket, {
      comments,
      duringWrite: async () => {
        comments.push(replyAt(REMINDER_DAYS, 11.9));
      },
    });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
  });
});

describe('performStep: Jira failures', () => {
  const ambiguous = () => new UpstreamError('editIssue', 'timeout');

  it('an ambiguous failure is retried at once when the write did not land', async () => {
    const { outcome, fake } = await perform(clarificationTicket(REMINDER_DAYS), {
      failWrites: [ambiguous()],
    });
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
  });

  it('an ambiguous failure on a ticket whose property Jira does not hold is retried', async () => {
    const { outcome, fake } = await perform(clarificationTicket(REMINDER_DAYS), {
      property: undefined,
      failWrites: [ambiguous()],
    });
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
  });

  it('an ambiguous failure after which the write had landed is not repeated', async () => {
    const { outcome, fake } = await perform(clarificationTicket(REMINDER_DAYS), {
      failWrites: [{ error: ambiguous(), applied: true }],
    });
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
  });

  it('ambiguity that persists through three attempts leaves the claim pending for a later re-read', async () => {
    const { outcome, fake, decision, store, audits } = await perform(clarificationTicket(REMINDER_DAYS), {
      failWrites: [ambiguous(), ambiguous(), ambiguous(), ambiguous()],
    });
    expect(outcome).toEqual({ kind: 'failed', reason: 'ambiguous', failure: 'transient' });
    expect(fake.calls.filter((c) => c.startsWith('edit'))).toHaveLength(3);
    await expect(claimOf(store, decision.idempotencyKey)).resolves.toMatchObject({ kind: 'inProgress' });
    expect(audits).toEqual([expect.objectContaining({ outcome: 'failed', detail: 'ambiguous' })]);
  });

  it('a rate limit gives the claim back and stops the run', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const store = new MemoryStore();
    const limited = new RateLimitedError('editIssue', 60, 'storm');
    await expect(perform(ticket, { failWrites: [limited] }, store)).rejects.toBe(limited);
    await expect(claimOf(store, dueStep(ticket).idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
  });

  it('a deleted ticket is skipped and audited', async () => {
    const { outcome, audits, store, decision } = await perform(clarificationTicket(REMINDER_DAYS), {
      failWrites: [new JiraHttpError('editIssue', 404, '')],
    });
    expect(outcome).toEqual({ kind: 'skipped', reason: 'notFound' });
    expect(audits).toEqual([expect.objectContaining({ outcome: 'skipped', detail: 'notFound' })]);
    await expect(claimOf(store, decision.idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
  });

  it.each([400, 409])(
    'HTTP %i (the ticket or its workflow changed): re-decided, the cached close transition forgotten',
    async (status) => {
      const ticket = clarificationTicket(CLOSE_DAYS);
      const store = new MemoryStore();
      const { outcome, fake } = await perform(
        ticket,
        { failWrites: [new JiraHttpError('doTransition', status, '')] },
        store,
      );
      expect(outcome).toEqual({ kind: 'redecide', reason: `HTTP ${status}` });
      await expect(claimOf(store, dueStep(ticket).idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
      expect(fake.calls.filter((c) => c.startsWith('transitions'))).toHaveLength(1);
      const retry = fakeSite({ property: ticket.state });
      await sweepContext(store, retry).transitions.resolve('SUP', ticket, 'Closed');
      expect(retry.calls).toEqual(['transitions SUP-1']);
    },
  );

  it('any other refusal fails the step definitely and is audited with its status', async () => {
    const { outcome, audits } = await perform(clarificationTicket(REMINDER_DAYS), {
      failWrites: [new JiraHttpError('editIssue', 403, '')],
    });
    expect(outcome).toEqual({ kind: 'failed', reason: 'HTTP 403', failure: 'definite' });
    expect(audits).toEqual([expect.objectContaining({ outcome: 'failed', detail: 'HTTP 403' })]);
  });

  it('a workflow without a way to Closed fails the close definitely', async () => {
    const { outcome, audits } = await perform(clarificationTicket(CLOSE_DAYS), { closable: false });
    expect(outcome).toEqual({ kind: 'failed', reason: 'noCloseTransition', failure: 'definite' });
    expect(audits).toEqual([
      expect.objectContaining({ action: 'close', outcome: 'failed', detail: 'noCloseTransition' }),
    ]);
  });

  it('a text that cannot be rendered fails the step definitely', async () => {
    const { outcome, audits } = await perform(clarificationTicket(REMINDER_DAYS), {
      failWrites: [new MessageRenderError('clarificationReminder1' as never, ['x'], 'unknownPlaceholder')],
    });
    expect(outcome).toEqual({ kind: 'failed', reason: 'messageInvalid', failure: 'definite' });
    expect(audits).toEqual([expect.objectContaining({ outcome: 'failed', detail: 'messageInvalid' })]);
  });

  it('an unexpected error goes up to the ticket’s isolation with the claim given back', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const store = new MemoryStore();
    const bug = new TypeError('boom');
    await expect(perform(ticket, { failWrites: [bug] }, store)).rejects.toBe(bug);
    await expect(claimOf(store, dueStep(ticket).idempotencyKey)).resolves.toEqual({ kind: 'claimed' });
  });
});
