import type { EventDeps } from '../../../src/app/events/event-deps';
import { executeEventActions } from '../../../src/app/events/execute-event-actions';
import type { ExecutionContext } from '../../../src/app/events/execution-context';
import { JiraHttpError, UpstreamError } from '../../../src/app/ports/jira-errors';
import { textToAdf } from '../../../src/app/shared/adf';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { readStateWrite } from '../../../src/app/shared/state-write-marker';
import type { EventAction } from '../../../src/domain/events/event-actions';
import {
  PROCESS_STATE_KEY,
  initialState,
  withDone,
  withFlag,
  type ProcessState,
} from '../../../src/domain/process-state';
import { renderMessage } from '../../../src/domain/texts';
import { projectConfig, ticket } from '../../domain/events/rule-fixtures';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-28T10:00:00Z');
const DACH = { id: '100', name: 'DACH support' };
const STORED = initialState(new Date('2026-11-27T09:00:00Z'), 's-open');

const securityNote = {
  type: 'comment',
  visibility: 'internal',
  messageKey: 'confidentialityApplied',
  params: { ticketKey: 'SD-1', securityLevel: 'DACH support' },
  idempotencyKey: '10001:security:DACH support:h1:note',
} as const satisfies EventAction;
const setSecurity = {
  type: 'setSecurityLevel',
  level: ' dach SUPPORT ',
  idempotencyKey: '10001:security:DACH support:h1',
} as const satisfies EventAction;
const priorityNote = {
  type: 'comment',
  visibility: 'internal',
  messageKey: 'priorityMismatch',
  params: { ticketKey: 'SD-1', priority: 'P1', type: 'Support Request' },
  idempotencyKey: '10001:priorityNote:h1:P1',
} as const satisfies EventAction;
const revertType = {
  type: 'revertType',
  toTypeId: 't-sr',
  comment: {
    visibility: 'internal',
    messageKey: 'reclassificationRefused',
    params: { ticketKey: 'SD-1', fromType: 'Support Request', toType: 'Suggestion', reason: 'not allowed' },
  },
  flag: 'reclassificationNotReverted',
  idempotencyKey: '10001:revertType:h2',
} as const satisfies EventAction;
const autoReply = {
  type: 'comment',
  visibility: 'public',
  messageKey: 'outOfHoursAutoReply',
  params: { ticketKey: 'SD-1', nextWorkingDay: { date: '2026-11-30T08:00:00.000Z' } },
  idempotencyKey: '10001:outOfHoursReply',
} as const satisfies EventAction;
const revertStatus = {
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
} as const satisfies EventAction;

interface Edit {
  readonly fields?: Record<string, unknown>;
  readonly comment?: { body: unknown; internal: boolean; occurrence: string };
  readonly properties?: { key: string; value: ProcessState }[];
}

interface EditOptions {
  readonly notifyUsers?: boolean;
  readonly stateBasis?: string;
}

/** Jira reduced to the writes the executor makes; each write records the event marker it found. */
function fakeJira(store: MemoryStore, options: { failEdits?: Error[]; failComments?: Error[] } = {}) {
  const edits: {
    edit: Edit;
    notifyUsers: boolean | undefined;
    options: EditOptions | undefined;
    marker: unknown;
  }[] = [];
  const comments: { key: string; comment: Edit['comment'] }[] = [];
  const transitions: { id: string; comment: unknown; properties: unknown }[] = [];
  const failEdits = [...(options.failEdits ?? [])];
  const failComments = [...(options.failComments ?? [])];
  const jira = {
    async editIssue(_key: string, edit: Edit, opts?: EditOptions) {
      const failure = failEdits.shift();
      if (failure) throw failure;
      edits.push({
        edit: structuredClone(edit),
        notifyUsers: opts?.notifyUsers,
        options: opts,
        marker: await readStateWrite(store, '10001'),
      });
    },
    async addComment(key: string, comment: Edit['comment']) {
      const failure = failComments.shift();
      if (failure) throw failure;
      comments.push({ key, comment });
      return `c${comments.length}`;
    },
    async getTransitions() {
      return [{ id: '21', name: 'Back to Open', to: { id: 's-open', name: 'Open' } }];
    },
    async doTransition(_key: string, t: { id: string; comment: unknown; properties: unknown }) {
      transitions.push(t);
    },
  };
  return { jira, edits, comments, transitions };
}

