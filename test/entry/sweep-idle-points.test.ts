import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

/** Jira points the site charged while `run` ran (no events happen meanwhile: all of it is the sweep's). */
async function pointsOf(s: LocalSite, run: () => Promise<void>): Promise<number> {
  const before = s.site.metrics.totalPoints;
  await run();
  return s.site.metrics.totalPoints - before;
}

/** Points of each hourly sweep from now to `until`. */
async function hourlyPoints(s: LocalSite, hours: number): Promise<number[]> {
  const points: number[] = [];
  for (let h = 0; h < hours; h += 1) points.push(await pointsOf(s, () => s.advance(HOUR)));
  return points;
}

/**
 * `tickets` tickets waiting in Clarification for three days, with their status changelog, when the app is
 * installed on SD with an hourly budget of `budget` points.
 */
function waitingSinceInstall(s: LocalSite, tickets: number, budget: number): string[] {
  const keys = insertTickets(
    s.site,
    ISSUE_TYPE.supportRequest,
    STATUS.clarification,
    Array.from({ length: tickets }, (_, n) => Date.now() - 3 * DAY + n * 60_000),
  );
  s.configure({ projects: ['SD'], automation: { pointsBudgetPerHour: budget } });
  return keys;
}

describe('hourly sweep on the due index', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('costs 0 Jira points while nothing is due, 1 point a day for the repair query, and is on time', async () => {
    const waiting = await s.ticket('Support Request', ['Clarification required / On hold']);
    const resolved = await s.ticket('Support Request', []);
    await s.site.actAs('agent-dach-anna').transition(resolved, { status: 'Resolved', resolution: 'Done' });
    await s.host.drain();
    // The first sweeps after installation repair and index the project once.
    expect(await pointsOf(s, () => s.advance(2 * HOUR))).toBeGreaterThan(0);
    const day = await hourlyPoints(s, 48);
    expect(day.filter((p) => p > 0)).toEqual([1, 1]);
    s.jump(at(10, -2 * HOUR));
    const idleBefore = await pointsOf(s, () => s.until(at(10, -60_000)));
    expect(idleBefore).toBeLessThanOrEqual(1);
    expect(s.appCommentTexts(waiting)).toEqual([]);
    await s.until(at(10, HOUR));
    expect(s.appCommentTexts(waiting)).toEqual([expect.stringContaining('1')]);
    // The reminder moved the ticket's due time 10 days on; the hours after it are idle again.
    const after = await hourlyPoints(s, 6);
    expect(after.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    expect(s.appCommentTexts(waiting)).toHaveLength(1);
  });

  it('repairs after installation once over its first sweeps, then is idle', async () => {
    // A budget that makes the installation repair take more than one hourly sweep.
    const tickets = 60;
    waitingSinceInstall(s, tickets, 130);
    const hours = await hourlyPoints(s, 40);
    const repairHours = hours.findIndex((p) => p === 0);
    expect(repairHours).toBeGreaterThanOrEqual(2);
    const repair = hours.slice(0, repairHours);
    // Per ticket: the repair search returns it and its one changelog history (2) and the state write (1); the
    // index rebuild before it finds none of them. Plus 1 per search page, at most three pages per sweep, and the
    // site's fields once (the rebuild's searches carry the portal's copy, `rebuild-portal-copy.ts`).
    expect(repair.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
      3 * tickets + 3 * repairHours + s.site.metrics.of('getFields').points,
    );
    expect(s.site.metrics.of('getFields').requests).toBeLessThanOrEqual(1);
    // Once done, the repair does not come back before the day is over, and then costs 1 point.
    expect(hours.slice(repairHours).filter((p) => p > 0)).toEqual([1]);
    expect(hours.slice(repairHours, repairHours + 23)).toEqual(Array.from({ length: 23 }, () => 0));
  });

  it("continues a repair larger than one hour's budget where it stopped, and finishes it", async () => {
    // 60 waiting tickets and a budget of 40 points an hour: the repair and the index rebuild each need several
    // hourly runs; each run continues at the page the last one reached instead of starting over.
    const tickets = 60;
    waitingSinceInstall(s, tickets, 40);
    const hours = await hourlyPoints(s, 30);
    const repairHours = hours.findIndex((p) => p === 0);
    expect(repairHours).toBeGreaterThanOrEqual(3);
    expect(hours.slice(repairHours, repairHours + 12)).toEqual(Array.from({ length: 12 }, () => 0));
    expect(hours.slice(0, repairHours).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
      3 * tickets + 4 * repairHours + s.site.metrics.of('getFields').points,
    );
    expect(s.site.metrics.of('getFields').requests).toBeLessThanOrEqual(1);
  });

  it('reads each ticket once in the installation repair: the index rebuild does not read what the repair wrote', async () => {
    // A budget that spreads the repair over several hourly sweeps, so the search sees every state it wrote.
    const tickets = 60;
    const keys = waitingSinceInstall(s, tickets, 130);
    const search = () => s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost');
    const before = search();
    const hours = await hourlyPoints(s, 8);
    expect(hours.slice(-2)).toEqual([0, 0]);
    const after = search();
    const requests = after.requests - before.requests;
    // Each ticket once in the repair search, with its one changelog history; 1 point per request.
    expect(after.points - before.points - requests).toBe(2 * tickets);
    expect(s.site.metrics.of('setIssueProperty').requests).toBe(tickets);
    // The index knows every repaired ticket from the write alone.
    const dueOf = (key: string) =>
      (s.host.kvs.get('entity:due-index', key)?.value as { dueAt?: string }).dueAt;
    for (const key of keys)
      expect(Date.parse(dueOf(key) ?? '')).toBe(Date.parse(String(s.state(key)?.nextDueAt)));
  });

  it('never spends more than its hourly budget on a repair whose tickets have long histories', async () => {
    // 40 waiting tickets with 31 histories each (edits before the wait): the repair search costs 32 points per
    // ticket it returns, far more than the 2 a due ticket costs.
    const budget = 150;
    const keys = waitingSinceInstall(s, 40, budget);
    for (const key of keys) {
      const issue = s.site.store.issue(key);
      if (!issue) throw new Error(`no ${key}`);
      const entered = issue.histories[0];
      if (!entered) throw new Error(`no history on ${key}`);
      const edits = Array.from({ length: 30 }, (_, n) => ({
        ...entered,
        id: s.site.store.nextId('history'),
        created: new Date(Date.parse(issue.created) + n * 1000).toISOString(),
        items: [
          {
            field: 'summary',
            fieldtype: 'jira' as const,
            fieldId: 'summary',
            from: null,
            fromString: 'a',
            to: null,
            toString: 'b',
          },
        ],
      }));
      issue.histories.unshift(...edits);
    }
    const hours = await hourlyPoints(s, 40);
    expect(Math.max(...hours)).toBeLessThanOrEqual(budget);
    // It finishes: every ticket has its state and the hours after the repair are idle.
    for (const key of keys) expect(s.state(key)?.timer).toBe('clarification');
    const repairHours = hours.findIndex((p) => p === 0);
    expect(repairHours).toBeGreaterThan(0);
    expect(hours.slice(repairHours, repairHours + 6)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('starts a repair over when Jira refuses the page token it saved', async () => {
    waitingSinceInstall(s, 60, 40);
    await hourlyPoints(s, 2);
    const saved = s.host.kvs.get('kvs', 'sweep:repair-progress:SD');
    if (!saved) throw new Error('no saved repair position');
    const progress = saved.value as Record<string, unknown>;
    s.host.kvs.put('kvs', 'sweep:repair-progress:SD', {
      ...saved,
      value: { ...progress, nextPageToken: 'expired-token' },
    });
    const hours = await hourlyPoints(s, 30);
    const repairHours = hours.findIndex((p) => p === 0);
    expect(repairHours).toBeGreaterThanOrEqual(1);
    expect(hours.slice(repairHours, repairHours + 12)).toEqual(Array.from({ length: 12 }, () => 0));
    expect(s.host.kvs.get('kvs', 'sweep:repair-progress:SD')).toBeUndefined();
  });

  it('repairs at once after a settings change and follows the new timer durations', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(3 * HOUR);
    expect((await hourlyPoints(s, 3)).every((p) => p === 0)).toBe(true);
    s.configure({
      projects: ['SD'],
      timers: { clarification: { reminderIntervalDays: 5, closeAfterDays: 20 } },
    });
    expect(await pointsOf(s, () => s.advance(HOUR))).toBeGreaterThan(0);
    s.jump(at(5, -2 * HOUR));
    await s.until(at(5, -60_000));
    expect(s.appCommentTexts(key)).toEqual([]);
    await s.until(at(5, HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(1);
  });

  it('follows a ticket moved to another project: its entry moves to the new key and the step is sent at most one sweep late', async () => {
    const sd = s.site.store.projectByKeyOrId('SD');
    if (!sd) throw new Error('no SD project');
    s.site.store.projects.set(`${sd.id}2`, { ...sd, id: `${sd.id}2`, key: 'SDX', nextIssueNumber: 1 });
    s.configure({ projects: ['SDX', 'SD'] });
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(3 * HOUR);
    const due = Date.parse(String(s.state(key)?.nextDueAt));
    const issue = s.site.store.issue(key);
    if (!issue) throw new Error(`no ${key}`);
    const moved = s.site.store.moveIssue(issue, 'SDX');
    const dueAt = (k: string) =>
      (s.host.kvs.get('entity:due-index', k)?.value as { dueAt?: string } | undefined)?.dueAt;
    // Until the step is due, nothing is read: the old entry only says when to look.
    const before = s.site.metrics.totalPoints;
    s.jump(new Date(due - 2 * HOUR));
    await s.until(new Date(due - 60_000));
    expect(s.site.metrics.totalPoints - before).toBeLessThanOrEqual(2);
    expect(s.appCommentTexts(moved)).toEqual([]);
    await s.until(new Date(due + 2 * HOUR));
    // The SD sweep found the old key gone, moved the entry; the SDX sweep sent the reminder, once.
    expect(dueAt(key)).toBeUndefined();
    expect(Date.parse(dueAt(moved) ?? '')).toBe(Date.parse(String(s.state(moved)?.nextDueAt)));
    expect(s.appCommentTexts(moved)).toHaveLength(1);
    const after = s.site.metrics.totalPoints;
    await s.advance(6 * HOUR);
    expect(s.site.metrics.totalPoints - after).toBeLessThanOrEqual(2);
    expect(s.appCommentTexts(moved)).toHaveLength(1);
  });

  it('pins what a timer step costs: 2 points per quiet reminder, and a close pays its proof on top', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(3 * HOUR);
    const points = (op: string) => s.site.metrics.of(op).points;
    const steps: { all: number; proof: number; write: number }[] = [];
    for (let step = 0; step < 4; step += 1) {
      const due = Date.parse(String(s.state(key)?.nextDueAt));
      s.jump(new Date(due - 2 * HOUR));
      const spent = () => ({
        all: s.site.metrics.totalPoints,
        proof: points('getComments'),
        write: points('editIssue') + points('doTransition'),
      });
      const before = spent();
      await s.until(new Date(due + 2 * HOUR));
      const after = spent();
      steps.push({
        all: after.all - before.all,
        proof: after.proof - before.proof,
        write: after.write - before.write,
      });
    }
    expect(s.appCommentTexts(key)).toHaveLength(4);
    // A reminder's window: the daily repair query (1), the due search (1 + the ticket) and the one write: the
    // action itself costs 2. The close adds the proof that no customer replied since the cycle began (1 request
    // and the cycle's three reminders: 4), and, once per installation and workflow, the app's account id (3) and
    // the close transition (5), both kept in KVS afterwards.
    expect(steps.slice(0, 3)).toEqual([1, 2, 3].map(() => ({ all: 4, proof: 0, write: 1 })));
    expect(steps[3]).toEqual({ all: 4 + 4 + 3 + 5, proof: 4, write: 1 });
  });

  it('finds a ticket whose index entry was lost early and raises the entry once', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(3 * HOUR);
    // An entry far too early (as a writer that died between its announcement and its settle leaves it).
    const entry = s.host.kvs.get('entity:due-index', key);
    if (!entry) throw new Error('no index entry');
    const early = {
      ...(entry.value as Record<string, unknown>),
      dueAt: new Date(Date.now() - HOUR).toISOString(),
    };
    s.host.kvs.put('entity:due-index', key, { ...entry, value: early });
    const points = await hourlyPoints(s, 3);
    expect(points[0]).toBeGreaterThan(0);
    expect(points.slice(1)).toEqual([0, 0]);
    expect(s.appCommentTexts(key)).toEqual([]);
    const raised = (s.host.kvs.get('entity:due-index', key)?.value as { dueAt?: string }).dueAt;
    expect(Date.parse(raised ?? '')).toBe(Date.parse(String(s.state(key)?.nextDueAt)));
  });
});
