/**
 * The portal panel reads Jira from the page, as the customer (decision 0018): through the real resolver on the
 * local site, a view of the request's reporter costs the app's backend no Jira request (the request comes from
 * the app's copy in KVS, kept by the app's own reads and writes); anyone else is confirmed once by the backend
 * as the user and the answer kept; a page that forges JSM's answer gains nothing.
 */
import type { PortalView } from '../../src/contract/portal-view';
import type { PageReadsNeeded } from '../../src/contract/resolvers';
import { FIELD, ORG } from '../../sandbox/jira/seed/demo-ids';
import { CUSTOMER_STATE_KEY } from '../../src/domain/service/customer-state';
import { startEventsSite, USER, type LocalSite } from '../support/local-site';
import {
  ACME,
  ACME_OTHER,
  addParticipant,
  callPortal,
  data,
  errorCode,
  GLOBEX,
  PORTAL_CONFIG,
  viewPortal,
} from '../support/portal-site';

let h: LocalSite;

beforeEach(async () => {
  h = await startEventsSite('2026-11-30T09:00:00Z', { config: PORTAL_CONFIG });
});

afterEach(() => h.close());

async function clarificationRequest(summary = 'CSV import'): Promise<string> {
  const key = await h.as(ACME).createIssue({ project: 'SD', issueType: 'Support Request', summary });
  await h.agent.transition(key, { status: 'Clarification required / On hold' });
  await h.settle();
  return key;
}

/** The backend's Jira requests (method, path, as whom) of the invocations from `before` on. */
function backendRequests(before: number): string[] {
  return h.host.invocations
    .slice(before)
    .flatMap((i) => i.requests)
    .map((r) => `${r.principal.kind} ${r.method} ${r.path.split('?')[0]}`);
}

/** The Jira points the site charged the backend's requests of the invocations from `before` on. */
function backendPoints(before: number): number {
  return h.host.invocations
    .slice(before)
    .flatMap((i) => i.requests)
    .reduce((sum, r) => sum + (r.points ?? 0), 0);
}

/**
 * What a view costs the backend (the reference day's portal row): 0 points with the app's copy; the first view
 * of a ticket the app has not read since its installation reads it once as the app (an issue with both
 * properties, 2 points on the local site).
 */
const COPY_LESS_VIEW_POINTS = 2;

function asView(result: Awaited<ReturnType<typeof viewPortal>>['result']): PortalView {
  return data<PortalView>(result);
}

/** Calls `getPortal` once, as a page would, with `answers` for the reads. */
function callWith(accountId: string, key: string, answers: Record<string, unknown>) {
  return callPortal(h, 'getPortal', accountId, key, { answers });
}

