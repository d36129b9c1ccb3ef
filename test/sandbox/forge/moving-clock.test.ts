import api, { getAppContext, route } from '@forge/api';

import { SimClock } from '../../../sandbox/clock';
import { createForgeHost, DEFAULT_REST_LATENCY_MS, type ForgeHost } from '../../../sandbox/forge/host';
import { createJiraSite } from '../../../sandbox/jira/site';
import { ManualRunningTime } from '../../../sandbox/forge/running-time';
import { FIXTURE_MANIFEST } from './harness';
import * as app from './fixtures/src/index';

/** Statuses of `count` asApp GETs of one operation, made one after another inside one scheduled invocation. */
async function burstOfReads(host: ForgeHost, count: number): Promise<number[]> {
  const statuses: number[] = [];
  app.behave('hourly', async () => {
    for (let i = 0; i < count; i++) {
      const res = await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
      statuses.push(res.status);
    }
  });
  await host.runScheduled('hourly-tick');
  return statuses;
}

describe('the simulated clock moves with every Jira REST call', () => {
  let clock: SimClock;
  let host: ForgeHost;
  const start = async (restLatencyMs?: number, runningTime?: ManualRunningTime) => {
    clock = new SimClock('2026-03-02T08:00:00Z');
    app.resetHandlers();
    // Jira's real limits: 100 reads a second per operation.
    const site = createJiraSite({ seed: { seed: 1 } });
    host = await createForgeHost({
      site,
      clock,
      app,
      manifestPath: FIXTURE_MANIFEST,
      ...(restLatencyMs === undefined ? {} : { restLatencyMs }),
      ...(runningTime ? { runningTime } : {}),
    });
    host.install();
  };
  afterEach(() => {
    host.uninstall();
    clock.uninstall();
  });

  it('by about 50 ms a call by default', async () => {
    await start();
    const before = Date.now();
    const statuses = await burstOfReads(host, 3);
    expect(statuses).toEqual([200, 200, 200]);
    expect(DEFAULT_REST_LATENCY_MS).toBe(50);
    expect(Date.now() - before).toBe(3 * DEFAULT_REST_LATENCY_MS);
  });

  it('so the per-second burst bucket refills: 250 reads in a row are all served', async () => {
    await start();
    const statuses = await burstOfReads(host, 250);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('with a clock that stood still, the same reads would hit the burst limit', async () => {
    await start(0);
    const statuses = await burstOfReads(host, 250);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('counts towards the invocation’s time limit: 60 s of answers end a 55 s scheduled run as a timeout', async () => {
    // Running time that stands still: only the answers' simulated time counts, however busy the machine is.
    await start(1_000, new ManualRunningTime());
    const statuses: number[] = [];
    const failures: unknown[] = [];
    let remainingAfterTen = 0;
    app.behave('hourly', async () => {
      try {
        for (let i = 0; i < 60; i++) {
          const res = await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
          statuses.push(res.status);
          if (i === 9) remainingAfterTen = getAppContext().invocationRemainingTimeInMillis();
        }
      } catch (error) {
        failures.push(error);
      }
    });
    const record = await host.runScheduled('hourly-tick');
    expect(record.outcome).toBe('timeout');
    // The 55th answer is the one that runs out of time: the handler never sees it, nor makes a 56th call.
    expect(statuses).toHaveLength(54);
    expect(record.requests).toHaveLength(55);
    expect(String(failures[0])).toMatch(/timed out/);
    // Ten answers of 1 s each: the runtime reports 45 s left.
    expect(remainingAfterTen).toBe(45_000);
  });

  it('and a run that stays inside the limit is not touched', async () => {
    await start(1_000);
    const statuses = await burstOfReads(host, 50);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(host.invocations.at(-1)?.outcome).toBe('ok');
  });

  it('is never set back by the host’s own scheduling', async () => {
    await start();
    app.behave('hourly', async () => {
      for (let i = 0; i < 40; i++) await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
    });
    const firstRun = host.nextScheduledRun('hourly-tick');
    await host.advance(firstRun - Date.now());
    const afterRun = Date.now();
    expect(afterRun).toBe(firstRun + 40 * DEFAULT_REST_LATENCY_MS);
    await host.advance(0);
    expect(Date.now()).toBe(afterRun);
  });
});
