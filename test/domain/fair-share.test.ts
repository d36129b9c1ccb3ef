import { FAIR_SHARE_POLICY, fairShareBudget, spreadOffsetSeconds } from '../../src/domain/fair-share';

describe('fairShareBudget', () => {
  test.each([
    // pool, installations, catching up → budget
    [65_000, 5_000, 0.05, 260],
    [65_000, 5_000, 0.01, 1_300],
    [65_000, 500, 0.05, 2_600],
    [65_000, 10_000, 0.05, 130],
    [65_000, 1, 0.05, 65_000],
    [100, 1_000, 1, 1],
  ])('pool %i, %i installations, %f catching up → %i points per hour', (pool, n, share, budget) => {
    expect(fairShareBudget({ poolPointsPerHour: pool, activeInstallations: n, catchingUpShare: share })).toBe(
      budget,
    );
  });

  test('the shipped policy lets the whole estimated fleet catch up together within one pool', () => {
    const budget = fairShareBudget(FAIR_SHARE_POLICY);
    const catchingUp = FAIR_SHARE_POLICY.activeInstallations * FAIR_SHARE_POLICY.catchingUpShare;
    expect(budget * catchingUp).toBeLessThanOrEqual(FAIR_SHARE_POLICY.poolPointsPerHour);
    expect(budget).toBe(260);
  });
});

describe('spreadOffsetSeconds: FNV-1a of the installation id', () => {
  // The published 32-bit FNV-1a test vectors; a window of 2^32 seconds leaves the hash itself.
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %i', (id, hash) => {
    expect(spreadOffsetSeconds(id, 2 ** 32)).toBe(hash);
    expect(spreadOffsetSeconds(id, 900)).toBe(hash % 900);
  });
});

describe('spreadOffsetSeconds', () => {
  test('is stable per installation and stays inside the window', () => {
    const ids = Array.from({ length: 1_000 }, (_, n) => `installation-${n}`);
    const offsets = ids.map((id) => spreadOffsetSeconds(id, 900));
    expect(offsets.every((o) => Number.isInteger(o) && o >= 0 && o < 900)).toBe(true);
    expect(ids.map((id) => spreadOffsetSeconds(id, 900))).toEqual(offsets);
    expect(spreadOffsetSeconds('any', 0)).toBe(0);
  });

  test('spreads a thousand installations over the window: no minute holds more than a few percent', () => {
    const perMinute = new Map<number, number>();
    for (let n = 0; n < 1_000; n++) {
      const minute = Math.floor(spreadOffsetSeconds(`site-${n}`, 900) / 60);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect(perMinute.size).toBe(15);
    expect(Math.max(...perMinute.values())).toBeLessThan(1_000 * 0.1);
  });
});
