import { appRunner } from '../../bench/day/app-day';
import { processPermissionCache } from '../../src/adapters/jira/permission-cache';
import { startEventsSite, type LocalSite } from '../support/local-site';

/** The local site's installation (the host's default). */
const INSTALLATION = '1a570000-0000-4000-8000-000000000001';
/** Points of the one backend call an admin's visit still makes: `mypermissions` as the admin (an identity read). */
const ADMIN_CHECK_POINTS = 3;

/**
 * The admin page opened as the reference day opens it (bench/day/app-day.ts: settings, pickers' catalogue,
 * health and activity, each loaded as the built page loads it). The page reads the site's lists as the admin;
 * the backend asks Jira only whether the caller is an administrator, once per admin in 15 minutes.
 */
describe('admin page: an open costs the backend only its admin check', () => {
  let s: LocalSite;
  beforeAll(async () => {
    s = await startEventsSite();
  });
  afterAll(() => s.close());

  /** The backend's Jira points and the page's reads of one open, in a new process (nothing kept in memory). */
  async function open(): Promise<{ points: number; pageReads: number }> {
    processPermissionCache.forget(INSTALLATION);
    const before = s.host.invocations.length;
    const tally = {
      panel: { views: 0, reads: 0, points: 0 },
      portal: { views: 0, reads: 0, points: 0 },
      admin: { views: 0, reads: 0, points: 0 },
    };
    await appRunner(s.host, s.site, () => undefined, tally).adminOpen();
    const requests = s.host.invocations.slice(before).flatMap((i) => i.requests);
    return { points: requests.reduce((sum, r) => sum + (r.points ?? 0), 0), pageReads: tally.admin.reads };
  }

  it(`costs ${ADMIN_CHECK_POINTS} points for the first open, 0 within 15 minutes, ${ADMIN_CHECK_POINTS} again after`, async () => {
    const first = await open();
    expect(first.points).toBe(ADMIN_CHECK_POINTS);
    // The lists are read, by the page: the catalogue, the health check and the service desks.
    expect(first.pageReads).toBeGreaterThanOrEqual(10);
    s.clock.advance(10 * 60_000);
    expect((await open()).points).toBe(0);
    s.clock.advance(6 * 60_000);
    expect((await open()).points).toBe(ADMIN_CHECK_POINTS);
  });
});
