import { hourBucket, PointsBudget } from '../../../src/app/sweep/points-budget';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

describe('hourly points budget', () => {
  it('is shared by everyone sweeping in the same clock hour and starts afresh the next hour', async () => {
    const store = new MemoryStore();
    const at = new Date('2026-11-27T10:05:00Z');
    const first = new PointsBudget(store, 100, at);
    await first.charge(60);
    const second = new PointsBudget(store, 100, new Date('2026-11-27T10:55:00Z'));
    expect(await second.remaining()).toBe(40);
    await second.charge(70);
    expect(await first.remaining()).toBe(0);
    expect(await new PointsBudget(store, 100, new Date('2026-11-27T11:00:00Z')).remaining()).toBe(100);
    expect(hourBucket(at)).toBe('2026-11-27T10');
  });

  it.each([
    ['nothing', 0],
    ['a negative measure', -5],
  ])('charging %s neither writes nor gives points back', async (_name, points) => {
    const store = new MemoryStore();
    const budget = new PointsBudget(store, 100, new Date('2026-11-27T10:05:00Z'));
    await budget.charge(points);
    expect(store.data.size).toBe(0);
    await budget.charge(30);
    await budget.charge(points);
    expect(await budget.spent()).toBe(30);
  });

  it("keeps an hour's spending two days, then lets it go", async () => {
    const store = new ExpiringStore();
    const budget = new PointsBudget(store, 100, new Date('2026-11-27T10:05:00Z'));
    await budget.charge(30);
    store.advanceDays(1.9);
    expect(await budget.spent()).toBe(30);
    store.advanceDays(0.1);
    expect(await budget.spent()).toBe(0);
  });
});
