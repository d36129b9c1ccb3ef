import { EVENT_WORK_HANDLERS } from '../../../../src/app/events/delivery/delivery-work';
import type { EventDeps } from '../../../../src/app/events/event-deps';
import type { WorkItem } from '../../../../src/app/ports';
import type { CommentInput, EntityProperty, IssueBean, SearchRequest } from '../../../../src/app/ports/jira';
import { JiraHttpError } from '../../../../src/app/ports/jira-errors';
import { ActionLedger, CLAIM_LEASE_SECONDS } from '../../../../src/app/shared/action-ledger';
import type { AuditEntry } from '../../../../src/app/shared/audit-log';
import { scheduleTableRegeneration, tableMarkOf } from '../../../../src/app/shared/delivery-table-marks';
import { noteRecentChange, recentChanges } from '../../../../src/app/shared/recent-changes';
import { readStateWrite } from '../../../../src/app/shared/state-write-marker';
import { parseConfig } from '../../../../src/domain/config';
import { PROCESS_STATE_KEY, type ProcessState } from '../../../../src/domain/process-state';
import { MemoryStore } from '../../../support/memory-store';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const ORG_SCHEMA = 'com.atlassian.servicedesk:sd-customer-organizations';
const VERSION = 'customfield_10020';
const ORGS = 'customfield_10030';
const TABLE = 'customfield_10040';

const STATUS = {
  inProgress: { id: '3', name: 'In Progress' },
  deliveryPending: { id: '7', name: 'Delivery Pending' },
  resolved: { id: '5', name: 'Resolved' },
  closed: { id: '6', name: 'Closed' },
  planned: { id: '11', name: 'Planned' },
  delivered: { id: '12', name: 'Delivered' },
} as const;
type StatusName = keyof typeof STATUS;

const ACME = { id: '1', name: 'ACME' };
const BETA = { id: '2', name: 'BETA' };

/** One issue of the fake site, as Jira holds it now. */
interface Issue {
  id: string;
  key: string;
  type: string;
  status: StatusName;
  version?: string;
  customers?: { id: string; name: string }[];
  state?: ProcessState;
}

interface Link {
  id: string;
  typeName: string;
  /** The Delivery. */
  source: string;
  /** The ticket it ships. */
  destination: string;
}

const delivery = (overrides: Partial<Issue> = {}): Issue => ({
  id: '20001',
  key: 'DL-1',
  type: 'Delivery',
  status: 'planned',
  version: '2026.11',
  customers: [ACME],
  ...overrides,
});

const waiting = (n: number, overrides: Partial<Issue> = {}): Issue => ({
  id: String(10000 + n),
  key: `SD-${n}`,
  type: 'Software Defect',
  status: 'deliveryPending',
  version: '2026.11',
  customers: [ACME],
  ...overrides,
});

interface Options {
  issues?: Issue[];
  links?: Link[];
  config?: Record<string, unknown>;
  /** Transitions offered from Delivery Pending (default: to Resolved, with the resolution on screen, and Closed). */
  transitions?: { id: string; to: StatusName; resolution?: boolean }[];
  /** Errors the next transitions throw, in order. */
  transitionFailures?: Error[];
  /** How many of the next transitions land and then fail (the invocation dies before it learns so). */
  landedFailures?: number;
}

