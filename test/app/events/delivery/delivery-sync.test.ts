import { syncDeliveryForEvent } from '../../../../src/app/events/delivery/delivery-sync';
import type { EventDeps } from '../../../../src/app/events/event-deps';
import type { WorkItem } from '../../../../src/app/ports';
import type { CommentInput, EntityProperty, IssueBean, SearchRequest } from '../../../../src/app/ports/jira';
import { JiraHttpError, UpstreamError } from '../../../../src/app/ports/jira-errors';
import { ActionLedger } from '../../../../src/app/shared/action-ledger';
import type { AuditEntry } from '../../../../src/app/shared/audit-log';
import { noteRecentChange, recentChanges } from '../../../../src/app/shared/recent-changes';
import { DELIVERY_MISSING_FLAG } from '../../../../src/domain/delivery';
import type { ChangeItem, IssueChangeEvent } from '../../../../src/domain/events/issue-change';
import { initialState, PROCESS_STATE_KEY, type ProcessState } from '../../../../src/domain/process-state';
import type { IssueLinkRef, Ticket } from '../../../../src/domain/ticket';
import { MemoryStore } from '../../../support/memory-store';
import { event, input, NOW, projectConfig, ticket } from '../../../domain/events/rule-fixtures';

const FIELD_IDS = { deliveryVersion: 'customfield_10020', organizations: 'customfield_10030' };

/** A Planned Delivery of the fake site: its version and customers (organizations). */
interface Planned {
  id: string;
  key: string;
  version: string;
  customers: { id: string; name: string }[];
}

const ACME = { id: '1', name: 'ACME' };
const BETA = { id: '2', name: 'BETA' };
const D1: Planned = { id: '20001', key: 'DL-1', version: '2026.11', customers: [ACME] };
const D2: Planned = { id: '20002', key: 'DL-2', version: '2026.11', customers: [BETA] };

const beanOf = (d: Planned): IssueBean => ({
  id: d.id,
  key: d.key,
  fields: { customfield_10020: d.version, customfield_10030: d.customers },
});

interface Edit {
  key: string;
  comment?: CommentInput;
  properties?: EntityProperty[];
  options?: unknown;
}

/**
 * A site reduced to what the Delivery rules of an event use: the Planned Deliveries a search returns (only the
 * named customers' when the search names customers), the links made and deleted, the ticket edits, the queue and
 * the audit trail.
 */
function site(
  planned: Planned[] = [],
  options: { linkFailures?: number | JiraHttpError[]; unlinkFailures?: Error[]; readFailure?: Error } = {},
) {
  const store = new MemoryStore();
  const searches: SearchRequest[] = [];
  const links: string[] = [];
  const edits: Edit[] = [];
  const queued: WorkItem[] = [];
  const audits: AuditEntry[] = [];
  const failures = options.linkFailures ?? 0;
  const linkFailures: Error[] =
    typeof failures === 'number'
      ? Array.from({ length: failures }, () => new Error('link refused'))
      : [...failures];
  /** Keys of Deliveries deleted from the site (a search may still return them while the index lags). */
  const deleted = new Set<string>();
  const notFound = (operation: string) =>
    new JiraHttpError(operation, 404, '{"errorMessages":["Issue does not exist"]}');
  const reads: string[] = [];
  const unlinkFailures = [...(options.unlinkFailures ?? [])];
  const deps = {
    store,
    ledger: new ActionLedger(store),
    queue: {
      async push(items: WorkItem[]) {
        queued.push(...items);
      },
    },
    jira: {
      async searchAll(request: SearchRequest) {
        searches.push(request);
        const customers = /cf\[10030\] in \((.*)\)/.exec(request.jql)?.[1];
        return planned
          .filter(
            (d) => customers === undefined || d.customers.some((c) => customers.includes(`"${c.name}"`)),
          )
          .map(beanOf);
      },
      async editIssue(key: string, edit: Omit<Edit, 'key' | 'options'>, editOptions: unknown) {
        edits.push({ key, ...edit, options: editOptions });
      },
      async getIssueProperty() {
        return undefined;
      },
      async getIssue(key: string, read: { fields: string[] }) {
        reads.push(`${key} ${read.fields.join(',')}`);
        if (options.readFailure) throw options.readFailure;
        if (deleted.has(key)) throw notFound('getIssue');
        return { id: planned.find((d) => d.key === key)?.id ?? '0', key, fields: {} };
      },
    },
    links: {
      async createLink(_type: string, source: string, destination: string) {
        const failure = linkFailures.shift();
        if (failure) throw failure;
        if (deleted.has(source)) throw notFound('createIssueLink');
        links.push(`link ${source} -> ${destination}`);
      },
      async deleteLink(linkId: string) {
        const failure = unlinkFailures.shift();
        if (failure) throw failure;
        links.push(`delete ${linkId}`);
      },
    },
    audit: {
      async append(entry: AuditEntry) {
        audits.push(entry);
      },
    },
  } as unknown as EventDeps;
  const tables = () =>
    queued
      .map((item) => item.body)
      .filter((body) => body.type === 'events.deliveryTable')
      .map((body) => body.deliveryId);
  return { deps, store, searches, links, edits, queued, audits, tables, deleted, reads };
}