function setup(
  options: {
    failEdits?: Error[];
    failComments?: Error[];
    dryRun?: boolean;
    stored?: ProcessState;
    levels?: { id: string; name: string }[];
    store?: MemoryStore;
    now?: Date;
    locale?: string;
    actorId?: string;
    updated?: string;
  } = {},
) {
  const store = options.store ?? new MemoryStore();
  const fake = fakeJira(store, options);
  const localeReads: string[] = [];
  // The project's levels as Jira lists them now (a test may recreate one under a new id); every list read counted.
  const site = { levels: options.levels ?? [DACH], levelReads: 0 };
  const links = {
    async securityLevels() {
      site.levelReads += 1;
      return site.levels;
    },
    async issueTypes() {
      return [
        { id: 't-inc', name: 'Incident' },
        { id: 't-req', name: 'Request' },
      ];
    },
    async userLocale(accountId: string) {
      localeReads.push(accountId);
      return options.locale ?? 'en_US';
    },
  };
  const alerts: unknown[] = [];
  const warnings: unknown[][] = [];
  const deps = {
    jira: fake.jira,
    links,
    store,
    ledger: new ActionLedger(store),
    audit: new AuditLog(store),
    pager: { alert: async (a: unknown) => void alerts.push(a) },
    log: {
      warn: (...entry: unknown[]) => void warnings.push(entry),
      error: () => undefined,
      info: () => undefined,
    },
  } as unknown as EventDeps;
  const config = projectConfig();
  const ctx: ExecutionContext = {
    deps,
    ticket: ticket(options.updated === undefined ? {} : { updated: options.updated }),
    config: options.dryRun ? { ...config, automation: { ...config.automation, dryRun: true } } : config,
    now: options.now ?? NOW,
    stored: options.stored ?? STORED,
    actorId: options.actorId ?? 'agent-1',
  };
  const audits = () => new AuditLog(store).forIssue('10001');
  return { ctx, store, ...fake, site, localeReads, alerts, warnings, audits };
}

const run = async (s: ReturnType<typeof setup>, actions: EventAction[], decided = s.ctx.stored ?? STORED) =>
  (await executeEventActions(s.ctx, decided, actions)).state;

const written = (edit: Edit) => edit.properties?.[0]?.value;
const rendered = (ref: typeof priorityNote | typeof autoReply, language: 'de' | 'en') =>
  textToAdf(renderMessage(projectConfig(), ref.messageKey, language, ref.params));

