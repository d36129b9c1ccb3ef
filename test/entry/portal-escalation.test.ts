/**
 * "Escalate" in the customer portal (guide §4, PROCESS.md §9) through the real portal resolver on the local
 * site: one level at a time on the configured ladder, the wait between levels, level 2 by the customer's region
 * group, and exactly one note and one reply per level under duplicate clicks, retries and a run that died
 * between its two writes.
 */
import type { EscalateResult } from '../../src/contract/portal-view';
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

const HOUR = 3_600_000;

let h: LocalSite;
usePortalSite((site) => (h = site));

async function request(customer: string): Promise<string> {
  const key = await h
    .as(customer)
    .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Import fails' });
  await h.settle();
  return key;
}

const escalate = async (customer: string, key: string, targetLevel: number, reason = 'handling') =>
  data<EscalateResult>(
    await callPortal(h, 'escalate', customer, key, { targetLevel, reason, text: 'No answer for a week.' }),
  );

const notes = (key: string) => h.appComments(key).filter((c) => c.internal);
const replies = (key: string) => h.appComments(key).filter((c) => !c.internal);
const stored = (key: string) =>
  h.site.store.issue(key)?.properties[CUSTOMER_STATE_KEY] as
    | { escalations: { level: number; reason: string; at: string; group: string; repliedAt?: string }[] }
    | undefined;

describe('escalation ladder', () => {
  it('raises level 1, records level, reason and time, notes the level and tells the customer who looks after it', async () => {
    const key = await request(ACME);
    const result = await escalate(ACME, key, 1, 'serviceTimeExceeded');

    expect(result.outcome).toBe('escalated');
    expect(result.escalation).toMatchObject({ currentLevel: 1, nextLevel: 2 });
    expect(stored(key)?.escalations).toEqual([
      // The simulated clock moves with every REST call: the click's time, within a second.
      expect.objectContaining({
        level: 1,
        reason: 'serviceTimeExceeded',
        at: expect.stringMatching(/^2026-11-30T09:00:00\.\d{3}Z$/),
      }),
    ]);
    expect(notes(key)).toHaveLength(1);
    expect(notes(key)[0]?.text).toContain('No answer for a week.');
    expect(JSON.stringify(h.site.store.issue(key)?.comments.at(-2)?.body)).toContain(
      `"id":"${USER.agentDach}"`,
    );
    expect(replies(key)).toHaveLength(1);
    // Acme GmbH has no configured language: the portal's locale decides (en-US), and the reply names the contact.
    expect(replies(key)[0]?.text).toContain('level 1 with: Personal support contact (Anna Becker)');
    expect(h.audit()).toContainEqual(
      expect.objectContaining({ issueKey: key, action: 'escalated', outcome: 'done', source: 'portal' }),
    );
  });

  it('allows one level at a time, only after the configured wait', async () => {
    const key = await request(ACME);
    await escalate(ACME, key, 1);

    expect(await escalate(ACME, key, 3)).toMatchObject({ outcome: 'refused', reason: 'notNext' });
    const early = await escalate(ACME, key, 2);
    expect(early).toMatchObject({ outcome: 'refused', reason: 'tooEarly' });
    const allowedFrom = Date.parse(stored(key)?.escalations[0]?.at ?? '') + DAY;
    expect(early.escalation.allowedFrom).toBe(new Date(allowedFrom).toISOString());

    h.clock.set(new Date(allowedFrom - 60_000));
    expect(await escalate(ACME, key, 2)).toMatchObject({ outcome: 'refused', reason: 'tooEarly' });
    h.clock.set(new Date(allowedFrom));
    expect(await escalate(ACME, key, 2)).toMatchObject({ outcome: 'escalated' });
    expect(stored(key)?.escalations.map((r) => r.level)).toEqual([1, 2]);
    expect(notes(key)).toHaveLength(2);
    expect(replies(key)).toHaveLength(2);
  });

  it('takes the wait from the configuration', async () => {
    h.configure({ ...PORTAL_CONFIG, escalation: { ...PORTAL_CONFIG.escalation, waitHoursBetweenLevels: 0 } });
    const key = await request(ACME);
    await escalate(ACME, key, 1);
    expect(await escalate(ACME, key, 2)).toMatchObject({ outcome: 'escalated' });
  });

  it('sends level 2 to the team lead of the customer region group: DACH for Acme, International for Globex', async () => {
    h.configure({ ...PORTAL_CONFIG, escalation: { ...PORTAL_CONFIG.escalation, waitHoursBetweenLevels: 0 } });
    const acme = await request(ACME);
    const globex = await request(GLOBEX);
    for (const [customer, key] of [
      [ACME, acme],
      [GLOBEX, globex],
    ] as const) {
      await escalate(customer, key, 1);
      await escalate(customer, key, 2);
    }
    const lastNote = (key: string) => JSON.stringify(h.site.store.issue(key)?.comments.at(-2)?.body);
    expect(lastNote(acme)).toContain(`"id":"${USER.agentApac}"`);
    expect(lastNote(acme)).not.toContain(USER.agentUk);
    expect(replies(acme).at(-1)?.text).toContain('Support team lead DACH (Mei Tan)');
    expect(lastNote(globex)).toContain(`"id":"${USER.agentUk}"`);
    expect(replies(globex).at(-1)?.text).toContain('Support team lead International (Oliver Smith)');
    expect(stored(globex)?.escalations.map((r) => r.group)).toEqual(['international', 'international']);
  });

  it('refuses above the top of the ladder and on a closed request', async () => {
    h.configure({ ...PORTAL_CONFIG, escalation: { ...PORTAL_CONFIG.escalation, waitHoursBetweenLevels: 0 } });
    const key = await request(ACME);
    for (const level of [1, 2, 3, 4, 5]) expect((await escalate(ACME, key, level)).outcome).toBe('escalated');
    const top = await escalate(ACME, key, 5);
    expect(top).toMatchObject({ outcome: 'alreadyDone' });
    expect(top.escalation.nextLevel).toBeNull();
    h.configure({
      ...PORTAL_CONFIG,
      escalation: { levels: PORTAL_CONFIG.escalation.levels.slice(0, 3), waitHoursBetweenLevels: 0 },
    });
    const short = await request(ACME);
    for (const level of [1, 2, 3]) await escalate(ACME, short, level);
    expect(await escalate(ACME, short, 4)).toMatchObject({ outcome: 'refused', reason: 'topReached' });
    const closed = await request(ACME);
    await h.agent.transition(closed, { status: 'Clarification required / On hold' });
    await h.agent.transition(closed, { status: 'Closed', resolution: 'Done' });
    await h.settle();
    expect(await escalate(ACME, closed, 1)).toMatchObject({ outcome: 'refused', reason: 'closed' });
    expect(notes(closed)).toHaveLength(0);
  });
});