const STATUS = {
  inProgress: { statusId: '3', statusName: 'In Progress', status: 'inProgress' },
  deliveryPending: { statusId: '7', statusName: 'Delivery Pending', status: 'deliveryPending' },
  resolved: { statusId: '5', statusName: 'Resolved', status: 'resolved' },
  planned: { statusId: '11', statusName: 'Planned', status: 'planned' },
  delivered: { statusId: '12', statusName: 'Delivered', status: 'delivered' },
  installationCompleted: {
    statusId: '14',
    statusName: 'Installation completed',
    status: 'installationCompleted',
  },
} as const;
type StatusName = keyof typeof STATUS;

/** A Software Defect of ACME for version 2026.11, now in `status`. */
function defect(status: StatusName, overrides: Partial<Ticket> = {}): Ticket {
  return ticket({
    kind: 'softwareDefect',
    typeName: 'Software Defect',
    deliveryVersion: '2026.11',
    ...STATUS[status],
    ...overrides,
  });
}

function delivery(status: StatusName): Ticket {
  return ticket({ id: '20001', key: 'DL-1', kind: 'delivery', typeName: 'Delivery', ...STATUS[status] });
}

function statusMove(from: StatusName, to: StatusName): ChangeItem {
  return {
    field: 'status',
    fieldId: 'status',
    from: STATUS[from].statusId,
    fromString: STATUS[from].statusName,
    to: STATUS[to].statusId,
    toString: STATUS[to].statusName,
  };
}

const VERSION_CHANGE: ChangeItem = {
  field: 'Delivery version',
  fieldId: 'customfield_10020',
  fromString: '2026.10',
  toString: '2026.11',
};

const SUMMARY_CHANGE: ChangeItem = { field: 'summary', fieldId: 'summary', toString: 'Export fails' };

/** The move into Delivery Pending, changelog 500. */
const ENTERED = event({ changelogId: '500', items: [statusMove('inProgress', 'deliveryPending')] });

/** A link of the ticket to a Delivery (the ticket is the link's destination), its status as the read carried it. */
function linkTo(
  d: { id: string; key: string },
  otherStatusName: string | undefined,
  id = 'l1',
): IssueLinkRef {
  return {
    id,
    typeName: 'Delivery',
    direction: 'inward',
    otherId: d.id,
    otherKey: d.key,
    ...(otherStatusName !== undefined ? { otherStatusName } : {}),
  };
}

const run = (s: ReturnType<typeof site>, t: Ticket, e: IssueChangeEvent, dryRun = false, now = NOW) =>
  syncDeliveryForEvent(
    s.deps,
    input(t, e, {
      fieldIds: FIELD_IDS,
      now,
      ...(dryRun ? { config: projectConfig({ automation: { dryRun: true } }) } : {}),
    }),
  );

