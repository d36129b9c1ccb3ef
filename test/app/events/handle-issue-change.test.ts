import type { EventDeps } from '../../../src/app/events/event-deps';
import { handleIssueChange, projectKeyOf } from '../../../src/app/events/handle-issue-change';
import type { DueIndexEntry } from '../../../src/app/ports';
import type {
  ChangelogHistory,
  CommentInput,
  EntityProperty,
  IssueBean,
  SearchRequest,
} from '../../../src/app/ports/jira';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { AUTOMATION_HOLD_KEY } from '../../../src/app/shared/automation-hold';
import { dueIndexedJira } from '../../../src/app/shared/due-indexed-jira';
import { commentEventsSeen } from '../../../src/app/shared/platform-observations';
import { readStoredCopy } from '../../../src/app/shared/portal-copy';
import { repairBasis, writeRepairMarker } from '../../../src/app/shared/repair-marker';
import { readStateWrite } from '../../../src/app/shared/state-write-marker';
import { parseConfig } from '../../../src/domain/config';
import type { ChangeItem, IssueChangeEvent } from '../../../src/domain/events/issue-change';
import { PROCESS_STATE_KEY, initialState, type ProcessState } from '../../../src/domain/process-state';
import { MemoryDueIndex, MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T10:00:00.000Z'); // a Friday, within working hours
/** The view of the ticket every event below shows (Jira's `updated` at the event). */
const AT_EVENT = '2026-11-27T09:59:00.000+0000';
/** An older view of the ticket: the basis of the state copies the due index holds. */
const BEFORE = '2026-11-27T09:00:00.000Z';

const S = {
  open: { id: '1', name: 'Open' },
  clarification: { id: '2', name: 'Clarification required / On hold' },
  inProgress: { id: '3', name: 'In Progress' },
  resolved: { id: '5', name: 'Resolved' },
  closed: { id: '6', name: 'Closed' },
  deliveryPending: { id: '7', name: 'Delivery Pending' },
  planned: { id: '11', name: 'Planned' },
  delivered: { id: '12', name: 'Delivered' },
  installationCompleted: { id: '14', name: 'Installation completed' },
} as const;
type Named = { readonly id: string; readonly name: string };
const STATUSES: readonly Named[] = Object.values(S);

const T = {
  supportRequest: { id: 't-sr', name: 'Support Request' },
  incident: { id: 't-inc', name: 'Incident' },
  request: { id: 't-req', name: 'Request' },
  customisation: { id: 't-cust', name: 'Customisation' },
  softwareDefect: { id: 't-sd', name: 'Software Defect' },
  delivery: { id: 't-del', name: 'Delivery' },
  task: { id: 't-task', name: 'Task' },
} as const;

const FIELDS = [
  { id: 'customfield_10010', name: 'Confidential personal data?' },
  { id: 'customfield_10020', name: 'Delivery version' },
];

const CUSTOMER = 'cust-1';
const AGENT = 'agent-7';

/** One ticket of the fake site, as Jira holds it now. */
interface Issue {
  id: string;
  key: string;
  type: Named;
  status: Named;
  updated?: string;
  reporterId?: string;
  state?: ProcessState;
  /** Raised through the e-mail channel: the channel search finds it. */
  byEmail?: boolean;
  /** Confidential personal data? = Yes: a search with that clause finds it. */
  confidential?: boolean;
  created?: string;
  priority?: string;
  /** Its changelog, as `expand=changelog` returns it. */
  histories?: ChangelogHistory[];
}

function issue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: '10001',
    key: 'SD-1',
    type: T.supportRequest,
    status: S.open,
    updated: AT_EVENT,
    reporterId: CUSTOMER,
    ...overrides,
  };
}

/** A state decided a while ago for the ticket in `status`, with `timer` running. */
function stateIn(status: Named, timer: ProcessState['timer'] = 'none'): ProcessState {
  const state = initialState(new Date(BEFORE), status.id);
  return timer === 'none' ? state : { ...state, timer, cycle: 1, nextDueAt: '2026-12-04T09:00:00.000Z' };
}

/** The bean Jira answers with: only the fields asked for, the state property when asked for. */
function beanOf(t: Issue, fields: readonly string[], properties: readonly string[] = []): IssueBean {
  const all: Record<string, unknown> = {
    summary: 'Login fails',
    status: t.status,
    issuetype: t.type,
    project: { key: projectKeyOf(t.key) },
    created: t.created ?? '2026-11-27T08:00:00.000+0000',
    ...(t.priority !== undefined ? { priority: { id: `p-${t.priority}`, name: t.priority } } : {}),
    ...(t.confidential ? { customfield_10010: { id: 'yes', value: 'Yes' } } : {}),
    ...(t.updated !== undefined ? { updated: t.updated } : {}),
    reporter: t.reporterId === undefined ? null : { accountId: t.reporterId },
  };
  const wanted = new Set(fields);
  return {
    id: t.id,
    key: t.key,
    fields: Object.fromEntries(Object.entries(all).filter(([k]) => wanted.has(k))),
    properties:
      properties.includes(PROCESS_STATE_KEY) && t.state !== undefined ? { [PROCESS_STATE_KEY]: t.state } : {},
  };
}

