import type { JiraGateway } from '../../../src/adapters/jira/jira-gateway';
import type { AppDeps } from '../../../src/app/deps';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { EVENT_WRITER, markStateWrite, readStateWrite } from '../../../src/app/shared/state-write-marker';
import { WorkflowTransitions } from '../../../src/app/shared/workflow-transitions';
import type { SweepContext } from '../../../src/app/sweep/sweep-context';
import type { SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { eventWroteSince, guardStateWrite } from '../../../src/app/sweep/state-write-guard';
import { sweepTicket } from '../../../src/app/sweep/sweep-ticket-step';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { PROCESS_STATE_KEY, type ProcessState } from '../../../src/domain/process-state';
import { startTimer } from '../../../src/domain/timers';
import { decideTimer } from '../../../src/domain/timers/decide-timer';
import { indexedInstant } from '../../../src/domain/timers/indexed-instant';
import { onCustomerComment } from '../../../src/domain/timers/timer-events';
import { MemoryStore } from '../../support/memory-store';

const DAY = 86_400_000;
const cfg = configForProject(defaultConfig, 'SUP');
const now = new Date('2026-11-27T10:00:00Z');
const CLARIFICATION = { id: '3', name: 'Clarification required / On hold' };

/** Entered Clarification 12 days ago: the first reminder is due now. */
const searched: ProcessState = {
  ...startTimer(
    'supportRequest',
    'clarification',
    new Date(now.getTime() - 12 * DAY),
    {
      statusId: CLARIFICATION.id,
    },
    cfg,
  ),
};
const reminderKey = (() => {
  const decision = decideTimer(searched, now, cfg, { id: '10001', key: 'SUP-1' });
  if (!decision.due) throw new Error('fixture: the first reminder must be due');
  return decision.idempotencyKey;
})();

/** The ticket as the sweep's search returned it (state from the search index). */
const ticket: SweepTicket = {
  id: '10001',
  key: 'SUP-1',
  statusId: CLARIFICATION.id,
  statusName: CLARIFICATION.name,
  status: 'clarification',
  typeId: '7',
  typeName: 'Support Request',
  kind: 'supportRequest',
  state: searched,
  updatedMs: Date.parse(searched.updatedAt),
  created: searched.enteredAt,
  organizations: [],
  reporterId: 'customer-1',
  statusChanges: [],
};

/** Jira reduced to the property of one ticket and the writes the sweep makes; records what happened. */
function fakeJira(
  store: MemoryStore,
  property: { value: ProcessState },
  comments: { id: string; authorId: string; created: string; isPublic: boolean }[] = [],
) {
  const calls: string[] = [];
  const markerAtWrite: unknown[] = [];
  const jira = {
    async newestComments(key: string, startAt: number, maxResults: number) {
      calls.push(`newestComments ${key}`);
      return [...comments].reverse().slice(startAt, startAt + maxResults);
    },
    async myAccountId() {
      return 'app-account';
    },
    async getIssueProperty(key: string, propertyKey: string) {
      calls.push(`getIssueProperty ${key} ${propertyKey}`);
      return structuredClone(property.value);
    },
    async editIssue(key: string, edit: { properties?: { key: string; value: unknown }[] }) {
      calls.push(`editIssue ${key}`);
      markerAtWrite.push(await readStateWrite(store, ticket.id, 'sweep'));
      const state = edit.properties?.find((p) => p.key === PROCESS_STATE_KEY)?.value;
      if (state) property.value = state as ProcessState;
    },
    async setIssueProperty(key: string, _propertyKey: string, value: unknown) {
      calls.push(`setIssueProperty ${key}`);
      property.value = value as ProcessState;
    },
  };
  return { jira: jira as unknown as JiraGateway, calls, markerAtWrite };
}

function context(store: MemoryStore, jira: JiraGateway): SweepContext {
  const deps = {
    jira,
    store,
    audit: new AuditLog(store),
    ledger: new ActionLedger(store),
  } as unknown as AppDeps;
  return {
    deps,
    cfg,
    now,
    dryRun: false,
    transitions: new WorkflowTransitions(jira, store),
    organizationsFieldId: undefined,
  };
}

describe('the sweep does not overwrite a state written after its search (state-write marker, ADR 0003)', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
  });

  it('writes the due reminder, announcing it in the marker before the write', async () => {
    const property = { value: searched };
    const { jira, calls, markerAtWrite } = fakeJira(store, property);
    const outcome = await sweepTicket(context(store, jira), ticket);
    expect(outcome).toEqual({ kind: 'done' });
    expect(calls).toEqual(['editIssue SUP-1']);
    expect(markerAtWrite).toEqual([{ updatedAt: now.toISOString(), writer: reminderKey }]);
    expect(property.value.stepsDone).toBe(1);
  });

  it('a customer reply stored between search and write: no write, re-decided on the fresh state', async () => {
    // The event handler, after the sweep's search: marker first, then the reset property.
    const reset = onCustomerComment(searched, new Date(now.getTime() - 30_000), cfg).state;
    await markStateWrite(store, ticket.id, reset.updatedAt, EVENT_WRITER);
    const property = { value: reset };
    const { jira, calls } = fakeJira(store, property);

    const outcome = await sweepTicket(context(store, jira), ticket);

    expect(outcome).toEqual({ kind: 'notDue' });
    expect(calls).toEqual(['getIssueProperty SUP-1 jsm-process-state']);
    expect(property.value).toEqual(reset);
    // The claim was given back: the reminder of the old cycle is not marked as sent.
    expect(await new ActionLedger(store).claim(reminderKey, now)).toEqual({ kind: 'claimed' });
  });

  it('a reset announced but not yet in Jira: waits for the next sweep without writing', async () => {
    const reset = onCustomerComment(searched, new Date(now.getTime() - 2_000), cfg).state;
    await markStateWrite(store, ticket.id, reset.updatedAt, EVENT_WRITER);
    const property = { value: searched };
    const { jira, calls } = fakeJira(store, property);

    const outcome = await sweepTicket(context(store, jira), ticket);

    expect(outcome).toEqual({ kind: 'deferred', reason: 'stateWriteInFlight' });
    expect(calls).toEqual(['getIssueProperty SUP-1 jsm-process-state']);
    expect(property.value).toBe(searched);
    expect(await new ActionLedger(store).claim(reminderKey, now)).toEqual({ kind: 'claimed' });
  });

  it('a marker whose writer never stored its state holds the ticket back only for a while', async () => {
    await markStateWrite(
      store,
      ticket.id,
      new Date(now.getTime() - 2 * 3_600_000).toISOString(),
      EVENT_WRITER,
    );
    const property = { value: searched };
    const { jira, calls } = fakeJira(store, property);

    const outcome = await sweepTicket(context(store, jira), ticket);

    expect(outcome).toEqual({ kind: 'done' });
    // The dead writer may have been a reset: the reminder goes out only after the proof found no reply.
    expect(calls).toEqual([
      'getIssueProperty SUP-1 jsm-process-state',
      'newestComments SUP-1',
      'editIssue SUP-1',
    ]);
  });

  it('a dead writer whose reset never reached Jira: the proof finds the reply and restarts the cycle', async () => {
    await markStateWrite(
      store,
      ticket.id,
      new Date(now.getTime() - 2 * 3_600_000).toISOString(),
      EVENT_WRITER,
    );
    const replyAt = new Date(now.getTime() - 2 * 3_600_000).toISOString();
    const property = { value: searched };
    const { jira, calls } = fakeJira(store, property, [
      { id: '501', authorId: 'customer-1', created: replyAt, isPublic: true },
    ]);

    const outcome = await sweepTicket(context(store, jira), ticket);

    expect(outcome).toEqual({ kind: 'reset' });
    expect(calls).toEqual([
      'getIssueProperty SUP-1 jsm-process-state',
      'newestComments SUP-1',
      'setIssueProperty SUP-1',
    ]);
    expect(property.value).toMatchObject({
      cycle: searched.cycle + 1,
      stepsDone: 0,
      cycleStartedAt: replyAt,
      lastReset: { reason: 'customerComment', at: replyAt },
    });
    expect(property.value.done).toContain('10001:customerComment:501');
  });

  it("the sweep's own marker (same step, a run that died before writing) does not hold it back", async () => {
    await markStateWrite(
      store,
      ticket.id,
      new Date(now.getTime() - 60_000).toISOString(),
      reminderKey,
      'sweep',
    );
    const property = { value: searched };
    const { jira, calls } = fakeJira(store, property);

    const outcome = await sweepTicket(context(store, jira), ticket);

    expect(outcome).toEqual({ kind: 'done' });
    expect(calls).toEqual(['editIssue SUP-1']);
  });

  it('a restamp announces itself under a writer naming that one restamp (timer, cycle, new due time)', async () => {
    // Five days into Clarification, with an indexed due time that says "due" although nothing is due yet.
    const entered = new Date(now.getTime() - 5 * DAY);
    const started = startTimer(
      'supportRequest',
      'clarification',
      entered,
      { statusId: CLARIFICATION.id },
      cfg,
    );
    const stale: ProcessState = { ...started, nextDueAt: indexedInstant(new Date(now.getTime() - DAY)) };
    const property = { value: stale };
    const { jira, calls } = fakeJira(store, property);

    const outcome = await sweepTicket(context(store, jira), { ...ticket, state: stale });

    expect(outcome).toEqual({ kind: 'restamped' });
    expect(calls).toEqual(['setIssueProperty SUP-1']);
    const due = property.value.nextDueAt;
    expect(due).toBe(started.nextDueAt);
    expect(await readStateWrite(store, ticket.id, 'sweep')).toEqual({
      updatedAt: stale.updatedAt,
      writer: `${ticket.id}:restamp:clarification:${started.cycle}:${due}`,
    });
  });
});