const recentTickets = async (s: ReturnType<typeof site>) => (await recentChanges(s.store, 'SD', NOW)).tickets;

describe('a Delivery event', () => {
  it('a Delivery moved to a completed status hands its tickets on, naming the change', async () => {
    const s = site();
    await run(
      s,
      delivery('installationCompleted'),
      event({ changelogId: '500', items: [statusMove('planned', 'installationCompleted')] }),
    );
    expect(s.queued).toStrictEqual([
      {
        body: { type: 'events.deliveryCompleted', deliveryId: '20001', projectKey: 'SD', changelogId: '500' },
      },
    ]);
    expect(s.searches).toEqual([]);
  });

  it('a completion without a changelog id hands its tickets on without naming one', async () => {
    const s = site();
    const e = event({ items: [statusMove('planned', 'delivered')] });
    await run(s, delivery('delivered'), { ...e, changelogId: undefined });
    expect(s.queued).toStrictEqual([
      { body: { type: 'events.deliveryCompleted', deliveryId: '20001', projectKey: 'SD' } },
    ]);
  });

  it('an edit of a completed Delivery that leaves its status alone hands nothing on', async () => {
    const s = site();
    await run(s, delivery('delivered'), event({ items: [SUMMARY_CHANGE] }));
    expect(s.queued).toEqual([]);
  });

  const attachRows: { name: string; kind: IssueChangeEvent['kind']; attaches: boolean }[] = [
    { name: 'created', kind: 'created', attaches: true },
    { name: 'edited', kind: 'updated', attaches: true },
    { name: 'commented on', kind: 'commented', attaches: false },
  ];
  it.each(attachRows)(
    'a Planned Delivery $name: picks up its waiting tickets: $attaches',
    async ({ kind, attaches }) => {
      const s = site();
      await run(s, delivery('planned'), event({ kind, items: [] }));
      expect(s.queued).toEqual(
        attaches ? [{ body: { type: 'events.deliveryAttach', deliveryId: '20001', projectKey: 'SD' } }] : [],
      );
      // Created or edited, it counts as a recent change the searches of the next minutes reconcile.
      expect((await recentChanges(s.store, 'SD', NOW)).deliveries).toEqual(attaches ? [20001] : []);
    },
  );

  it('a Planned Delivery moved back to Planned picks up its waiting tickets', async () => {
    const s = site();
    await run(s, delivery('planned'), event({ items: [statusMove('delivered', 'planned')] }));
    expect(s.queued).toEqual([
      { body: { type: 'events.deliveryAttach', deliveryId: '20001', projectKey: 'SD' } },
    ]);
  });
});