interface SiteOptions {
  issues?: Issue[];
  /** Answers of `commentIsPublic` by comment id (absent: the comment is gone). */
  commentVisibility?: Record<string, boolean>;
  /** What a read of the ticket throws. */
  readFailure?: Error;
  /** The site does not know the e-mail channel clause. */
  emailClauseUnknown?: boolean;
  /** The site refuses every search with 400. */
  searchRefused?: boolean;
  /** The site refuses the new ticket's creation search with 400 (an option of another name), not the others. */
  creationSearchRefused?: boolean;
  members?: string[];
  participants?: string[];
  config?: Record<string, unknown>;
}

/** A Jira site reduced to what one event handler uses, counting every call. */
function site(options: SiteOptions = {}) {
  const store = new MemoryStore();
  const dueIndex = new MemoryDueIndex();
  const issues = new Map((options.issues ?? [issue()]).map((t) => [t.id, t]));
  const byKey = (key: string) => [...issues.values()].find((t) => t.key === key || t.id === key);
  const calls: string[] = [];
  const reads: { key: string; expand?: string }[] = [];
  const searches: SearchRequest[] = [];
  const edits: { key: string; fields?: Record<string, unknown>; comment?: CommentInput; state?: unknown }[] =
    [];
  const transitions: { key: string; id: string }[] = [];
  const comments: { key: string; comment: CommentInput }[] = [];
  const queued: unknown[] = [];
  const warnings: unknown[] = [];
  const alerts: unknown[] = [];
  const gateway = {
    async getFields() {
      calls.push('getFields');
      return FIELDS;
    },
    async getIssue(key: string, o: { fields: string[]; properties?: string[]; expand?: string }) {
      calls.push('getIssue');
      reads.push({ key, ...(o.expand ? { expand: o.expand } : {}) });
      if (options.readFailure) throw options.readFailure;
      const t = byKey(key);
      if (!t) throw new JiraHttpError('getIssue', 404, '');
      return {
        ...beanOf(t, o.fields, o.properties),
        ...(o.expand ? { changelog: { histories: t.histories ?? [] } } : {}),
      };
    },
    async search(request: SearchRequest) {
      calls.push('search');
      searches.push(request);
      if (options.searchRefused) throw new JiraHttpError('search', 400, 'refused');
      if (options.creationSearchRefused && request.jql.includes('level IS NOT EMPTY'))
        throw new JiraHttpError('search', 400, 'no such option');
      const channel = request.jql.includes('"request-channel-type" = email');
      const confidential = request.jql.includes('cf[10010] = "Yes"');
      if (channel && options.emailClauseUnknown) throw new JiraHttpError('search', 400, 'unknown field');
      const id = /^id = (\d+)/.exec(request.jql)?.[1] ?? '';
      const t = issues.get(id);
      const found = t !== undefined && ((channel && t.byEmail) || (confidential && t.confidential));
      return { issues: found ? [beanOf(t, request.fields ?? [], request.properties)] : [] };
    },
    async searchAll() {
      calls.push('searchAll');
      return [];
    },
    async editIssue(
      key: string,
      edit: { fields?: Record<string, unknown>; comment?: CommentInput; properties?: EntityProperty[] },
    ) {
      calls.push('editIssue');
      const state = edit.properties?.find((p) => p.key === PROCESS_STATE_KEY)?.value;
      edits.push({ key, ...edit, ...(state !== undefined ? { state } : {}) });
      const t = byKey(key);
      if (t && state !== undefined) t.state = state as ProcessState;
    },
    async getTransitions() {
      calls.push('getTransitions');
      return STATUSES.map((s) => ({ id: `to-${s.id}`, name: s.name, to: s }));
    },
    async doTransition(
      key: string,
      transition: { id: string; comment?: CommentInput; properties?: EntityProperty[] },
    ) {
      calls.push('doTransition');
      transitions.push({ key, id: transition.id });
      if (transition.comment) comments.push({ key, comment: transition.comment });
      const t = byKey(key);
      const to = STATUSES.find((s) => `to-${s.id}` === transition.id);
      if (t && to) t.status = to;
      const state = transition.properties?.find((p) => p.key === PROCESS_STATE_KEY)?.value;
      if (t && state !== undefined) t.state = state as ProcessState;
    },
    async addComment(key: string, comment: CommentInput) {
      calls.push('addComment');
      comments.push({ key, comment });
      return `c${comments.length}`;
    },
    async commentIsPublic(_key: string, commentId: string) {
      calls.push('commentIsPublic');
      return options.commentVisibility?.[commentId];
    },
    async getIssueProperty(key: string) {
      calls.push('getIssueProperty');
      return byKey(key)?.state;
    },
    async setIssueProperty(key: string, propertyKey: string, value: unknown) {
      calls.push('setIssueProperty');
      const t = byKey(key);
      if (t && propertyKey === PROCESS_STATE_KEY) t.state = value as ProcessState;
    },
    async myAccountId() {
      return 'app-account';
    },
  };
  const links = {
    async isInAnyOrganization(accountId: string) {
      calls.push('isInAnyOrganization');
      return (options.members ?? []).includes(accountId);
    },
    async isParticipant(_key: string, accountId: string) {
      calls.push('isParticipant');
      return (options.participants ?? []).includes(accountId);
    },
    async isOrganizationMember(_org: string, accountId: string) {
      calls.push('isOrganizationMember');
      return (options.members ?? []).includes(accountId);
    },
    async securityLevels() {
      return [];
    },
    async issueTypes() {
      return Object.values(T).map((t) => ({ id: t.id, name: t.name }));
    },
    async userLocale() {
      return 'en_US';
    },
  };
  const parsed = parseConfig({ projects: ['SD'], ...options.config });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const loaded = { config: parsed.config, version: 1, input: {} };
  const clock = { now: () => NOW };
  const deps = {
    jira: dueIndexedJira(gateway as unknown as EventDeps['jira'], dueIndex, clock),
    links,
    store,
    dueIndex,
    queue: { push: async (items: unknown[]) => void queued.push(...items) },
    clock,
    log: {
      warn: (...entry: unknown[]) => void warnings.push(entry),
      info: () => undefined,
      error: () => undefined,
    },
    audit: new AuditLog(store),
    ledger: new ActionLedger(store),
    config: { load: async () => loaded },
    pager: { alert: async (alert: unknown) => void alerts.push(alert) },
  } as unknown as EventDeps;
  const handle = (event: IssueChangeEvent) => handleIssueChange(event, deps, NOW);
  const entry = (key = 'SD-1'): DueIndexEntry | undefined => dueIndex.entries.get(key);
  /** A due index entry holding a copy of `state` (or of its absence) decided from the view `basis`. */
  const copy = (state: ProcessState | undefined, extra: Partial<DueIndexEntry> = {}, key = 'SD-1') =>
    dueIndex.entries.set(key, {
      issueKey: key,
      projectKey: projectKeyOf(key),
      version: 1,
      lastPre: 0,
      pending: [],
      basis: BEFORE,
      ...(state !== undefined ? { state } : { stateless: true }),
      ...extra,
    });
  const issueById = (id = '10001') => issues.get(id);
  return {
    store,
    dueIndex,
    deps,
    handle,
    entry,
    copy,
    issueById,
    calls,
    reads,
    searches,
    edits,
    transitions,
    comments,
    queued,
    warnings,
    alerts,
    count: (name: string) => calls.filter((c) => c === name).length,
  };
}