/** A Jira site reduced to what the queued Delivery work uses, recording every write. */
function site(options: Options = {}) {
  const store = new MemoryStore();
  const issues = new Map((options.issues ?? []).map((i) => [i.id, i]));
  const links: Link[] = [...(options.links ?? [])];
  let nextLink = 100;
  const byKey = (idOrKey: string) => [...issues.values()].find((i) => i.id === idOrKey || i.key === idOrKey);
  const queued: WorkItem[] = [];
  let pushes = 0;
  const audits: AuditEntry[] = [];
  const warnings: { event: string; data: unknown }[] = [];
  const searches: SearchRequest[] = [];
  const writes: string[] = [];
  const edits: { key: string; fields?: Record<string, unknown>; comment?: CommentInput }[] = [];
  const shipped: {
    key: string;
    id: string;
    fields?: Record<string, unknown>;
    comment?: CommentInput;
    properties?: EntityProperty[];
  }[] = [];
  const failures = [...(options.transitionFailures ?? [])];
  let transitions = options.transitions ?? [
    { id: 'to-resolved', to: 'resolved' as const, resolution: true },
    { id: 'to-closed', to: 'closed' as const },
  ];
  let now = NOW;
  let config = options.config ?? {};
  let landedFailures = options.landedFailures ?? 0;

  const issueLinks = (i: Issue): unknown[] =>
    links.flatMap((l): unknown[] => {
      if (l.source === i.key) {
        const other = byKey(l.destination);
        return other ? [{ id: l.id, type: { name: l.typeName }, outwardIssue: ref(other) }] : [];
      }
      if (l.destination === i.key) {
        const other = byKey(l.source);
        return other ? [{ id: l.id, type: { name: l.typeName }, inwardIssue: ref(other) }] : [];
      }
      return [];
    });
  const ref = (i: Issue) => ({
    id: i.id,
    key: i.key,
    fields: { status: STATUS[i.status], issuetype: { id: `t-${i.type}`, name: i.type } },
  });
  const beanOf = (
    i: Issue,
    fields: readonly string[] = [],
    properties: readonly string[] = [],
  ): IssueBean => {
    const all: Record<string, unknown> = {
      summary: `Issue ${i.key}`,
      status: STATUS[i.status],
      issuetype: { id: `t-${i.type}`, name: i.type },
      project: { key: 'SD' },
      created: '2026-11-01T08:00:00.000+0000',
      issuelinks: issueLinks(i),
      ...(i.version !== undefined ? { [VERSION]: i.version } : {}),
      ...(i.customers !== undefined ? { [ORGS]: i.customers } : {}),
    };
    return {
      id: i.id,
      key: i.key,
      fields: Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k))),
      properties: properties.includes(PROCESS_STATE_KEY) && i.state ? { [PROCESS_STATE_KEY]: i.state } : {},
    };
  };
  /** The search, for the JQL the Delivery work writes: Planned Deliveries, waiting tickets, tickets by id. */
  const matches = (jql: string, i: Issue): boolean => {
    const ids = /id in \(([\d,]+)\)/.exec(jql)?.[1]?.split(',');
    const customers = /cf\[10030\] in \(([^)]*)\)/.exec(jql)?.[1];
    if (jql.includes('issuetype = "Delivery"')) return i.type === 'Delivery' && i.status === 'planned';
    if (jql.includes('status = "Delivery Pending"')) {
      const types = /issuetype in \(([^)]*)\)/.exec(jql)?.[1] ?? '';
      if (!types.includes(`"${i.type}"`) || i.status !== 'deliveryPending') return false;
      if (ids === undefined && customers === undefined) return true;
      return (
        (ids?.includes(i.id) ?? false) ||
        (customers !== undefined && (i.customers ?? []).some((c) => customers.includes(`"${c.name}"`)))
      );
    }
    return ids?.includes(i.id) ?? false;
  };

  const deps = {
    store,
    ledger: new ActionLedger(store),
    clock: { now: () => now },
    config: {
      async load() {
        const parsed = parseConfig({ projects: ['SD'], ...config });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        return { config: parsed.config };
      },
    },
    queue: {
      async push(items: WorkItem[]) {
        pushes += 1;
        queued.push(...items);
      },
    },
    log: {
      warn(event: string, data: unknown) {
        warnings.push({ event, data });
      },
      info() {},
      error() {},
    },
    audit: {
      async append(entry: AuditEntry) {
        audits.push(entry);
      },
    },
    links: {
      async createLink(typeName: string, source: string, destination: string) {
        writes.push(`link ${source} -> ${destination}`);
        links.push({ id: `l${nextLink++}`, typeName, source, destination });
      },
      async deleteLink(linkId: string) {
        const link = links.find((l) => l.id === linkId);
        writes.push(`unlink ${link?.source} -> ${link?.destination}`);
        links.splice(links.indexOf(link as Link), 1);
      },
    },
    jira: {
      async getFields() {
        return [
          { id: VERSION, name: 'Delivery version' },
          { id: ORGS, name: 'Organizations', schema: { custom: ORG_SCHEMA } },
          { id: TABLE, name: 'Included tickets' },
        ];
      },
      async getIssue(idOrKey: string, o: { fields?: string[]; properties?: string[] }) {
        const i = byKey(idOrKey);
        if (!i) throw new JiraHttpError('getIssue', 404, '');
        return beanOf(i, o.fields, o.properties);
      },
      async searchAll(request: SearchRequest) {
        searches.push(request);
        return [...issues.values()]
          .filter((i) => matches(request.jql, i))
          .map((i) => beanOf(i, request.fields, request.properties));
      },
      async getIssueProperty(key: string) {
        return byKey(key)?.state;
      },
      async editIssue(key: string, edit: { fields?: Record<string, unknown>; comment?: CommentInput }) {
        edits.push({ key, ...edit });
      },
      async getTransitions() {
        return transitions.map((t) => ({
          id: t.id,
          name: t.id,
          to: STATUS[t.to],
          ...(t.resolution ? { fields: { resolution: {} } } : {}),
        }));
      },
      async doTransition(
        key: string,
        t: {
          id: string;
          fields?: Record<string, unknown>;
          comment?: CommentInput;
          properties?: EntityProperty[];
        },
      ) {
        const failure = failures.shift();
        if (failure) throw failure;
        shipped.push({ key, ...t });
        const i = byKey(key);
        const to = transitions.find((x) => x.id === t.id)?.to;
        if (i && to) i.status = to;
        const state = t.properties?.find((p) => p.key === PROCESS_STATE_KEY)?.value;
        if (i && state) i.state = state as ProcessState;
        if (landedFailures > 0) {
          landedFailures -= 1;
          throw new Error('invocation died');
        }
      },
    },
  } as unknown as EventDeps;

  const handle = (type: string, body: Record<string, unknown>) => {
    const handler = EVENT_WORK_HANDLERS[type];
    if (!handler) throw new Error(`no handler for ${type}`);
    return handler({ type, ...body }, deps);
  };
  return {
    deps,
    store,
    issues,
    links,
    queued,
    audits,
    warnings,
    searches,
    writes,
    edits,
    shipped,
    handle,
    pushes: () => pushes,
    later(seconds: number) {
      now = new Date(now.getTime() + seconds * 1000);
    },
    configure(next: Record<string, unknown>) {
      config = next;
    },
    offer(next: typeof transitions) {
      transitions = next;
    },
    /** The Included tickets tables written, by Delivery key. */
    tables: () => edits.filter((e) => e.fields?.[TABLE] !== undefined).map((e) => e.key),
  };
}