describe('executeEventActions: the event rules’ actions in as few writes as Jira allows', () => {
  it('the security level, the state and the note travel in ONE edit, announced before it', async () => {
    const s = setup();
    const state = await run(s, [setSecurity, securityNote]);
    expect(s.edits).toHaveLength(1);
    const { edit, notifyUsers, marker } = s.edits[0] ?? { edit: {} };
    expect(edit.fields).toEqual({ security: { id: DACH.id } });
    expect(edit.comment).toMatchObject({ internal: true, occurrence: securityNote.idempotencyKey });
    expect(notifyUsers).toBe(false);
    expect(marker).toEqual({ updatedAt: NOW.toISOString(), writer: 'event' });
    expect(written(edit)?.done).toEqual(
      expect.arrayContaining([setSecurity.idempotencyKey, securityNote.idempotencyKey]),
    );
    expect(written(edit)?.updatedAt).toBe(NOW.toISOString());
    expect(state.done).toEqual(written(edit)?.done);
    expect(s.comments).toEqual([]);
    await expect(s.audits()).resolves.toEqual([
      expect.objectContaining({
        action: 'securitySet',
        outcome: 'done',
        idempotencyKey: setSecurity.idempotencyKey,
      }),
    ]);
  });

  it('a public comment notifies the customer in the customer’s language; a note is in the agent’s, read once', async () => {
    const s = setup();
    await run(s, [autoReply]);
    expect(s.edits[0]?.notifyUsers).toBe(true);
    expect(s.edits[0]?.edit.comment).toEqual({
      body: rendered(autoReply, 'de'),
      internal: false,
      occurrence: autoReply.idempotencyKey,
    });
    expect(s.localeReads).toEqual([]);
    const agent = setup();
    await run(agent, [
      priorityNote,
      { ...securityNote, messageKey: 'priorityMismatch', params: priorityNote.params },
    ]);
    expect(agent.edits[0]?.edit.comment?.body).toEqual(rendered(priorityNote, 'en'));
    expect(agent.comments[0]?.comment?.body).toEqual(rendered(priorityNote, 'en'));
    expect(agent.localeReads).toEqual(['agent-1']);
  });

  it('an agent’s locale is read once a day per agent: the next note of the day is written without a read', async () => {
    const store = new MemoryStore();
    const DAY = 24 * 60 * 60 * 1000;
    const note = (n: number) => ({ ...priorityNote, idempotencyKey: `${priorityNote.idempotencyKey}:${n}` });
    const cases: { at: number; actor: string; locale: string; reads: string[]; language: 'de' | 'en' }[] = [
      { at: 0, actor: 'agent-1', locale: 'en_GB', reads: ['agent-1'], language: 'en' },
      // Kept: the profile is not read again, even though it now says German.
      { at: DAY - 1, actor: 'agent-1', locale: 'de_DE', reads: [], language: 'en' },
      { at: DAY - 1, actor: 'agent-2', locale: 'de_AT', reads: ['agent-2'], language: 'de' },
      // A day later the profile is read again and its new language used.
      { at: DAY, actor: 'agent-1', locale: 'de_DE', reads: ['agent-1'], language: 'de' },
      { at: DAY + 5, actor: 'agent-2', locale: 'en_US', reads: [], language: 'de' },
    ];
    for (const [n, c] of cases.entries()) {
      const s = setup({ store, now: new Date(NOW.getTime() + c.at), locale: c.locale, actorId: c.actor });
      await run(s, [note(n)]);
      expect({ n, reads: s.localeReads }).toEqual({ n, reads: c.reads });
      expect({ n, body: s.edits[0]?.edit.comment?.body }).toEqual({
        n,
        body: rendered(priorityNote, c.language),
      });
    }
  });

  it('an agent’s locale that cannot be kept is read again next time; the note is written either way', async () => {
    const store = new MemoryStore();
    const refusing = Object.assign(Object.create(store) as MemoryStore, {
      set: (key: string, ...rest: Parameters<MemoryStore['set']> extends [string, ...infer R] ? R : never) =>
        key.startsWith('events:agentLocale:')
          ? Promise.reject(new Error('storage refused'))
          : store.set(key, ...rest),
    });
    for (const n of [1, 2]) {
      const s = setup({ store: refusing, locale: 'de_DE' });
      await run(s, [{ ...priorityNote, idempotencyKey: `${priorityNote.idempotencyKey}:${n}` }]);
      expect(s.localeReads).toEqual(['agent-1']);
      expect(s.edits[0]?.edit.comment?.body).toEqual(rendered(priorityNote, 'de'));
    }
  });

  it('further comments follow one by one; the state lists only what the edit carried, the ledger the rest', async () => {
    const s = setup();
    const state = await run(s, [priorityNote, autoReply]);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit.comment?.occurrence).toBe(priorityNote.idempotencyKey);
    expect(s.comments.map((c) => c.comment?.occurrence)).toEqual([autoReply.idempotencyKey]);
    expect(state.done).toContain(priorityNote.idempotencyKey);
    expect(state.done).not.toContain(autoReply.idempotencyKey);
    await expect(s.ctx.deps.ledger.claim(autoReply.idempotencyKey, NOW)).resolves.toMatchObject({
      kind: 'done',
    });
    await expect(s.ctx.deps.ledger.claim(priorityNote.idempotencyKey, NOW)).resolves.toMatchObject({
      kind: 'done',
    });
  });

  it('actions the state lists as done are skipped; with nothing new nothing is written', async () => {
    const stored = withDone(STORED, priorityNote.idempotencyKey);
    const s = setup({ stored });
    await expect(run(s, [priorityNote])).resolves.toBe(stored);
    expect(s.edits).toEqual([]);
    expect(s.comments).toEqual([]);
  });

  it('a changed state alone is written as the property, without a comment', async () => {
    const s = setup();
    const decided = withFlag(STORED, 'somethingToShow');
    await run(s, [], decided);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit).toEqual({
      properties: [{ key: PROCESS_STATE_KEY, value: { ...decided, updatedAt: NOW.toISOString() } }],
    });
    expect(s.edits[0]?.notifyUsers).toBe(false);
  });

  it('a state that differs only in its time stamp is not written again', async () => {
    const s = setup();
    await run(s, [], { ...STORED, updatedAt: NOW.toISOString() });
    expect(s.edits).toEqual([]);
  });

  it('without a stored state a decided state that records more than the status is written', async () => {
    const s = setup();
    const noStored = { ...s, ctx: { ...s.ctx, stored: undefined } };
    const flagged = { ...STORED, flags: ['illegalTransition'] };
    await executeEventActions(noStored.ctx, flagged, []);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit).toEqual({
      properties: [{ key: PROCESS_STATE_KEY, value: { ...flagged, updatedAt: NOW.toISOString() } }],
    });
  });

  it('without a stored state a decided state that records only the status is not written', async () => {
    const s = setup();
    const noStored = { ...s, ctx: { ...s.ctx, stored: undefined } };
    const written = await executeEventActions(noStored.ctx, STORED, []);
    expect(s.edits).toEqual([]);
    expect(written.state).toEqual(STORED);
  });

  it('without a stored state the first comment still travels with the state in one edit', async () => {
    const s = setup();
    const noStored = { ...s, ctx: { ...s.ctx, stored: undefined } };
    await executeEventActions(noStored.ctx, STORED, [securityNote]);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit.properties).toHaveLength(1);
  });

  const emailIntake = { type: 'setType', typeName: 'Request', idempotencyKey: '10001:emailIntake' } as const;
  it.each([
    ['records only its status, decided at another instant', initialState(NOW, 's-open'), [], false],
    ['records only its status, left by the move the event made', initialState(NOW, 's-waiting'), [], false],
    ['records a flag', withFlag(initialState(NOW, 's-open'), 'somethingToShow'), [], true],
    ['records an action as done', withDone(initialState(NOW, 's-open'), '10001:outOfHoursReply'), [], true],
    ['records a started timer', { ...initialState(NOW, 's-open'), timer: 'clarification' }, [], true],
    ['becomes one by an action it performs', initialState(NOW, 's-open'), [emailIntake], true],
  ] as const)(
    'a ticket without a state whose decided state %s: written %s',
    async (_case, decided: ProcessState, actions: readonly EventAction[], write) => {
      const s = setup();
      const stateless = { ...s.ctx, stored: undefined };
      const result = await executeEventActions(stateless, decided, actions);
      expect(s.edits.map((e) => written(e.edit) !== undefined)).toEqual(write ? [true] : []);
      if (!write) expect(result.state).toBe(decided);
    },
  );

  it('the edit names the view of the ticket its state was decided from, and only a view the ticket had', async () => {
    const updated = '2026-11-28T09:59:30.000+0000';
    const decided = withFlag(STORED, 'somethingToShow');
    const viewed = setup({ updated });
    await run(viewed, [], decided);
    expect(viewed.edits[0]?.options).toStrictEqual({ notifyUsers: false, stateBasis: updated });
    const unviewed = setup();
    await run(unviewed, [], decided);
    expect(unviewed.edits[0]?.options).toStrictEqual({ notifyUsers: false });
  });

  const revertedBefore = { ...revertStatus, idempotencyKey: '10001:revertStatus:h0' } as const;
  it.each([
    ['a status revert', [priorityNote, revertStatus], true],
    ['a re-typing revert', [revertType], true],
    ['only a comment', [priorityNote], false],
    ['a revert the state lists as done', [revertedBefore], false],
  ] as const)(
    'in dry run the event answers whether it would set a change back: %s',
    async (_c, actions, back) => {
      const s = setup({ dryRun: true, stored: withDone(STORED, revertedBefore.idempotencyKey) });
      await expect(executeEventActions(s.ctx, s.ctx.stored ?? STORED, actions)).resolves.toMatchObject({
        reverted: back,
      });
      expect([...s.edits, ...s.transitions]).toEqual([]);
    },
  );

  it('in dry run nothing is written; each pending action is audited as it would have happened', async () => {
    const s = setup({ dryRun: true, stored: withDone(STORED, autoReply.idempotencyKey) });
    const audit = { type: 'audit', entry: { action: 'x', outcome: 'done' } } as const;
    await expect(run(s, [priorityNote, autoReply, audit])).resolves.toBe(s.ctx.stored);
    expect([...s.edits, ...s.comments]).toEqual([]);
    // Newest first.
    const [auditEntry, commentEntry] = await s.audits();
    expect([auditEntry, commentEntry]).toEqual([
      expect.objectContaining({ action: 'audit', outcome: 'dryRun' }),
      expect.objectContaining({
        action: 'comment',
        outcome: 'dryRun',
        idempotencyKey: priorityNote.idempotencyKey,
      }),
    ]);
    expect(auditEntry).not.toHaveProperty('idempotencyKey');
    expect(await s.audits()).toHaveLength(2);
  });

  it('an audit action is recorded as the rule gave it', async () => {
    const s = setup();
    await run(s, [{ type: 'audit', entry: { action: 'outOfHours', outcome: 'skipped', detail: 'x' } }]);
    await expect(s.audits()).resolves.toEqual([
      expect.objectContaining({ action: 'outOfHours', outcome: 'skipped', detail: 'x', source: 'event' }),
    ]);
  });
});