describe('portal panel reads Jira from the page', () => {
  it("costs the backend 0 Jira requests per view of the request's reporter; the page reads the request as the customer", async () => {
    const key = await clarificationRequest();
    for (const locale of ['en-US', 'de-DE']) {
      const before = h.host.invocations.length;
      const { result, reads } = await viewPortal(h, ACME, key, locale);
      const view = asView(result);
      expect(view).toMatchObject({ view: 'request', issueKey: key, escalation: { currentLevel: 0 } });
      expect(view.view === 'request' && view.nextStep).toContain(
        locale === 'en-US' ? 'We need your answer' : 'Wir brauchen Ihre Antwort',
      );
      expect(backendRequests(before)).toEqual([]);
      expect(h.host.invocations.slice(before).every((i) => i.outcome === 'ok')).toBe(true);
      expect(reads.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`)).toEqual([
        `GET /rest/servicedeskapi/request/${key} 200`,
      ]);
    }
  });

  it('reads a request the app has no copy of once as the app, then serves it from the copy', async () => {
    const key = await clarificationRequest();
    h.host.kvs.remove('kvs', `portal:copy:${key}`);
    const first = h.host.invocations.length;
    expect(asView((await viewPortal(h, ACME, key)).result).view).toBe('request');
    expect(backendRequests(first)).toEqual([`app GET /rest/api/3/issue/${key}`]);
    expect(backendPoints(first)).toBe(COPY_LESS_VIEW_POINTS);
    const second = h.host.invocations.length;
    expect(asView((await viewPortal(h, ACME, key)).result).view).toBe('request');
    expect(backendRequests(second)).toEqual([]);
    expect(backendPoints(second)).toBe(0);
  });

  it('drops the copy on an edit no rule watches (the organizations): the next view reads the ticket once', async () => {
    const key = await clarificationRequest();
    expect(asView((await viewPortal(h, ACME, key, 'de-DE')).result).language).toBe('de');
    await h.agent.edit(key, { [FIELD.organizations]: [{ id: ORG.globex }] });
    await h.settle();
    const before = h.host.invocations.length;
    // Globex's configured language now, over the portal's locale.
    expect(asView((await viewPortal(h, ACME, key, 'de-DE')).result).language).toBe('en');
    expect(backendRequests(before)).toEqual([`app GET /rest/api/3/issue/${key}`]);
  });

  it('keeps the copy on an edit of a field it does not hold (the description): the next view reads nothing', async () => {
    const key = await clarificationRequest();
    expect(asView((await viewPortal(h, ACME, key)).result).view).toBe('request');
    const text = 'Steps to reproduce, as the customer wrote them.';
    await h.agent.edit(key, {
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      },
    });
    await h.settle();
    expect(h.host.kvs.keys('kvs')).toContain(`portal:copy:${key}`);
    const before = h.host.invocations.length;
    expect(asView((await viewPortal(h, ACME, key)).result).view).toBe('request');
    expect(backendPoints(before)).toBe(0);
  });

  it("follows a move decided from the event's payload in the copy: the next view reads nothing and shows it", async () => {
    const key = await h.as(ACME).createIssue({ project: 'SD', issueType: 'Support Request', summary: 'CSV' });
    await h.settle();
    expect(asView((await viewPortal(h, ACME, key)).result).view).toBe('request');
    await h.agent.transition(key, { status: 'In Progress' });
    await h.settle();
    const copy = h.host.kvs.get('kvs', `portal:copy:${key}`)?.value as {
      bean: { fields: { status: { name: string } } };
    };
    expect(copy.bean.fields.status.name).toBe('In Progress');
    const before = h.host.invocations.length;
    const view = asView((await viewPortal(h, ACME, key)).result);
    expect(backendRequests(before)).toEqual([]);
    expect(view).toMatchObject({ view: 'request', issueKey: key });
  });

  it("shows what the app wrote since without reading Jira: the customer's escalation", async () => {
    const key = await clarificationRequest();
    await viewPortal(h, ACME, key);
    const escalated = await callPortal(h, 'escalate', ACME, key, {
      targetLevel: 1,
      reason: 'handling',
      text: 'No answer for a week.',
    });
    expect(data<{ outcome: string }>(escalated).outcome).toBe('escalated');
    const before = h.host.invocations.length;
    const view = asView((await viewPortal(h, ACME, key)).result);
    expect(backendRequests(before)).toEqual([]);
    expect(view).toMatchObject({
      escalation: { currentLevel: 1, currentLevelName: 'Personal support contact' },
    });
  });

  it("lists a Delivery's tickets of the customer's organization from the app's copies; the page reads each as the customer", async () => {
    const delivery = await h.agent.createIssue({
      project: 'SD',
      issueType: 'Delivery',
      summary: 'Delivery 14.22.0.1',
      fields: {
        [FIELD.deliveryVersion]: '14.22.0.1',
        [FIELD.organizations]: [{ id: ORG.acme }],
        [FIELD.estimatedDeliveryDate]: '2026-12-15',
      },
    });
    await h.settle();
    const shipped = await h
      .as(ACME)
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Umlauts' });
    await h.agent.transition(shipped, { status: 'In Progress' });
    await h.agent.edit(shipped, { [FIELD.deliveryVersion]: '14.22.0.1' });
    // The agent moves the ticket a moment after setting its version: the move's read is then later than the
    // version's edit, which the copy followed unread (a read in the same millisecond could predate it).
    await h.advance(1_000);
    await h.agent.transition(shipped, { status: 'Delivery Pending' });
    await h.settle();
    await h.agent.addParticipants(delivery, [ACME]);
    await h.settle();
    await viewPortal(h, ACME, delivery);

    const before = h.host.invocations.length;
    const { result, reads } = await viewPortal(h, ACME, delivery);
    const view = asView(result);
    expect(view).toMatchObject({
      view: 'request',
      delivery: { estimatedDate: '2026-12-15', included: [{ key: shipped, summary: 'Umlauts' }] },
    });
    // The participant was confirmed by the first view; this one asks Jira nothing from the backend.
    expect(backendRequests(before)).toEqual([]);
    expect(reads.map((r) => `${r.path.split('?')[0]} ${r.status}`)).toEqual([
      `/rest/servicedeskapi/request/${delivery} 200`,
      `/rest/servicedeskapi/request/${shipped} 200`,
    ]);
  });

  it('refuses a colleague of the organization who is not on the request: JSM answers their page 404', async () => {
    const key = await clarificationRequest();
    const before = h.host.invocations.length;
    const { result, reads } = await viewPortal(h, ACME_OTHER, key);
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('CSV import');
    expect(reads.map((r) => r.status)).toEqual([404]);
    expect(backendRequests(before)).toEqual([]);
  });

  it('confirms a participant once as the user, and keeps the answer', async () => {
    const key = await clarificationRequest();
    await addParticipant(h, key, ACME_OTHER);
    const first = h.host.invocations.length;
    expect(asView((await viewPortal(h, ACME_OTHER, key)).result).view).toBe('request');
    // Adding the participant changed no field the copy holds, so the copy serves the view; JSM is asked once.
    expect(backendRequests(first)).toEqual([`user GET /rest/servicedeskapi/request/${key}`]);
    const second = h.host.invocations.length;
    expect(asView((await viewPortal(h, ACME_OTHER, key)).result).view).toBe('request');
    expect(backendRequests(second)).toEqual([]);
  });

  it("gives a page that forges JSM's answer nothing: another customer is refused by the backend's own check", async () => {
    const key = await clarificationRequest();
    // The reporter's real answer, handed over by another customer's page as if JSM had given it to them.
    const asked = (await callWith(GLOBEX, key, {})) as { ok: true; value: { data: PageReadsNeeded } };
    const read = asked.value.data.reads[0];
    if (!read) throw new Error('the portal asked for no read');
    const real = await h.site.handle({
      method: 'GET',
      path: read.path,
      headers: {},
      principal: { kind: 'user', accountId: ACME },
    });
    const forged = { [read.id]: { status: 200, body: real.body } };
    for (const attempt of [1, 2]) {
      const before = h.host.invocations.length;
      const result = await callWith(GLOBEX, key, forged);
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain('CSV import');
      expect(JSON.stringify(result)).not.toContain('nextStep');
      // The first attempt asks JSM as the user; the "no" is kept, so the second asks nothing.
      expect(backendRequests(before)).toEqual(
        attempt === 1 ? [`user GET /rest/servicedeskapi/request/${key}`] : [],
      );
    }
  });

  it('refuses an answer about another request than the context names', async () => {
    const key = await clarificationRequest('CSV import');
    const other = await clarificationRequest('Login slow');
    const asked = (await callWith(ACME, key, {})) as { ok: true; value: { data: PageReadsNeeded } };
    const read = asked.value.data.reads[0];
    if (!read) throw new Error('the portal asked for no read');
    const answer = await h.site.handle({
      method: 'GET',
      path: read.path.replace(key, other),
      headers: {},
      principal: { kind: 'user', accountId: ACME },
    });
    const result = await callWith(ACME, key, { [read.id]: { status: 200, body: answer.body } });
    expect(errorCode(result)).toBe('INVALID');
    expect(JSON.stringify(result)).not.toContain('Login slow');
  });

  it('sends nothing internal: no internal note, no app state beyond the view, no other customer', async () => {
    const key = await clarificationRequest();
    await h.agent.comment(key, 'Internal: customer is difficult', { internal: true });
    await h.settle();
    const text = JSON.stringify((await viewPortal(h, ACME, key)).result);
    expect(text).not.toContain('difficult');
    for (const internal of [
      'nextDueAt',
      'flags',
      'done',
      'audit',
      CUSTOMER_STATE_KEY,
      USER.agentDach,
      GLOBEX,
    ])
      expect(text).not.toContain(internal);
  });
});
