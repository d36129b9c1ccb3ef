import { KVS_KEY_MAX, KVS_KEY_PATTERN } from '../../../sandbox/forge/limits';
import { AuditLog, type AuditEntry } from '../../../src/app/shared/audit-log';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const entry = (at: string, issueId: string, action = 'reminder'): AuditEntry => ({
  at,
  projectKey: 'SD',
  issueKey: `SD-${issueId}`,
  issueId,
  action,
  outcome: 'done',
  source: 'sweep',
  idempotencyKey: `${issueId}:clarification:1:${at}`,
});

describe('AuditLog', () => {
  it('lists a ticket newest first', async () => {
    const log = new AuditLog(new MemoryStore());
    await log.append(entry('2026-01-10T10:00:00Z', '1'));
    await log.append(entry('2026-01-20T10:00:00Z', '1', 'close'));
    await log.append(entry('2026-01-15T10:00:00Z', '2'));
    expect((await log.forIssue('1')).map((e) => e.action)).toEqual(['close', 'reminder']);
  });

  it('pages a project newest first with a cursor', async () => {
    const log = new AuditLog(new MemoryStore());
    for (let day = 1; day <= 5; day++) await log.append(entry(`2026-01-0${day}T10:00:00Z`, String(day)));
    const first = await log.forProject('SD', { limit: 3 });
    expect(first.entries.map((e) => e.issueId)).toEqual(['5', '4', '3']);
    const second = await log.forProject('SD', { limit: 3, cursor: first.cursor! });
    expect(second.entries.map((e) => e.issueId)).toEqual(['2', '1']);
    expect(second.cursor).toBeUndefined();
  });

  describe('two entries at the same instant', () => {
    const at = '2026-01-10T10:00:00.000Z';
    const base: AuditEntry = {
      at,
      projectKey: 'SD',
      issueKey: 'SD-1',
      issueId: '1',
      action: 'reminder',
      outcome: 'done',
      source: 'sweep',
      idempotencyKey: '1:clarification:1',
    };
    const settingsSave = (actorAccountId: string, version: number): AuditEntry => ({
      at,
      projectKey: '',
      issueKey: '',
      issueId: '',
      action: 'settingsSaved',
      outcome: 'done',
      source: 'admin',
      actorAccountId,
      detail: `version ${version}`,
      idempotencyKey: `settings:v${version}`,
    });

    it.each<[string, AuditEntry, AuditEntry]>([
      [
        'same action and key, another outcome',
        { ...base, outcome: 'failed', detail: 'HTTP 503' },
        { ...base, outcome: 'done' },
      ],
      ['same action and key, another detail', { ...base, detail: 'a' }, { ...base, detail: 'b' }],
      [
        'same action, no key, same outcome, another detail',
        { ...base, idempotencyKey: undefined, outcome: 'skipped', detail: 'statusChanged' },
        { ...base, idempotencyKey: undefined, outcome: 'skipped', detail: 'alreadyDone' },
      ],
      ['same action and key, another source', { ...base, source: 'sweep' }, { ...base, source: 'event' }],
    ])('keeps both: %s', async (_name, first, second) => {
      const log = new AuditLog(new MemoryStore());
      await log.append(first);
      await log.append(second);
      expect(await log.forIssue('1')).toEqual(expect.arrayContaining([first, second]));
      expect(await log.forIssue('1')).toHaveLength(2);
      expect((await log.forProject('SD')).entries).toHaveLength(2);
    });

    it('keeps two settings saves by two admins with the same key (no ticket, project stream only)', async () => {
      const log = new AuditLog(new MemoryStore());
      await log.append(settingsSave('admin-a', 4));
      await log.append(settingsSave('admin-b', 4));
      expect((await log.forProject('')).entries.map((e) => e.actorAccountId).sort()).toEqual([
        'admin-a',
        'admin-b',
      ]);
    });

    it('writes a retried copy of one entry once, whatever the order of its properties', async () => {
      const store = new MemoryStore();
      const log = new AuditLog(store);
      const { idempotencyKey, ...rest } = base;
      await log.append(base);
      await log.append({ idempotencyKey, ...rest });
      await log.append(settingsSave('admin-a', 4));
      await log.append(settingsSave('admin-a', 4));
      expect(await log.forIssue('1')).toEqual([base]);
      expect((await log.forProject('SD')).entries).toEqual([base]);
      expect((await log.forProject('')).entries).toHaveLength(1);
      expect(store.data.size).toBe(3);
    });
  });
});