describe('a ticket entering Delivery Pending', () => {
  it('is linked to its customer’s Planned Delivery of its version, audited on it, and that table is scheduled', async () => {
    const s = site([D1, D2]);
    await run(s, defect('deliveryPending'), ENTERED);
    expect(s.links).toEqual(['link DL-1 -> SD-1']);
    expect(s.audits.filter((a) => a.issueKey === 'DL-1')).toEqual([
      expect.objectContaining({ action: 'deliveryTicketsLinked', detail: 'tickets:1' }),
    ]);
    expect(s.tables()).toEqual(['20001']);
    expect(s.edits).toEqual([]);
  });

  it('searches only the Planned Deliveries of its customers', async () => {
    const s = site([D1, D2]);
    await run(s, defect('deliveryPending'), ENTERED);
    expect(s.searches).toHaveLength(1);
    expect(s.searches[0]?.jql).toContain('cf[10030] in ("ACME")');
  });

  it('the customer’s next tickets within minutes are placed without a search, until a Delivery event is handled', async () => {
    const planned = [D1];
    const s = site(planned);
    const second = defect('deliveryPending', { id: '10002', key: 'SD-2' });
    await run(s, defect('deliveryPending'), ENTERED);
    await run(s, second, { ...ENTERED, changelogId: '501' }, false, new Date(NOW.getTime() + 15_000));
    expect(s.links).toEqual(['link DL-1 -> SD-1', 'link DL-1 -> SD-2']);
    expect(s.searches).toHaveLength(1);
    // A Delivery of the next version is planned for ACME; its event is handled before the next ticket's.
    const d3: Planned = { id: '20003', key: 'DL-3', version: '2026.12', customers: [ACME] };
    planned.push(d3);
    const later = new Date(NOW.getTime() + 30_000);
    const plannedD3 = ticket({
      id: d3.id,
      key: d3.key,
      kind: 'delivery',
      typeName: 'Delivery',
      ...STATUS.planned,
    });
    await run(s, plannedD3, event({ kind: 'created', items: [] }), false, later);
    const third = defect('deliveryPending', { id: '10003', key: 'SD-3', deliveryVersion: '2026.12' });
    await run(s, third, { ...ENTERED, changelogId: '502' }, false, new Date(later.getTime() + 15_000));
    expect(s.links).toEqual(['link DL-1 -> SD-1', 'link DL-1 -> SD-2', 'link DL-3 -> SD-3']);
    expect(s.searches).toHaveLength(2);
  });

  it('a Delivery deleted while its customer’s answer is kept: the next ticket searches again and is placed without it', async () => {
    const planned = [D1];
    const s = site(planned);
    await run(s, defect('deliveryPending'), ENTERED);
    // DL-1 is deleted; Forge's deleted-issue event is not handled, so the kept answer still names it.
    s.deleted.add('DL-1');
    planned.splice(0, 1);
    const second = defect('deliveryPending', { id: '10002', key: 'SD-2' });
    await run(s, second, { ...ENTERED, changelogId: '501' }, false, new Date(NOW.getTime() + 15_000));
    expect(s.links).toEqual(['link DL-1 -> SD-1']);
    // Only the 404 asks whether the Delivery is gone: one read of its status.
    expect(s.reads).toEqual(['DL-1 status']);
    expect(s.searches).toHaveLength(2);
    // No Planned Delivery of ACME is left: the agents are told so on the ticket.
    expect(s.edits.map((e) => e.key)).toEqual(['SD-2']);
    expect(JSON.stringify(s.edits[0]?.properties)).toContain(DELIVERY_MISSING_FLAG);
  });

  it('a search that still returns a deleted Delivery (the index lags): the ticket is placed without it', async () => {
    const s = site([D1, { ...D1, id: '20004', key: 'DL-4' }]);
    s.deleted.add('DL-1');
    await run(s, defect('deliveryPending'), ENTERED);
    expect(s.searches).toHaveLength(2);
    expect(s.links).toEqual(['link DL-4 -> SD-1']);
    expect(s.edits).toEqual([]);
  });

  it('a 404 from the link while its Delivery exists (a missing link type) fails the event, as any refused link', async () => {
    const s = site([D1], { linkFailures: [new JiraHttpError('createIssueLink', 404, '{}')] });
    await expect(run(s, defect('deliveryPending'), ENTERED)).rejects.toMatchObject({ status: 404 });
    expect(s.reads).toEqual(['DL-1 status']);
    expect(s.searches).toHaveLength(1);
    expect(s.edits).toEqual([]);
  });

  it('a Delivery whose read fails after the link’s 404 is not taken for deleted: the event fails with that error', async () => {
    const s = site([D1], { readFailure: new UpstreamError('getIssue', '503') });
    s.deleted.add('DL-1');
    await expect(run(s, defect('deliveryPending'), ENTERED)).rejects.toBeInstanceOf(UpstreamError);
    expect(s.searches).toHaveLength(1);
    expect(s.edits).toEqual([]);
  });

  it.each([400, 409])(
    'a link refused with %i is no deleted Delivery: the event fails, nothing is read',
    async (status) => {
      const s = site([D1], { linkFailures: [new JiraHttpError('createIssueLink', status, '{}')] });
      await expect(run(s, defect('deliveryPending'), ENTERED)).rejects.toMatchObject({ status });
      expect(s.reads).toEqual([]);
    },
  );

  it('a Delivery Jira refuses to show the app (403) is not taken for deleted: the event fails with it', async () => {
    const s = site([D1], { readFailure: new JiraHttpError('getIssue', 403, '{}') });
    s.deleted.add('DL-1');
    await expect(run(s, defect('deliveryPending'), ENTERED)).rejects.toMatchObject({ status: 403 });
    expect(s.searches).toHaveLength(1);
  });

  it('the placement is tried again once: a second deleted Delivery fails the event', async () => {
    const s = site([D1, { ...D1, id: '20004', key: 'DL-4' }]);
    s.deleted.add('DL-1');
    s.deleted.add('DL-4');
    await expect(run(s, defect('deliveryPending'), ENTERED)).rejects.toMatchObject({ status: 404 });
    expect(s.searches).toHaveLength(2);
    expect(s.edits).toEqual([]);
  });

  it('the search reconciles the Deliveries changed in the last minutes', async () => {
    const s = site([D1]);
    await noteRecentChange(s.store, 'SD', '20009', 'delivery', NOW);
    await run(s, defect('deliveryPending'), ENTERED);
    expect(s.searches[0]?.reconcileIssues).toEqual([20009]);
  });

  it('a copy of the same event delivered again links and audits nothing more', async () => {
    const s = site([D1]);
    await run(s, defect('deliveryPending'), ENTERED);
    await run(s, defect('deliveryPending'), ENTERED);
    expect(s.links).toEqual(['link DL-1 -> SD-1']);
    expect(s.audits.filter((a) => a.issueKey === 'DL-1')).toHaveLength(1);
  });

  it('two copies of the same event at the same moment link once', async () => {
    const s = site([D1]);
    await Promise.all([
      run(s, defect('deliveryPending'), ENTERED),
      run(s, defect('deliveryPending'), ENTERED),
    ]);
    expect(s.links).toEqual(['link DL-1 -> SD-1']);
    expect(s.audits.filter((a) => a.issueKey === 'DL-1')).toHaveLength(1);
  });

  it('the creation names its change too: a copy of it links nothing more', async () => {
    const s = site([D1]);
    const created = { ...event({ kind: 'created', items: [] }), changelogId: undefined } as IssueChangeEvent;
    await run(s, defect('deliveryPending'), created);
    await run(s, defect('deliveryPending'), created);
    expect(s.links).toEqual(['link DL-1 -> SD-1']);
  });

  it('an update without a changelog id names no change: each delivery of it links the ticket', async () => {
    const s = site([D1]);
    const unnamed = { ...ENTERED, changelogId: undefined } as IssueChangeEvent;
    await run(s, defect('deliveryPending'), unnamed);
    await run(s, defect('deliveryPending'), unnamed);
    expect(s.links).toEqual(['link DL-1 -> SD-1', 'link DL-1 -> SD-1']);
  });

  it('a copy delivered after the claim’s lease does not link again, even when the link was removed since', async () => {
    const s = site([D1]);
    await run(s, defect('deliveryPending'), ENTERED);
    await run(s, defect('deliveryPending'), ENTERED, false, new Date(NOW.getTime() + 3_600_000));
    expect(s.links).toEqual(['link DL-1 -> SD-1']);
  });

  it('a failed link of an update without a changelog id fails the event with the link’s error', async () => {
    const s = site([D1], { linkFailures: 1 });
    const unnamed = { ...ENTERED, changelogId: undefined } as IssueChangeEvent;
    await expect(run(s, defect('deliveryPending'), unnamed)).rejects.toThrow('link refused');
    // Only Jira's "not found" may mean a deleted Delivery: no read.
    expect(s.reads).toEqual([]);
  });

  it('a link that failed leaves the change free for the event’s retry', async () => {
    const s = site([D1], { linkFailures: 1 });
    await expect(run(s, defect('deliveryPending'), ENTERED)).rejects.toThrow('link refused');
    expect(s.audits).toEqual([]);
    await run(s, defect('deliveryPending'), ENTERED);
    expect(s.links).toEqual(['link DL-1 -> SD-1']);
    expect(s.audits.filter((a) => a.issueKey === 'DL-1')).toHaveLength(1);
  });

  it('already linked to its Delivery: nothing is linked, audited or scheduled', async () => {
    const s = site([D1]);
    await run(s, defect('deliveryPending', { links: [linkTo(D1, 'Planned')] }), ENTERED);
    expect(s.links).toEqual([]);
    expect(s.audits).toEqual([]);
    expect(s.tables()).toEqual([]);
  });

  it('linked to another customer’s Planned Delivery: that link goes, both tables are scheduled', async () => {
    const s = site([D1, D2]);
    await run(s, defect('deliveryPending', { links: [linkTo(D2, 'Planned', 'l2')] }), ENTERED);
    expect(s.links).toEqual(['delete l2', 'link DL-1 -> SD-1']);
    expect(s.tables().sort()).toEqual(['20001', '20002']);
  });

  it('a linked Delivery whose status the read did not carry: every Planned Delivery of the project is searched', async () => {
    const s = site([D1, D2]);
    await run(s, defect('deliveryPending', { links: [linkTo(D2, undefined, 'l2')] }), ENTERED);
    expect(s.searches).toHaveLength(1);
    expect(s.searches[0]?.jql).not.toContain('cf[10030]');
    expect(s.links).toEqual(['delete l2', 'link DL-1 -> SD-1']);
  });

  it('counts as a recent change for the searches of the next minutes', async () => {
    const s = site();
    await run(s, defect('deliveryPending'), ENTERED);
    expect(await recentTickets(s)).toEqual([10001]);
  });
});

