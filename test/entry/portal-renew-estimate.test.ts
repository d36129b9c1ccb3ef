/**
 * "Request a new estimate" in the customer portal (guide §3.2.3) through the real portal resolver on the local
 * site, in both configurable variants: a new Request linked to the expired Customisation, or an internal note to
 * the account managers. Once per ticket under repeated clicks, and after a crash right after the first write.
 */
import type { RenewEstimateResult } from '../../src/contract/portal-view';
import { CUSTOMER_STATE_KEY } from '../../src/domain/service/customer-state';
import { expectFailedInvocations } from '../support/honest-run';
import { DAY, USER, type LocalSite } from '../support/local-site';
import {
  ACME,
  ACME_OTHER,
  addParticipant,
  callPortal,
  data,
  errorCode,
  GLOBEX,
  killAfterNextJiraWrite,
  PORTAL_CONFIG,
  usePortalSite,
} from '../support/portal-site';

const LEASE_PASSED = 11 * 60_000;
const NOTE_CONFIG = {
  ...PORTAL_CONFIG,
  timers: { estimate: { renewal: { mode: 'accountManagerNote', accountManagers: [USER.agentUk] } } },
};

let h: LocalSite;
usePortalSite((site) => (h = site));

/** A Customisation of ACME with an estimate made available now (valid 16 weeks). */
async function estimateAvailable(): Promise<string> {
  const key = await h
    .as(ACME)
    .createIssue({ project: 'SD', issueType: 'Customisation', summary: 'Approval step for orders' });
  await h.agent.transition(key, { status: 'Estimation in progress' });
  await h.agent.transition(key, { status: 'Estimation available' });
  await h.settle();
  return key;
}

/** A Customisation of ACME whose estimate expired a day ago. */
async function expiredEstimate(): Promise<string> {
  const key = await estimateAvailable();
  h.clock.set(new Date(Date.now() + 16 * 7 * DAY + DAY));
  return key;
}

const renew = async (customer: string, key: string) =>
  data<RenewEstimateResult>(await callPortal(h, 'renewEstimate', customer, key));

/** Requests the app raised for a new estimate. */
const raised = () =>
  [...h.site.store.issues()].filter((i) => i.summary.startsWith('New estimate: Approval step'));

const linkedTo = (key: string) => {
  const id = h.site.store.issue(key)?.id;
  return [...h.site.store.links.values()].filter(
    (l) => l.destinationIssueId === id || l.sourceIssueId === id,
  );
};

const stored = (key: string) =>
  h.site.store.issue(key)?.properties[CUSTOMER_STATE_KEY] as
    { renewal?: { mode: string; requestKey?: string } } | undefined;

