import { cachedAnswer } from '../../../src/app/shared/cached-answer';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const KEEP = { yesMs: 15 * 60_000, noMs: 60_000 };

/** A question whose answers are `answers`, one per time it is asked; counts how often it was. */
function question(...answers: boolean[]) {
  let asked = 0;
  return {
    ask: async () => answers[asked++] ?? false,
    asked: () => asked,
  };
}

describe('cachedAnswer: a yes/no from Jira asked at most once per lifetime per key', () => {
  it('reuses an answer given at this very instant', async () => {
    const store = new MemoryStore();
    const q = question(true, false);
    expect(await cachedAnswer(store, 'k', NOW, KEEP, q.ask)).toBe(true);
    expect(await cachedAnswer(store, 'k', NOW, KEEP, q.ask)).toBe(true);
    expect(q.asked()).toBe(1);
  });

  it('asks again when the stored answer is unreadable, and never takes it for a yes', async () => {
    const store = new MemoryStore();
    await store.set('k', { at: NOW.toISOString(), yes: 'yes' });
    const q = question(false);
    expect(await cachedAnswer(store, 'k', NOW, KEEP, q.ask)).toBe(false);
    expect(q.asked()).toBe(1);
  });

  it('asks again for an answer stored in the future (a clock that went back)', async () => {
    const store = new MemoryStore();
    await store.set('k', { at: new Date(NOW.getTime() + 60_000).toISOString(), yes: true });
    const q = question(false);
    expect(await cachedAnswer(store, 'k', NOW, KEEP, q.ask)).toBe(false);
  });

  it('keeps a stored answer one day in KVS at most', async () => {
    const store = new ExpiringStore();
    await cachedAnswer(store, 'k', NOW, KEEP, question(true).ask);
    expect(await store.get('k')).toEqual({ at: NOW.toISOString(), yes: true });
    store.advanceDays(1);
    expect(await store.get('k')).toBeUndefined();
  });
});