/** The event of a change of `t` (as it is on the site), by `actorId`. */
function updated(t: Issue, items: ChangeItem[], overrides: Partial<IssueChangeEvent> = {}): IssueChangeEvent {
  return {
    kind: 'updated',
    issueId: t.id,
    issueKey: t.key,
    actorId: AGENT,
    changelogId: '500',
    statusAtEvent: t.status,
    typeAtEvent: t.type.name,
    snapshot: snapshotOf(t),
    items,
    ...overrides,
  };
}

function snapshotOf(t: Issue) {
  return {
    summary: 'Login fails',
    typeId: t.type.id,
    typeName: t.type.name,
    statusId: t.status.id,
    statusName: t.status.name,
    projectKey: projectKeyOf(t.key),
    created: t.created ?? '2026-11-27T08:00:00.000+0000',
    updated: t.updated ?? AT_EVENT,
    ...(t.reporterId !== undefined ? { reporterId: t.reporterId } : {}),
  };
}

function created(t: Issue, overrides: Partial<IssueChangeEvent> = {}): IssueChangeEvent {
  return {
    kind: 'created',
    issueId: t.id,
    issueKey: t.key,
    actorId: t.reporterId ?? CUSTOMER,
    statusAtEvent: t.status,
    typeAtEvent: t.type.name,
    snapshot: snapshotOf(t),
    items: [],
    ...overrides,
  };
}

/** A comment on `t` by `authorId`; its visibility as the event tells it (absent: not told). */
function commented(
  t: Issue,
  comment: { authorId?: string; isPublic?: boolean; authorAccountType?: string } = {},
  overrides: Partial<IssueChangeEvent> = {},
): IssueChangeEvent {
  return {
    kind: 'commented',
    issueId: t.id,
    issueKey: t.key,
    actorId: comment.authorId ?? CUSTOMER,
    statusAtEvent: t.status,
    typeAtEvent: t.type.name,
    snapshot: snapshotOf(t),
    items: [],
    comment: { id: '900', authorId: CUSTOMER, ...comment },
    ...overrides,
  };
}

const move = (from: Named, to: Named): ChangeItem => ({
  field: 'status',
  fieldId: 'status',
  from: from.id,
  fromString: from.name,
  to: to.id,
  toString: to.name,
});

/** A change of a field other than the status, whose values the tests do not need. */
const edited = (field: string, fieldId?: string): ChangeItem => ({
  field,
  ...(fieldId !== undefined ? { fieldId } : {}),
  toString: null,
});

describe('projectKeyOf: the project of an issue key', () => {
  it.each([
    ['SD-1', 'SD'],
    ['MY-PROJ-12', 'MY-PROJ'],
    ['NOKEY', ''],
  ])('%s belongs to "%s"', (key, project) => {
    expect(projectKeyOf(key)).toBe(project);
  });
});

