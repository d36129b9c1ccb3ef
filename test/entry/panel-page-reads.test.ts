/**
 * The issue panel reads Jira from the page, as the user (decision 0018): through the real resolver on the local
 * site, a panel view costs the app's backend no Jira points once the agent's permission answer is kept, the
 * page's reads are Jira's answers to that user, and an answer about another ticket than the context's is
 * refused.
 */
import { loadViewAsPage } from '../../sandbox/forge/page-view';
import type { PageReadsNeeded, PanelView } from '../../src/contract/resolvers';
import { startEventsSite, USER, type LocalSite } from '../support/local-site';

let s: LocalSite;

beforeEach(async () => {
  s = await startEventsSite('2026-11-30T09:00:00Z');
});

afterEach(() => s.close());

async function request(summary: string): Promise<string> {
  const key = await s
    .as('customer-acme-1')
    .createIssue({ project: 'SD', issueType: 'Support Request', summary });
  await s.agent.transition(key, { status: 'Clarification required / On hold' });
  await s.settle();
  return key;
}

const extension = (key: string) => ({ type: 'jira:issueContext', issue: { key }, project: { key: 'SD' } });

function panelAsPage(key: string, accountId: string = USER.agentDach) {
  return loadViewAsPage(s.host, s.site, {
    moduleKey: 'process-panel',
    functionKey: 'getPanel',
    accountId,
    extension: extension(key),
  });
}

/** The backend's Jira requests of the invocations from `before` on. */
function backendRequests(before: number) {
  return s.host.invocations.slice(before).flatMap((i) => i.requests);
}

function invoke(key: string, payload: unknown, accountId: string = USER.agentDach) {
  return s.host.invokeResolver({
    moduleKey: 'process-panel',
    functionKey: 'getPanel',
    payload,
    accountId,
    extension: extension(key),
  });
}

