import { getSettings } from '../../../src/app/admin/get-settings';
import { saveSettings } from '../../../src/app/admin/save-settings';
import type { WorkItem } from '../../../src/app/ports';
import { publishRulesItem } from '../../../src/app/rules/rules-work';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import type { ProcessSettings } from '../../../src/contract/settings';
import { MESSAGE_KEYS } from '../../../src/domain/texts/message-keys';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

type Fixture = ReturnType<typeof adminDeps>;
type Canned = NonNullable<Parameters<typeof adminDeps>[0]>['table'];

/** The fixture with a queue that keeps what is pushed to it. */
function withQueue(table: Canned = []) {
  const fixture = adminDeps({ table: [SERVICE_DESKS, ...(table ?? [])] });
  const pushed: WorkItem[] = [];
  fixture.deps.app.queue = { push: async (items) => void pushed.push(...items) };
  return { ...fixture, pushed };
}

function auditEntries(store: Fixture['store']): AuditEntry[] {
  return [...store.data.entries()]
    .filter(([key]) => key.startsWith('audit:p:'))
    .map(([, value]) => value as AuditEntry);
}

const saveSite = (deps: Fixture['deps'], settings: ProcessSettings, expectedVersion = 0) =>
  saveSettings({ scope: 'site', settings, managedProjects: [], expectedVersion }, deps);

/** Every text of the catalogue edited in both languages: two changes per message. */
function editedTexts(site: ProcessSettings): ProcessSettings['texts'] {
  return Object.fromEntries(
    MESSAGE_KEYS.map((key) => [
      key,
      { en: `${site.texts[key].en} (edited)`, de: `${site.texts[key].de} (neu)` },
    ]),
  ) as ProcessSettings['texts'];
}

const USER = /^\/rest\/api\/3\/user\?accountId=admin-1$/;

