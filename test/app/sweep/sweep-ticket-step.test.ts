import type { ChangelogHistory, IssueBean } from '../../../src/app/ports/jira';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { EVENT_WRITER, markStateWrite } from '../../../src/app/shared/state-write-marker';
import type { SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { sweepTicket } from '../../../src/app/sweep/sweep-ticket-step';
import { PROCESS_STATE_KEY, type ProcessState } from '../../../src/domain/process-state';
import { decideTimer } from '../../../src/domain/timers/decide-timer';
import { MemoryStore } from '../../support/memory-store';
import {
  DAY,
  cfg,
  clarificationTicket,
  fakeSite,
  jiraTime,
  now,
  sweepContext,
  timerTicket,
  type Site,
} from './sweep-fakes';

const MINUTE = 60_000;
/** 12 days into Clarification: the first reminder is due. */
const REMINDER_DAYS = 12;

/** Sweeps `ticket` against a fake site holding its state; returns the outcome and what happened. */
async function sweep(
  ticket: SweepTicket,
  site: Site = {},
  options: { dryRun?: boolean; store?: MemoryStore } = {},
) {
  const store = options.store ?? new MemoryStore();
  const fake = fakeSite({ property: ticket.state, ...site });
  const ctx = sweepContext(store, fake, { dryRun: options.dryRun ?? false });
  const outcome = await sweepTicket(ctx, ticket);
  const audits = await new AuditLog(store).forIssue(ticket.id);
  return { outcome, fake, store, audits };
}

/** A changelog history moving the ticket into `statusId`/`statusName` at `ms`. */
function statusHistory(id: string, ms: number, statusId: string, statusName: string): ChangelogHistory {
  return {
    id,
    created: jiraTime(ms),
    items: [
      {
        field: 'status',
        fieldId: 'status',
        from: '1',
        fromString: 'Open',
        to: statusId,
        toString: statusName,
      },
    ],
  };
}

const CLARIFICATION = { id: '3', name: 'Clarification required / On hold' };
const OPEN = { id: '1', name: 'Open' };

/** The ticket as `GET /issue` returns it on a re-read: in Clarification since `days`, `state` its property. */
function issueRead(days: number, state: ProcessState | undefined): IssueBean {
  const entered = now.getTime() - days * DAY;
  return {
    id: '10001',
    key: 'SUP-1',
    fields: {
      status: CLARIFICATION,
      issuetype: { id: '7', name: 'Support Request' },
      updated: jiraTime(entered),
      created: jiraTime(entered - DAY),
      reporter: { accountId: 'customer-1' },
    },
    properties: state ? { [PROCESS_STATE_KEY]: state } : {},
    changelog: {
      histories: [
        statusHistory('1', entered - DAY / 2, OPEN.id, OPEN.name),
        statusHistory('2', entered, CLARIFICATION.id, CLARIFICATION.name),
      ],
      total: 2,
    },
  };
}

/** A Clarification ticket without state, entered `days` ago according to its changelog. */
function statelessTicket(days: number, overrides: Partial<SweepTicket> = {}): SweepTicket {
  const entered = now.getTime() - days * DAY;
  const { state: _state, ...ticket } = clarificationTicket(days);
  return {
    ...ticket,
    created: jiraTime(entered - DAY),
    updatedMs: entered,
    statusChanges: [
      { at: jiraTime(entered - DAY / 2), toStatusId: OPEN.id, toStatusName: OPEN.name },
      { at: jiraTime(entered), toStatusId: CLARIFICATION.id, toStatusName: CLARIFICATION.name },
    ],
    ...overrides,
  };
}

const stateWritten = (fake: ReturnType<typeof fakeSite>) => fake.property();

describe('sweepTicket: one ticket from the sweep, decided on a state that belongs to its status', () => {
  it('a due step on a matching state is performed: one edit', async () => {
    const { outcome, fake } = await sweep(clarificationTicket(REMINDER_DAYS));
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
  });

  it('a state whose due time follows the settings is not due and nothing is written', async () => {
    const { outcome, fake } = await sweep(clarificationTicket(2));
    expect(outcome).toEqual({ kind: 'notDue' });
    expect(fake.writes).toEqual([]);
  });

  it('a state whose stored due time no longer follows the settings is restamped, naming the view it was read in', async () => {
    const ticket = clarificationTicket(2);
    const state = ticket.state as ProcessState;
    const stale: ProcessState = { ...state, nextDueAt: new Date(now.getTime() - MINUTE).toISOString() };
    const expected = decideTimer(stale, now, cfg, ticket);
    expect(expected.due).toBe(false);
    const { outcome, fake } = await sweep({ ...ticket, state: stale });
    expect(outcome).toEqual({ kind: 'restamped' });
    expect(fake.writes).toEqual([{ kind: 'property', body: expected.state }]);
    expect(stateWritten(fake)?.nextDueAt).toBe(state.nextDueAt);
    expect(fake.writeOptions).toEqual([{ stateBasis: new Date(ticket.updatedMs as number).toISOString() }]);
  });

  it('a restamp in a dry run writes nothing', async () => {
    const ticket = clarificationTicket(2);
    const stale = {
      ...(ticket.state as ProcessState),
      nextDueAt: new Date(now.getTime() - MINUTE).toISOString(),
    };
    const { outcome, fake } = await sweep({ ...ticket, state: stale }, {}, { dryRun: true });
    expect(outcome).toEqual({ kind: 'restamped' });
    expect(fake.writes).toEqual([]);
  });

  it('a restamp held back by a newer state another writer announced is decided again on the fresh property', async () => {
    const ticket = clarificationTicket(2);
    const state = ticket.state as ProcessState;
    const stale = { ...state, nextDueAt: new Date(now.getTime() - MINUTE).toISOString() };
    const store = new MemoryStore();
    const newer = { ...state, updatedAt: new Date(now.getTime() - 20 * MINUTE).toISOString() };
    await markStateWrite(store, ticket.id, newer.updatedAt, EVENT_WRITER);
    const { outcome, fake } = await sweep({ ...ticket, state: stale }, { property: newer }, { store });
    expect(outcome).toEqual({ kind: 'notDue' });
    expect(fake.calls).toContain(`getProperty SUP-1 ${PROCESS_STATE_KEY}`);
    expect(fake.writes).toEqual([]);
  });

  it('a restamp whose guard finds a newer state still on its way waits for the next sweep', async () => {
    const ticket = { ...clarificationTicket(2), stateFresh: true };
    const state = ticket.state as ProcessState;
    const stale = { ...state, nextDueAt: new Date(now.getTime() - MINUTE).toISOString() };
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
    const { outcome, fake } = await sweep({ ...ticket, state: stale }, {}, { store });
    expect(outcome).toEqual({ kind: 'deferred', reason: 'stateWriteInFlight' });
    expect(fake.writes).toEqual([]);
  });

  it('a restamp names the one restamp it writes, so an earlier restamp of another due time holds it back', async () => {
    const ticket = { ...clarificationTicket(2), stateFresh: true };
    const state = ticket.state as ProcessState;
    const stale = { ...state, nextDueAt: new Date(now.getTime() - MINUTE).toISOString() };
    const store = new MemoryStore();
    const writer = `${ticket.id}:restamp:${state.timer}:${state.cycle}:${state.nextDueAt ?? 'none'}`;
    await markStateWrite(store, ticket.id, now.toISOString(), writer, 'sweep');
    const own = await sweep({ ...ticket, state: stale }, {}, { store });
    expect(own.outcome).toEqual({ kind: 'restamped' });
    const other = new MemoryStore();
    await markStateWrite(
      other,
      ticket.id,
      now.toISOString(),
      `${ticket.id}:restamp:clarification:1:x`,
      'sweep',
    );
    const foreign = await sweep({ ...ticket, state: stale }, {}, { store: other });
    expect(foreign.outcome).toEqual({ kind: 'deferred', reason: 'stateWriteInFlight' });
  });

  it.each([
    ['minutes ago, after its state was written', 10 * MINUTE, 5 * MINUTE + 1, true],
    ['within the slack of the app’s own write', 10 * MINUTE, 5 * MINUTE, false],
    ['a quarter of an hour ago', 15 * MINUTE, 5 * MINUTE + 1, false],
    ['just under a quarter of an hour ago', 15 * MINUTE - 1, 5 * MINUTE + 1, true],
  ])(
    'a ticket changed %s (%i ms ago, %i ms after its state): waits for the event handler: %s',
    async (_name, ago, afterState, waits) => {
      const ticket = clarificationTicket(REMINDER_DAYS);
      const state = ticket.state as ProcessState;
      const changed = now.getTime() - ago;
      const stamped: ProcessState = { ...state, updatedAt: new Date(changed - afterState).toISOString() };
      const { outcome } = await sweep({ ...ticket, state: stamped, updatedMs: changed }, { comments: [] });
      if (waits) expect(outcome).toEqual({ kind: 'deferred', reason: 'recentActivity' });
      else expect(outcome.kind).not.toBe('deferred');
    },
  );

  it('a ticket without a known change time is not held back', async () => {
    const { outcome } = await sweep({ ...clarificationTicket(REMINDER_DAYS), updatedMs: undefined });
    expect(outcome).toEqual({ kind: 'done' });
  });
});

describe('sweepTicket: a state that does not belong to the ticket is rebuilt, never acted on as it stands', () => {
  it('a ticket without state that waits long enough gets its due step on the rebuilt state', async () => {
    const { outcome, fake } = await sweep(statelessTicket(REMINDER_DAYS));
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
    expect(stateWritten(fake)?.lastReset?.reason).toBe('installBackfill');
    expect(fake.calls.filter((c) => c.startsWith('issue'))).toEqual([]);
  });

  it('a ticket without state and nothing due is restamped and audited with the reason of its rebuild', async () => {
    const ticket = statelessTicket(2);
    const { outcome, fake, audits } = await sweep(ticket);
    expect(outcome).toEqual({ kind: 'restamped' });
    expect(fake.writes.map((w) => w.kind)).toEqual(['property']);
    expect(stateWritten(fake)?.enteredAt).toBe(new Date(now.getTime() - 2 * DAY).toISOString());
    expect(fake.writeOptions).toEqual([{ stateBasis: new Date(ticket.updatedMs as number).toISOString() }]);
    expect(audits.map((a) => [a.action, a.outcome, a.detail])).toEqual([
      ['restamp', 'done', 'clarification installBackfill'],
    ]);
  });

  it('in a dry run the rebuilt state is audited as such and not written', async () => {
    const { outcome, fake, audits } = await sweep(statelessTicket(2), {}, { dryRun: true });
    expect(outcome).toEqual({ kind: 'restamped' });
    expect(fake.writes).toEqual([]);
    expect(audits.map((a) => [a.action, a.outcome])).toEqual([['restamp', 'dryRun']]);
  });

  it('a state of another status, found by the due search without changelog, is rebuilt from a fresh read', async () => {
    const resolved = timerTicket('resolved', 1).state as ProcessState;
    const ticket: SweepTicket = { ...clarificationTicket(2), state: resolved };
    const { outcome, fake, audits } = await sweep(ticket, { issue: issueRead(2, resolved) });
    expect(outcome).toEqual({ kind: 'restamped' });
    expect(fake.calls).toContain('issue SUP-1 status,issuetype,updated,created,reporter');
    expect(stateWritten(fake)?.timer).toBe('clarification');
    expect(stateWritten(fake)?.lastReset?.reason).toBe('statusEntered');
    expect(stateWritten(fake)?.returnStatus).toBe('open');
    expect(stateWritten(fake)?.returnStatusId).toBe(OPEN.id);
    expect(audits.map((a) => [a.action, a.outcome, a.detail])).toEqual([
      ['restamp', 'done', 'clarification statusEntered'],
      ['statusChanged', 'skipped', 'stateRebuilt'],
    ]);
  });

  it('a state of another status with the changelog at hand is rebuilt without reading the ticket again', async () => {
    const resolved = timerTicket('resolved', 1).state as ProcessState;
    const ticket = statelessTicket(2, { state: resolved });
    const { outcome, fake } = await sweep(ticket);
    expect(outcome).toEqual({ kind: 'restamped' });
    expect(fake.calls.filter((c) => c.startsWith('issue'))).toEqual([]);
  });

  it('a ticket whose fresh read is unreadable is skipped', async () => {
    const resolved = timerTicket('resolved', 1).state as ProcessState;
    const { outcome, fake } = await sweep({ ...clarificationTicket(2), state: resolved });
    expect(outcome).toEqual({ kind: 'skipped', reason: 'unreadable' });
    expect(fake.writes).toEqual([]);
  });

  it('a changelog the search cut short is read from the changelog endpoint before the rebuild', async () => {
    const entered = now.getTime() - 2 * DAY;
    const ticket = statelessTicket(2, { statusChanges: [], olderHistories: 2 });
    const { outcome, fake } = await sweep(ticket, {
      changelog: [
        statusHistory('1', entered - DAY / 2, OPEN.id, OPEN.name),
        statusHistory('2', entered, CLARIFICATION.id, CLARIFICATION.name),
      ],
    });
    expect(outcome).toEqual({ kind: 'restamped' });
    expect(fake.calls).toContain('changelog SUP-1 0+2');
    expect(stateWritten(fake)?.enteredAt).toBe(new Date(entered).toISOString());
  });
});

describe('sweepTicket: a write Jira refuses is decided once more on a fresh read', () => {
  it('a reminder refused (409) re-reads the ticket and performs the step decided on it', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const { outcome, fake } = await sweep(ticket, {
      failWrites: [new JiraHttpError('editIssue', 409, '')],
      issue: issueRead(REMINDER_DAYS, ticket.state),
    });
    expect(outcome).toEqual({ kind: 'done' });
    expect(fake.calls.filter((c) => c.startsWith('issue SUP-1 status'))).toHaveLength(1);
    expect(fake.writes.map((w) => w.kind)).toEqual(['edit']);
  });

  it('a second refusal is not retried again: the ticket is left to be decided later', async () => {
    const ticket = clarificationTicket(REMINDER_DAYS);
    const { outcome, fake } = await sweep(ticket, {
      failWrites: [new JiraHttpError('editIssue', 409, ''), new JiraHttpError('editIssue', 409, '')],
      issue: issueRead(REMINDER_DAYS, ticket.state),
    });
    expect(outcome).toEqual({ kind: 'redecide', reason: 'HTTP 409' });
    expect(fake.calls.filter((c) => c.startsWith('issue SUP-1 status'))).toHaveLength(1);
  });

  it('a refused write whose fresh read is unreadable is skipped', async () => {
    const { outcome } = await sweep(clarificationTicket(REMINDER_DAYS), {
      failWrites: [new JiraHttpError('editIssue', 409, '')],
    });
    expect(outcome).toEqual({ kind: 'skipped', reason: 'unreadable' });
  });

  it('a newer state of another status (the writer moved the ticket) makes the whole ticket read again', async () => {
    const ticket = clarificationTicket(2);
    const stale = {
      ...(ticket.state as ProcessState),
      nextDueAt: new Date(now.getTime() - MINUTE).toISOString(),
    };
    const resolved = timerTicket('resolved', 0).state as ProcessState;
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
    const { outcome, fake } = await sweep(
      { ...ticket, state: stale },
      { property: resolved, issue: issueRead(2, ticket.state) },
      { store },
    );
    expect(fake.calls).toContain(`getProperty SUP-1 ${PROCESS_STATE_KEY}`);
    expect(fake.calls).toContain('issue SUP-1 status,issuetype,updated,created,reporter');
    expect(outcome).toEqual({ kind: 'notDue' });
  });

  it('a ticket read again whose announced state is not in Jira yet waits for the next sweep', async () => {
    const ticket = clarificationTicket(2);
    const stale = {
      ...(ticket.state as ProcessState),
      nextDueAt: new Date(now.getTime() - MINUTE).toISOString(),
    };
    const resolved = timerTicket('resolved', 0).state as ProcessState;
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
    const { outcome, fake } = await sweep(
      { ...ticket, state: stale },
      { property: resolved, issue: issueRead(2, stale) },
      { store },
    );
    expect(fake.calls).toContain('issue SUP-1 status,issuetype,updated,created,reporter');
    expect(outcome).toEqual({ kind: 'deferred', reason: 'stateWriteInFlight' });
  });

  it('a property read fresh whose announced state is not in Jira yet waits for the next sweep', async () => {
    const ticket = clarificationTicket(2);
    const stale = {
      ...(ticket.state as ProcessState),
      nextDueAt: new Date(now.getTime() - MINUTE).toISOString(),
    };
    const store = new MemoryStore();
    await markStateWrite(store, ticket.id, now.toISOString(), EVENT_WRITER);
    const { outcome, fake } = await sweep({ ...ticket, state: stale }, { property: stale }, { store });
    expect(fake.calls).toContain(`getProperty SUP-1 ${PROCESS_STATE_KEY}`);
    expect(outcome).toEqual({ kind: 'deferred', reason: 'stateWriteInFlight' });
    expect(fake.writes).toEqual([]);
  });
});
