import { getSettings } from '../../../src/app/admin/get-settings';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { fakeJira } from '../panel/fake-jira';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

const DESKS: Parameters<typeof fakeJira>[0][number] = [
  'GET',
  /^\/rest\/servicedeskapi\/servicedesk/,
  {
    status: 200,
    body: {
      values: [
        { id: '1', projectId: '10000', projectKey: 'SUP', projectName: 'Support' },
        { id: '2', projectId: '10001', projectKey: 'ABC', projectName: 'Alpha' },
      ],
    },
  },
];

describe('getSettings', () => {
  it('answers a request without a payload', async () => {
    const { deps } = adminDeps({ table: [SERVICE_DESKS] });
    await expect(getSettings(undefined, deps)).resolves.toMatchObject({
      version: 0,
      automationEnabled: true,
    });
  });

  it('lists the service desks and the managed projects the admin cannot see, by key, with their state', async () => {
    const { deps, store } = adminDeps({ table: [DESKS] });
    store.data.set(CONFIG_KEY, {
      version: 5,
      input: {
        projects: ['ZED', 'SUP'],
        projectOverrides: { ZED: { automation: { dryRun: true } } },
        automation: { enabled: false },
      },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const view = await getSettings({}, deps);
    expect(view.version).toBe(5);
    expect(view.automationEnabled).toBe(false);
    expect(view.projects).toEqual([
      { id: '10001', key: 'ABC', name: 'Alpha', serviceDesk: true, overridden: false, managed: false },
      { id: '10000', key: 'SUP', name: 'Support', serviceDesk: true, overridden: false, managed: true },
      { id: 'ZED', key: 'ZED', name: 'ZED', serviceDesk: false, overridden: true, managed: true },
    ]);
  });

  it('marks an overridden service desk and shows only its overridden sections, as they apply', async () => {
    const { deps, store } = adminDeps({ table: [DESKS] });
    store.data.set(CONFIG_KEY, {
      version: 2,
      input: {
        projects: ['SUP'],
        timers: { resolved: { closeAfterDays: 30 } },
        projectOverrides: { SUP: { timers: { clarification: { reminderCount: 2 } } } },
      },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const view = await getSettings({}, deps);
    expect(view.projects.find((p) => p.key === 'SUP')).toMatchObject({ overridden: true, managed: true });
    expect(Object.keys(view.overrides)).toEqual(['SUP']);
    expect(Object.keys(view.overrides.SUP ?? {})).toEqual(['timers']);
    // The project's own reminder count over the site's auto-close.
    expect(view.overrides.SUP?.timers).toMatchObject({
      clarificationReminderCount: 2,
      resolvedAutoCloseDays: 30,
    });
    expect(view.site.timers).toMatchObject({ clarificationReminderCount: 3, resolvedAutoCloseDays: 30 });
  });

  it('reads the service desks through the reads it is handed', async () => {
    const { deps, jira } = adminDeps();
    const page = fakeJira([DESKS]);
    const view = await getSettings({}, deps, { userMeta: page.meta });
    expect(view.projects.map((p) => p.key)).toEqual(['ABC', 'SUP']);
    expect(jira.requests.map((r) => r.path)).toEqual(['/rest/api/3/mypermissions?permissions=ADMINISTER']);
  });
});