describe('executeEventActions: exactly once under duplicate deliveries', () => {
  it('two deliveries of one event at the same time post each comment once', async () => {
    const store = new MemoryStore();
    const a = setup({ store });
    const b = setup({ store });
    await Promise.all([run(a, [priorityNote, autoReply]), run(b, [priorityNote, autoReply])]);
    const posted = [...a.edits, ...b.edits]
      .map((e) => e.edit.comment?.occurrence)
      .concat([...a.comments, ...b.comments].map((c) => c.comment?.occurrence))
      .filter((o) => o !== undefined)
      .sort();
    expect(posted).toEqual([autoReply.idempotencyKey, priorityNote.idempotencyKey].sort());
    const skipped = (await a.audits()).filter((e) => e.outcome === 'skipped');
    expect(skipped).toEqual([
      expect.objectContaining({ action: 'comment', detail: 'alreadyDone' }),
      expect.objectContaining({ action: 'comment', detail: 'alreadyDone' }),
    ]);
  });

  it('a comment whose claim has gone stale (its runner died) is posted by the next delivery', async () => {
    const store = new MemoryStore();
    await new ActionLedger(store).claim(priorityNote.idempotencyKey, new Date(NOW.getTime() - 3_600_000));
    const s = setup({ store });
    await run(s, [priorityNote]);
    expect(s.edits[0]?.edit.comment?.occurrence).toBe(priorityNote.idempotencyKey);
  });

  it('a forbidden change delivered twice is reverted once; the copy writes nothing and says so', async () => {
    const store = new MemoryStore();
    const a = setup({ store });
    const b = setup({ store });
    const [first, second] = await Promise.all([run(a, [revertStatus]), run(b, [revertStatus])]);
    expect([...a.transitions, ...b.transitions]).toHaveLength(1);
    expect([...a.edits, ...b.edits]).toEqual([]);
    expect([first, second]).toContain(STORED);
    const later = setup({ store, now: new Date(NOW.getTime() + 60_000) });
    await expect(run(later, [revertStatus])).resolves.toBe(STORED);
    expect([...later.transitions, ...later.edits]).toEqual([]);
    expect((await later.audits())[0]).toMatchObject({
      action: 'transitionReverted',
      outcome: 'skipped',
      detail: 'alreadyDone',
      idempotencyKey: revertStatus.idempotencyKey,
    });
  });

  it('a revert carries its comments in the one transition and lists them done', async () => {
    const s = setup();
    const state = await run(s, [revertStatus, priorityNote]);
    expect(s.transitions).toEqual([expect.objectContaining({ id: '21' })]);
    expect(state.done).toEqual(
      expect.arrayContaining([revertStatus.idempotencyKey, priorityNote.idempotencyKey]),
    );
    await expect(s.ctx.deps.ledger.claim(revertStatus.idempotencyKey, NOW)).resolves.toMatchObject({
      kind: 'done',
    });
  });
});

