import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { MemoryStore } from '../../support/memory-store';

const t0 = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

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
    const store = new MemoryStore();
    const ledger = new ActionLedger(store, 600);
    await ledger.claim('k', t0);
    // The runner that wins the takeover dies right after its takeover write: the claim is never re-armed.
    const set = store.set.bind(store);
    store.set = () => Promise.reject(new Error('killed'));
    await expect(ledger.claim('k', later(600))).rejects.toThrow('killed');
    store.set = set;
    await expect(ledger.claim('k', later(1_000))).resolves.toMatchObject({ kind: 'inProgress' });
    await expect(ledger.claim('k', later(1_200))).resolves.toMatchObject({ kind: 'stale' });
    const racers = await Promise.all([1, 2].map(() => ledger.claim('k', later(1_900))));
    expect(racers.map((r) => r.kind).sort()).toEqual(['inProgress', 'stale']);
  });

  it('frees a released claim', async () => {
    const ledger = new ActionLedger(new MemoryStore());
    await ledger.claim('k', t0);
    await ledger.release('k');
    await expect(ledger.claim('k', t0)).resolves.toEqual({ kind: 'claimed' });
  });
});