describe('handleIssueChange: events the app leaves before any Jira call', () => {
  it('an event of a project the app does not manage changes nothing', async () => {
    const t = issue({ id: '20001', key: 'OPS-1' });
    const s = site({ issues: [t] });
    await expect(s.handle(updated(t, [move(S.open, S.resolved)]))).resolves.toEqual({
      kind: 'ignored',
      reason: 'projectNotManaged',
    });
    expect(s.calls).toEqual([]);
    expect(s.store.data.size).toBe(0);
  });

  it.each([
    ['for the whole site', { automation: { enabled: false } }],
    ['for the project', { projectOverrides: { SD: { automation: { enabled: false } } } }],
  ])('with the automation switched off %s, an event changes nothing', async (_name, config) => {
    const t = issue();
    const s = site({ issues: [t], config });
    await expect(s.handle(created(t))).resolves.toEqual({ kind: 'ignored', reason: 'automationDisabled' });
    expect(s.calls).toEqual([]);
    expect(s.store.data.size).toBe(0);
  });

  it('an edit no rule watches is left unread, and the portal’s copy is marked stale by it', async () => {
    const t = issue();
    const s = site({ issues: [t] });
    const outcome = await s.handle(updated(t, [edited('labels', 'labels'), edited('Organizations')]));
    expect(outcome).toEqual({ kind: 'ignored', reason: 'nothingWatched' });
    expect(s.calls).toEqual([]);
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toEqual({ floor: AT_EVENT });
  });

  it('a comment on a ticket whose built index shows no timer is left, the portal’s copy untouched', async () => {
    const t = issue();
    const s = site({ issues: [t] });
    await writeRepairMarker(s.store, 'SD', { at: BEFORE, basis: repairBasis(1) });
    s.copy(stateIn(S.open));
    const outcome = await s.handle(commented(t, { isPublic: true }));
    expect(outcome).toEqual({ kind: 'ignored', reason: 'noTimerRunning' });
    expect(s.calls).toEqual([]);
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toBeUndefined();
  });

  it('a comment on a ticket whose built index shows a timer goes on', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
    const s = site({ issues: [t] });
    await writeRepairMarker(s.store, 'SD', { at: BEFORE, basis: repairBasis(1) });
    s.copy(t.state, { dueAt: '2026-12-04T09:00:00.000Z' });
    const outcome = await s.handle(commented(t, { isPublic: true }));
    expect(outcome).toMatchObject({ kind: 'handled' });
  });

  it('an update is triaged whatever the index says about timers', async () => {
    const t = issue({ status: S.resolved, state: stateIn(S.open) });
    const s = site({ issues: [t] });
    await writeRepairMarker(s.store, 'SD', { at: BEFORE, basis: repairBasis(1) });
    s.copy(stateIn(S.open));
    const outcome = await s.handle(updated(t, [move(S.open, S.resolved)]));
    expect(outcome).toMatchObject({ kind: 'handled' });
  });
});

describe('handleIssueChange: comments that cannot be a customer’s reply', () => {
  it('a comment whose author cannot be the customer is left without reading the comment or the ticket', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
    const s = site({ issues: [t] });
    const outcome = await s.handle(commented(t, { authorId: AGENT }));
    expect(outcome).toEqual({ kind: 'ignored', reason: 'notCustomer' });
    expect(s.count('getIssue')).toBe(0);
    expect(s.count('commentIsPublic')).toBe(0);
    expect(s.count('getFields')).toBe(0);
    await expect(commentEventsSeen(s.store)).resolves.toMatchObject({ carriedVisibility: false });
  });

  it.each([
    ['an internal note', { '900': false }],
    ['a comment deleted meanwhile', {}],
  ])('%s by the reporter is left after reading the comment alone', async (_name, visibility) => {
    const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
    const s = site({ issues: [t], commentVisibility: visibility });
    const outcome = await s.handle(commented(t));
    expect(outcome).toEqual({ kind: 'ignored', reason: 'internalComment' });
    expect(s.calls).toEqual(['commentIsPublic']);
    await expect(commentEventsSeen(s.store)).resolves.toMatchObject({ carriedVisibility: false });
    expect(s.issueById()?.state).toEqual(t.state);
  });

  it('a comment by a customer account counts as public without reading it', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
    const s = site({ issues: [t] });
    const outcome = await s.handle(commented(t, { authorAccountType: 'customer' }));
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(s.count('commentIsPublic')).toBe(0);
    expect(s.issueById()?.state).toMatchObject({ timer: 'clarification', cycle: 2 });
  });

  it('a comment whose visibility the event tells is not read, and the site is seen to tell it', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
    const s = site({ issues: [t] });
    const outcome = await s.handle(commented(t, { isPublic: true }));
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(s.count('commentIsPublic')).toBe(0);
    await expect(commentEventsSeen(s.store)).resolves.toMatchObject({ carriedVisibility: true });
  });

  it('a public comment read as such is handled, and the site is seen not to tell the visibility', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
    const s = site({ issues: [t], commentVisibility: { '900': true } });
    const outcome = await s.handle(commented(t));
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(s.count('commentIsPublic')).toBe(1);
    await expect(commentEventsSeen(s.store)).resolves.toMatchObject({ carriedVisibility: false });
    expect(s.issueById()?.state).toMatchObject({ timer: 'clarification', cycle: 2 });
  });
});