describe('a ticket for which no Delivery exists yet', () => {
  const noted = (s: ReturnType<typeof site>) => s.edits.map((e) => e.key);

  it('is told so in an internal note, flagged, without notifying anyone', async () => {
    const s = site([D2]);
    await run(s, defect('deliveryPending'), ENTERED);
    expect(s.links).toEqual([]);
    expect(s.edits).toHaveLength(1);
    const edit = s.edits[0] as Edit;
    expect(edit.key).toBe('SD-1');
    expect(edit.comment?.internal).toBe(true);
    expect(JSON.stringify(edit.comment?.body)).toContain('2026.11');
    expect(edit.options).toEqual({ notifyUsers: false });
    const state = edit.properties?.find((p) => p.key === PROCESS_STATE_KEY)?.value as ProcessState;
    expect(state.flags).toEqual([DELIVERY_MISSING_FLAG]);
    expect(state.done).toEqual([edit.comment?.occurrence]);
  });

  it('a copy of the same event, once the note is in its state, notes nothing more', async () => {
    const s = site();
    await run(s, defect('deliveryPending'), ENTERED);
    const state = s.edits[0]?.properties?.[0]?.value as ProcessState;
    await run(s, defect('deliveryPending', { state }), ENTERED);
    expect(noted(s)).toEqual(['SD-1']);
  });

  it('a later move into Delivery Pending is told again', async () => {
    const s = site();
    await run(s, defect('deliveryPending'), ENTERED);
    const state = s.edits[0]?.properties?.[0]?.value as ProcessState;
    await run(s, defect('deliveryPending', { state }), { ...ENTERED, changelogId: '501' });
    expect(noted(s)).toEqual(['SD-1', 'SD-1']);
  });

  it('keeps what the stored state holds besides the note', async () => {
    const s = site();
    const stored = { ...initialState(new Date('2026-11-20T10:00:00Z'), '7'), done: ['earlier'] };
    await run(s, defect('deliveryPending', { state: stored }), ENTERED);
    const state = s.edits[0]?.properties?.[0]?.value as ProcessState;
    expect(state.done).toEqual(['earlier', s.edits[0]?.comment?.occurrence]);
    expect(state.enteredAt).toBe(stored.enteredAt);
  });

  const rows: { name: string; e: IssueChangeEvent; notes: boolean }[] = [
    { name: 'the move into Delivery Pending', e: ENTERED, notes: true },
    {
      name: 'a version change while the payload shows it in Delivery Pending',
      e: event({ items: [VERSION_CHANGE], statusAtEvent: { id: '7' } }),
      notes: true,
    },
    {
      name: 'an older move read late (the payload shows it In Progress)',
      e: { ...ENTERED, statusAtEvent: { id: '3' } },
      notes: false,
    },
    {
      name: 'a version change without a payload status',
      e: event({ items: [VERSION_CHANGE] }),
      notes: false,
    },
    {
      name: 'a move into another status than the one it is in now',
      e: event({ items: [statusMove('deliveryPending', 'inProgress')] }),
      notes: false,
    },
  ];
  it.each(rows)('$name: noted $notes', async ({ e, notes }) => {
    const s = site();
    await run(s, defect('deliveryPending'), e);
    expect(noted(s)).toEqual(notes ? ['SD-1'] : []);
  });

  it('a ticket without a Delivery version is neither noted nor searched for', async () => {
    const s = site([D1]);
    await run(s, defect('deliveryPending', { deliveryVersion: undefined }), ENTERED);
    expect(s.edits).toEqual([]);
    expect(s.searches).toEqual([]);
  });
});

