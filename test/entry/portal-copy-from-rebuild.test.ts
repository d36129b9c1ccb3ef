/**
 * The index rebuild's search keeps the portal's copy of every open ticket it returns, so that a ticket's first
 * portal view reads no Jira (decision 0018). Search may lag behind an edit (decision 0014): a copy is never older
 * than an edit the app has seen (handled before the copy: no copy is made) or will see (handled after it: the
 * copy follows the edit or is marked stale).
 */
import type { SiteRequest } from '../../sandbox/contract';
import { FIELD, ISSUE_TYPE, ORG, STATUS } from '../../sandbox/jira/seed/demo-ids';
import type { PortalView } from '../../src/contract/portal-view';
import {
  afterAnswer,
  DAY,
  HOUR,
  insertTickets,
  startEventsSite,
  type LocalSite,
} from '../support/local-site';
import { ACME, data, PORTAL_CONFIG, viewPortal } from '../support/portal-site';

const CLARIFICATION = 'Clarification required / On hold';

/** The rebuild's search for tickets without a state (the phase that keeps "no state yet" copies). */
const statelessSearch = (request: SiteRequest) =>
  request.path.startsWith('/rest/api/3/search/jql') && (request.body ?? '').includes('not in');

const instant = (at: string | undefined) => Date.parse(at ?? '');

function backendRequests(s: LocalSite, before: number): string[] {
  return s.host.invocations
    .slice(before)
    .flatMap((i) => i.requests)
    .map((r) => `${r.principal.kind} ${r.method} ${r.path.split('?')[0]}`);
}

async function view(s: LocalSite, key: string, locale = 'de-DE'): Promise<PortalView> {
  return data<PortalView>((await viewPortal(s, ACME, key, locale)).result);
}

/**
 * A Support Request of Acme in progress since two days before the site starts, unknown to the app; and a request
 * raised since, whose event leaves the app's field index fresh (the sweep reads no fields for a copy).
 */
async function openTicket(
  s: LocalSite,
  type: string = ISSUE_TYPE.supportRequest,
  status: string = STATUS.inProgress,
): Promise<string> {
  const [key] = insertTickets(s.site, type, status, [Date.now() - 2 * DAY]);
  await s.as(ACME).createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Login fails' });
  await s.settle();
  return key ?? '';
}

describe('portal copies from the index rebuild', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  it.each([
    ['a Support Request in progress', ISSUE_TYPE.supportRequest, STATUS.inProgress],
    [
      "an Incident in Resolved (no timer there: not the repair query's)",
      ISSUE_TYPE.incident,
      STATUS.resolved,
    ],
  ])(
    "keeps a copy of %s from the rebuild's search, without reading it: the first view costs 0",
    async (_c, type, status) => {
      s = await startEventsSite('2026-11-30T09:00:00Z', { config: PORTAL_CONFIG });
      const key = await openTicket(s, type, status);
      const reads = s.site.metrics.of('getIssue').requests;
      await s.advance(2 * HOUR);
      expect(s.site.metrics.of('getIssue').requests - reads).toBe(0);
      const copy = s.host.kvs.get('kvs', `portal:copy:${key}`)?.value as {
        bean?: { key: string };
        basis: string;
      };
      expect(copy.bean?.key).toBe(key);
      expect(instant(copy.basis)).toBe(instant(s.site.store.issue(key)?.updated));
      const before = s.host.invocations.length;
      expect(await view(s, key)).toMatchObject({ view: 'request', issueKey: key, language: 'de' });
      expect(backendRequests(s, before)).toEqual([]);
    },
  );

  it('an edit whose event is handled between the search and the copy: no copy, the view reads the ticket once and shows the edit', async () => {
    s = await startEventsSite('2026-11-30T09:00:00Z', { config: PORTAL_CONFIG });
    const key = await openTicket(s);
    // The search has answered with the ticket of Acme (German); before the app keeps the copy, an agent moves the
    // ticket to Globex (English) and the app handles that event, with no copy yet to follow.
    const race = afterAnswer(s, statelessSearch, async () => {
      await s.agent.edit(key, { [FIELD.organizations]: [{ id: ORG.globex }] });
      await s.host.drain();
    });
    await s.advance(2 * HOUR);
    expect(race.fired()).toBe(true);
    expect(s.host.kvs.get('kvs', `portal:copy:${key}`)?.value).not.toHaveProperty('bean');
    const before = s.host.invocations.length;
    expect((await view(s, key)).language).toBe('en');
    expect(backendRequests(s, before)).toEqual([`app GET /rest/api/3/issue/${key}`]);
  });

  it('an edit made before a search that lags behind it: the copy is not kept either', async () => {
    s = await startEventsSite('2026-11-30T09:00:00Z', {
      config: PORTAL_CONFIG,
      searchFieldLagMs: 3 * HOUR,
      searchIndexLagMs: 3 * HOUR,
    });
    const key = await openTicket(s);
    await s.agent.edit(key, { [FIELD.organizations]: [{ id: ORG.globex }] });
    await s.settle();
    await s.advance(2 * HOUR);
    expect((await view(s, key)).language).toBe('en');
  });

  it("a move handled after the copy patches it from the event's payload: the view reads nothing and shows the move", async () => {
    s = await startEventsSite('2026-11-30T09:00:00Z', { config: PORTAL_CONFIG });
    const key = await openTicket(s);
    await s.advance(2 * HOUR);
    await s.agent.transition(key, { status: CLARIFICATION });
    await s.settle();
    const copy = s.host.kvs.get('kvs', `portal:copy:${key}`)?.value as {
      bean: { fields: { status: { id: string } } };
      fieldBasis: { status: string };
    };
    expect(copy.bean.fields.status.id).toBe(STATUS.clarification);
    expect(instant(copy.fieldBasis.status)).toBe(instant(s.site.store.issue(key)?.updated));
    const before = s.host.invocations.length;
    const shown = await view(s, key, 'en-US');
    expect(shown.view === 'request' && shown.nextStep).toContain('We need your answer');
    expect(backendRequests(s, before)).toEqual([]);
  });
});