describe('executeEventActions: whether a forbidden change was set back', () => {
  const noWayBack = { ...revertStatus, toStatusId: 's-elsewhere' } as const;
  it.each([
    ['the workflow leads back', [revertStatus], true],
    ['the workflow has no way back (the ticket stays where the change put it)', [noWayBack], false],
    ['no revert was decided', [priorityNote], false],
  ] as const)('%s: reverted %s', async (_case, actions, reverted) => {
    const s = setup();
    await expect(executeEventActions(s.ctx, STORED, actions)).resolves.toMatchObject({ reverted });
  });

  it('a revert with no way back returns the flagged state it wrote, so later writes of the event keep the flag', async () => {
    const s = setup();
    const { state } = await executeEventActions(s.ctx, STORED, [noWayBack]);
    expect(state.flags).toContain(noWayBack.flag);
    expect(written(s.edits[0]?.edit ?? {})).toMatchObject({
      flags: expect.arrayContaining([noWayBack.flag]),
    });
  });

  it('a copy that lost the revert claim answers reverted: the winner sets it back', async () => {
    const store = new MemoryStore();
    await setup({ store }).ctx.deps.ledger.claim(revertStatus.idempotencyKey, NOW);
    const copy = setup({ store });
    await expect(executeEventActions(copy.ctx, STORED, [revertStatus])).resolves.toMatchObject({
      reverted: true,
    });
  });
});