describe('which events of a ticket the Delivery rules look at', () => {
  const rows: { name: string; t: Ticket; e: IssueChangeEvent; looks: boolean }[] = [
    { name: 'a Software Defect moved', t: defect('deliveryPending'), e: ENTERED, looks: true },
    {
      name: 'a Support Request moved',
      t: defect('deliveryPending', { kind: 'supportRequest' }),
      e: ENTERED,
      looks: false,
    },
    {
      name: 'an unknown type moved',
      t: defect('deliveryPending', { kind: undefined }),
      e: ENTERED,
      looks: false,
    },
    {
      name: 'a Software Defect’s summary edited',
      t: defect('deliveryPending'),
      e: event({ items: [SUMMARY_CHANGE] }),
      looks: false,
    },
    {
      name: 'a Software Defect’s version changed',
      t: defect('deliveryPending'),
      e: event({ items: [VERSION_CHANGE] }),
      looks: true,
    },
    {
      name: 'a version change named only by the field’s name',
      t: defect('deliveryPending'),
      e: event({ items: [{ ...VERSION_CHANGE, fieldId: undefined }] }),
      looks: true,
    },
    {
      name: 'a Software Defect created',
      t: defect('deliveryPending'),
      e: event({ kind: 'created', items: [] }),
      looks: true,
    },
  ];
  it.each(rows)('$name: searched $looks', async ({ t, e, looks }) => {
    const s = site([D1]);
    await run(s, t, e);
    expect(s.searches.length > 0).toBe(looks);
  });

  it('a change named like the version field is no version change on a site without that field', async () => {
    const s = site([D1]);
    const e = event({ items: [{ ...VERSION_CHANGE, fieldId: undefined }] });
    await syncDeliveryForEvent(
      s.deps,
      input(defect('deliveryPending'), e, { fieldIds: { organizations: 'customfield_10030' } }),
    );
    expect(s.searches).toEqual([]);
  });
});