const shipLink = (n: number, deliveryKey = 'DL-1', typeName = 'Delivery'): Link => ({
  id: `s${n}`,
  typeName,
  source: deliveryKey,
  destination: `SD-${n}`,
});

const DONE = { kind: 'done' };

describe('a completed Delivery hands its tickets on', () => {
  const completed = (overrides: Partial<Issue> = {}) => delivery({ status: 'delivered', ...overrides });

  it('one ship item for up to five tickets, carrying its version and nothing else of the item', async () => {
    const s = site({
      issues: [completed(), waiting(1), waiting(2, { type: 'Customisation' })],
      links: [shipLink(1), shipLink(2)],
    });
    await expect(
      s.handle('events.deliveryCompleted', { deliveryId: '20001', projectKey: 'SD', extra: 'x' }),
    ).resolves.toEqual(DONE);
    expect(s.queued).toStrictEqual([
      {
        delaySeconds: 0,
        body: {
          type: 'events.deliveryShipTicket',
          deliveryId: '20001',
          projectKey: 'SD',
          ticketIds: ['10001', '10002'],
          version: '2026.11',
        },
      },
    ]);
  });

  it('spreads the tickets over time in items of five, four items (twenty tickets) a second', async () => {
    const tickets = Array.from({ length: 41 }, (_, n) => waiting(n + 1));
    const s = site({ issues: [completed(), ...tickets], links: tickets.map((_, n) => shipLink(n + 1)) });
    await s.handle('events.deliveryCompleted', { deliveryId: '20001', projectKey: 'SD' });
    expect(s.queued.map((item) => item.delaySeconds)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2]);
    const batches = s.queued.map((item) => item.body.ticketIds as string[]);
    expect(batches.map((b) => b.length)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 1]);
    expect(batches.flat()).toEqual(tickets.map((t) => t.id));
  });

  it('only links of the Delivery type from the Delivery count', async () => {
    const s = site({
      issues: [completed(), waiting(1), waiting(2), waiting(3)],
      links: [
        shipLink(1, 'DL-1', 'Relates'),
        { ...shipLink(2), source: 'SD-2', destination: 'DL-1' },
        shipLink(3),
      ],
    });
    await s.handle('events.deliveryCompleted', { deliveryId: '20001', projectKey: 'SD' });
    expect(s.queued.map((item) => item.body.ticketIds)).toEqual([['10003']]);
  });

  it('a Delivery without tickets queues nothing and is audited', async () => {
    const s = site({ issues: [completed({ version: undefined })] });
    await s.handle('events.deliveryCompleted', { deliveryId: '20001', projectKey: 'SD', changelogId: '500' });
    expect(s.pushes()).toBe(0);
    expect(s.audits).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SD',
        issueKey: 'DL-1',
        issueId: '20001',
        action: 'deliveryCompleted',
        outcome: 'done',
        source: 'event',
        detail: 'resolved:0,closed:0',
        idempotencyKey: '20001:completed:500',
      },
    ]);
  });

  it('the audit counts what it hands on; without a changelog id the completion is named by its time', async () => {
    const s = site({
      issues: [
        completed(),
        waiting(1),
        waiting(2, { type: 'Customisation' }),
        waiting(3, { status: 'inProgress' }),
      ],
      links: [shipLink(1), shipLink(2), shipLink(3)],
    });
    await s.handle('events.deliveryCompleted', { deliveryId: '20001', projectKey: 'SD' });
    expect(s.audits).toEqual([
      expect.objectContaining({
        detail: 'resolved:1,closed:1',
        idempotencyKey: `20001:completed:${NOW.toISOString()}`,
      }),
    ]);
  });

  it('a Delivery without a version ships under an empty one', async () => {
    const s = site({ issues: [completed({ version: undefined }), waiting(1)], links: [shipLink(1)] });
    await s.handle('events.deliveryCompleted', { deliveryId: '20001', projectKey: 'SD' });
    expect(s.queued[0]?.body.version).toBe('');
  });

  it('an item without a Delivery is refused', async () => {
    const s = site({ issues: [completed()] });
    await expect(s.handle('events.deliveryCompleted', { projectKey: 'SD' })).rejects.toThrow();
  });
});

