import { compileJql, type JqlContext } from '../../../sandbox/jira/jql';
import { seededRandom } from '../../../sandbox/jira/faults';
import { newIssue } from '../../../sandbox/jira/model/new-issue';
import type { SimIssue } from '../../../sandbox/jira/model/types';
import { candidateIssues } from '../../../sandbox/jira/search/candidates';
import { readIndexedProperties } from '../../../sandbox/jira/search/indexed-properties';
import { jqlContext } from '../../../sandbox/jira/search/jql-bridge';
import { ISSUE_TYPE, PROJECT_ID, STATUS, USER } from '../../../sandbox/jira/seed/demo-ids';
import { generateTickets } from '../../../sandbox/jira/seed/generate-tickets';
import { harness } from './site-harness';

const NOW = new Date('2026-11-27T10:00:00Z');
const HOUR = 3_600_000;
const KEY = 'jsm-process-state';

/** Property values of every shape a sweep (or a sloppy writer) leaves behind. */
function randomState(random: () => number): unknown {
  const roll = random();
  const at = new Date(NOW.getTime() + (random() * 400 - 200) * HOUR);
  // Some fall exactly on the queries' boundary instants, so inclusive and exclusive bounds are told apart.
  if (roll < 0.1) return { nextDueAt: random() < 0.5 ? NOW.toISOString() : '2026-11-30', timer: 'closure' };
  if (roll < 0.5)
    return {
      nextDueAt: `${at.toISOString().slice(0, 19)}Z`,
      timer: random() < 0.5 ? 'clarification' : 'closure',
    };
  if (roll < 0.6) return { nextDueAt: at.toISOString().slice(0, 16).replace('T', ' '), timer: 'closure' };
  if (roll < 0.65) return { nextDueAt: 'not a date', timer: 'broken' };
  if (roll < 0.7) return { nextDueAt: at.getTime() };
  if (roll < 0.8) return { timer: 'none' };
  return { nextDueAt: at.toISOString().slice(0, 10), statusId: STATUS.clarification };
}

const STATUS_NAMES = ['Open', '"Clarification required / On hold"', 'Resolved', 'Planned', 'Closed', '10007'];
const DATES = ['"2026-11-27 10:00"', 'now()', '-1d', '"2026-11-30"', 'startOfDay()', '"garbage"', '2h'];

/** A random query mixing indexable terms with ones that are not (OR, NOT, text, empties). */
function randomQuery(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const terms = [
    () =>
      pick(['project = SD', 'project in (SD, OPS)', 'project = OPS', 'project != OPS', 'project = 10000']),
    () => `status = ${pick(STATUS_NAMES)}`,
    () => `status in (${pick(STATUS_NAMES)}, ${pick(STATUS_NAMES)})`,
    () => `status not in (${pick(STATUS_NAMES)})`,
    () => pick(['statusCategory = Done', 'statusCategory != Done', 'statusCategory in ("To Do", new)']),
    () => pick(['issuetype = Delivery', 'type in (Incident, "Software Defect")', 'issuetype != Suggestion']),
    () => `processNextDue ${pick(['<=', '<', '>', '>=', '='])} ${pick(DATES)}`,
    () => `issue.property[${KEY}].nextDueAt ${pick(['<=', '>='])} ${pick(DATES)}`,
    () => `processNextDue in (${pick(DATES)}, ${pick(DATES)})`,
    () => pick(['processNextDue is EMPTY', 'processNextDue is not EMPTY', 'processTimer = closure']),
    () => `(status = ${pick(STATUS_NAMES)} OR processNextDue <= ${pick(DATES)})`,
    () => `NOT status = ${pick(STATUS_NAMES)}`,
    () => pick(['updated <= -30d', 'summary ~ Delivery', 'assignee is EMPTY']),
  ];
  const count = 1 + Math.floor(random() * 4);
  const where = Array.from({ length: count }, () => pick(terms)()).join(' AND ');
  return random() < 0.3 ? `${where} ORDER BY ${pick(['processNextDue ASC', 'key DESC', 'status'])}` : where;
}

