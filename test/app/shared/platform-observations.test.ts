import {
  commentEventsSeen,
  onCallSeen,
  recordCommentEvent,
  recordOnCallAnswer,
} from '../../../src/app/shared/platform-observations';
import { MemoryStore } from '../../support/memory-store';

const MONDAY = new Date('2026-11-30T08:00:00.000Z');
const TUESDAY = new Date('2026-12-01T08:00:00.000Z');

/** A store that counts its writes. */
function countingStore(): { store: MemoryStore; writes: () => number } {
  const store = new MemoryStore();
  let writes = 0;
  const set = store.set.bind(store);
  store.set = async (key, value) => {
    writes += 1;
    await set(key, value);
  };
  return { store, writes: () => writes };
}

describe('platform observations: what real traffic showed about the site', () => {
  it('has seen nothing on a fresh site', async () => {
    const store = new MemoryStore();
    await expect(commentEventsSeen(store)).resolves.toBeUndefined();
    await expect(onCallSeen(store)).resolves.toBeUndefined();
  });

  it('remembers whether comment events carried the visibility, and when that was first seen', async () => {
    const { store, writes } = countingStore();
    await recordCommentEvent(store, true, MONDAY);
    expect(await commentEventsSeen(store)).toEqual({ at: MONDAY.toISOString(), carriedVisibility: true });
    // The same observation again is not written (a KVS write saved per comment).
    await recordCommentEvent(store, true, TUESDAY);
    expect(writes()).toBe(1);
    expect(await commentEventsSeen(store)).toEqual({ at: MONDAY.toISOString(), carriedVisibility: true });
  });

  it('writes a changed comment observation with its new time', async () => {
    const store = new MemoryStore();
    await recordCommentEvent(store, true, MONDAY);
    await recordCommentEvent(store, false, TUESDAY);
    expect(await commentEventsSeen(store)).toEqual({ at: TUESDAY.toISOString(), carriedVisibility: false });
  });

  it('records the first comment event that carried no visibility', async () => {
    const store = new MemoryStore();
    await recordCommentEvent(store, false, MONDAY);
    expect(await commentEventsSeen(store)).toEqual({ at: MONDAY.toISOString(), carriedVisibility: false });
  });

  it('replaces a stored comment observation it cannot read', async () => {
    const store = new MemoryStore();
    await store.set('platform-checks:seen:comment-events', { carriedVisibility: 'yes' });
    expect(await commentEventsSeen(store)).toBeUndefined();
    await recordCommentEvent(store, true, MONDAY);
    expect(await commentEventsSeen(store)).toEqual({ at: MONDAY.toISOString(), carriedVisibility: true });
  });

  it('keeps the last on-call answer, every time', async () => {
    const store = new MemoryStore();
    await recordOnCallAnswer(store, false, 'HTTP 403', MONDAY);
    expect(await onCallSeen(store)).toEqual({ at: MONDAY.toISOString(), ok: false, detail: 'HTTP 403' });
    await recordOnCallAnswer(store, true, 'accepted', TUESDAY);
    expect(await onCallSeen(store)).toEqual({ at: TUESDAY.toISOString(), ok: true, detail: 'accepted' });
  });

  it('reads an on-call answer it cannot parse as not seen', async () => {
    const store = new MemoryStore();
    await store.set('platform-checks:seen:on-call', { at: MONDAY.toISOString(), ok: 'yes' });
    expect(await onCallSeen(store)).toBeUndefined();
  });

  it('keeps the two observations apart', async () => {
    const store = new MemoryStore();
    await recordOnCallAnswer(store, true, 'accepted', MONDAY);
    expect(await commentEventsSeen(store)).toBeUndefined();
    await recordCommentEvent(store, false, TUESDAY);
    expect(await onCallSeen(store)).toEqual({ at: MONDAY.toISOString(), ok: true, detail: 'accepted' });
  });
});