describe('exactly once', () => {
  it('escalates once under duplicate clicks at the same moment', async () => {
    const key = await request(ACME);
    const results = await Promise.all([1, 2, 3].map(() => escalate(ACME, key, 1)));

    expect(results.filter((r) => r.outcome === 'escalated')).toHaveLength(1);
    for (const r of results) expect(['escalated', 'inProgress', 'alreadyDone']).toContain(r.outcome);
    expect(notes(key)).toHaveLength(1);
    expect(replies(key)).toHaveLength(1);
    expect(h.audit().filter((a) => a.action === 'escalated')).toHaveLength(1);
  });

  it('answers a retried call or a second click of the same level with what happened, writing nothing', async () => {
    const key = await request(ACME);
    await addParticipant(h, key, ACME_OTHER);
    await escalate(ACME, key, 1);
    h.clock.set(new Date(Date.now() + 2 * DAY));
    // The same level again, also from a colleague on the request: the level names the occurrence.
    expect(await escalate(ACME, key, 1)).toMatchObject({ outcome: 'alreadyDone' });
    expect(await escalate(ACME_OTHER, key, 1)).toMatchObject({ outcome: 'alreadyDone' });
    expect(notes(key)).toHaveLength(1);
    expect(replies(key)).toHaveLength(1);
  });

  it('finishes a run that died between the internal note and the public reply: the reply once, no second note', async () => {
    const key = await request(ACME);
    const id = h.site.store.issue(key)?.id ?? '';
    // The state such a run leaves: the note written with level 1 recorded (not replied), its claim pending.
    await h.as(USER.admin).request('PUT', `/rest/api/3/issue/${key}/properties/${CUSTOMER_STATE_KEY}`, {
      v: 1,
      escalations: [{ level: 1, reason: 'handling', at: '2026-11-30T09:00:00.000Z', group: 'dach' }],
    });
    const at = Date.now();
    h.host.kvs.put('kvs', `act:${id}:escalation:1`, {
      value: { state: 'pending', at: new Date(at).toISOString() },
      createdAt: at,
      updatedAt: at,
    });

    // Within the lease the claim is someone else's: nothing is written.
    expect(await escalate(ACME, key, 1)).toMatchObject({ outcome: 'inProgress' });
    expect(replies(key)).toHaveLength(0);

    h.clock.set(new Date(at + HOUR));
    expect(await escalate(ACME, key, 1)).toMatchObject({ outcome: 'escalated' });
    expect(await escalate(ACME, key, 1)).toMatchObject({ outcome: 'alreadyDone' });
    expect(notes(key)).toHaveLength(0);
    expect(replies(key)).toHaveLength(1);
    expect(stored(key)?.escalations[0]?.repliedAt).toBeDefined();
  });
});

