/**
 * What the portal panel's resolver answers, and refuses, through the real handler on the local site, loaded as
 * the built page loads it (the page reads the customer request as the user): the customer who raised the
 * request sees the next step in their language; a customer of another organization, a context without a
 * request, or a payload naming one get nothing, and the app's backend asks Jira nothing for them.
 */
import type { ResolverResult } from '../../sandbox/forge/host';
import type { PortalView } from '../../src/contract/portal-view';
import { startEventsSite, USER, type LocalSite } from '../support/local-site';
import { ACME, data, errorCode, GLOBEX, PORTAL_CONFIG, viewPortal } from '../support/portal-site';

let h: LocalSite;

beforeEach(async () => {
  h = await startEventsSite('2026-11-30T09:00:00Z', { config: PORTAL_CONFIG });
});

afterEach(() => h.close());

async function clarificationRequest(): Promise<string> {
  const key = await h
    .as(ACME)
    .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'CSV import' });
  await h.agent.transition(key, { status: 'Clarification required / On hold' });
  await h.settle();
  return key;
}

/** The resolver's last answer when the page loads the portal panel as `accountId`. */
async function portal(accountId: string, key: string, locale?: string): Promise<ResolverResult> {
  return (await viewPortal(h, accountId, key, locale)).result;
}

describe('portal panel', () => {
  it('tells the customer of the organization what happens next, in the portal locale when the organization has no language', async () => {
    const key = await clarificationRequest();
    const en = data<PortalView>(await portal(ACME, key));
    expect(en).toMatchObject({ view: 'request', language: 'en', confidential: false, priority: null });
    expect(en.view === 'request' && en.nextStep).toBe(
      'We need your answer. Without a reply this request closes on 9 January 2027.',
    );
    const de = data<PortalView>(await portal(ACME, key, 'de-DE'));
    expect(de.view === 'request' && de.nextStep).toBe(
      'Wir brauchen Ihre Antwort. Ohne Antwort wird diese Anfrage am 09.01.2027 geschlossen.',
    );
  });

  it("speaks the organization's configured language whatever the portal locale", async () => {
    const key = await h
      .as(GLOBEX)
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Login fails' });
    await h.settle();
    const view = data<PortalView>(await portal(GLOBEX, key, 'de-DE'));
    expect(view.language).toBe('en');
  });

  it('shows an agent the same customer view', async () => {
    const key = await clarificationRequest();
    expect(data<PortalView>(await portal(USER.agentDach, key)).view).toBe('request');
  });

  it("refuses a customer of another organization on JSM's answer to their page, and the backend asks Jira nothing", async () => {
    const key = await clarificationRequest();
    const before = h.host.invocations.length;
    const { result, reads } = await viewPortal(h, GLOBEX, key);

    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('CSV import');
    expect(reads.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`)).toEqual([
      `GET /rest/servicedeskapi/request/${key} 404`,
    ]);
    expect(h.host.invocations.slice(before).flatMap((i) => i.requests)).toEqual([]);
  });

  it('refuses a request named in the payload, and a context without a request', async () => {
    const key = await clarificationRequest();
    const named = await h.host.invokeResolver({
      moduleKey: 'process-portal',
      functionKey: 'getPortal',
      payload: { issueKey: 'SD-1' },
      accountId: ACME,
      extension: { type: 'jiraServiceManagement:portalRequestDetailPanel', request: { key } },
    });
    expect(errorCode(named)).toBe('INVALID');
    const noRequest = await h.host.invokeResolver({
      moduleKey: 'process-portal',
      functionKey: 'getPortal',
      payload: {},
      accountId: ACME,
      extension: { type: 'jiraServiceManagement:portalRequestDetailPanel', issue: { key } },
    });
    expect(errorCode(noRequest)).toBe('INVALID');
  });

  it('never sends internal notes or the audit to the portal', async () => {
    const key = await clarificationRequest();
    await h.agent.comment(key, 'Internal: customer is difficult', { internal: true });
    await h.settle();
    const text = JSON.stringify(data<PortalView>(await portal(ACME, key)));
    expect(text).not.toContain('difficult');
    expect(text).not.toMatch(/history"?:\[\{"id"/);
    expect(text).not.toContain('audit');
  });
});
