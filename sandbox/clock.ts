import FakeTimers from '@sinonjs/fake-timers';

/**
 * The local site's controllable clock. It fakes only `Date` (never timers), so everything in the process —
 * the simulator's timestamps, the Forge host's schedules and the app's own `new Date()` in its entry
 * handlers — sees the same simulated "now", while real timeouts keep working.
 */
export class SimClock {
  private readonly fake: ReturnType<ReturnType<typeof FakeTimers.withGlobal>['install']>;

  constructor(start: Date | string = '2026-01-05T08:00:00Z') {
    this.fake = FakeTimers.withGlobal(globalThis).install({
      toFake: ['Date'],
      now: new Date(start).getTime(),
      shouldAdvanceTime: false,
    });
  }

  now(): Date {
    return new Date();
  }

  set(to: Date | string): void {
    this.fake.setSystemTime(new Date(to).getTime());
  }

  advance(ms: number): Date {
    this.fake.setSystemTime(Date.now() + ms);
    return this.now();
  }

  /**
   * Moves the clock to `to` unless it is already later. Time spent inside invocations (each REST call moves
   * the clock by its latency) is never taken back by the host's own scheduling.
   */
  forwardTo(to: Date | number): Date {
    const target = typeof to === 'number' ? to : to.getTime();
    if (target > Date.now()) this.fake.setSystemTime(target);
    return this.now();
  }

  /** Restore the real `Date` (tests call this in afterAll). */
  uninstall(): void {
    this.fake.uninstall();
  }
}