describe('a new Request linked to the expired ticket (the default)', () => {
  it('raises one Request for the customer, shared with the organization, linked, and records it', async () => {
    const key = await expiredEstimate();
    const result = await renew(ACME, key);

    expect(result).toMatchObject({ outcome: 'requested', renewal: { requestKey: expect.any(String) } });
    const [created, ...more] = raised();
    expect(more).toEqual([]);
    expect(created?.key).toBe(result.outcome === 'requested' ? result.renewal.requestKey : '');
    expect(created?.reporterAccountId).toBe(ACME);
    expect(created?.organizationIds).toEqual(h.site.store.issue(key)?.organizationIds);
    expect(linkedTo(key).map((l) => h.site.store.linkTypes.get(l.typeId)?.name)).toEqual(['Relates']);
    expect(stored(key)?.renewal).toMatchObject({ mode: 'newRequest', requestKey: created?.key });
    expect(h.audit()).toContainEqual(
      expect.objectContaining({ issueKey: key, action: 'newEstimateRequested', detail: 'newRequest' }),
    );
  });

  it('answers a second click, also by a colleague on the request, with the same Request', async () => {
    const key = await expiredEstimate();
    await addParticipant(h, key, ACME_OTHER);
    const first = await renew(ACME, key);
    const again = await Promise.all([renew(ACME, key), renew(ACME_OTHER, key)]);
    for (const r of again) expect(r).toMatchObject({ outcome: 'alreadyRequested' });
    expect(again[0]).toEqual({ ...first, outcome: 'alreadyRequested' });
    expect(raised()).toHaveLength(1);
  });

  it('raises one Request under concurrent clicks', async () => {
    const key = await expiredEstimate();
    const results = await Promise.all([1, 2, 3].map(() => renew(ACME, key)));
    expect(results.filter((r) => r.outcome === 'requested')).toHaveLength(1);
    expect(raised()).toHaveLength(1);
    expect(linkedTo(key)).toHaveLength(1);
  });

  it('after a crash right after the Request was created, a retry finds that Request and raises no second', async () => {
    const key = await expiredEstimate();
    expectFailedInvocations(h.host, /killed after a successful jira write/);
    const restore = killAfterNextJiraWrite(h);
    const killed = await callPortal(h, 'renewEstimate', ACME, key);
    restore();
    expect(killed.ok).toBe(false);
    const [created] = raised();
    expect(created).toBeDefined();
    // Created linked and marked with the occurrence in the one write that landed; nothing recorded yet.
    expect(linkedTo(key)).toHaveLength(1);
    expect(created?.properties['jsm-process-origin']).toEqual({
      occurrence: `${h.site.store.issue(key)?.id}:estimateRenewal`,
    });
    expect(stored(key)?.renewal).toBeUndefined();

    // Within the lease the dead run's claim holds: nothing is written.
    expect((await renew(ACME, key)).outcome).toBe('alreadyRequested');
    expect(raised()).toHaveLength(1);

    h.clock.set(new Date(Date.now() + LEASE_PASSED));
    const retried = await renew(ACME, key);
    expect(retried).toMatchObject({ outcome: 'requested', renewal: { requestKey: created?.key } });
    expect(raised()).toHaveLength(1);
    expect(linkedTo(key)).toHaveLength(1);
    expect(stored(key)?.renewal).toMatchObject({ requestKey: created?.key });
    expect(await renew(ACME, key)).toMatchObject({ outcome: 'alreadyRequested' });
  });
});

describe('a note to the account manager (configured)', () => {
  const notes = (key: string) => h.appComments(key).filter((c) => c.internal);

  it('posts one internal note mentioning the account managers, raises no Request', async () => {
    h.configure(NOTE_CONFIG);
    const key = await expiredEstimate();
    await addParticipant(h, key, ACME_OTHER);
    expect(await renew(ACME, key)).toMatchObject({ outcome: 'requested', renewal: { requestKey: null } });
    expect(await renew(ACME_OTHER, key)).toMatchObject({ outcome: 'alreadyRequested' });

    expect(notes(key)).toHaveLength(1);
    expect(JSON.stringify(h.site.store.issue(key)?.comments.at(-1)?.body)).toContain(
      `"id":"${USER.agentUk}"`,
    );
    expect(h.appComments(key).filter((c) => !c.internal)).toEqual([]);
    expect(raised()).toEqual([]);
    expect(stored(key)?.renewal).toMatchObject({ mode: 'accountManagerNote' });
  });

  it('after a crash right after the note landed, a retry writes nothing more', async () => {
    h.configure(NOTE_CONFIG);
    const key = await expiredEstimate();
    expectFailedInvocations(h.host, /killed after a successful jira write/);
    const restore = killAfterNextJiraWrite(h);
    expect((await callPortal(h, 'renewEstimate', ACME, key)).ok).toBe(false);
    restore();
    // The note carried the recorded request in the same write.
    expect(notes(key)).toHaveLength(1);
    expect(stored(key)?.renewal).toMatchObject({ mode: 'accountManagerNote' });
    h.clock.set(new Date(Date.now() + LEASE_PASSED));
    expect(await renew(ACME, key)).toMatchObject({ outcome: 'alreadyRequested' });
    expect(notes(key)).toHaveLength(1);
  });
});

describe('what the renewal refuses', () => {
  it('an estimate that has not expired: nothing is written', async () => {
    const key = await estimateAvailable();
    expect(await renew(ACME, key)).toEqual({ outcome: 'notExpired' });
    expect(raised()).toEqual([]);
    expect(stored(key)).toBeUndefined();
  });

  it('a customer of another organization: FORBIDDEN, nothing raised', async () => {
    const key = await expiredEstimate();
    expect(errorCode(await callPortal(h, 'renewEstimate', GLOBEX, key))).toBe('FORBIDDEN');
    expect(raised()).toEqual([]);
  });
});