describe('guardStateWrite and eventWroteSince: the verdict table', () => {
  const MINUTE = 60_000;
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE).toISOString();
  const next: ProcessState = { ...searched, updatedAt: now.toISOString() };
  const fresh: SweepTicket = { ...ticket, stateFresh: true };
  const { state: _state, ...withoutState } = ticket;
  const guard = (store: MemoryStore, t: SweepTicket) =>
    guardStateWrite(context(store, fakeJira(store, { value: searched }).jira), t, next, reminderKey);

  it.each([
    ['no marker', [], ticket, 'write'],
    ['no stored state and no marker', [], withoutState, 'write'],
    ['a foreign marker, the state read from the search', [['event', 20]], ticket, 'reread'],
    [
      'a foreign marker 20 minutes old, the state read fresh (its writer died)',
      [['event', 20]],
      fresh,
      'proveThenWrite',
    ],
    ['a foreign marker exactly 15 minutes old, fresh', [['event', 15]], fresh, 'proveThenWrite'],
    ['a foreign marker 14 minutes old, fresh (its writer is still at work)', [['event', 14]], fresh, 'wait'],
    [
      'an old event marker and a young one of another sweep step: the young one counts',
      [
        ['event', 20],
        ['sweep', 1],
      ],
      fresh,
      'wait',
    ],
  ] as const)('%s: %s', async (_, markers, t, verdict) => {
    const store = new MemoryStore();
    for (const [channel, minutes] of markers) {
      await markStateWrite(
        store,
        ticket.id,
        ago(minutes),
        channel === 'event' ? EVENT_WRITER : 'another step',
        channel,
      );
    }
    await expect(guard(store, t)).resolves.toBe(verdict);
    const announced = await readStateWrite(store, ticket.id, 'sweep');
    if (verdict === 'write' || verdict === 'proveThenWrite') {
      expect(announced).toStrictEqual({ updatedAt: next.updatedAt, writer: reminderKey });
    }
  });

  it.each([
    ['no event marker', undefined, ticket, false],
    ['an event marker older than the state decided on', ago(12 * 24 * 60 + 1), ticket, false],
    ['an event marker newer than the state decided on', ago(1), ticket, true],
    ['any event marker when no state was stored', ago(12 * 24 * 60 + 1), withoutState, true],
  ] as const)('eventWroteSince, %s: %s', async (_, at, t, wrote) => {
    const store = new MemoryStore();
    if (at) await markStateWrite(store, ticket.id, at, EVENT_WRITER);
    await expect(eventWroteSince(context(store, fakeJira(store, { value: searched }).jira), t)).resolves.toBe(
      wrote,
    );
  });
});
