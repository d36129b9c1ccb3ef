import { ForgeKvsAPIError } from '@forge/kvs';
import { join } from 'node:path';

import { SimClock } from '../../../sandbox/clock';
import { createForgeHost, type ForgeHost, type ForgeHostOptions } from '../../../sandbox/forge/host';
import { ManualRunningTime } from '../../../sandbox/forge/running-time';
import { FakeSite } from './fake-site';
import * as app from './fixtures/src/index';

export const FIXTURE_MANIFEST = join(__dirname, 'fixtures', 'manifest.yml');
/** 25 s → 50 ms, 55 s → 110 ms of running time: platform limits scaled so timeout tests finish fast. */
const TIME_SCALE = 0.002;

export interface Harness {
  host: ForgeHost;
  site: FakeSite;
  clock: SimClock;
  /**
   * How long invocations have been running, moved only by the test (`time.advance(ms)`, in scaled milliseconds):
   * no invocation runs out of time because the machine is busy, and a handler that should take too long says so.
   */
  time: ManualRunningTime;
  app: typeof app;
  /** Uninstalls the host, restores Date and checks the host raised no background failures. */
  close(): void;
}

/** A host over the fixture manifest and a fake site, installed, with a fresh sim clock. */
export async function startHost(options: Partial<ForgeHostOptions> = {}): Promise<Harness> {
  const site = new FakeSite();
  const clock = new SimClock('2026-03-02T08:00:00Z');
  app.resetHandlers();
  const time = new ManualRunningTime();
  const host = await createForgeHost({
    site,
    clock,
    app,
    manifestPath: FIXTURE_MANIFEST,
    timeScale: TIME_SCALE,
    runningTime: time,
    ...options,
  });
  host.install();
  return {
    host,
    site,
    clock,
    time,
    app,
    close() {
      host.uninstall();
      clock.uninstall();
      const failures = host.takeHostFailures();
      if (failures.length > 0) throw new Error(`host failures: ${failures.map(String).join('; ')}`);
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The `ForgeKvsAPIError` a KVS call fails with (fails the test when it succeeds or fails otherwise). */
export async function kvsError(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ForgeKvsAPIError))
    throw new Error(`expected ForgeKvsAPIError, got ${String(error)}`);
  return error;
}