describe('a crash after the first write, then retries', () => {
  it('the Forge host kills the click right after the internal note landed: a retry within the lease writes nothing, one after it sends the reply once', async () => {
    const key = await request(ACME);
    await addParticipant(h, key, ACME_OTHER);
    expectFailedInvocations(h.host, /killed after a successful jira write/);
    const restore = killAfterNextJiraWrite(h);
    const killed = await callPortal(h, 'escalate', ACME, key, {
      targetLevel: 1,
      reason: 'productQuality',
      text: 'The export is broken again.',
    });
    restore();
    expect(killed.ok).toBe(false);
    expect(h.host.kills.jira).toBe(1);
    // The note with the level recorded landed; the customer has not been told yet.
    expect(notes(key)).toHaveLength(1);
    expect(replies(key)).toHaveLength(0);
    expect(stored(key)?.escalations).toEqual([
      expect.objectContaining({ level: 1, reason: 'productQuality', by: ACME }),
    ]);
    expect(stored(key)?.escalations[0]?.repliedAt).toBeUndefined();

    // A second click at once: the dead run's claim is still leased, nothing is written.
    expect(await escalate(ACME, key, 1)).toMatchObject({ outcome: 'inProgress' });
    expect(notes(key)).toHaveLength(1);
    expect(replies(key)).toHaveLength(0);

    h.clock.set(new Date(Date.now() + 11 * 60_000));
    const results = await Promise.all([escalate(ACME, key, 1), escalate(ACME_OTHER, key, 1)]);
    expect(results.filter((r) => r.outcome === 'escalated')).toHaveLength(1);
    expect(await escalate(ACME, key, 1)).toMatchObject({ outcome: 'alreadyDone' });
    expect(notes(key)).toHaveLength(1);
    expect(replies(key)).toHaveLength(1);
    expect(stored(key)?.escalations[0]?.repliedAt).toBeDefined();
    expect(h.audit().filter((a) => a.action === 'escalated' && a.issueKey === key)).toHaveLength(1);
  });
});

describe('what the escalate resolver refuses', () => {
  it('refuses a customer of another organization, reading nothing as the app', async () => {
    const key = await request(ACME);
    const before = h.host.invocations.length;
    const result = await callPortal(h, 'escalate', GLOBEX, key, {
      targetLevel: 1,
      reason: 'handling',
      text: 'x',
    });

    expect(errorCode(result)).toBe('FORBIDDEN');
    const calls = h.host.invocations.slice(before).flatMap((i) => i.requests);
    expect(calls.map((c) => `${c.principal.kind} ${c.method} ${c.path.split('?')[0]}`)).toEqual([
      `user GET /rest/servicedeskapi/request/${key}`,
    ]);
    expect(stored(key)).toBeUndefined();
    expect(h.appComments(key)).toEqual([]);
  });

  it('takes the request from the context only and rejects unknown payload fields, bad reasons and empty texts', async () => {
    const key = await request(ACME);
    const other = await request(GLOBEX);
    for (const payload of [
      { targetLevel: 1, reason: 'handling', text: 'x', issueKey: other },
      { targetLevel: 1, reason: 'angry', text: 'x' },
      { targetLevel: 1, reason: 'handling', text: '   ' },
      { targetLevel: 0, reason: 'handling', text: 'x' },
    ]) {
      expect(errorCode(await callPortal(h, 'escalate', ACME, key, payload))).toBe('INVALID');
    }
    expect(stored(key)).toBeUndefined();
    expect(stored(other)).toBeUndefined();
  });
});
