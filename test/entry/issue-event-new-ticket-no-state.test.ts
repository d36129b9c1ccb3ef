import type { SiteRequest } from '../../sandbox/contract';
import { STATUS } from '../../sandbox/jira/seed/demo-ids';
import { afterAnswer, useEventsSite, type LocalSite } from '../support/local-site';

/**
 * A new ticket whose creation the rules record nothing for but its status keeps no state property: the event reads
 * it once and writes nothing, and its due-index entry says "no state yet" as of that read, so that its next event
 * is decided from the payload (docs/decisions/0020, 0026). A creation that records more (an e-mail Incident made a
 * Request) still writes, and a state written while the created event runs is never covered by "no state".
 */
type Entry = Record<string, unknown>;

const CUSTOMER = 'customer-acme-1';

function entryOf(s: LocalSite, key: string): Entry | undefined {
  return s.host.kvs.get('entity:due-index', key)?.value as Entry | undefined;
}

describe('a new ticket with nothing to record keeps no state', () => {
  const site = useEventsSite();
  let s: LocalSite;
  beforeEach(() => {
    s = site();
  });

  it('is read once and not written; the entry says "no state yet" as of that read', async () => {
    let key = '';
    const created = await s.measure(async () => {
      key = await s.as(CUSTOMER).createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    });
    expect(created.byOperation.getIssue).toBe(1);
    expect(created.byOperation.editIssue).toBeUndefined();
    expect(s.state(key)).toBeUndefined();
    const entry = entryOf(s, key);
    expect(entry).toMatchObject({ stateless: true });
    expect(entry?.state).toBeUndefined();
    expect(entry?.basis).toBe(new Date(s.site.store.issue(key)?.updated ?? '').toISOString());
  });

  it('its first move is decided from the payload and writes the state once', async () => {
    const key = await s
      .as(CUSTOMER)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.settle();
    s.clock.advance(60_000);
    const moved = await s.measure(() =>
      s.agent.transition(key, { status: 'Clarification required / On hold' }),
    );
    expect(moved.byOperation).toEqual({ editIssue: 1 });
    expect(s.state(key)).toMatchObject({ timer: 'clarification', statusId: STATUS.clarification, cycle: 1 });
    expect(s.state(key)?.nextDueAt).toBeDefined();
    expect(entryOf(s, key)).toMatchObject({ state: s.state(key) });
    expect(entryOf(s, key)?.stateless).toBeUndefined();
  });

  it('a comment on it before any move costs nothing more and leaves it without a state', async () => {
    const key = await s
      .as(CUSTOMER)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.settle();
    s.clock.advance(60_000);
    const commented = await s.measure(() => s.as(CUSTOMER).comment(key, 'One more detail'));
    expect(commented.byOperation.editIssue).toBeUndefined();
    expect(commented.byOperation.getIssue).toBeUndefined();
    expect(s.state(key)).toBeUndefined();
  });

  it('a creation that records more than the status is written as before', async () => {
    let key = '';
    const created = await s.measure(async () => {
      key = await s
        .as(CUSTOMER)
        .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Mail', channel: 'email' });
    });
    expect(created.byOperation.editIssue).toBe(1);
    expect(s.state(key)?.done).toEqual([expect.stringContaining(':emailIntake')]);
    expect(entryOf(s, key)?.stateless).toBeUndefined();
  });

  it('a move made while the created event reads the ticket is decided and written, never covered by "no state"', async () => {
    const holder: { key?: string } = {};
    const readOfNewTicket = (request: SiteRequest) =>
      request.method === 'GET' &&
      holder.key !== undefined &&
      request.path.startsWith('/rest/api/3/issue/') &&
      !request.path.includes('/transitions');
    // The agent moves the ticket right after the app's read answered, before the created event decides.
    const race = afterAnswer(s, readOfNewTicket, async () => {
      s.clock.advance(1000);
      await s.agent.transition(holder.key ?? '', { status: 'Clarification required / On hold' });
    });
    holder.key = await s
      .as(CUSTOMER)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.settle();
    expect(race.fired()).toBe(true);
    const key = holder.key;
    expect(s.state(key)).toMatchObject({ timer: 'clarification' });
    const entry = entryOf(s, key);
    expect(entry?.stateless).toBeUndefined();
    expect(entry?.state === undefined || JSON.stringify(entry.state) === JSON.stringify(s.state(key))).toBe(
      true,
    );
    expect(s.failedInvocations()).toEqual([]);
  });
});