describe('a ticket leaving Delivery Pending', () => {
  const LEFT = event({ changelogId: '600', items: [statusMove('deliveryPending', 'inProgress')] });

  it('is unlinked from its Planned Delivery, whose table is scheduled, without a search', async () => {
    const s = site([D1]);
    await run(s, defect('inProgress', { links: [linkTo(D1, 'Planned')] }), LEFT);
    expect(s.links).toEqual(['delete l1']);
    expect(s.tables()).toEqual(['20001']);
    expect(s.searches).toEqual([]);
    expect(s.audits).toEqual([]);
  });

  it('a 404 while unlinking fails the event with it: only a link to a target is tried again', async () => {
    const s = site([D1], { unlinkFailures: [new JiraHttpError('deleteIssueLink', 404, '{}')] });
    await expect(
      run(s, defect('inProgress', { links: [linkTo(D1, 'Planned')] }), LEFT),
    ).rejects.toMatchObject({ status: 404 });
    expect(s.reads).toEqual([]);
  });

  it('a linked Delivery whose status the read did not carry: the ticket is unlinked, the search reconciled', async () => {
    const s = site([D1]);
    await noteRecentChange(s.store, 'SD', '20009', 'delivery', NOW);
    await run(s, defect('inProgress', { links: [linkTo(D1, undefined)] }), LEFT);
    expect(s.links).toEqual(['delete l1']);
    expect(s.searches[0]?.reconcileIssues).toEqual([20009]);
  });

  it('keeps its link to a shipped Delivery', async () => {
    const s = site([D1]);
    await run(s, defect('inProgress', { links: [linkTo(D1, 'Delivered')] }), LEFT);
    expect(s.links).toEqual([]);
    expect(s.tables()).toEqual([]);
  });

  it('counts as a recent change even without links', async () => {
    const s = site();
    await run(s, defect('inProgress'), LEFT);
    expect(await recentTickets(s)).toEqual([10001]);
  });

  it('a move between two other statuses is no recent change', async () => {
    const s = site();
    await run(s, defect('resolved'), event({ items: [statusMove('inProgress', 'resolved')] }));
    expect(await recentTickets(s)).toEqual([]);
  });
});