describe('handleIssueChange: a reply on a waiting ticket', () => {
  it.each(['clarification', 'resolved'] as const)(
    'a comment on a ticket waiting with the %s timer announces a state write, even when nothing is written',
    async (timer) => {
      const status = timer === 'clarification' ? S.clarification : S.resolved;
      const t = issue({ status, state: stateIn(status, timer) });
      const s = site({ issues: [t] });
      const outcome = await s.handle(commented(t, { authorId: AGENT, isPublic: true }));
      expect(outcome).toMatchObject({ kind: 'handled' });
      expect(s.edits).toEqual([]);
      await expect(readStateWrite(s.store, '10001')).resolves.toEqual({
        updatedAt: NOW.toISOString(),
        writer: 'event',
      });
    },
  );

  it('a comment on a ticket without a waiting timer announces nothing', async () => {
    const t = issue({ state: stateIn(S.open) });
    const s = site({ issues: [t] });
    const outcome = await s.handle(commented(t, { authorId: AGENT, isPublic: true }));
    expect(outcome).toMatchObject({ kind: 'handled' });
    await expect(readStateWrite(s.store, '10001')).resolves.toBeUndefined();
  });

  it('an update of a waiting ticket that writes nothing announces nothing', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
    const s = site({ issues: [t] });
    const outcome = await s.handle(updated(t, [edited('Confidential personal data?', 'customfield_10010')]));
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(s.edits).toEqual([]);
    await expect(readStateWrite(s.store, '10001')).resolves.toBeUndefined();
  });

  it.each([
    ['the reporter', CUSTOMER, {}, 2],
    ['a request participant', 'cust-2', { participants: ['cust-2'] }, 2],
    ['an agent', AGENT, {}, 1],
  ])(
    'a public comment by %s restarts the timer only when they are the customer',
    async (_who, author, extra, cycle) => {
      const t = issue({ status: S.clarification, state: stateIn(S.clarification, 'clarification') });
      const s = site({ issues: [t], ...extra });
      await s.handle(commented(t, { authorId: author, isPublic: true }));
      expect(s.issueById()?.state).toMatchObject({ timer: 'clarification', cycle });
    },
  );

  it('a public comment on a ticket without a waiting timer asks no one whether they are the customer', async () => {
    const t = issue({ state: stateIn(S.open) });
    const s = site({ issues: [t], participants: ['cust-2'] });
    await s.handle(commented(t, { authorId: 'cust-2', isPublic: true }));
    expect(s.edits).toEqual([]);
    expect(s.count('isParticipant')).toBe(0);
  });
});

describe('handleIssueChange: deciding from the payload or reading the ticket', () => {
  it('a move continuing the state copy is decided from the payload: no read, one write', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.open) });
    const s = site({ issues: [t] });
    s.copy(stateIn(S.open));
    const outcome = await s.handle(updated(t, [move(S.open, S.clarification)]));
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(s.count('getIssue')).toBe(0);
    expect(s.edits).toHaveLength(1);
    expect(s.issueById()?.state).toMatchObject({ timer: 'clarification', statusId: S.clarification.id });
    expect(s.count('isParticipant')).toBe(0);
    // The portal’s copy follows the edit from the payload, as a read would have kept it.
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toEqual({ floor: AT_EVENT });
  });

  it('a comment decided from a "no state yet" copy writes nothing and raises the copy’s view', async () => {
    const t = issue();
    const s = site({ issues: [t] });
    s.copy(undefined);
    const outcome = await s.handle(commented(t, { isPublic: true }));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.calls).toEqual(['getFields']);
    expect(s.entry()).toMatchObject({ stateless: true, basis: new Date(AT_EVENT).toISOString() });
    // A comment changes nothing the portal shows.
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toBeUndefined();
  });

  it.each([
    ['a copy whose writer named no view', stateIn(S.open), { viewless: true }],
    ['an entry without a copy', undefined, { stateless: undefined }],
    ['a copy as new as the event', stateIn(S.open), { basis: new Date(AT_EVENT).toISOString() }],
  ])('with %s the ticket is read', async (_name, state, extra) => {
    const t = issue({ status: S.clarification, state: stateIn(S.open) });
    const s = site({ issues: [t] });
    s.copy(state, extra);
    const outcome = await s.handle(updated(t, [move(S.open, S.clarification)]));
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(s.count('getIssue')).toBe(1);
    expect(s.issueById()?.state).toMatchObject({ timer: 'clarification' });
  });

  it('a decision that needs what the payload lacks is taken again on the ticket read, written once', async () => {
    // Open → Closed is no step of a Support Request: the move is set back, which needs the ticket.
    const t = issue({ status: S.closed, state: stateIn(S.open) });
    const s = site({ issues: [t] });
    s.copy(stateIn(S.open));
    const outcome = await s.handle(updated(t, [move(S.open, S.closed)]));
    expect(outcome).toEqual({ kind: 'handled', actions: 1 });
    expect(s.count('getIssue')).toBe(1);
    expect(s.transitions).toEqual([{ key: 'SD-1', id: `to-${S.open.id}` }]);
    expect(s.issueById()?.status).toEqual(S.open);
    // The internal note is in the language of the agent who made the move.
    expect(JSON.stringify(s.comments[0]?.comment.body)).toContain('not part of the workflow');
  });

  it('an update carrying a comment (a transition with a note) is handled as an update, the comment left alone', async () => {
    const t = issue({ status: S.clarification, state: stateIn(S.open) });
    const s = site({ issues: [t] });
    s.copy(stateIn(S.open));
    const outcome = await s.handle(
      updated(t, [move(S.open, S.clarification)], { comment: { id: '901', authorId: AGENT } }),
    );
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(s.issueById()?.state).toMatchObject({ timer: 'clarification', statusId: S.clarification.id });
    expect(s.count('commentIsPublic')).toBe(0);
    expect(s.count('isInAnyOrganization')).toBe(0);
    await expect(commentEventsSeen(s.store)).resolves.toBeUndefined();
  });

  it('a comment event whose payload carries no comment is handled on the ticket read', async () => {
    const t = issue({ state: stateIn(S.open) });
    const s = site({ issues: [t] });
    const outcome = await s.handle(commented(t, {}, { comment: undefined }));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.count('commentIsPublic')).toBe(0);
    expect(s.count('getIssue')).toBe(1);
    await expect(commentEventsSeen(s.store)).resolves.toBeUndefined();
  });

  it('a ticket leaving Clarification for a status it did not come from is set back, its origin read once from the changelog', async () => {
    const clarification = { ...stateIn(S.clarification, 'clarification') };
    const t = issue({
      type: T.softwareDefect,
      state: clarification,
      histories: [
        { id: '400', created: BEFORE, items: [move(S.inProgress, S.clarification)] },
        { id: '500', created: AT_EVENT, items: [move(S.clarification, S.open)] },
      ],
    });
    const s = site({ issues: [t] });
    s.copy(clarification);
    const outcome = await s.handle(updated(t, [move(S.clarification, S.open)]));
    expect(outcome).toEqual({ kind: 'handled', actions: 1 });
    expect(s.transitions).toEqual([{ key: 'SD-1', id: `to-${S.clarification.id}` }]);
    expect(s.reads.filter((r) => r.expand === 'changelog')).toHaveLength(1);
    expect(s.count('getIssue')).toBe(2);
  });

  it('a ticket deleted meanwhile (404) is left', async () => {
    const s = site({ issues: [] });
    const t = issue();
    await expect(s.handle(updated(t, [move(S.open, S.resolved)]))).resolves.toEqual({
      kind: 'ignored',
      reason: 'issueNotFound',
    });
    expect(s.edits).toEqual([]);
  });

  it.each([
    ['a refusal other than 404', new JiraHttpError('getIssue', 403, 'no')],
    ['a failure', new Error('socket hang up')],
  ])('%s of the read fails the event', async (_name, failure) => {
    const t = issue();
    const s = site({ issues: [t], readFailure: failure });
    await expect(s.handle(updated(t, [move(S.open, S.resolved)]))).rejects.toBe(failure);
  });

  it('a ticket read without a state whose move records nothing keeps "no state yet" as of that view', async () => {
    const t = issue({ type: T.softwareDefect, status: S.inProgress });
    const s = site({ issues: [t] });
    const outcome = await s.handle(updated(t, [move(S.open, S.inProgress)]));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.count('getIssue')).toBe(1);
    expect(s.edits).toEqual([]);
    expect(s.entry()).toMatchObject({ stateless: true, basis: new Date(AT_EVENT).toISOString() });
  });

  it('a ticket of a type the app does not manage is left, its entry made with the view it was read in', async () => {
    const t = issue({ type: T.task });
    const s = site({ issues: [t] });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'ignored', reason: 'typeNotManaged' });
    expect(s.edits).toEqual([]);
    expect(s.entry()).toMatchObject({ basis: new Date(AT_EVENT).toISOString() });
    expect(s.entry()?.stateless).toBeUndefined();
    expect(s.entry()?.state).toBeUndefined();
  });
});