describe('executeEventActions: failures', () => {
  it('the edit fails: every claim is given back for the retry, the failure audited, the error thrown', async () => {
    const failure = new UpstreamError('editIssue', 'timeout');
    const s = setup({ failEdits: [failure] });
    await expect(run(s, [priorityNote, autoReply])).rejects.toBe(failure);
    for (const key of [priorityNote.idempotencyKey, autoReply.idempotencyKey])
      await expect(s.ctx.deps.ledger.claim(key, NOW)).resolves.toEqual({ kind: 'claimed' });
    await expect(s.audits()).resolves.toEqual([
      expect.objectContaining({ action: 'write', outcome: 'failed', detail: 'UpstreamError' }),
    ]);
  });

  it('a later comment fails: the comments that landed stay done, the rest are free for the retry', async () => {
    const failure = new JiraHttpError('addComment', 503, '');
    const third = { ...autoReply, idempotencyKey: '10001:third' };
    const fourth = { ...autoReply, idempotencyKey: '10001:fourth' };
    const s = setup({ failComments: [undefined as never, failure] });
    await expect(run(s, [priorityNote, autoReply, third, fourth])).rejects.toBe(failure);
    const ledger = s.ctx.deps.ledger;
    await expect(ledger.claim(priorityNote.idempotencyKey, NOW)).resolves.toMatchObject({ kind: 'done' });
    await expect(ledger.claim(autoReply.idempotencyKey, NOW)).resolves.toMatchObject({ kind: 'done' });
    await expect(ledger.claim(third.idempotencyKey, NOW)).resolves.toEqual({ kind: 'claimed' });
    await expect(ledger.claim(fourth.idempotencyKey, NOW)).resolves.toEqual({ kind: 'claimed' });
    await expect(s.audits()).resolves.toEqual([
      expect.objectContaining({ action: 'write', outcome: 'failed', detail: 'HTTP 503' }),
    ]);
  });

  it('a forbidden re-typing is set back in one edit; a copy delivered later writes nothing and says so', async () => {
    const store = new MemoryStore();
    const s = setup({ store });
    const state = await run(s, [revertType]);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit.fields).toEqual({ issuetype: { id: 't-sr' } });
    expect(state.done).toContain(revertType.idempotencyKey);
    const later = setup({ store, now: new Date(NOW.getTime() + 60_000) });
    await expect(run(later, [revertType])).resolves.toBe(STORED);
    expect(later.edits).toEqual([]);
    expect((await later.audits())[0]).toMatchObject({
      action: 'reclassificationReverted',
      outcome: 'skipped',
      detail: 'alreadyDone',
    });
  });

  it('a revert whose claim has gone stale (its runner died) is performed by the next delivery', async () => {
    const store = new MemoryStore();
    await new ActionLedger(store).claim(revertStatus.idempotencyKey, new Date(NOW.getTime() - 3_600_000));
    const s = setup({ store });
    await run(s, [revertStatus]);
    expect(s.transitions).toHaveLength(1);
  });

  it('a revert that fails gives its claim back', async () => {
    const s = setup();
    const failure = new UpstreamError('doTransition', 'timeout');
    s.ctx.deps.jira.doTransition = () => Promise.reject(failure);
    await expect(run(s, [revertStatus])).rejects.toBe(failure);
    await expect(s.ctx.deps.ledger.claim(revertStatus.idempotencyKey, NOW)).resolves.toEqual({
      kind: 'claimed',
    });
  });

  it('Jira refusing the security level: the edit is repeated without it, flagged, and the untrue note goes', async () => {
    const refused = new JiraHttpError('editIssue', 400, JSON.stringify({ errors: { security: 'no' } }));
    const s = setup({ failEdits: [refused] });
    const state = await run(s, [setSecurity, securityNote]);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit.fields).toBeUndefined();
    expect(s.edits[0]?.edit.comment).toBeUndefined();
    expect(state.flags).toContain('confidentialityFailed');
    expect(state.done).toContain(setSecurity.idempotencyKey);
    await expect(s.audits()).resolves.toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'securitySet', outcome: 'failed', detail: 'HTTP 400' }),
      ]),
    );
  });

  it('with the security level refused, another comment still goes out in the repeated edit', async () => {
    const refused = new JiraHttpError('editIssue', 403, '');
    const s = setup({ failEdits: [refused] });
    await run(s, [setSecurity, priorityNote]);
    expect(s.edits[0]?.edit.comment?.occurrence).toBe(priorityNote.idempotencyKey);
  });

  it('another refusal of an edit with a security level is not taken for a security refusal', async () => {
    const refused = new JiraHttpError('editIssue', 400, JSON.stringify({ errors: { summary: 'no' } }));
    const s = setup({ failEdits: [refused] });
    await expect(run(s, [setSecurity, securityNote])).rejects.toBe(refused);
  });

  it('a security refusal of an edit without a security level is an error', async () => {
    const refused = new JiraHttpError('editIssue', 403, '');
    const s = setup({ failEdits: [refused] });
    await expect(run(s, [priorityNote])).rejects.toBe(refused);
  });

  it('a security level the project lacks: flagged, audited, and its note is not posted', async () => {
    const s = setup({ levels: [{ id: '7', name: 'Other' }] });
    const state = await run(s, [setSecurity, securityNote, priorityNote]);
    expect(state.flags).toContain('securityLevelMissing');
    expect(state.done).not.toContain(setSecurity.idempotencyKey);
    expect(s.edits[0]?.edit.fields).toBeUndefined();
    expect(s.edits[0]?.edit.comment?.occurrence).toBe(priorityNote.idempotencyKey);
    expect(s.comments).toEqual([]);
    await expect(s.audits()).resolves.toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'securitySet', outcome: 'failed', detail: 'levelNotFound' }),
      ]),
    );
  });

  it('when the missing level was already flagged, the note is posted as the rule asked', async () => {
    const s = setup({ levels: [], stored: withFlag(STORED, 'securityLevelMissing') });
    await run(s, [setSecurity, securityNote]);
    expect(s.edits[0]?.edit.comment?.occurrence).toBe(securityNote.idempotencyKey);
  });

  it('a refused security level without any comment: the state alone is written, the operator log names the ticket by id', async () => {
    const s = setup({ failEdits: [new JiraHttpError('editIssue', 403, '')] });
    const state = await run(s, [setSecurity]);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit).toEqual({ properties: [expect.objectContaining({ key: PROCESS_STATE_KEY })] });
    expect(state.flags).toContain('confidentialityFailed');
    expect(s.warnings).toEqual([['events.securityRefused', { issueId: '10001' }]]);
  });

  it('finds the security level by name whatever its case and surrounding spaces in Jira', async () => {
    const s = setup({
      levels: [
        { id: '7', name: 'Other' },
        { ...DACH, name: ' DACH Support ' },
      ],
    });
    await run(s, [setSecurity]);
    expect(s.edits[0]?.edit.fields).toEqual({ security: { id: DACH.id } });
  });

  /** A ticket whose project's level DACH was kept under the id `kept` and is now listed as `levels`. */
  async function keptUnder(kept: string, options: Parameters<typeof setup>[0] = {}) {
    const store = new MemoryStore();
    const before = setup({ store, levels: [{ ...DACH, id: kept }] });
    await run(before, [setSecurity]);
    return setup({ ...options, store });
  }
  const refusedLevel = (status: 400 | 403) =>
    new JiraHttpError('editIssue', status, JSON.stringify({ errors: { security: 'no such level' } }));

  it('a kept level id Jira refuses is looked up again and the edit repeated once under the level’s new id', async () => {
    const s = await keptUnder('99', { failEdits: [refusedLevel(400)] });
    const state = await run(s, [setSecurity, securityNote]);
    expect(s.site.levelReads).toBe(1);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit.fields).toEqual({ security: { id: DACH.id } });
    expect(s.edits[0]?.edit.comment?.occurrence).toBe(securityNote.idempotencyKey);
    expect(state.flags).not.toContain('confidentialityFailed');
    expect(state.done).toEqual(
      expect.arrayContaining([setSecurity.idempotencyKey, securityNote.idempotencyKey]),
    );
    // The new id is kept: the next level set reads no list.
    const next = setup({ store: s.store });
    await run(next, [{ ...setSecurity, idempotencyKey: '10001:security:DACH support:h9' }]);
    expect(next.site.levelReads).toBe(0);
    expect(next.edits[0]?.edit.fields).toEqual({ security: { id: DACH.id } });
  });

  it('the level refused under its new id too: flagged, the refusal audited, the edit repeated without it', async () => {
    const s = await keptUnder('99', { failEdits: [refusedLevel(403), refusedLevel(400)] });
    const state = await run(s, [setSecurity, securityNote]);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit.fields).toBeUndefined();
    expect(s.edits[0]?.edit.comment).toBeUndefined();
    expect(state.flags).toContain('confidentialityFailed');
    await expect(s.audits()).resolves.toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'securitySet', outcome: 'failed', detail: 'HTTP 400' }),
      ]),
    );
  });

  it('another failure of the edit under the new id is an error, not a refused level', async () => {
    const failure = new UpstreamError('editIssue', 'timeout');
    const s = await keptUnder('99', { failEdits: [refusedLevel(403), failure] });
    await expect(run(s, [setSecurity, securityNote])).rejects.toBe(failure);
  });

  it('a refused lifting of the restriction is flagged and written without it; the kept level ids stay', async () => {
    const s = await keptUnder(DACH.id, { failEdits: [refusedLevel(403)] });
    const state = await run(s, [{ ...setSecurity, level: null }]);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.edit.fields).toBeUndefined();
    expect(state.flags).toContain('confidentialityFailed');
    const next = setup({ store: s.store });
    await run(next, [{ ...setSecurity, idempotencyKey: '10001:security:DACH support:h9' }]);
    expect(next.site.levelReads).toBe(0);
  });

  it('lifting the restriction sets the security level to none', async () => {
    const s = setup();
    await run(s, [{ ...setSecurity, level: null }]);
    expect(s.edits[0]?.edit.fields).toEqual({ security: null });
  });
});