describe('indexed search', () => {
  // Indexing is under test here, not the index lag (search-lag.test.ts): writes are searchable at once.
  const h = harness({ seed: { seed: 7 }, searchIndexLagMs: 0 });
  const indexed = readIndexedProperties('manifest.yml');
  const random = seededRandom(11);

  beforeAll(() => {
    generateTickets(h.site, { count: 1200, seed: 5, now: NOW });
    const project = h.site.store.projects.get(PROJECT_ID);
    if (!project) throw new Error('demo project missing');
    h.site.store.projects.set('10050', { ...project, id: '10050', key: 'OPS', name: 'Operations' });
    for (let n = 1; n <= 100; n++) {
      const issue = newIssue({
        id: h.site.store.nextId('issue'),
        key: `OPS-${n}`,
        projectId: '10050',
        issueTypeId: ISSUE_TYPE.incident,
        statusId: n % 2 ? STATUS.open : STATUS.resolved,
        summary: `Ops ${n}`,
        reporterAccountId: USER.agentDach,
        created: NOW.toISOString(),
      });
      h.site.store.insertIssue(issue);
    }
    for (const issue of h.site.store.issues())
      if (random() < 0.6) issue.properties[KEY] = randomState(random);
  });

  function compare(jql: string, ctx: JqlContext): { indexed: string[]; scan: string[]; used: boolean } {
    const compiled = compileJql(jql);
    if (!compiled.ok) throw new Error(`${jql}: ${compiled.errors.join(' ')}`);
    const { query } = compiled;
    const order = (a: SimIssue, b: SimIssue) => query.compare(a, b, ctx) || Number(a.id) - Number(b.id);
    const candidates = candidateIssues(h.site.store, query.constraints, ctx);
    const all = [...h.site.store.issues()];
    return {
      indexed: (candidates ?? all)
        .filter((i) => query.matches(i, ctx))
        .sort(order)
        .map((i) => i.key),
      scan: all
        .filter((i) => query.matches(i, ctx))
        .sort(order)
        .map((i) => i.key),
      used: candidates !== undefined,
    };
  }

  /** Writes through every path: direct field writes, property set/replace/delete, REST, create and delete. */
  async function mutate(round: number) {
    const issues = [...h.site.store.issues()];
    for (let n = 0; n < 40; n++) {
      const issue = issues[Math.floor(random() * issues.length)];
      if (!issue) continue;
      const roll = random();
      if (roll < 0.3) issue.statusId = STATUS_IDS[Math.floor(random() * STATUS_IDS.length)] ?? STATUS.open;
      else if (roll < 0.5) issue.properties[KEY] = randomState(random);
      else if (roll < 0.6) delete issue.properties[KEY];
      else if (roll < 0.7) issue.properties = random() < 0.5 ? {} : { [KEY]: randomState(random) };
      else if (roll < 0.8) {
        const res = await h.call(
          'PUT',
          `/rest/api/3/issue/${issue.key}/properties/${KEY}`,
          randomState(random),
        );
        expect([200, 201]).toContain(res.status);
      } else if (roll < 0.85) issue.issueTypeId = ISSUE_TYPE.delivery;
      else if (roll < 0.9) h.site.store.deleteIssue(issue);
    }
    const created = newIssue({
      id: h.site.store.nextId('issue'),
      key: `SD-${90_000 + round}`,
      projectId: PROJECT_ID,
      issueTypeId: ISSUE_TYPE.request,
      statusId: STATUS.clarification,
      summary: 'Created between rounds',
      reporterAccountId: USER.agentUk,
      created: NOW.toISOString(),
    });
    created.properties[KEY] = randomState(random);
    h.site.store.insertIssue(created);
  }

  const STATUS_IDS = Object.values(STATUS);

  test('indexed candidates give exactly the full scan for random queries while issues change', async () => {
    let used = 0;
    for (let round = 0; round < 10; round++) {
      const ctx = { ...jqlContext(h.site.store, indexed, USER.app), now: NOW };
      for (let q = 0; q < 20; q++) {
        const jql = randomQuery(random);
        const result = compare(jql, ctx);
        expect({ jql, keys: result.indexed }).toEqual({ jql, keys: result.scan });
        if (result.used) used++;
      }
      await mutate(round);
    }
    // The random mix must exercise the indexes most of the time, or this test proves nothing.
    expect(used).toBeGreaterThan(120);
  });

  test('a due query reads only the due issues from the sorted property index', () => {
    const ctx = { ...jqlContext(h.site.store, indexed, USER.app), now: NOW };
    const compiled = compileJql(
      'project = SD AND processNextDue <= "2026-11-27 10:00" ORDER BY processNextDue',
    );
    if (!compiled.ok) throw new Error(compiled.errors.join(' '));
    const candidates = candidateIssues(h.site.store, compiled.query.constraints, ctx) ?? [];
    const due = compileJql('processNextDue <= "2026-11-27 10:00"');
    if (!due.ok) throw new Error('bad jql');
    const dueAnywhere = [...h.site.store.issues()].filter((i) => due.query.matches(i, ctx));
    expect(dueAnywhere.length).toBeGreaterThan(0);
    expect(dueAnywhere.length).toBeLessThan(h.site.store.issueCount / 2);
    // Exactly the due issues of any project: the range index, not the (larger) project bucket, was read.
    expect(candidates.map((i) => i.id).sort()).toEqual(dueAnywhere.map((i) => i.id).sort());
  });

  test('REST search answers from the indexes exactly what a scan finds', async () => {
    const jql = 'project = SD AND status = "Clarification required / On hold" AND processNextDue <= now()';
    const res = await h.call('POST', '/rest/api/3/search/jql', { jql, maxResults: 5000 });
    const ctx = jqlContext(h.site.store, indexed, USER.app);
    const compiled = compileJql(jql);
    if (!compiled.ok) throw new Error('bad jql');
    const scan = [...h.site.store.issues()].filter((i) => compiled.query.matches(i, ctx)).map((i) => i.id);
    expect((res.json.issues as { id: string }[]).map((i) => i.id)).toEqual(scan);
  });
});
