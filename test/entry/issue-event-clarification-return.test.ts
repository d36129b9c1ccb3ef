import { PROCESS_STATE_KEY } from '../../src/domain/process-state';
import { DAY, STATUS, startEventsSite, type LocalSite } from '../support/local-site';

const CLARIFICATION = 'Clarification required / On hold';

describe('issue events on the local site: returns from Clarification (PROCESS.md §3)', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startEventsSite();
  });
  afterEach(() => {
    const failed = s.failedInvocations();
    s.close();
    expect(failed).toEqual([]);
  });

  /** A Software Defect moved Open → In Progress → Clarification by an agent. */
  async function inClarificationFromInProgress(): Promise<string> {
    const key = await s.as('customer-acme-1').createIssue({
      project: 'SD',
      issueType: 'Software Defect',
      summary: 'Export fails',
    });
    await s.settle();
    await s.agent.transition(key, { status: 'In Progress' });
    await s.settle();
    await s.agent.transition(key, { status: CLARIFICATION });
    await s.settle();
    return key;
  }

  it('stamps the status the ticket came from in the same state write as the timer', async () => {
    const key = await inClarificationFromInProgress();
    expect(s.state(key)).toMatchObject({
      timer: 'clarification',
      statusId: STATUS.clarification,
      returnStatusId: STATUS.inProgress,
      returnStatus: 'inProgress',
    });
  });

  it('reverts a return to Open with an internal note naming the allowed statuses', async () => {
    const key = await inClarificationFromInProgress();
    const before = s.state(key);
    const spent = await s.measure(() => s.agent.transition(key, { status: 'Open' }));
    expect(s.status(key)).toBe(CLARIFICATION);
    expect(s.appComments(key)).toEqual([
      expect.objectContaining({
        internal: true,
        text: expect.stringMatching(
          /Nach einer Rückfrage kehrt das Ticket .* Von hier erlaubt: "In Progress", "Closed"\./,
        ),
      }),
    ]);
    // Back in Clarification from the revert on: a new cycle counts from there (as a repair from the changelog
    // would), with the same return status.
    const after = s.state(key);
    expect(after).toMatchObject({
      statusId: STATUS.clarification,
      returnStatus: 'inProgress',
      cycle: Number(before?.cycle) + 1,
      stepsDone: 0,
    });
    expect(Date.parse(String(after?.enteredAt))).toBeGreaterThan(Date.parse(String(before?.enteredAt)));
    expect(spent.byOperation).toMatchObject({ doTransition: 1 });
  });

  it('allows the return to In Progress and clears the return status', async () => {
    const key = await inClarificationFromInProgress();
    await s.agent.transition(key, { status: 'In Progress' });
    await s.settle();
    expect(s.status(key)).toBe('In Progress');
    expect(s.appComments(key)).toEqual([]);
    expect(s.state(key)).not.toHaveProperty('returnStatus');
    expect(s.state(key)).not.toHaveProperty('returnStatusId');
  });

  it('allows the return to the origin when it was Open', async () => {
    const key = await s.as('customer-acme-1').createIssue({
      project: 'SD',
      issueType: 'Software Defect',
      summary: 'Question about the export',
    });
    await s.settle();
    await s.agent.transition(key, { status: CLARIFICATION });
    await s.settle();
    expect(s.state(key)).toMatchObject({ returnStatus: 'open', returnStatusId: STATUS.open });
    await s.agent.transition(key, { status: 'Open' });
    await s.settle();
    expect(s.status(key)).toBe('Open');
    expect(s.appComments(key)).toEqual([]);
  });

  it('keeps the return status through a customer comment reset', async () => {
    const key = await inClarificationFromInProgress();
    const cycle = s.state(key)?.cycle as number;
    s.clock.advance(3 * DAY);
    await s.as('customer-acme-1').comment(key, 'Here is the log you asked for.');
    await s.settle();
    expect(s.state(key)).toMatchObject({
      cycle: cycle + 1,
      lastReset: { reason: 'customerComment' },
      returnStatus: 'inProgress',
      returnStatusId: STATUS.inProgress,
    });
    await s.agent.transition(key, { status: 'Open' });
    await s.settle();
    expect(s.status(key)).toBe(CLARIFICATION);
  });

  /**
   * The state and its copy in the due index forget where the ticket came from, as for a ticket stamped while in
   * Clarification (the installation's repair, a re-typing into a kind with Clarification).
   */
  function forgetOrigin(key: string): void {
    const strip = (state: unknown) => {
      const { returnStatus: _s, returnStatusId: _id, ...rest } = state as Record<string, unknown>;
      return rest;
    };
    const issue = s.site.store.issue(key);
    if (!issue) throw new Error(`no issue ${key}`);
    issue.properties[PROCESS_STATE_KEY] = strip(issue.properties[PROCESS_STATE_KEY]);
    const entry = s.host.kvs.get('entity:due-index', key);
    const value = entry?.value as { state?: unknown } | undefined;
    if (!entry || value?.state === undefined) throw new Error(`no state copy for ${key}`);
    s.host.kvs.put('entity:due-index', key, { ...entry, value: { ...value, state: strip(value.state) } });
  }

  /** The changelog reads of the app while `act` and its events run. */
  async function changelogReads(act: () => Promise<unknown>): Promise<number> {
    const first = s.host.invocations.length;
    await act();
    await s.settle();
    return s.host.invocations
      .slice(first)
      .flatMap((r) => r.requests)
      .filter((r) => r.method === 'GET' && r.path.includes('expand=changelog')).length;
  }

  it('with the origin unknown, reads no changelog for a return to In Progress (allowed from anywhere)', async () => {
    const key = await inClarificationFromInProgress();
    forgetOrigin(key);
    expect(await changelogReads(() => s.agent.transition(key, { status: 'In Progress' }))).toBe(0);
    expect(s.status(key)).toBe('In Progress');
    expect(s.appComments(key)).toEqual([]);
  });

  it('with the origin unknown, reads the changelog for a move the origin decides (and sets it back)', async () => {
    const key = await inClarificationFromInProgress();
    forgetOrigin(key);
    expect(await changelogReads(() => s.agent.transition(key, { status: 'Open' }))).toBe(1);
    expect(s.status(key)).toBe(CLARIFICATION);
  });

  it('without a stored state (open before the installation) takes the origin from the changelog', async () => {
    const key = await inClarificationFromInProgress();
    delete s.site.store.issue(key)?.properties[PROCESS_STATE_KEY];
    await s.agent.transition(key, { status: 'Open' });
    await s.settle();
    // The changelog shows the ticket came from In Progress: back to Open is not a return (set back).
    expect(s.status(key)).toBe(CLARIFICATION);
    await s.agent.transition(key, { status: 'In Progress' });
    await s.settle();
    expect(s.status(key)).toBe('In Progress');
  });
});