describe('executeEventActions: e-mail intake and on-call', () => {
  it('an e-mail ticket becomes a Request in the same edit', async () => {
    const s = setup();
    const state = await run(s, [
      { type: 'setType', typeName: 'Request', idempotencyKey: '10001:emailIntake' },
    ]);
    expect(s.edits[0]?.edit.fields).toEqual({ issuetype: { id: 't-req' } });
    expect(state.done).toContain('10001:emailIntake');
    await expect(s.audits()).resolves.toEqual([
      expect.objectContaining({
        action: 'emailIntake',
        outcome: 'done',
        idempotencyKey: '10001:emailIntake',
      }),
    ]);
  });

  it('a Request type the site lacks is audited as failed and not tried again', async () => {
    const s = setup();
    const state = await run(s, [
      { type: 'setType', typeName: 'Anfrage', idempotencyKey: '10001:emailIntake' },
    ]);
    expect(s.edits[0]?.edit.fields).toBeUndefined();
    expect(state.done).toContain('10001:emailIntake');
    await expect(s.audits()).resolves.toEqual([
      expect.objectContaining({ action: 'emailIntake', outcome: 'failed', detail: 'typeNotFound' }),
    ]);
  });

  it('on-call is alerted once and the state lists the alert as done', async () => {
    const s = setup();
    const alert = {
      type: 'alertOnCall',
      mode: 'webhook',
      target: 'https://oncall.example.com/hook',
      idempotencyKey: '10001:onCall',
    } as const;
    const state = await run(s, [alert]);
    expect(s.alerts).toHaveLength(1);
    expect(state.done).toContain('10001:onCall');
    await expect(s.audits()).resolves.toEqual([
      expect.objectContaining({ action: 'onCallAlert', outcome: 'done' }),
    ]);
  });
});