describe('a shipped ticket', () => {
  const item = (ticketId = '10001', version = '2026.11') => ({
    deliveryId: '20001',
    projectKey: 'SD',
    ticketIds: [ticketId],
    version,
  });
  const ship = (s: ReturnType<typeof site>, ticketId?: string) =>
    s.handle('events.deliveryShipTicket', item(ticketId));

  it('a Software Defect is resolved with a public comment naming the version, its Resolved timer running', async () => {
    const s = site({ issues: [waiting(1)] });
    await expect(ship(s)).resolves.toEqual(DONE);
    expect(s.shipped).toHaveLength(1);
    const t = s.shipped[0];
    expect(t?.id).toBe('to-resolved');
    expect(t?.fields).toEqual({ resolution: { name: 'Done' } });
    expect(t?.comment?.internal).toBe(false);
    expect(JSON.stringify(t?.comment?.body)).toContain('2026.11');
    const state = t?.properties?.find((p) => p.key === PROCESS_STATE_KEY)?.value as ProcessState;
    expect(state.statusId).toBe(STATUS.resolved.id);
    expect(state.timer).toBe('resolved');
    expect(state.done).toEqual([t?.comment?.occurrence]);
    expect(s.audits).toEqual([
      expect.objectContaining({ issueKey: 'SD-1', action: 'deliveryShipped', outcome: 'done' }),
    ]);
  });

  it('the comment names the days after which the ticket closes by itself', async () => {
    const s = site({ issues: [waiting(1)], config: { timers: { resolved: { closeAfterDays: 13 } } } });
    await ship(s);
    expect(JSON.stringify(s.shipped[0]?.comment?.body)).toContain('13');
  });

  it('speaks the language of the ticket’s customer', async () => {
    const de = site({ issues: [waiting(1)] });
    const en = site({ issues: [waiting(1)], config: { languageByOrganization: { ACME: 'en' } } });
    await ship(de);
    await ship(en);
    expect(JSON.stringify(de.shipped[0]?.comment?.body)).not.toEqual(
      JSON.stringify(en.shipped[0]?.comment?.body),
    );
  });

  it('a ticket without a customer is shipped in the default language', async () => {
    const s = site({ issues: [waiting(1, { customers: [] })] });
    const de = site({ issues: [waiting(1)] });
    await ship(s);
    await ship(de);
    expect(s.shipped[0]?.comment?.body).toEqual(de.shipped[0]?.comment?.body);
  });

  it('a Customisation is closed, with its own comment', async () => {
    const s = site({ issues: [waiting(1, { type: 'Customisation' })] });
    const defect = site({ issues: [waiting(1)] });
    await ship(s);
    await ship(defect);
    expect(s.shipped.map((t) => t.id)).toEqual(['to-closed']);
    expect(s.shipped[0]?.fields).toBeUndefined();
    expect(JSON.stringify(s.shipped[0]?.comment?.body)).not.toEqual(
      JSON.stringify(defect.shipped[0]?.comment?.body),
    );
  });

  it('marks its state write before it and counts as a recent change', async () => {
    const s = site({ issues: [waiting(1)] });
    await ship(s);
    const state = s.shipped[0]?.properties?.[0]?.value as ProcessState;
    expect(await readStateWrite(s.store, '10001', 'event')).toEqual(
      expect.objectContaining({ updatedAt: state.updatedAt }),
    );
    expect((await recentChanges(s.store, 'SD', NOW)).tickets).toEqual([10001]);
  });

  it('a copy of the item ships nothing more', async () => {
    const s = site({ issues: [waiting(1)] });
    await ship(s);
    s.issues.get('10001')!.status = 'deliveryPending';
    await expect(ship(s)).resolves.toEqual(DONE);
    expect(s.shipped).toHaveLength(1);
  });

  it('a copy running at the same moment asks to run again later', async () => {
    const s = site({ issues: [waiting(1)] });
    const [first, second] = await Promise.all([ship(s), ship(s)]);
    expect([first, second]).toContainEqual({ kind: 'retry', afterSeconds: 600, reason: 'claimedElsewhere' });
    expect(s.shipped).toHaveLength(1);
  });

  it('a ticket no longer in Delivery Pending stays, and a later copy leaves it too', async () => {
    const s = site({ issues: [waiting(1, { status: 'inProgress' })] });
    await expect(ship(s)).resolves.toEqual(DONE);
    s.issues.get('10001')!.status = 'deliveryPending';
    await ship(s);
    expect(s.shipped).toEqual([]);
    expect(s.audits).toEqual([]);
  });

  it('a workflow without the transition: warned, and the ticket is shipped once it offers one', async () => {
    const s = site({ issues: [waiting(1)], transitions: [{ id: 'to-closed', to: 'closed' }] });
    await expect(ship(s)).resolves.toEqual(DONE);
    expect(s.shipped).toEqual([]);
    expect(s.warnings).toEqual([
      { event: 'events.deliveryNoTransition', data: { issueId: '10001', to: 'resolved' } },
    ]);
    s.offer([{ id: 'to-resolved', to: 'resolved' }]);
    await s.deps.store
      .list('tr:')
      .then((page) => Promise.all(page.entries.map((e) => s.store.delete(e.key))));
    await ship(s);
    expect(s.shipped.map((t) => t.id)).toEqual(['to-resolved']);
  });

  it('a refused transition is read again once; the new one is taken', async () => {
    const s = site({ issues: [waiting(1), waiting(2)] });
    await ship(s, '10002');
    // The workflow is edited: the kept transition is refused, the new one has another id.
    s.offer([{ id: 'to-resolved-2', to: 'resolved' }]);
    s.issues.set('10001', waiting(1));
    const refusing = s.deps.jira.doTransition.bind(s.deps.jira);
    let refused = 0;
    (s.deps.jira as { doTransition: typeof refusing }).doTransition = async (key, t) => {
      if (t.id === 'to-resolved') {
        refused += 1;
        throw new JiraHttpError('doTransition', 400, 'no such transition');
      }
      return refusing(key, t);
    };
    await expect(ship(s, '10001')).resolves.toEqual(DONE);
    expect(refused).toBe(1);
    expect(s.shipped.map((x) => `${x.key} ${x.id}`)).toEqual(['SD-2 to-resolved', 'SD-1 to-resolved-2']);
    expect(s.audits.map((a) => a.issueKey)).toEqual(['SD-2', 'SD-1']);
  });

  it('a refusal the workflow still offers the same way is no stale transition: it fails the item', async () => {
    const s = site({
      issues: [waiting(1)],
      transitionFailures: [new JiraHttpError('doTransition', 400, 'field required')],
    });
    await expect(ship(s)).rejects.toThrow(JiraHttpError);
    expect(s.shipped).toEqual([]);
  });

  it('a refused transition the workflow no longer offers at all fails the item with the refusal', async () => {
    const s = site({
      issues: [waiting(1)],
      transitionFailures: [new JiraHttpError('doTransition', 400, 'no such transition')],
    });
    const resolve = s.deps.jira.getTransitions.bind(s.deps.jira);
    let reads = 0;
    (s.deps.jira as { getTransitions: typeof resolve }).getTransitions = async (...args) => {
      reads += 1;
      if (reads > 1) s.offer([]);
      return resolve(...args);
    };
    await expect(ship(s)).rejects.toThrow(JiraHttpError);
    expect(reads).toBe(2);
  });

  const otherFailures: [string, Error][] = [
    ['a Jira answer other than 400', new JiraHttpError('doTransition', 503, 'busy')],
    ['an error that is no Jira answer', Object.assign(new Error('busy'), { status: 400 })],
  ];
  it.each(otherFailures)('%s fails the item without reading the workflow again', async (_name, failure) => {
    const s = site({ issues: [waiting(1)], transitionFailures: [failure] });
    const read = s.deps.jira.getTransitions.bind(s.deps.jira);
    let reads = 0;
    (s.deps.jira as { getTransitions: typeof read }).getTransitions = async (...args) => {
      reads += 1;
      return read(...args);
    };
    await expect(ship(s)).rejects.toThrow('busy');
    expect(reads).toBe(1);
    expect(s.shipped).toEqual([]);
  });

  it('a run that died after shipping is not repeated by the run that takes over', async () => {
    const s = site({ issues: [waiting(1)], landedFailures: 1 });
    await expect(ship(s)).rejects.toThrow('invocation died');
    // The dead run's transition landed: the state records it. The ticket was moved back since.
    s.issues.get('10001')!.status = 'deliveryPending';
    s.later(CLAIM_LEASE_SECONDS + 1);
    await expect(ship(s)).resolves.toEqual(DONE);
    expect(s.shipped).toHaveLength(1);
    // Completed now: a further copy does nothing either, whatever the state says.
    s.issues.get('10001')!.state = undefined;
    await ship(s);
    expect(s.shipped).toHaveLength(1);
  });

  it('a run that died before shipping is completed by the run that takes over', async () => {
    const s = site({ issues: [waiting(1)], transitionFailures: [new Error('invocation died')] });
    await expect(ship(s)).rejects.toThrow('invocation died');
    s.later(CLAIM_LEASE_SECONDS + 1);
    await expect(ship(s)).resolves.toEqual(DONE);
    expect(s.shipped).toHaveLength(1);
  });

  describe('an item of several tickets', () => {
    const batch = (...ticketIds: string[]) => ({
      deliveryId: '20001',
      projectKey: 'SD',
      ticketIds,
      version: '2026.11',
    });
    const counting = (s: ReturnType<typeof site>) => {
      const read = s.deps.jira.getIssue.bind(s.deps.jira);
      const gets: string[] = [];
      (s.deps.jira as { getIssue: typeof read }).getIssue = async (idOrKey, o) => {
        gets.push(idOrKey);
        return read(idOrKey, o);
      };
      return gets;
    };

    it('reads its tickets in one reconciled search with their state, and ships each', async () => {
      const s = site({ issues: [waiting(1), waiting(2, { type: 'Customisation' }), waiting(3)] });
      const gets = counting(s);
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).resolves.toEqual(
        DONE,
      );
      expect(s.searches).toEqual([
        expect.objectContaining({
          jql: 'id in (10001,10002,10003) ORDER BY key ASC',
          reconcileIssues: [10001, 10002, 10003],
          properties: expect.arrayContaining([PROCESS_STATE_KEY]),
        }),
      ]);
      expect(gets).toEqual([]);
      expect(s.shipped.map((t) => `${t.key} ${t.id}`)).toEqual([
        'SD-1 to-resolved',
        'SD-2 to-closed',
        'SD-3 to-resolved',
      ]);
    });

    it('a ticket another run holds waits for its lease; the others are shipped, and only it is read again', async () => {
      const s = site({ issues: [waiting(1), waiting(2), waiting(3)] });
      await s.deps.ledger.claim('10002:shipped:20001', NOW);
      const gets = counting(s);
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).resolves.toEqual({
        kind: 'retry',
        afterSeconds: 600,
        reason: 'claimedElsewhere',
      });
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-1', 'SD-3']);
      // Taken over after the lease: the search finds it, and it is read again after the takeover.
      s.later(CLAIM_LEASE_SECONDS + 1);
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).resolves.toEqual(
        DONE,
      );
      expect(s.searches.map((q) => q.jql)).toEqual([
        'id in (10001,10002,10003) ORDER BY key ASC',
        'id in (10002) ORDER BY key ASC',
      ]);
      expect(gets).toEqual(['10002']);
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-1', 'SD-3', 'SD-2']);
    });

    it('holds one claim at a time: an item that dies leaves only the ticket it was shipping to the lease', async () => {
      const s = site({ issues: [waiting(1), waiting(2), waiting(3)], landedFailures: 1 });
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).rejects.toThrow(
        'invocation died',
      );
      // The redelivery ships the tickets the dead item never claimed, and waits for the one it held.
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).resolves.toEqual({
        kind: 'retry',
        afterSeconds: 600,
        reason: 'claimedElsewhere',
      });
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-1', 'SD-2', 'SD-3']);
      // After the lease it takes the held ticket over and reads it again: the dead item's transition landed.
      const gets = counting(s);
      s.later(CLAIM_LEASE_SECONDS + 1);
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).resolves.toEqual(
        DONE,
      );
      expect(gets).toEqual(['10001']);
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-1', 'SD-2', 'SD-3']);
      await expect(s.deps.ledger.isDone('10001:shipped:20001')).resolves.toBe(true);
    });

    it('a ticket Jira refuses does not hold up the others: its redelivery ships them and waits for it', async () => {
      const s = site({
        issues: [waiting(1), waiting(2), waiting(3)],
        transitionFailures: [new JiraHttpError('doTransition', 400, 'field required')],
      });
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).rejects.toThrow(
        JiraHttpError,
      );
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).resolves.toEqual({
        kind: 'retry',
        afterSeconds: 600,
        reason: 'claimedElsewhere',
      });
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-2', 'SD-3']);
    });

    it('an item whose tickets are all shipped asks Jira nothing', async () => {
      const s = site({ issues: [waiting(1), waiting(2)] });
      await s.handle('events.deliveryShipTicket', batch('10001', '10002'));
      const gets = counting(s);
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002'))).resolves.toEqual(DONE);
      expect(s.searches).toHaveLength(1);
      expect(gets).toEqual([]);
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-1', 'SD-2']);
    });

    it('a ticket the search does not return is read on its own: deleted, it fails the item once the others are shipped', async () => {
      const s = site({ issues: [waiting(1), waiting(2), waiting(3)] });
      s.issues.delete('10002');
      const gets = counting(s);
      await expect(s.handle('events.deliveryShipTicket', batch('10001', '10002', '10003'))).rejects.toThrow(
        JiraHttpError,
      );
      expect(gets).toEqual(['10002']);
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-1', 'SD-3']);
    });

    it('an item queued with one ticket by an older release ships it', async () => {
      const s = site({ issues: [waiting(1)] });
      const { ticketIds: _, ...older } = batch();
      await expect(s.handle('events.deliveryShipTicket', { ...older, ticketId: '10001' })).resolves.toEqual(
        DONE,
      );
      expect(s.shipped.map((t) => t.key)).toEqual(['SD-1']);
    });

    const refused: [string, Record<string, unknown>][] = [
      ['neither tickets nor a ticket', { deliveryId: '20001', projectKey: 'SD', version: '1' }],
      ['both tickets and a ticket', { ...batch('10001'), ticketId: '10002' }],
      ['no tickets', batch()],
      ['more than five tickets', batch(...Array.from({ length: 6 }, (_, n) => String(10001 + n)))],
      ['a ticket id that is no number', batch('10001) OR id in (1')],
    ];
    it.each(refused)('an item with %s is refused before anything is read', async (_name, body) => {
      const s = site({ issues: [waiting(1)] });
      await expect(s.handle('events.deliveryShipTicket', body)).rejects.toThrow();
      expect(s.searches).toEqual([]);
      expect(s.shipped).toEqual([]);
    });
  });

  describe('in a dry run', () => {
    const dry = { automation: { dryRun: true } };

    it('the ticket is audited with where it would go, once, and left alone', async () => {
      const s = site({ issues: [waiting(1, { type: 'Customisation' })], config: dry });
      await ship(s);
      expect(s.audits).toHaveLength(1);
      await ship(s);
      expect(s.shipped).toEqual([]);
      expect(s.audits).toEqual([
        expect.objectContaining({
          issueKey: 'SD-1',
          action: 'deliveryShipped',
          outcome: 'dryRun',
          detail: 'closed',
        }),
      ]);
    });

    it('each ticket is audited', async () => {
      const s = site({ issues: [waiting(1), waiting(2)], config: dry });
      await ship(s, '10001');
      await ship(s, '10002');
      expect(s.audits.map((a) => a.issueKey)).toEqual(['SD-1', 'SD-2']);
    });

    it('a ticket no longer waiting is not audited', async () => {
      const s = site({ issues: [waiting(1, { status: 'inProgress' })], config: dry });
      await ship(s);
      expect(s.audits).toEqual([]);
    });

    it('the dry run leaves the real step free', async () => {
      const s = site({ issues: [waiting(1)], config: dry });
      await ship(s);
      s.configure({});
      await ship(s);
      expect(s.shipped).toHaveLength(1);
    });
  });
});