describe('AuditLog: one ticket’s and one project’s entries, kept a year', () => {
  it('a ticket’s list holds only that ticket, not one whose id starts the same', async () => {
    const log = new AuditLog(new MemoryStore());
    await log.append(entry('2026-01-10T10:00:00Z', '1'));
    await log.append(entry('2026-01-11T10:00:00Z', '10'));
    expect((await log.forIssue('1')).map((e) => e.issueId)).toEqual(['1']);
  });

  it('a project’s list holds only that project, not one whose key starts the same', async () => {
    const log = new AuditLog(new MemoryStore());
    await log.append(entry('2026-01-10T10:00:00Z', '1'));
    await log.append({ ...entry('2026-01-11T10:00:00Z', '2'), projectKey: 'SDX' });
    expect((await log.forProject('SD')).entries.map((e) => e.issueId)).toEqual(['1']);
    expect((await log.forProject('SDX')).entries.map((e) => e.issueId)).toEqual(['2']);
  });

  it('a ticket’s list shows its latest 20 entries unless told otherwise', async () => {
    const log = new AuditLog(new MemoryStore());
    for (let minute = 10; minute < 35; minute++) await log.append(entry(`2026-01-10T10:${minute}:00Z`, '1'));
    const latest = await log.forIssue('1');
    expect(latest).toHaveLength(20);
    expect(latest[0]?.at).toBe('2026-01-10T10:34:00Z');
    expect(await log.forIssue('1', 3)).toHaveLength(3);
  });

  it('an entry about no ticket is listed for its project only', async () => {
    const store = new MemoryStore();
    const log = new AuditLog(store);
    await log.append({ ...entry('2026-01-10T10:00:00Z', ''), action: 'settingsSaved', issueKey: '' });
    expect([...store.data.keys()].every((key) => key.startsWith('audit:p:SD:'))).toBe(true);
    expect(store.data.size).toBe(1);
  });

  it('KVS keeps an entry a year, in both lists', async () => {
    const store = new ExpiringStore();
    const log = new AuditLog(store);
    await log.append(entry('2026-01-10T10:00:00Z', '1'));
    store.advanceDays(364);
    expect(await log.forIssue('1')).toHaveLength(1);
    expect((await log.forProject('SD')).entries).toHaveLength(1);
    store.advanceDays(1);
    expect(await log.forIssue('1')).toEqual([]);
    expect((await log.forProject('SD')).entries).toEqual([]);
  });

  it('any idempotency key makes keys KVS accepts, kept apart per key', async () => {
    const store = new MemoryStore();
    const log = new AuditLog(store);
    const odd = ['1:clarification/1 ü"\'', 'x'.repeat(1_000), `${'y'.repeat(300)}a`, `${'y'.repeat(300)}b`];
    for (const idempotencyKey of odd)
      await log.append({ ...entry('2026-01-10T10:00:00Z', '1'), idempotencyKey });
    const keys = [...store.data.keys()];
    expect(keys).toHaveLength(8);
    for (const key of keys) {
      expect(key).toMatch(KVS_KEY_PATTERN);
      expect(key.length).toBeLessThanOrEqual(KVS_KEY_MAX);
    }
  });

  it('an entry’s keys name its action and idempotency key, or its outcome, for a reader of KVS', async () => {
    const store = new MemoryStore();
    const log = new AuditLog(store);
    await log.append(entry('2026-01-10T10:00:00Z', '1'));
    await log.append({ ...entry('2026-01-10T10:00:00Z', '2', 'close'), idempotencyKey: undefined });
    const keys = [...store.data.keys()];
    expect(
      keys.filter((key) => key.includes(':reminder:1:clarification:1:2026-01-10T10:00:00Z:')),
    ).toHaveLength(2);
    expect(keys.filter((key) => key.includes(':close:done:'))).toHaveLength(2);
  });
});