describe('issue panel reads Jira from the page', () => {
  it('costs the backend 0 Jira points per view; the page reads the ticket and its SLAs as the user', async () => {
    const key = await request('CSV import fails');
    const first = s.host.invocations.length;
    await panelAsPage(key);
    // The first view of the day asks Jira once whether the user is an agent of the project.
    expect(backendRequests(first).map((r) => `${r.principal.kind} ${r.path.split('?')[0]}`)).toEqual([
      'user /rest/api/3/mypermissions',
    ]);

    const before = s.host.invocations.length;
    const { result, reads } = await panelAsPage(key);
    const view = (result as { ok: true; value: { data: PanelView } }).value.data;
    expect(view).toMatchObject({ view: 'ticket', issueKey: key, status: { role: 'clarification' } });
    expect(backendRequests(before)).toEqual([]);
    expect(s.host.invocations.slice(before).every((i) => i.outcome === 'ok')).toBe(true);
    expect(reads.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`)).toEqual(
      expect.arrayContaining([
        `GET /rest/api/3/issue/${key} 200`,
        `GET /rest/servicedeskapi/request/${key}/sla 200`,
      ]),
    );
    // Another agent's first view asks for that agent; nobody inherits Anna's answer.
    const other = s.host.invocations.length;
    await panelAsPage(key, USER.agentUk);
    expect(backendRequests(other).map((r) => r.path.split('?')[0])).toEqual(['/rest/api/3/mypermissions']);
  });

  it("logs the rate-limit headers of the page's reads like the backend's, and nothing personal", async () => {
    const key = await request('Secret text');
    await panelAsPage(key);
    const lines = s
      .logs()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((l) => l.scope === 'resolver:getPanel' && l.event === 'pageReads');
    const last = lines.at(-1) ?? {};
    expect(last.missing).toBe(0);
    expect(last['Beta-RateLimit-Policy']).toBe('"global-app-quota";q=65000;w=3600');
    expect(Number(last['X-RateLimit-Remaining'])).toBeLessThan(Number(last['X-RateLimit-Limit']));
    const text = JSON.stringify(lines);
    expect(text).not.toContain('Secret text');
    expect(text).not.toContain(USER.agentDach);
  });

  it('refuses a page that answers the ticket read with another ticket', async () => {
    const key = await request('CSV import fails');
    const otherKey = await request('Login slow');
    const asked = (await invoke(key, {})) as { ok: true; value: { data: PageReadsNeeded } };
    const issueRead = asked.value.data.reads.find((r) => r.path.startsWith(`/rest/api/3/issue/${key}?`));
    if (!issueRead) throw new Error('the panel did not ask for the ticket');
    const other = await s.site.handle({
      method: 'GET',
      path: issueRead.path.replace(key, otherKey),
      headers: {},
      principal: { kind: 'user', accountId: USER.agentDach },
    });
    const answers = { [issueRead.id]: { status: 200, body: other.body } };
    expect(await invoke(key, { answers })).toMatchObject({
      ok: true,
      value: { error: { code: 'INVALID' } },
    });
  });

  it('ignores answers it did not ask for and refuses a payload naming a ticket', async () => {
    const key = await request('CSV import fails');
    const otherKey = await request('Login slow');
    const stray = { [`/rest/api/3/issue/${otherKey}`]: { status: 200, body: '{"id":"1","key":"X-1"}' } };
    const asked = (await invoke(key, { answers: stray })) as { ok: true; value: { data: PageReadsNeeded } };
    expect(asked.value.data.view).toBe('reads');
    expect(asked.value.data.reads.every((r) => !r.path.includes(otherKey))).toBe(true);
    expect(await invoke(key, { issueKey: otherKey })).toMatchObject({
      ok: true,
      value: { error: { code: 'INVALID' } },
    });
  });

  it('refuses a customer before asking the page for any read', async () => {
    const key = await request('CSV import fails');
    expect(await invoke(key, {}, 'customer-acme-1')).toMatchObject({
      ok: true,
      value: { error: { code: 'FORBIDDEN' } },
    });
  });
});

describe('the panel reads when the ticket was accepted from its changelog, as the user (decision 0027)', () => {
  it.each(['oldest', 'newest'] as const)(
    'with more histories than the issue embeds (%s 100 embedded): the first assignment starts the restoration clock',
    async (window) => {
      s.site.store.issueChangelogWindow = window;
      // No JSM SLA on the project: the panel's clocks are the app's own.
      const project = s.site.store.projectByKeyOrId('SD');
      if (!project) throw new Error('no project SD');
      project.sla = undefined;
      const key = await s
        .as('customer-acme-1')
        .createIssue({ project: 'SD', issueType: 'Non-Software Defect', summary: 'Printer' });
      s.clock.advance(3_600_000);
      const assignedAt = new Date(Date.now()).toISOString();
      await s.agent.edit(key, { assignee: { accountId: USER.agentDach } });
      for (let n = 0; n < 120; n++) {
        s.clock.advance(60_000);
        await s.agent.edit(key, { summary: `Printer ${n}` });
      }
      await s.settle();
      // The events wrote no state: the acceptance is not stamped anywhere.
      expect(s.state(key)).toBeUndefined();
      await panelAsPage(key);
      const before = s.host.invocations.length;
      const { result, reads } = await panelAsPage(key);
      const view = (result as { ok: true; value: { data: PanelView } }).value.data;
      if (view.view !== 'ticket') throw new Error(view.view);
      expect(view.clocks.restoration).toMatchObject({
        source: 'app',
        state: 'running',
        startedAt: assignedAt,
      });
      expect(reads.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
        expect.arrayContaining([
          `GET /rest/api/3/issue/${key}/changelog?startAt=0&maxResults=100 200`,
          `GET /rest/api/3/issue/${key}/changelog?startAt=100&maxResults=100 200`,
        ]),
      );
      expect(backendRequests(before)).toEqual([]);
    },
  );
});