describe('handleIssueChange: a new Incident and the e-mail channel', () => {
  it('an Incident raised by e-mail is read by the channel search alone and made a Request', async () => {
    const t = issue({ type: T.incident, byEmail: true });
    const s = site({ issues: [t] });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 1 });
    expect(s.count('getIssue')).toBe(0);
    expect(s.count('search')).toBe(1);
    expect(s.edits).toHaveLength(1);
    expect(s.edits[0]?.fields).toEqual({ issuetype: { id: T.request.id } });
    expect(s.issueById()?.state?.done).toEqual(['10001:emailIntake']);
    // The search returned the ticket as a read does: the portal’s copy keeps it.
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toMatchObject({
      bean: { id: '10001', fields: { status: S.open } },
      basis: AT_EVENT,
    });
  });

  it('an Incident not raised by e-mail is searched once, not read, and stays an Incident', async () => {
    const t = issue({ type: T.incident });
    const s = site({ issues: [t] });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.count('search')).toBe(1);
    expect(s.count('getIssue')).toBe(0);
    expect(s.edits).toEqual([]);
  });

  it('an Incident on a site that does not know the channel is read after both searches are refused, and stays an Incident', async () => {
    const t = issue({ type: T.incident });
    const s = site({ issues: [t], emailClauseUnknown: true });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.count('search')).toBe(2);
    expect(s.count('getIssue')).toBe(1);
    expect(s.edits).toEqual([]);
    expect(s.warnings).toEqual([
      ['events.creationQueryRefused', { issueId: '10001' }],
      ['events.emailChannelUnknown', { issueId: '10001' }],
    ]);
  });

  it('a confidential Incident found by the creation search is asked its channel apart, and is not re-typed', async () => {
    const t = issue({ type: T.incident, confidential: true });
    const s = site({ issues: [t] });
    await s.handle(created(t));
    expect(s.count('getIssue')).toBe(0);
    expect(s.count('search')).toBe(2);
    expect(s.searches[1]?.jql).toBe('id = 10001 AND "request-channel-type" = email');
    expect(s.edits.filter((e) => e.fields?.issuetype !== undefined)).toEqual([]);
  });

  it('a confidential Incident raised by e-mail, found by the creation search, is asked its channel and re-typed', async () => {
    const t = issue({ type: T.incident, confidential: true, byEmail: true });
    const s = site({ issues: [t] });
    await s.handle(created(t));
    expect(s.count('getIssue')).toBe(0);
    expect(s.count('search')).toBe(2);
    expect(s.edits.some((e) => e.fields?.issuetype !== undefined)).toBe(true);
  });

  it('a ticket created as another type and read as an Incident is asked its channel', async () => {
    const t = issue({ type: T.incident, byEmail: true });
    const s = site({ issues: [t] });
    await s.handle(
      created(t, {
        typeAtEvent: T.supportRequest.name,
        snapshot: { ...snapshotOf(t), typeId: T.supportRequest.id, typeName: T.supportRequest.name },
      }),
    );
    expect(s.count('getIssue')).toBe(1);
    expect(s.count('search')).toBe(1);
    expect(s.edits[0]?.fields).toEqual({ issuetype: { id: T.request.id } });
  });

  it('a new ticket of another type is not searched by channel', async () => {
    const t = issue();
    const s = site({ issues: [t] });
    await s.handle(created(t));
    expect(s.count('search')).toBe(0);
  });

  it('an update of an Incident is not searched by channel', async () => {
    const t = issue({ type: T.incident, status: S.clarification, state: stateIn(S.open), byEmail: true });
    const s = site({ issues: [t] });
    await s.handle(updated(t, [move(S.open, S.clarification)]));
    expect(s.count('search')).toBe(0);
    expect(s.edits.filter((e) => e.fields?.issuetype !== undefined)).toEqual([]);
  });

  it('a failed platform check holds the e-mail intake in dry run', async () => {
    const t = issue({ type: T.incident, byEmail: true });
    const s = site({ issues: [t] });
    await s.store.set(AUTOMATION_HOLD_KEY, { since: BEFORE, failed: ['events'] });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 1 });
    expect(s.edits).toEqual([]);
    await expect(new AuditLog(s.store).forIssue('10001')).resolves.toEqual([
      expect.objectContaining({ action: 'setType', outcome: 'dryRun' }),
    ]);
  });
});

