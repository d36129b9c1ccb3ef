import { appAccountId } from '../../../src/app/shared/app-account';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

describe('the app’s own account id', () => {
  it('is read once and kept', async () => {
    const store = new MemoryStore();
    const reads: string[] = [];
    const read = async () => {
      reads.push('myself');
      return 'app-1';
    };
    await expect(appAccountId(store, read)).resolves.toBe('app-1');
    await expect(appAccountId(store, read)).resolves.toBe('app-1');
    expect(reads).toEqual(['myself']);
  });

  it('is kept a year, then read again', async () => {
    const store = new ExpiringStore();
    let reads = 0;
    const read = async () => `app-${++reads}`;
    await appAccountId(store, read);
    store.advanceDays(364);
    await expect(appAccountId(store, read)).resolves.toBe('app-1');
    store.advanceDays(2);
    await expect(appAccountId(store, read)).resolves.toBe('app-2');
  });

  it.each([
    { name: 'nothing', kept: undefined },
    { name: 'an empty id', kept: { id: '' } },
    { name: 'an id of another type', kept: { id: 7 } },
    { name: 'a value of another shape', kept: 'app-1' },
  ])('a store holding $name reads it again', async ({ kept }) => {
    const store = new MemoryStore();
    if (kept !== undefined) await store.set('app:accountId', kept);
    await expect(appAccountId(store, async () => 'app-2')).resolves.toBe('app-2');
    await expect(store.get('app:accountId')).resolves.toEqual({ id: 'app-2' });
  });

  it('a failed read keeps nothing and fails', async () => {
    const store = new MemoryStore();
    const failure = new Error('HTTP 503');
    await expect(appAccountId(store, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(store.data.size).toBe(0);
  });
});