describe('in a dry run', () => {
  it('a ticket entering Delivery Pending is audited where it would go, once per change, and not linked', async () => {
    const s = site([D1]);
    await run(s, defect('deliveryPending'), ENTERED, true);
    expect(s.audits).toHaveLength(1);
    await run(s, defect('deliveryPending'), ENTERED, true);
    expect(s.links).toEqual([]);
    expect(s.audits).toEqual([
      expect.objectContaining({
        issueKey: 'SD-1',
        action: 'deliveryLinked',
        outcome: 'dryRun',
        detail: 'DL-1',
      }),
    ]);
    expect(s.edits).toEqual([]);
    expect(s.tables()).toEqual([]);
  });

  it('a later move into Delivery Pending, and another ticket, are audited again', async () => {
    const s = site([D1]);
    await run(s, defect('deliveryPending'), ENTERED, true);
    await run(s, defect('deliveryPending'), { ...ENTERED, changelogId: '501' }, true);
    await run(
      s,
      defect('deliveryPending', { id: '10002', key: 'SD-2' }),
      { ...ENTERED, issueId: '10002' },
      true,
    );
    expect(s.audits.map((a) => a.issueKey)).toEqual(['SD-1', 'SD-1', 'SD-2']);
  });

  const rows: { name: string; planned: Planned[]; t: Ticket; e: IssueChangeEvent }[] = [
    { name: 'no Delivery exists', planned: [D2], t: defect('deliveryPending'), e: ENTERED },
    {
      name: 'the ticket is linked to it already',
      planned: [D1],
      t: defect('deliveryPending', { links: [linkTo(D1, 'Planned')] }),
      e: ENTERED,
    },
    {
      name: 'the event is an older one read late',
      planned: [D1],
      t: defect('deliveryPending'),
      e: { ...ENTERED, statusAtEvent: { id: '3' } },
    },
  ];
  it.each(rows)('nothing is audited when $name', async ({ planned, t, e }) => {
    const s = site(planned);
    await run(s, t, e, true);
    expect(s.audits).toEqual([]);
    expect(s.edits).toEqual([]);
    expect(s.links).toEqual([]);
  });
});
