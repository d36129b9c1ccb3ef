import { ASKED_AS_USER, panelAccess } from '../../../src/app/portal/portal-access';
import type { CustomerRequests, VisibleRequest } from '../../../src/app/portal/portal-ports';
import type { IssueBean } from '../../../src/app/ports/jira';
import { MemoryStore } from '../../support/memory-store';

const T0 = new Date('2026-11-30T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const CUSTOMER = 'customer-1';
const KEY = 'SUP-7';

/** JSM's customer-request endpoint as the user: answers `shown` per key, and records every question. */
function jsm(shown: Record<string, VisibleRequest | undefined>) {
  const asked: string[] = [];
  const customer: CustomerRequests = {
    visibleRequest(issueKey) {
      asked.push(issueKey);
      return Promise.resolve(shown[issueKey]);
    },
  };
  return { asked, customer };
}

const visible = (issueKey: string): VisibleRequest => ({
  issueId: '10007',
  issueKey,
  webUrl: `https://example.atlassian.net/servicedesk/customer/portal/1/${issueKey}`,
  statusName: 'Open',
});

/** The request as the app read it: its reporter and, when given, its security field. */
function request(reporter: string | undefined, security?: unknown): IssueBean {
  const fields: Record<string, unknown> = {
    reporter: reporter === undefined ? null : { accountId: reporter },
  };
  if (security !== undefined) fields.security = security;
  return { id: '10007', key: KEY, fields };
}

describe('panelAccess', () => {
  it.each([
    ['has no security field', request(CUSTOMER)],
    ['has a null security level', request(CUSTOMER, null)],
  ])('shows the reporter a request that %s without asking JSM', async (_, issue) => {
    const site = jsm({});
    const access = panelAccess(new MemoryStore(), { accountId: CUSTOMER, issueKey: KEY }, T0, site.customer);
    await expect(access.confirm(issue)).resolves.toBe(true);
    expect(site.asked).toEqual([]);
  });

  it('asks JSM about the reporter of a request under a security level, and follows its refusal', async () => {
    const site = jsm({});
    const access = panelAccess(new MemoryStore(), { accountId: CUSTOMER, issueKey: KEY }, T0, site.customer);
    await expect(access.confirm(request(CUSTOMER, { id: '10000', name: 'Internal' }))).resolves.toBe(false);
    expect(site.asked).toEqual([KEY]);
  });

  it('shows a participant the request when JSM shows it to them, asking about the context request', async () => {
    const site = jsm({ [KEY]: visible(KEY) });
    const access = panelAccess(
      new MemoryStore(),
      { accountId: 'colleague', issueKey: KEY },
      T0,
      site.customer,
    );
    await expect(access.confirm(request(CUSTOMER))).resolves.toBe(true);
    expect(site.asked).toEqual([KEY]);
  });

  it.each([
    ['JSM does not show the request', {}],
    ['JSM answers about another request', { [KEY]: visible('SUP-8') }],
  ])('refuses anyone but the reporter when %s', async (_, shown) => {
    const site = jsm(shown);
    const access = panelAccess(
      new MemoryStore(),
      { accountId: 'stranger', issueKey: KEY },
      T0,
      site.customer,
    );
    await expect(access.confirm(request(CUSTOMER))).resolves.toBe(false);
  });

  it('refuses a request without a reporter to a user JSM does not show it to', async () => {
    const site = jsm({});
    const access = panelAccess(new MemoryStore(), { accountId: CUSTOMER, issueKey: KEY }, T0, site.customer);
    await expect(access.confirm(request(undefined))).resolves.toBe(false);
    expect(site.asked).toEqual([KEY]);
  });

  it('leaves a request read without fields to JSM', async () => {
    const site = jsm({ [KEY]: visible(KEY) });
    const access = panelAccess(new MemoryStore(), { accountId: CUSTOMER, issueKey: KEY }, T0, site.customer);
    await expect(access.confirm({ id: '10007', key: KEY })).resolves.toBe(true);
    expect(site.asked).toEqual([KEY]);
  });

  it("reuses JSM's yes for an hour per user and request, then asks again", async () => {
    const store = new MemoryStore();
    const who = { accountId: 'colleague', issueKey: KEY };
    const site = jsm({ [KEY]: visible(KEY) });
    for (const minutes of [0, 30, 59])
      await expect(
        panelAccess(store, who, at(minutes), site.customer).confirm(request(CUSTOMER)),
      ).resolves.toBe(true);
    expect(site.asked).toEqual([KEY]);
    const removed = jsm({});
    await expect(panelAccess(store, who, at(60), removed.customer).confirm(request(CUSTOMER))).resolves.toBe(
      false,
    );
    expect(removed.asked).toEqual([KEY]);
  });

  it("keeps JSM's no for five minutes only, so a new participant sees the panel soon", async () => {
    const store = new MemoryStore();
    const who = { accountId: 'colleague', issueKey: KEY };
    await panelAccess(store, who, T0, jsm({}).customer).confirm(request(CUSTOMER));
    const added = jsm({ [KEY]: visible(KEY) });
    await expect(panelAccess(store, who, at(4), added.customer).confirm(request(CUSTOMER))).resolves.toBe(
      false,
    );
    expect(added.asked).toEqual([]);
    await expect(panelAccess(store, who, at(5), added.customer).confirm(request(CUSTOMER))).resolves.toBe(
      true,
    );
    expect(added.asked).toEqual([KEY]);
  });

  it("never answers one user or one request with another's answer", async () => {
    const store = new MemoryStore();
    await panelAccess(
      store,
      { accountId: 'colleague', issueKey: KEY },
      T0,
      jsm({ [KEY]: visible(KEY) }).customer,
    ).confirm(request(CUSTOMER));
    const refusing = jsm({});
    await expect(
      panelAccess(store, { accountId: 'stranger', issueKey: KEY }, T0, refusing.customer).confirm(
        request(CUSTOMER),
      ),
    ).resolves.toBe(false);
    await expect(
      panelAccess(store, { accountId: 'colleague', issueKey: 'SUP-8' }, T0, refusing.customer).confirm({
        ...request(CUSTOMER),
        key: 'SUP-8',
      }),
    ).resolves.toBe(false);
    expect(refusing.asked).toEqual([KEY, 'SUP-8']);
  });
});

describe('ASKED_AS_USER', () => {
  it('confirms every request, since the actions asked JSM as the user before reading it', async () => {
    await expect(ASKED_AS_USER.confirm(request('anyone', { id: '1', name: 'Internal' }))).resolves.toBe(true);
  });
});
