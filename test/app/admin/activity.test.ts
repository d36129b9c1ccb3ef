import { getActivity } from '../../../src/app/admin/activity';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import { adminDeps } from './admin-fixture';

const entry = (at: string, action: string, issue = '1', projectKey = 'SUP'): AuditEntry => ({
  at,
  projectKey,
  issueKey: `${projectKey}-${issue}`,
  issueId: `${projectKey}${issue}`,
  action,
  outcome: 'done',
  source: 'sweep',
  idempotencyKey: `${projectKey}-${issue}:${action}:${at}`,
});

/** Admin dependencies of a site managing `projects`. */
function site(projects: string[] = ['SUP', 'OPS']) {
  const fixture = adminDeps();
  fixture.store.data.set(CONFIG_KEY, {
    version: 1,
    input: { projects },
    savedAt: '2026-11-01T00:00:00.000Z',
  });
  return fixture;
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const minute = (n: number) => new Date(Date.UTC(2026, 10, 10, 0, n)).toISOString();

describe('activity: the cursor a page returns is the only one accepted', () => {
  it.each([
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['a number', cursorOf(5)],
    ['null', cursorOf(null)],
    ['a position that is a string', cursorOf({ SUP: 'x' })],
    ['a position without an index', cursorOf({ SUP: { c: 'abc' } })],
    ['a negative index', cursorOf({ SUP: { i: -1 } })],
    ['a fractional index', cursorOf({ SUP: { i: 1.5 } })],
    ['an index as text', cursorOf({ SUP: { i: '1' } })],
    ['a page cursor that is not text', cursorOf({ SUP: { i: 0, c: 5 } })],
    ['one bad position among good ones', cursorOf({ SUP: { i: 0 }, OPS: { i: -2 } })],
  ])('refuses %s', async (_what, cursor) => {
    const { deps } = site();
    await expect(getActivity({ cursor }, deps)).rejects.toThrow('not a cursor this page returned');
  });

  it('accepts exhausted streams and a stream at its first page', async () => {
    const { deps } = site();
    await deps.app.audit.append(entry(minute(1), 'reminder', '1', 'SUP'));
    await deps.app.audit.append(entry(minute(2), 'reminder', '2', 'OPS'));
    const page = await getActivity({ cursor: cursorOf({ SUP: { i: 0 }, OPS: null, '': null }) }, deps);
    expect(page.entries.map((e) => e.issueKey)).toEqual(['SUP-1']);
    expect(page.nextCursor).toBeNull();
  });
});

describe('activity: filters', () => {
  it('shows one project only when asked for it', async () => {
    const { deps } = site();
    await deps.app.audit.append(entry(minute(1), 'reminder', '1', 'SUP'));
    await deps.app.audit.append(entry(minute(2), 'reminder', '2', 'OPS'));
    const page = await getActivity({ projectKey: 'OPS' }, deps);
    expect(page.entries.map((e) => e.issueKey)).toEqual(['OPS-2']);
  });

  it("shows a ticket's entries when its own project is asked for", async () => {
    const { deps } = site();
    await deps.app.audit.append(entry(minute(1), 'reminder', '3', 'SUP'));
    const page = await getActivity({ issueKey: 'SUP-3', projectKey: 'SUP' }, deps);
    expect(page.entries.map((e) => e.issueKey)).toEqual(['SUP-3']);
  });

  it('shows the entries of other app activity when asked for that action', async () => {
    const { deps } = site(['SUP']);
    await deps.app.audit.append(entry(minute(1), 'write', '1'));
    await deps.app.audit.append(entry(minute(2), 'reminder', '2'));
    const page = await getActivity({ action: 'appActivity' }, deps);
    expect(page.entries.map((e) => [e.issueKey, e.action])).toEqual([['SUP-1', 'appActivity']]);
  });

  it('includes entries exactly at both ends of the date range', async () => {
    const { deps } = site(['SUP']);
    for (let n = 1; n <= 5; n += 1) await deps.app.audit.append(entry(minute(n), 'reminder', String(n)));
    const page = await getActivity({ from: minute(2), to: minute(4) }, deps);
    expect(page.entries.map((e) => e.issueKey)).toEqual(['SUP-4', 'SUP-3', 'SUP-2']);
  });

  it('lists entries of the same moment in the order of the managed projects', async () => {
    const { deps } = site(['SUP', 'OPS']);
    await deps.app.audit.append(entry(minute(1), 'reminder', '1', 'OPS'));
    await deps.app.audit.append(entry(minute(1), 'reminder', '1', 'SUP'));
    const page = await getActivity({}, deps);
    expect(page.entries.map((e) => e.issueKey)).toEqual(['SUP-1', 'OPS-1']);
  });
});

describe('activity: long logs', () => {
  it('reads on past a stored page to fill a long page', async () => {
    const { deps } = site(['SUP']);
    for (let n = 0; n < 70; n += 1) await deps.app.audit.append(entry(minute(n), 'reminder', String(n)));
    const page = await getActivity({ limit: 65 }, deps);
    expect(page.entries).toHaveLength(65);
    expect(page.entries[64]?.issueKey).toBe('SUP-5');
    const rest = await getActivity({ limit: 65, cursor: page.nextCursor ?? undefined }, deps);
    expect(rest.entries.map((e) => e.issueKey)).toEqual(['SUP-4', 'SUP-3', 'SUP-2', 'SUP-1', 'SUP-0']);
    expect(rest.nextCursor).toBeNull();
  });

  it('stops after a bounded number of reads and lets the next page continue where it stopped', async () => {
    const { deps } = site(['SUP']);
    // Two old matching entries behind 550 newer ones (eleven stored pages) outside the date range.
    await deps.app.audit.append(entry(minute(0), 'reminder', 'a'));
    await deps.app.audit.append(entry(minute(1), 'reminder', 'b'));
    for (let n = 0; n < 550; n += 1)
      await deps.app.audit.append(entry(minute(100 + n), 'reminder', String(n)));
    const first = await getActivity({ to: minute(1) }, deps);
    expect(first.entries).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const second = await getActivity({ to: minute(1), cursor: first.nextCursor ?? undefined }, deps);
    expect(second.entries.map((e) => e.issueKey)).toEqual(['SUP-b', 'SUP-a']);
  });
});

describe('activity: several long logs run out of reads in one request', () => {
  it('never lists an older entry of one project before a newer entry of another across pages', async () => {
    const { deps } = site(['SUP', 'OPS']);
    // OPS: 60 matching entries (two stored pages), all older than SUP's matching one.
    for (let n = 0; n < 60; n += 1)
      await deps.app.audit.append(entry(minute(n), 'reminder', String(n), 'OPS'));
    // SUP: one matching entry behind 560 newer ones (twelve stored pages) outside the date range, so the
    // request runs out of reads inside SUP's log while OPS still has entries to offer.
    await deps.app.audit.append(entry(minute(70), 'reminder', 'match', 'SUP'));
    for (let n = 0; n < 560; n += 1)
      await deps.app.audit.append(entry(minute(100 + n), 'reminder', String(n), 'SUP'));
    const listed: unknown[] = [];
    let cursor: string | undefined;
    for (let request = 0; request < 10; request += 1) {
      const page = await getActivity({ to: minute(70), limit: 200, ...(cursor ? { cursor } : {}) }, deps);
      listed.push(...page.entries.map((e) => e.issueKey));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    const opsNewestFirst = Array.from({ length: 60 }, (_, n) => `OPS-${59 - n}`);
    expect(listed).toEqual(['SUP-match', ...opsNewestFirst]);
  });
});

describe("activity: a settings save's author and changes", () => {
  const save = (extra: Partial<AuditEntry>): AuditEntry => ({
    at: minute(5),
    projectKey: '',
    issueKey: '',
    issueId: '',
    action: 'settingsSaved',
    outcome: 'done',
    source: 'admin',
    detail: 'version 2',
    idempotencyKey: `settings:${JSON.stringify(extra)}`,
    ...extra,
  });

  it('shows how many more settings changed than listed', async () => {
    const { deps } = site(['SUP']);
    await deps.app.audit.append(
      save({
        actorAccountId: 'admin-1',
        changes: [{ path: 'dryRun', from: 'false', to: 'true' }],
        moreChanges: 3,
      }),
    );
    const [view] = (await getActivity({}, deps)).entries;
    expect(view).toMatchObject({ actorAccountId: 'admin-1', moreChanges: 3 });
  });

  it('has no author, changes or count when the entry has none', async () => {
    const { deps } = site(['SUP']);
    await deps.app.audit.append(save({}));
    const [view] = (await getActivity({}, deps)).entries;
    expect(view).toBeDefined();
    expect(view).not.toHaveProperty('actorAccountId');
    expect(view).not.toHaveProperty('changes');
    expect(view).not.toHaveProperty('moreChanges');
  });
});
