import type { AppDeps } from '../../../src/app/deps';
import type { JiraGateway } from '../../../src/app/ports/jira';
import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../../../src/app/ports/jira-errors';
import { QueueError, StorageError } from '../../../src/app/ports/platform-errors';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { EVENT_WRITER, markStateWrite } from '../../../src/app/shared/state-write-marker';
import { ParkingLot, parkingId, type ParkingRecord } from '../../../src/app/shared/parking-lot';
import { TicketIsolation } from '../../../src/app/sweep/isolated-ticket';
import type { SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import type { TicketOutcome } from '../../../src/app/sweep/sweep-ticket-step';
import { decideTimer } from '../../../src/domain/timers/decide-timer';
import type { ProcessState } from '../../../src/domain/process-state';
import { MemoryStore } from '../../support/memory-store';
import {
  cfg,
  clarificationTicket,
  fakeSite,
  now,
  sweepContext,
  type FakeSite,
  type Site,
} from './sweep-fakes';

/** 12 days into Clarification: the first reminder is due. */
const REMINDER_DAYS = 12;
const MINUTE = 60_000;

/** Ticket `n` of the project (ids 10001, 10002, …), its first reminder due. */
const ticketNo = (n: number): SweepTicket =>
  clarificationTicket(REMINDER_DAYS, { id: String(10_000 + n), key: `SUP-${n}` });

/** A store whose calls `fails` picks throw a storage error, as Forge KVS does when it refuses or loses a call. */
class FailingStore extends MemoryStore {
  fails: (operation: string, key: string) => boolean = () => false;
  private check(operation: string, key: string): void {
    if (this.fails(operation, key)) throw new StorageError(operation, 'refused');
  }
  override async set<T>(key: string, value: T): Promise<void> {
    this.check('set', key);
    return super.set(key, value);
  }
}

/**
 * One project's sweep over `tickets`, each on a fake site of its own (`sites`, by issue key; `throws` makes the
 * re-read of that ticket throw, after its reminder edit was answered 409); records logs, audit and parking.
 */
function project(
  tickets: readonly SweepTicket[],
  sites: Record<string, Site & { throws?: Error }> = {},
  store = new FailingStore(),
) {
  const fakes = new Map<string, FakeSite>(
    tickets.map((t) => [t.key, fakeSite({ property: t.state, ...sites[t.key] })]),
  );
  const jira = new Proxy({} as JiraGateway, {
    get:
      (_, method: string) =>
      async (key: string, ...rest: unknown[]) => {
        const thrown = sites[key]?.throws;
        if (thrown && method === 'getIssue') throw thrown;
        const fake = fakes.get(key) as unknown as { jira: Record<string, (...a: unknown[]) => unknown> };
        return fake.jira[method]?.(key, ...rest);
      },
  });
  const logs: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const log = Object.fromEntries(
    ['info', 'warn', 'error'].map((level) => [
      level,
      (event: string, fields: Record<string, unknown>) => logs.push({ level, event, fields }),
    ]),
  );
  const base = sweepContext(store, [...fakes.values()][0] ?? fakeSite());
  const parking = new ParkingLot(store);
  const ctx = { ...base, deps: { ...base.deps, jira, parking, log } as unknown as AppDeps };
  const audit = new AuditLog(store);
  return {
    ctx,
    store,
    fakes,
    logs,
    parking,
    /** One hourly run: opens the isolation (reads the parking records) and sweeps the tickets in turn. */
    async run(...which: SweepTicket[]) {
      const isolation = await TicketIsolation.open(ctx);
      const outcomes = [];
      for (const t of which.length > 0 ? which : tickets) outcomes.push(await isolation.sweep(t));
      return { isolation, outcomes };
    },
    record: (t: SweepTicket) => parking.get(parkingId(subjectOf(t))),
    audits: async (t: SweepTicket) =>
      (await audit.forIssue(t.id)).map((e) => `${e.action} ${e.outcome} ${e.detail ?? ''}`.trim()),
  };
}

const subjectOf = (t: SweepTicket) =>
  ({ kind: 'ticket', projectKey: cfg.projectKey, issueId: t.id, issueKey: t.key }) as const;

/** A failure streak of `attempts` definite failures stored for `t`, or the ticket parked. */
async function seed(store: MemoryStore, t: SweepTicket, attempts: number, state: 'failing' | 'parked') {
  const record: ParkingRecord = {
    subject: subjectOf(t),
    state,
    failure: 'definite',
    code: 'editIssue: HTTP 403',
    attempts,
    firstFailedAt: new Date(now.getTime() - 5 * 3_600_000).toISOString(),
    lastFailedAt: new Date(now.getTime() - 3_600_000).toISOString(),
    ...(state === 'parked' ? { parkedAt: new Date(now.getTime() - 3_600_000).toISOString() } : {}),
  };
  await store.set(`park:${parkingId(record.subject)}`, record);
}

const refused = (status: number) => new JiraHttpError('editIssue', status, '{"errorMessages":["no"]}');
const ambiguous = () => new UpstreamError('editIssue', 'HTTP 503');
const reminderKey = (t: SweepTicket) => {
  const decision = decideTimer(t.state as ProcessState, now, cfg, t);
  if (!decision.due) throw new Error('fixture: the reminder must be due');
  return decision.idempotencyKey;
};

/** The ticket's state as an event stored it an hour ago, after the sweep's search (same cycle, newer stamp). */
const storedSince = (t: SweepTicket): ProcessState => ({
  ...(t.state as ProcessState),
  updatedAt: new Date(now.getTime() - 3_600_000).toISOString(),
});

describe('TicketIsolation: one bad ticket never stops the others, and one that keeps failing is parked', () => {
  it('a ticket Jira refuses is audited as failed and counted; the next ticket is reminded as usual', async () => {
    const [bad, good] = [ticketNo(1), ticketNo(2)];
    const p = project([bad, good], { 'SUP-1': { failWrites: [refused(403)] } });
    const { outcomes, isolation } = await p.run();
    expect(outcomes).toEqual([{ kind: 'failed', reason: 'HTTP 403', failure: 'definite' }, { kind: 'done' }]);
    expect(p.fakes.get('SUP-2')?.writes).toHaveLength(1);
    expect(await p.record(bad)).toMatchObject({ state: 'failing', attempts: 1, code: 'HTTP 403' });
    expect(await p.record(good)).toBeUndefined();
    // A definite failure is not a passing one: nothing to look at again within the hour.
    expect(isolation.heldIssuesRetryAfter).toBe(0);
  });

  it('what a ticket throws (an unreadable answer) is logged, audited with its code and counted; the sweep goes on', async () => {
    const [bad, worse, good] = [ticketNo(1), ticketNo(2), ticketNo(3)];
    const unreadable = {
      failWrites: [refused(409)],
      throws: new UnexpectedResponseError('getIssue', 'no fields'),
    };
    const p = project([bad, worse, good], { 'SUP-1': unreadable, 'SUP-2': unreadable });
    const { outcomes } = await p.run();
    const code = 'getIssue: unreadable answer';
    // Two in a row are two tickets' own failures, not an outage: the sweep goes on.
    const failed = { kind: 'failed', reason: code, failure: 'definite' };
    expect(outcomes).toEqual([failed, failed, { kind: 'done' }]);
    expect(await p.audits(bad)).toEqual([`sweep failed ${code}`]);
    expect(p.logs).toContainEqual({
      level: 'error',
      event: 'sweep.ticketFailed',
      fields: { issueId: bad.id, reason: code },
    });
    expect(await p.record(bad)).toMatchObject({ state: 'failing', attempts: 1, failure: 'definite', code });
  });

  it('five failures in a row park the ticket, audited and logged once; later runs skip it without a Jira call', async () => {
    const t = ticketNo(1);
    const p = project([t], { 'SUP-1': { failWrites: Array.from({ length: 5 }, () => refused(403)) } });
    for (let run = 1; run <= 4; run++) expect((await p.run()).outcomes[0]?.kind).toBe('failed');
    expect(await p.record(t)).toMatchObject({ state: 'failing', attempts: 4 });
    expect((await p.run()).outcomes[0]?.kind).toBe('failed');
    expect(await p.record(t)).toMatchObject({ state: 'parked', attempts: 5, parkedAt: now.toISOString() });
    expect(p.logs.filter((l) => l.event === 'sweep.ticketParked')).toEqual([
      {
        level: 'error',
        event: 'sweep.ticketParked',
        fields: { issueId: t.id, reason: 'HTTP 403', attempts: 5 },
      },
    ]);
    const calls = p.fakes.get('SUP-1')?.calls.length;
    const { outcomes, isolation } = await p.run();
    expect(outcomes).toEqual([{ kind: 'skipped', reason: 'parked' }]);
    expect(p.fakes.get('SUP-1')?.calls).toHaveLength(calls ?? -1);
    expect(isolation.parkedKeys()).toEqual(new Set(['SUP-1']));
    expect((await p.audits(t)).filter((a) => a.startsWith('parked'))).toEqual(['parked failed definite']);
  });

  it('the parked keys are the parked tickets only, not those still failing', async () => {
    const [parked, failing, fine] = [ticketNo(1), ticketNo(2), ticketNo(3)];
    const p = project([parked, failing, fine]);
    await seed(p.store, parked, 5, 'parked');
    await seed(p.store, failing, 2, 'failing');
    const isolation = await TicketIsolation.open(p.ctx);
    expect(isolation.parkedKeys()).toEqual(new Set(['SUP-1']));
    expect(await isolation.sweep(failing)).toEqual({ kind: 'done' });
  });

  /** A ticket one of whose outcomes the table names, on a project whose store the case may prepare. */
  const outcomeCases: [
    string,
    TicketOutcome,
    (t: SweepTicket) => Site,
    (store: MemoryStore, t: SweepTicket) => Promise<unknown>,
  ][] = [
    ['done', { kind: 'done' }, () => ({}), async () => undefined],
    [
      'already done',
      { kind: 'skipped', reason: 'alreadyDone' },
      () => ({}),
      (store, t) => new ActionLedger(store).complete(reminderKey(t), new Date(now.getTime() - 3_600_000)),
    ],
    [
      'held by another runner',
      { kind: 'skipped', reason: 'inProgress', heldUntil: expect.any(String) },
      () => ({}),
      (store, t) => new ActionLedger(store).claim(reminderKey(t), new Date(now.getTime() - 2 * MINUTE)),
    ],
    [
      'deferred (changed minutes ago)',
      { kind: 'deferred', reason: 'recentActivity' },
      () => ({}),
      async () => undefined,
    ],
    [
      'still changing after its second decision',
      { kind: 'redecide', reason: 'HTTP 409' },
      (t) => ({ property: storedSince(t), failWrites: [refused(409)] }),
      (store, t) => markStateWrite(store, t.id, storedSince(t).updatedAt, EVENT_WRITER),
    ],
  ];

  it.each(outcomeCases)(
    'a failing ticket %s: a decided outcome ends its streak, an undecided one keeps it',
    async (name, expected, site, prepare) => {
      const t =
        name === 'deferred (changed minutes ago)'
          ? { ...ticketNo(1), updatedMs: now.getTime() - 5 * MINUTE }
          : ticketNo(1);
      const p = project([t], { 'SUP-1': site(t) });
      await seed(p.store, t, 3, 'failing');
      await prepare(p.store, t);
      const { outcomes, isolation } = await p.run();
      expect(outcomes).toEqual([expected]);
      const decided = expected.kind === 'done' || name === 'already done';
      if (decided) expect(await p.record(t)).toBeUndefined();
      else expect(await p.record(t)).toMatchObject({ state: 'failing', attempts: 3 });
      // Nothing to look at again for a step done (only a claim held or a ticket still changing is).
      if (decided) expect(isolation.heldIssuesRetryAfter).toBe(0);
    },
  );

  it('a step another runner holds is looked at again just past its lease (the holder may have died)', async () => {
    const t = ticketNo(1);
    const p = project([t]);
    // Claimed two minutes ago: the 10-minute lease has 8 minutes left; the sweep looks again 30 s after it.
    await new ActionLedger(p.store).claim(reminderKey(t), new Date(now.getTime() - 2 * MINUTE - 500));
    const { isolation } = await p.run();
    expect(isolation.heldIssuesRetryAfter).toBe(8 * 60 + 30);
  });

  it('a per-issue 429 defers only its ticket, for as long as Jira says; an installation-wide 429 stops the sweep', async () => {
    const [limited, good] = [ticketNo(1), ticketNo(2)];
    const perIssue = new RateLimitedError('editIssue', 90, 'issue write limit', 'issue');
    const p = project([limited, good], { 'SUP-1': { failWrites: [perIssue] } });
    const { outcomes, isolation } = await p.run();
    expect(outcomes).toEqual([{ kind: 'deferred', reason: 'issueRateLimited' }, { kind: 'done' }]);
    expect(isolation.heldIssuesRetryAfter).toBe(90);
    expect(await p.record(limited)).toBeUndefined();

    const site = new RateLimitedError('editIssue', 90, 'budget', 'installation');
    const q = project([limited, good], { 'SUP-1': { failWrites: [site] } });
    await expect(q.run()).rejects.toBe(site);
    expect(q.fakes.get('SUP-2')?.writes).toHaveLength(0);
  });

  it('a defect (an error that belongs to no ticket) is not swallowed', async () => {
    const defect = new Error('defect');
    const p = project([ticketNo(1), ticketNo(2)], {
      'SUP-1': { failWrites: [refused(409)], throws: defect },
    });
    await expect(p.run()).rejects.toBe(defect);
    expect(p.fakes.get('SUP-2')?.writes).toHaveLength(0);
  });

  it.each([
    ['a Jira outage', new UpstreamError('getIssue', 'HTTP 503'), 'getIssue: HTTP 503'],
    ['a storage failure', new StorageError('get', 'refused'), 'storage get'],
    ['a queue failure', new QueueError('refused'), 'queue push'],
  ])(
    '%s on two tickets in a row stops the sweep; on one ticket between successes it is that ticket’s failure',
    async (_, error, code) => {
      const [a, b, c, d] = [ticketNo(1), ticketNo(2), ticketNo(3), ticketNo(4)];
      const failing = { failWrites: [refused(409)], throws: error };
      const p = project([a, b, c, d], { 'SUP-1': failing, 'SUP-3': failing, 'SUP-4': failing });
      const { outcomes } = await p.run(a, b, c);
      expect(outcomes).toEqual([
        { kind: 'failed', reason: code, failure: expect.any(String) },
        { kind: 'done' },
        { kind: 'failed', reason: code, failure: expect.any(String) },
      ]);
      const twice = project([c, d], { 'SUP-3': failing, 'SUP-4': failing });
      await expect(twice.run()).rejects.toBe(error);
      expect(await twice.record(d)).toBeUndefined();
    },
  );

  it('a write that may have landed is looked at again a minute later, for the first three failures in a row only', async () => {
    const t = ticketNo(1);
    const threeAmbiguous = { failWrites: [ambiguous(), ambiguous(), ambiguous()] };
    const first = project([t], { 'SUP-1': threeAmbiguous });
    const once = await first.run();
    expect(once.outcomes).toEqual([{ kind: 'failed', reason: 'ambiguous', failure: 'transient' }]);
    expect(once.isolation.heldIssuesRetryAfter).toBe(60);

    const third = project([t], { 'SUP-1': threeAmbiguous });
    await seed(third.store, t, 2, 'failing');
    expect((await third.run()).isolation.heldIssuesRetryAfter).toBe(60);
    expect(await third.record(t)).toMatchObject({ attempts: 3 });

    const fourth = project([t], { 'SUP-1': threeAmbiguous });
    await seed(fourth.store, t, 3, 'failing');
    expect((await fourth.run()).isolation.heldIssuesRetryAfter).toBe(0);
  });

  it('a step left undecided after its second decision is looked at again a minute later', async () => {
    const t = ticketNo(1);
    // An event stored a newer state after the search (first decision: re-read it); the reminder's edit on that
    // state is refused (second decision): the ticket keeps changing.
    const stored = storedSince(t);
    const p = project([t], { 'SUP-1': { property: stored, failWrites: [refused(409)] } });
    await markStateWrite(p.store, t.id, stored.updatedAt, EVENT_WRITER);
    const { outcomes, isolation } = await p.run();
    expect(outcomes).toEqual([{ kind: 'redecide', reason: 'HTTP 409' }]);
    expect(isolation.heldIssuesRetryAfter).toBe(60);
    expect(isolation.onlyLookingAgain).toBe(true);
  });

  it('only looking again: not when another ticket waits for a claim or a per-issue 429, nor when nothing is held', async () => {
    const [undecided, claimed] = [ticketNo(1), ticketNo(2)];
    const stored = storedSince(undecided);
    const p = project([undecided, claimed], { 'SUP-1': { property: stored, failWrites: [refused(409)] } });
    await markStateWrite(p.store, undecided.id, stored.updatedAt, EVENT_WRITER);
    await new ActionLedger(p.store).claim(reminderKey(claimed), new Date(now.getTime() - 2 * MINUTE - 500));
    const both = await p.run();
    expect(both.isolation.heldIssuesRetryAfter).toBe(8 * 60 + 30);
    expect(both.isolation.onlyLookingAgain).toBe(false);
    expect((await project([ticketNo(3)]).run()).isolation.onlyLookingAgain).toBe(false);
  });

  it('storage refusing the parking record is logged and never stops the sweep; a passing failure is still looked at again', async () => {
    const [bad, good] = [ticketNo(1), ticketNo(2)];
    const store = new FailingStore();
    store.fails = (operation, key) => operation === 'set' && key.startsWith('park:');
    const p = project(
      [bad, good],
      { 'SUP-1': { failWrites: [ambiguous(), ambiguous(), ambiguous()] } },
      store,
    );
    const { outcomes, isolation } = await p.run();
    expect(outcomes.map((o) => o.kind)).toEqual(['failed', 'done']);
    // Not counted this time (counted again next time): as a first failure, looked at again a minute later.
    expect(isolation.heldIssuesRetryAfter).toBe(60);
    expect(p.logs).toContainEqual({
      level: 'error',
      event: 'sweep.parkingFailed',
      fields: { issueId: bad.id, error: 'storage set' },
    });
    expect(await p.record(bad)).toBeUndefined();
  });
});