describe('handleIssueChange: a new ticket is asked whether a rule acts before it is read (docs/decisions/0029)', () => {
  it('a new Request on a working day is searched once with the clauses that need a read, and decided from its payload', async () => {
    const t = issue({ type: T.request });
    const s = site({ issues: [t] });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.calls.filter((c) => c !== 'getFields')).toEqual(['search']);
    expect(s.searches[0]).toMatchObject({
      jql: 'id = 10001 AND (level IS NOT EMPTY OR cf[10010] = "Yes")',
      maxResults: 1,
      reconcileIssues: [10001],
      properties: [PROCESS_STATE_KEY, expect.any(String)],
    });
    expect(s.edits).toEqual([]);
    // Nothing to record: the entry says "no state yet" as of the payload's view, and no portal copy is made.
    expect(s.entry()).toMatchObject({ stateless: true, basis: new Date(AT_EVENT).toISOString() });
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toBeUndefined();
  });

  it('a confidential new Request is read by the creation search alone and restricted', async () => {
    const t = issue({ type: T.request, confidential: true });
    const s = site({ issues: [t] });
    const outcome = await s.handle(created(t));
    expect(s.count('getIssue')).toBe(0);
    expect(s.count('search')).toBe(1);
    expect(outcome).toMatchObject({ kind: 'handled' });
    expect(outcome).not.toEqual({ kind: 'handled', actions: 0 });
    // The search returned the ticket as a read does: the portal’s copy keeps it.
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toMatchObject({ bean: { id: '10001' } });
  });

  it.each([
    ['on a Saturday', { created: '2026-11-28T10:00:00.000+0000', updated: '2026-11-28T10:00:00.000+0000' }],
    ['on a Sunday', { created: '2026-11-29T10:00:00.000+0000' }],
  ])('a new Request created %s is read, as the default region is out of hours', async (_name, when) => {
    const t = issue({ type: T.request, ...when });
    const s = site({ issues: [t] });
    await s.handle(created(t));
    expect(s.count('search')).toBe(0);
    expect(s.count('getIssue')).toBe(1);
  });

  it('a creation handled after a later event made the ticket’s entry is read', async () => {
    const t = issue({ type: T.request });
    const s = site({ issues: [t] });
    s.copy(undefined);
    await s.handle(created(t));
    expect(s.count('search')).toBe(0);
    expect(s.count('getIssue')).toBe(1);
  });

  it('an e-mail Incident left to the read (its creation search refused) is read by the channel search and made a Request', async () => {
    const t = issue({ type: T.incident, byEmail: true });
    const s = site({ issues: [t], creationSearchRefused: true });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 1 });
    expect(s.count('search')).toBe(2);
    expect(s.searches[1]?.jql).toBe('id = 10001 AND "request-channel-type" = email');
    expect(s.count('getIssue')).toBe(0);
    expect(s.edits[0]?.fields).toEqual({ issuetype: { id: T.request.id } });
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toMatchObject({ bean: { id: '10001' } });
  });

  it('a site that refuses the creation search has the ticket read', async () => {
    const t = issue({ type: T.request });
    const s = site({ issues: [t], searchRefused: true });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.count('search')).toBe(1);
    expect(s.count('getIssue')).toBe(1);
    expect(s.warnings).toEqual([['events.creationQueryRefused', { issueId: '10001' }]]);
  });

  it('a failure other than 400 of the creation search fails the event', async () => {
    const t = issue({ type: T.request });
    const s = site({ issues: [t] });
    const failure = new JiraHttpError('search', 503, 'unavailable');
    s.deps.jira.search = () => Promise.reject(failure);
    await expect(s.handle(created(t))).rejects.toBe(failure);
  });
});

describe('handleIssueChange: a severe fault out of hours', () => {
  it('alerts on-call for the site the event came from', async () => {
    const saturday = '2026-11-28T10:00:00.000+0000';
    const t = issue({ type: T.incident, priority: 'P1', created: saturday, updated: saturday });
    const s = site({ issues: [t], config: { onCall: { mode: 'opsgenie', target: 'team-1' } } });
    const outcome = await s.handle(created(t, { cloudId: 'cloud-1' }));
    expect(outcome).toEqual({ kind: 'handled', actions: 2 });
    expect(s.alerts).toEqual([
      expect.objectContaining({ issueKey: 'SD-1', idempotencyKey: '10001:onCall', cloudId: 'cloud-1' }),
    ]);
  });
});