describe('a Planned Delivery collects the tickets waiting for it', () => {
  const attach = (s: ReturnType<typeof site>) =>
    s.handle('events.deliveryAttach', { deliveryId: '20001', projectKey: 'SD' });

  it('links its customer’s waiting tickets of its version, audits them on it and writes its table', async () => {
    const s = site({
      issues: [
        delivery(),
        waiting(1),
        waiting(2),
        waiting(3, { version: '2026.12' }),
        waiting(4, { customers: [BETA] }),
        waiting(5, { version: undefined }),
      ],
    });
    await expect(attach(s)).resolves.toEqual(DONE);
    expect(s.writes).toEqual(['link DL-1 -> SD-1', 'link DL-1 -> SD-2']);
    expect(s.audits.filter((a) => a.issueKey === 'DL-1')).toEqual([
      expect.objectContaining({ action: 'deliveryTicketsLinked', detail: 'tickets:2' }),
    ]);
    expect(s.tables()).toEqual(['DL-1']);
    expect(s.queued).toEqual([]);
  });

  it('collects only the kinds that ship with a Delivery', async () => {
    const s = site({
      issues: [
        delivery(),
        waiting(1, { type: 'Support Request' }),
        waiting(2, { type: 'Consulting Request' }),
        waiting(3, { type: 'Customisation' }),
        waiting(4),
      ],
    });
    await attach(s);
    expect(s.writes).toEqual(['link DL-1 -> SD-2', 'link DL-1 -> SD-3', 'link DL-1 -> SD-4']);
    expect(s.searches.find((r) => r.jql.includes('Delivery Pending'))?.jql).toContain(
      'issuetype in ("Software Defect", "Consulting Request", "Customisation")',
    );
  });

  it('searches only its customers’ and its linked tickets among the waiting ones', async () => {
    const s = site({
      issues: [delivery(), waiting(1), waiting(9, { customers: [BETA] })],
      links: [shipLink(9)],
    });
    await attach(s);
    const waitingSearch = s.searches.find((r) => r.jql.includes('Delivery Pending'));
    expect(waitingSearch?.jql).toContain('AND (cf[10030] in ("ACME") OR id in (10009))');
    expect(waitingSearch?.properties).toEqual([PROCESS_STATE_KEY]);
  });

  it('collects for the Delivery the item names, while another one collects at the same moment', async () => {
    const s = site({
      issues: [
        delivery(),
        delivery({ id: '20002', key: 'DL-2', version: '2026.12' }),
        waiting(1),
        waiting(2, { version: '2026.12' }),
      ],
    });
    const [one, two] = await Promise.all([
      attach(s),
      s.handle('events.deliveryAttach', { deliveryId: '20002', projectKey: 'SD' }),
    ]);
    expect([one, two]).toEqual([DONE, DONE]);
    expect(s.writes.sort()).toEqual(['link DL-1 -> SD-1', 'link DL-2 -> SD-2']);
  });

  it('a Delivery without customers or links searches no waiting tickets', async () => {
    const s = site({ issues: [delivery({ customers: [] }), waiting(1)] });
    await attach(s);
    expect(s.searches.some((r) => r.jql.includes('Delivery Pending'))).toBe(false);
    expect(s.writes).toEqual([]);
  });

  it('a Delivery no longer Planned collects nothing', async () => {
    const s = site({ issues: [delivery({ status: 'delivered' }), waiting(1)] });
    await expect(attach(s)).resolves.toEqual(DONE);
    expect(s.writes).toEqual([]);
    expect(s.tables()).toEqual([]);
  });

  it('reconciles the Delivery itself and the recent changes in its searches', async () => {
    const s = site({ issues: [delivery(), waiting(1)] });
    await noteRecentChange(s.store, 'SD', '20005', 'delivery', NOW);
    await noteRecentChange(s.store, 'SD', '10007', 'ticket', NOW);
    await attach(s);
    expect(s.searches[0]?.reconcileIssues).toEqual([20001, 20005]);
    expect(s.searches.find((r) => r.jql.includes('Delivery Pending'))?.reconcileIssues).toEqual([10007]);
  });

  it('a linked ticket that now belongs in another Delivery moves there; that table is scheduled', async () => {
    const s = site({
      issues: [
        delivery(),
        delivery({ id: '20002', key: 'DL-2', version: '2026.12' }),
        waiting(1, { version: '2026.12' }),
      ],
      links: [shipLink(1)],
    });
    await attach(s);
    expect(s.writes).toEqual(['unlink DL-1 -> SD-1', 'link DL-2 -> SD-1']);
    expect(s.audits.filter((a) => a.action === 'deliveryTicketsLinked')).toEqual([]);
    expect(s.queued.map((q) => q.body)).toEqual([
      expect.objectContaining({ type: 'events.deliveryTable', deliveryId: '20002' }),
    ]);
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('a ticket waiting for another Delivery and not linked here is left to that one', async () => {
    const s = site({
      issues: [
        delivery(),
        delivery({ id: '20002', key: 'DL-2', version: '2026.12' }),
        waiting(1, { version: '2026.12' }),
      ],
    });
    await attach(s);
    expect(s.writes).toEqual([]);
  });

  it('a ticket linked here and to another Planned Delivery loses the other link', async () => {
    const s = site({
      issues: [delivery(), delivery({ id: '20002', key: 'DL-2', version: '2026.12' }), waiting(1)],
      links: [shipLink(1), shipLink(1, 'DL-2')],
    });
    s.links[1]!.id = 's1-other';
    await attach(s);
    expect(s.writes).toEqual(['unlink DL-2 -> SD-1']);
  });

  it('a ticket waiting for another Delivery and linked to a third is left to those', async () => {
    const s = site({
      issues: [
        delivery(),
        delivery({ id: '20002', key: 'DL-2', version: '2026.12' }),
        delivery({ id: '20003', key: 'DL-3', version: '2026.10' }),
        waiting(1, { version: '2026.12' }),
      ],
      links: [shipLink(1, 'DL-3')],
    });
    await attach(s);
    expect(s.writes).toEqual([]);
  });

  it('a ticket already linked here stays, and is not audited again', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    await attach(s);
    expect(s.writes).toEqual([]);
    expect(s.audits).toEqual([]);
  });

  it('a ticket linked here twice keeps one link', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1), { ...shipLink(1), id: 's1b' }] });
    await attach(s);
    expect(s.writes).toEqual(['unlink DL-1 -> SD-1']);
    expect(s.audits.filter((a) => a.action === 'deliveryTicketsLinked')).toEqual([]);
  });

  it('fifteen tickets per run: the rest after a pause, and the table after the last batch', async () => {
    const tickets = Array.from({ length: 16 }, (_, n) => waiting(n + 1));
    const s = site({ issues: [delivery(), ...tickets] });
    await attach(s);
    expect(s.writes).toHaveLength(15);
    expect(s.tables()).toEqual([]);
    expect(s.queued).toStrictEqual([
      { body: { type: 'events.deliveryAttach', deliveryId: '20001', projectKey: 'SD' }, delaySeconds: 10 },
    ]);
    await attach(s);
    expect(s.writes).toHaveLength(16);
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('exactly fifteen tickets take one run', async () => {
    const tickets = Array.from({ length: 15 }, (_, n) => waiting(n + 1));
    const s = site({ issues: [delivery(), ...tickets] });
    await attach(s);
    expect(s.writes).toHaveLength(15);
    expect(s.queued).toEqual([]);
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('a run that finds another at work asks to run again after the lease; the lease is given back after', async () => {
    const s = site({ issues: [delivery(), waiting(1)] });
    const [first, second] = await Promise.all([attach(s), attach(s)]);
    expect([first, second]).toContainEqual({ kind: 'retry', afterSeconds: 600, reason: 'claimedElsewhere' });
    await expect(attach(s)).resolves.toEqual(DONE);
    expect(s.writes).toEqual(['link DL-1 -> SD-1']);
  });

  it('the lease is given back when a run fails', async () => {
    const s = site({ issues: [delivery(), waiting(1)] });
    const createLink = s.deps.links.createLink.bind(s.deps.links);
    let fail = true;
    (s.deps.links as { createLink: typeof createLink }).createLink = async (...args) => {
      if (fail) {
        fail = false;
        throw new Error('link refused');
      }
      return createLink(...args);
    };
    await expect(attach(s)).rejects.toThrow('link refused');
    await expect(attach(s)).resolves.toEqual(DONE);
    expect(s.writes).toEqual(['link DL-1 -> SD-1']);
  });

  it('in a dry run, links and writes nothing', async () => {
    const s = site({ issues: [delivery(), waiting(1)], config: { automation: { dryRun: true } } });
    await attach(s);
    expect(s.writes).toEqual([]);
    expect(s.edits).toEqual([]);
    expect(s.queued).toEqual([]);
  });
});

describe('a Delivery table regeneration', () => {
  const regenerate = (s: ReturnType<typeof site>, token?: string) =>
    s.handle('events.deliveryTable', {
      deliveryId: '20001',
      projectKey: 'SD',
      ...(token !== undefined ? { token } : {}),
    });
  const marked = async (s: ReturnType<typeof site>) => {
    await scheduleTableRegeneration(s.deps, 'SD', '20001', NOW);
    s.queued.length = 0;
    return (await tableMarkOf(s.store, '20001'))?.token as string;
  };

  it('an item without a token regenerates the table', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    await expect(regenerate(s)).resolves.toEqual(DONE);
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('items without a token (queued by older releases) regenerate each time', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    await regenerate(s);
    await regenerate(s);
    expect(s.tables()).toEqual(['DL-1', 'DL-1']);
  });

  it('each mark gets its own regeneration', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    await regenerate(s, await marked(s));
    await regenerate(s, await marked(s));
    expect(s.tables()).toEqual(['DL-1', 'DL-1']);
  });

  it('its own mark is cleared and the table regenerated, once per mark', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    const token = await marked(s);
    await expect(regenerate(s, token)).resolves.toEqual(DONE);
    expect(await tableMarkOf(s.store, '20001')).toBeUndefined();
    expect(s.tables()).toEqual(['DL-1']);
    await regenerate(s, token);
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('another regeneration’s mark: that one reads the links later, this one does nothing', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    const token = await marked(s);
    await regenerate(s, 'older');
    expect(s.tables()).toEqual([]);
    expect((await tableMarkOf(s.store, '20001'))?.token).toBe(token);
  });

  it('no mark: regenerates', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    await regenerate(s, 'cleared-by-a-copy');
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('a copy running at the same moment asks to run again after the lease', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    const token = await marked(s);
    const [first, second] = await Promise.all([regenerate(s, token), regenerate(s, token)]);
    expect([first, second]).toContainEqual({
      kind: 'retry',
      afterSeconds: CLAIM_LEASE_SECONDS,
      reason: 'claimedElsewhere',
    });
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('a failed regeneration leaves its mark’s claim free for the retry', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    const token = await marked(s);
    const searchAll = s.deps.jira.searchAll.bind(s.deps.jira);
    let fail = true;
    (s.deps.jira as { searchAll: typeof searchAll }).searchAll = async (request) => {
      if (fail) {
        fail = false;
        throw new Error('search failed');
      }
      return searchAll(request);
    };
    await expect(regenerate(s, token)).rejects.toThrow('search failed');
    await expect(regenerate(s, token)).resolves.toEqual(DONE);
    expect(s.tables()).toEqual(['DL-1']);
  });

  it('reconciles the project’s recently changed tickets', async () => {
    const s = site({ issues: [delivery(), waiting(1)], links: [shipLink(1)] });
    await noteRecentChange(s.store, 'SD', '10001', 'ticket', NOW);
    await regenerate(s);
    expect(s.searches.at(-1)?.reconcileIssues).toEqual([10001]);
  });
});
