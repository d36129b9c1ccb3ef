import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const t0 = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/**
 * A claim at t0 whose runner died; the runner that wins the takeover at +600 s dies right after its takeover
 * write, so the claim is never re-armed and the takeover record stays behind.
 */
async function takerDiedBeforeRearming() {
  const store = new MemoryStore();
  const ledger = new ActionLedger(store, 600);
  await ledger.claim('k', t0);
  const set = store.set.bind(store);
  store.set = () => Promise.reject(new Error('killed'));
  await expect(ledger.claim('k', later(600))).rejects.toThrow('killed');
  store.set = set;
  return { store, ledger };
}

describe('ActionLedger', () => {
  it('lets exactly one of two concurrent runners claim an action', async () => {
    const ledger = new ActionLedger(new MemoryStore());
    const results = await Promise.all([
      ledger.claim('10001:clarification:1:1', t0),
      ledger.claim('10001:clarification:1:1', t0),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['claimed', 'inProgress']);
  });

  it('reports a completed action as done forever after', async () => {
    const ledger = new ActionLedger(new MemoryStore());
    await ledger.claim('k', t0);
    await ledger.complete('k', later(1));
    await expect(ledger.claim('k', later(10_000))).resolves.toEqual({
      kind: 'done',
      at: later(1).toISOString(),
    });
  });

  it('tells whether an action is done without claiming it', async () => {
    const ledger = new ActionLedger(new MemoryStore());
    await expect(ledger.isDone('k')).resolves.toBe(false);
    await ledger.claim('k', t0);
    await expect(ledger.isDone('k')).resolves.toBe(false);
    await ledger.complete('k', later(1));
    await expect(ledger.isDone('k')).resolves.toBe(true);
    // Asking claimed nothing: an action never claimed is still free.
    await expect(ledger.isDone('other')).resolves.toBe(false);
    await expect(ledger.claim('other', later(2))).resolves.toEqual({ kind: 'claimed' });
  });

  it('reports a pending claim older than the lease as stale, so a crashed runner never blocks an action', async () => {
    const ledger = new ActionLedger(new MemoryStore(), 600);
    await ledger.claim('k', t0);
    await expect(ledger.claim('k', later(599))).resolves.toMatchObject({ kind: 'inProgress' });
    await expect(ledger.claim('k', later(600))).resolves.toMatchObject({ kind: 'stale' });
    await expect(ledger.claim('k', later(601))).resolves.toMatchObject({ kind: 'inProgress' });
  });

  it('gives a stale claim to exactly one of several concurrent runners', async () => {
    const ledger = new ActionLedger(new MemoryStore(), 600);
    await ledger.claim('k', t0);
    const results = await Promise.all([1, 2, 3].map(() => ledger.claim('k', later(900))));
    expect(results.map((r) => r.kind).sort()).toEqual(['inProgress', 'inProgress', 'stale']);
  });

  it('lets a later runner take over again when the taker died too', async () => {
    const ledger = new ActionLedger(new MemoryStore(), 600);
    await ledger.claim('k', t0);
    await expect(ledger.claim('k', later(600))).resolves.toMatchObject({ kind: 'stale' });
    await expect(ledger.claim('k', later(1_300))).resolves.toMatchObject({ kind: 'stale' });
  });

  it('lets a later runner take over when the taker died between its takeover and re-arming the claim', async () => {
    const { ledger } = await takerDiedBeforeRearming();
    await expect(ledger.claim('k', later(1_000))).resolves.toMatchObject({ kind: 'inProgress' });
    await expect(ledger.claim('k', later(1_200))).resolves.toMatchObject({ kind: 'stale' });
    const racers = await Promise.all([1, 2].map(() => ledger.claim('k', later(1_900))));
    expect(racers.map((r) => r.kind).sort()).toEqual(['inProgress', 'stale']);
  });

  it('says until when a claim holds the action: its claimer’s lease, or the lease of the runner that took it over', async () => {
    const ledger = new ActionLedger(new MemoryStore(), 600);
    await ledger.claim('k', t0);
    await expect(ledger.claim('k', later(100))).resolves.toMatchObject({
      kind: 'inProgress',
      staleAt: later(600).toISOString(),
    });
    await expect(ledger.claim('k', later(700))).resolves.toMatchObject({ kind: 'stale' });
    await expect(ledger.claim('k', later(750))).resolves.toMatchObject({
      kind: 'inProgress',
      staleAt: later(1_300).toISOString(),
    });
    const { ledger: diedBeforeRearming } = await takerDiedBeforeRearming();
    await expect(diedBeforeRearming.claim('k', later(1_000))).resolves.toMatchObject({
      kind: 'inProgress',
      staleAt: later(1_200).toISOString(),
    });
  });

  it('frees a released claim', async () => {
    const ledger = new ActionLedger(new MemoryStore());
    await ledger.claim('k', t0);
    await ledger.release('k');
    await expect(ledger.claim('k', t0)).resolves.toEqual({ kind: 'claimed' });
  });
});

describe('ActionLedger keys', () => {
  it('keeps distinct actions apart: claiming one leaves the others free', async () => {
    const ledger = new ActionLedger(new MemoryStore());
    await ledger.claim('10001:clarification:1:1', t0);
    await ledger.complete('10001:clarification:1:1', t0);
    await expect(ledger.claim('10001:clarification:1:2', t0)).resolves.toEqual({ kind: 'claimed' });
    await expect(ledger.claim('10002:clarification:1:1', t0)).resolves.toEqual({ kind: 'claimed' });
  });

  it('claims an action whose marker a concurrent release removed between the two reads', async () => {
    const ledger = new ActionLedger(new MemoryStore());
    await ledger.claim('k', t0);
    const [claim] = await Promise.all([ledger.claim('k', later(1)), ledger.release('k')]);
    expect(claim).toEqual({ kind: 'claimed' });
  });

  it('answers in progress when the takeover record expired between the race and its read', async () => {
    const { store, ledger } = await takerDiedBeforeRearming();
    const get = store.get.bind(store);
    store.get = async <T>(key: string) => {
      if (!key.includes(':takeover:')) return get<T>(key);
      store.data.delete(key);
      return undefined;
    };
    await expect(ledger.claim('k', later(1_300))).resolves.toMatchObject({ kind: 'inProgress' });
  });
});

describe('ActionLedger lifetimes', () => {
  const weeks = (n: number) => n * 7;

  it('a done marker outlives the longest timer cycle (16 weeks), then expires', async () => {
    const store = new ExpiringStore();
    const ledger = new ActionLedger(store);
    await ledger.claim('k', t0);
    await ledger.complete('k', t0);
    store.advanceDays(weeks(16) + 1);
    await expect(ledger.claim('k', t0)).resolves.toMatchObject({ kind: 'done' });
    store.advanceDays(200);
    expect([...store.data.keys()]).toEqual([]);
  });

  it('a claim whose runner died, and its takeover, leave no key behind for ever', async () => {
    const store = new ExpiringStore();
    const ledger = new ActionLedger(store, 600);
    await ledger.claim('k', t0);
    await ledger.claim('abandoned', t0);
    await expect(ledger.claim('k', later(600))).resolves.toMatchObject({ kind: 'stale' });
    store.advanceDays(2);
    expect([...store.data.keys()].sort()).toEqual(['act:abandoned', 'act:k']);
    await expect(ledger.claim('k', later(1_300))).resolves.toMatchObject({ kind: 'stale' });
    store.advanceDays(weeks(16) + 1);
    await expect(ledger.claim('k', later(1_400))).resolves.toMatchObject({ kind: 'inProgress' });
    store.advanceDays(200);
    expect([...store.data.keys()]).toEqual([]);
  });
});