describe('handleIssueChange: the "no state yet" copy of a ticket read (docs/decisions/0020, 0026)', () => {
  it('a new ticket with nothing to record is written nothing and its entry says "no state yet" as of the read', async () => {
    const t = issue();
    const s = site({ issues: [t] });
    const outcome = await s.handle(created(t));
    expect(outcome).toEqual({ kind: 'handled', actions: 0 });
    expect(s.edits).toEqual([]);
    expect(s.entry()).toMatchObject({ stateless: true, basis: new Date(AT_EVENT).toISOString() });
    expect(s.entry()?.state).toBeUndefined();
    // The read keeps the portal’s copy.
    await expect(readStoredCopy(s.store, 'SD-1')).resolves.toMatchObject({
      bean: { id: '10001', fields: { status: S.open } },
      basis: AT_EVENT,
    });
  });

  it('a ticket read with a state is given no "no state yet" entry', async () => {
    const t = issue({ state: stateIn(S.open) });
    const s = site({ issues: [t] });
    await s.handle(commented(t, { isPublic: true }));
    expect(s.edits).toEqual([]);
    expect(s.entry()).toBeUndefined();
  });

  it('a ticket read without its view (`updated`) is given no entry', async () => {
    const t = issue({ updated: undefined });
    const s = site({ issues: [t] });
    await expect(s.handle(created(t))).resolves.toEqual({ kind: 'handled', actions: 0 });
    expect(s.entry()).toBeUndefined();
  });

  it('a new ticket whose creation records more is written and keeps the copy of what was written', async () => {
    const t = issue({ type: T.incident, byEmail: true });
    const s = site({ issues: [t] });
    await s.handle(created(t));
    expect(s.entry()?.stateless).toBeUndefined();
    expect(s.entry()?.state).toMatchObject({ done: ['10001:emailIntake'] });
  });
});

describe('handleIssueChange: Delivery tickets kept in line', () => {
  it('a new Planned Delivery queues the pick-up of the tickets waiting for it', async () => {
    const t = issue({ type: T.delivery, status: S.planned });
    const s = site({ issues: [t] });
    await s.handle(created(t));
    expect(s.queued).toEqual([
      { body: { type: 'events.deliveryAttach', deliveryId: '10001', projectKey: 'SD' } },
    ]);
  });

  it('a Delivery completed by a move it may make hands its tickets on', async () => {
    const t = issue({ type: T.delivery, status: S.installationCompleted, state: stateIn(S.planned) });
    const s = site({ issues: [t] });
    await s.handle(updated(t, [move(S.planned, S.installationCompleted)]));
    expect(s.queued).toEqual([
      {
        body: { type: 'events.deliveryCompleted', deliveryId: '10001', projectKey: 'SD', changelogId: '500' },
      },
    ]);
  });

  it('a Delivery move set back leaves the Delivery rules alone', async () => {
    const t = issue({ type: T.delivery, status: S.installationCompleted, state: stateIn(S.delivered) });
    const s = site({ issues: [t] });
    await s.handle(updated(t, [move(S.delivered, S.installationCompleted)]));
    expect(s.transitions).toEqual([{ key: 'SD-1', id: `to-${S.delivered.id}` }]);
    expect(s.queued).toEqual([]);
  });
});

describe('handleIssueChange: who closed the ticket', () => {
  it('a move by the reporter to a status other than Closed is judged by the workflow alone', async () => {
    const t = issue({ status: S.resolved, state: stateIn(S.open) });
    const s = site({ issues: [t] });
    await s.handle(updated(t, [move(S.open, S.resolved)], { actorId: CUSTOMER }));
    expect(s.transitions).toEqual([]);
    expect(s.issueById()?.state).toMatchObject({ timer: 'resolved', statusId: S.resolved.id });
  });

  it('a ticket without a state closed by the reporter is judged by the workflow alone', async () => {
    const t = issue({ status: S.closed });
    const s = site({ issues: [t] });
    await expect(
      s.handle(updated(t, [move(S.resolved, S.closed)], { actorId: CUSTOMER })),
    ).resolves.toMatchObject({ kind: 'handled' });
    expect(s.transitions).toEqual([]);
  });

  it('an edit of a ticket already closed asks no one whether they are the customer', async () => {
    const t = issue({ status: S.closed, state: stateIn(S.closed) });
    const s = site({ issues: [t] });
    await s.handle(
      updated(t, [edited('Confidential personal data?', 'customfield_10010')], { actorId: 'cust-2' }),
    );
    expect(s.count('isParticipant')).toBe(0);
  });

  it.each([
    ['an agent may close a Customisation straight after delivery', AGENT, []],
    ['the customer may not', CUSTOMER, [{ key: 'SD-1', id: `to-${S.deliveryPending.id}` }]],
  ])('%s', async (_name, actor, reverts) => {
    const t = issue({ type: T.customisation, status: S.closed, state: stateIn(S.deliveryPending) });
    const s = site({ issues: [t] });
    await s.handle(updated(t, [move(S.deliveryPending, S.closed)], { actorId: actor }));
    expect(s.transitions).toEqual(reverts);
  });
});
