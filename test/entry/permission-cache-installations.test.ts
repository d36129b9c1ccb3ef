import { SimClock } from '../../sandbox/clock';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { SITE_ADMIN_GROUP } from '../../sandbox/jira/permissions';
import { seedDemoSite } from '../../sandbox/jira/seed/demo-site';
import { USER } from '../../sandbox/jira/seed/demo-ids';
import { createJiraSite, type SimJiraSite } from '../../sandbox/jira/site';
import * as app from '../../src/index';
import { guardRun } from '../support/honest-run';

/**
 * Forge may run two installations in one warm process. Two local sites, each with its own installation of the
 * SAME loaded app module: the same account is a Jira admin on one and not on the other. Permission answers are
 * reused within an installation (no second `mypermissions` call), and never across installations or users.
 */
describe('permission answers are cached per installation and user', () => {
  let clock: SimClock;
  const hosts: ForgeHost[] = [];
  beforeEach(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    clock = new SimClock('2026-11-30T09:00:00Z');
  });
  afterEach(() => {
    for (const host of hosts.splice(0)) host.uninstall();
    clock.uninstall();
    jest.restoreAllMocks();
  });

  async function installation(
    id: string,
    adminThere: boolean,
  ): Promise<{ site: SimJiraSite; host: ForgeHost }> {
    const site = createJiraSite({});
    seedDemoSite(site);
    const admins = site.store.groups.get(SITE_ADMIN_GROUP);
    if (!adminThere && admins)
      admins.memberAccountIds = admins.memberAccountIds.filter((a) => a !== USER.admin);
    const host = await createForgeHost({ site, clock, app, installationId: id });
    hosts.push(host);
    return { site, host };
  }

  /** Runs `getHealth` as `accountId` on one installation (installed only for the call, as one warm process would). */
  async function getHealth(target: { site: SimJiraSite; host: ForgeHost }, accountId: string) {
    target.host.install();
    guardRun(target.host, target.site);
    try {
      const before = target.site.metrics.all().getMyPermissions?.requests ?? 0;
      const result = await target.host.invokeResolver({
        moduleKey: 'process-admin',
        functionKey: 'getHealth',
        payload: {},
        accountId,
        extension: { type: 'jira:adminPage' },
      });
      const asked = (target.site.metrics.all().getMyPermissions?.requests ?? 0) - before;
      const value = result.ok ? (result.value as { error?: { code: string } }) : undefined;
      return { code: value?.error?.code ?? 'OK', asked };
    } finally {
      target.host.uninstall();
    }
  }

  it('an admin on site A is refused on site B; each site asks Jira once per user and then reuses the answer', async () => {
    const a = await installation('1a570000-0000-4000-8000-00000000000a', true);
    const b = await installation('1a570000-0000-4000-8000-00000000000b', false);
    expect(await getHealth(a, USER.admin)).toEqual({ code: 'OK', asked: 1 });
    expect(await getHealth(a, USER.admin)).toEqual({ code: 'OK', asked: 0 });
    expect(await getHealth(b, USER.admin)).toEqual({ code: 'FORBIDDEN', asked: 1 });
    expect(await getHealth(b, USER.admin)).toEqual({ code: 'FORBIDDEN', asked: 0 });
    // Another user on site A is asked about, not given the admin's answer.
    expect(await getHealth(a, USER.agentDach)).toEqual({ code: 'FORBIDDEN', asked: 1 });
  });
});