describe('saveSettings', () => {
  it('after a stored save, publishes the rule tables again and forgets the kept lookups', async () => {
    const { deps, pushed, store } = withQueue();
    const { site } = await getSettings({}, deps);
    await store.set('events:issue-type-ids', { byName: { request: 't-old' } });
    await expect(saveSite(deps, { ...site, dryRun: true })).resolves.toEqual({ ok: true, version: 1 });
    expect(pushed).toEqual([publishRulesItem()]);
    expect(store.data.has('events:issue-type-ids')).toBe(false);
  });

  it('a save refused as outdated records nothing, publishes nothing and keeps the lookups', async () => {
    const { deps, fresh, pushed, store } = withQueue();
    const { site } = await getSettings({}, deps);
    await saveSite(deps, { ...site, dryRun: true });
    pushed.length = 0;
    await store.set('events:issue-type-ids', { byName: { request: 't-old' } });
    const late = await saveSite(fresh(), { ...site, pointsBudgetPerHour: 500 }, 0);
    expect(late.ok).toBe(false);
    expect(pushed).toEqual([]);
    expect(auditEntries(store).map((e) => e.detail)).toEqual(['version 1']);
    expect(store.data.has('events:issue-type-ids')).toBe(true);
  });

  it('a save without a known account records no actor', async () => {
    const { deps, store } = withQueue();
    const { site } = await getSettings({}, deps);
    await saveSite(deps, { ...site, dryRun: true });
    const [entry] = auditEntries(store);
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty('actorAccountId');
  });

  it('records a project save under the project key, with the changes of the settings in force there', async () => {
    const { deps, store } = withQueue();
    store.data.set(CONFIG_KEY, {
      version: 2,
      input: { projects: ['SUP'] },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const { site } = await getSettings({}, deps);
    const override = { timers: { ...site.timers, clarificationReminderCount: 2 } };
    await expect(
      saveSettings({ scope: 'project', projectKey: 'SUP', override, expectedVersion: 2 }, deps),
    ).resolves.toEqual({ ok: true, version: 3 });
    expect(auditEntries(store)).toEqual([
      expect.objectContaining({
        projectKey: 'SUP',
        detail: 'version 3',
        changes: [{ path: 'timers.clarificationReminderCount', from: '3', to: '2' }],
      }),
    ]);
  });

  it('a project whose calendar has no holiday country counts no holidays while the site does', async () => {
    const { deps, store } = withQueue();
    store.data.set(CONFIG_KEY, {
      version: 2,
      input: { projects: ['SUP'], calendar: { mode: 'working', holidayRegion: 'DE-SL' } },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const { site } = await getSettings({}, deps);
    expect(site.calendar).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'SL' });
    const override = { calendar: { ...site.calendar, holidayCountry: '', holidayRegion: null } };
    await expect(
      saveSettings({ scope: 'project', projectKey: 'SUP', override, expectedVersion: 2 }, deps),
    ).resolves.toEqual({ ok: true, version: 3 });
    const { site: after, overrides } = await getSettings({}, deps);
    expect(after.calendar).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'SL' });
    expect(overrides.SUP?.calendar).toMatchObject({
      holidayCountry: '',
      holidayRegion: null,
    });
  });

  it.each([
    { name: 'forty changes are all listed', extra: {}, listed: 40, more: undefined },
    {
      name: 'forty-one changes list forty and count one more',
      extra: { pointsBudgetPerHour: 123 },
      listed: 40,
      more: 1,
    },
    {
      name: 'forty-three changes list forty and count three more',
      // The on-call choice is two settings: its mode and its target.
      extra: {
        pointsBudgetPerHour: 123,
        onCall: { mode: 'webhook' as const, target: 'https://oncall.example.com/h' },
      },
      listed: 40,
      more: 3,
    },
  ])('keeps the first forty changed settings of a save: $name', async ({ extra, listed, more }) => {
    const { deps, store } = withQueue();
    const { site } = await getSettings({}, deps);
    // 38 texts, the resolved auto-close and dry run: forty changes before the extra ones.
    const settings = {
      ...site,
      texts: editedTexts(site),
      timers: { ...site.timers, resolvedAutoCloseDays: 30 },
      dryRun: true,
      ...extra,
    };
    await expect(saveSite(deps, settings)).resolves.toEqual({ ok: true, version: 1 });
    const [entry] = auditEntries(store);
    expect(entry?.changes).toHaveLength(listed);
    if (more === undefined) expect(entry).not.toHaveProperty('moreChanges');
    else expect(entry?.moreChanges).toBe(more);
  });

  describe('a save based on an outdated version', () => {
    async function conflictAfter(
      first: { accountId?: string },
      table: Canned = [],
    ): Promise<{ result: Awaited<ReturnType<typeof saveSettings>>; requests: string[] }> {
      const { deps, fresh, jira } = withQueue(table);
      const { site } = await getSettings({}, deps);
      await saveSite({ ...deps, ...first }, { ...site, dryRun: true });
      const result = await saveSite(fresh(), { ...site, pointsBudgetPerHour: 500 }, 0);
      return { result, requests: jira.requests.map((r) => r.path) };
    }

    const MESSAGE =
      'The settings were changed meanwhile (now version 1). Reload the page and apply your changes again.';

    it('names the winner by display name, with the version and time of the stored save', async () => {
      const { result } = await conflictAfter({ accountId: 'admin-1' }, [
        ['GET', USER, { status: 200, body: { accountId: 'admin-1', displayName: 'Ada Admin' } }],
      ]);
      expect(result).toStrictEqual({
        ok: false,
        errors: [{ path: '', message: MESSAGE }],
        conflict: {
          version: 1,
          savedAt: '2026-11-27T09:00:00.000Z',
          savedBy: 'admin-1',
          savedByName: 'Ada Admin',
        },
      });
    });

    it.each([
      ['the user is unknown', { status: 404, body: { errorMessages: ['no user'] } }],
      ['the lookup fails', { status: 400, body: { errorMessages: ['bad request'] } }],
    ])('gives the account id alone when %s', async (_name, answer) => {
      const { result } = await conflictAfter({ accountId: 'admin-1' }, [['GET', USER, answer]]);
      expect(result).toStrictEqual({
        ok: false,
        errors: [{ path: '', message: MESSAGE }],
        conflict: { version: 1, savedAt: '2026-11-27T09:00:00.000Z', savedBy: 'admin-1' },
      });
    });

    it('looks nobody up when the winning save has no account', async () => {
      const { result, requests } = await conflictAfter({});
      expect(result).toStrictEqual({
        ok: false,
        errors: [{ path: '', message: MESSAGE }],
        conflict: { version: 1, savedAt: '2026-11-27T09:00:00.000Z' },
      });
      expect(requests.filter((p) => p.startsWith('/rest/api/3/user'))).toEqual([]);
    });

    it('gives the version alone when the stored configuration says nothing of its save', async () => {
      const { deps, store } = withQueue();
      store.data.set(CONFIG_KEY, { version: 4, input: {} });
      const { site } = await getSettings({}, deps);
      await expect(saveSite(deps, { ...site, dryRun: true }, 3)).resolves.toStrictEqual({
        ok: false,
        errors: [
          {
            path: '',
            message:
              'The settings were changed meanwhile (now version 4). Reload the page and apply your changes again.',
          },
        ],
        conflict: { version: 4 },
      });
    });
  });
});
