import {
  CONFIG_KEY,
  ConfigRepository,
  InvalidStoredConfigError,
  type StoredConfig,
} from '../../../src/app/shared/config-repository';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const LATER = new Date('2026-11-27T10:00:00.000Z');

/** A store whose configuration reads are counted. */
class CountingStore extends MemoryStore {
  reads = 0;
  override async get<T>(key: string): Promise<T | undefined> {
    this.reads += 1;
    return super.get<T>(key);
  }
}

describe('ConfigRepository.load: the configuration in force', () => {
  it("is the guide's defaults, version 0, until an admin saves", async () => {
    const loaded = await new ConfigRepository(new MemoryStore()).load();
    expect(loaded).toEqual({ config: defaultConfig, version: 0, input: {} });
  });

  it('is the stored input with the defaults applied, at its stored version', async () => {
    const store = new MemoryStore();
    const stored: StoredConfig = { version: 4, input: { projects: ['SUP'] }, savedAt: NOW.toISOString() };
    await store.set(CONFIG_KEY, stored);
    const loaded = await new ConfigRepository(store).load();
    expect(loaded).toEqual({
      config: { ...defaultConfig, projects: ['SUP'] },
      version: 4,
      input: { projects: ['SUP'] },
    });
  });

  it.each([
    ['nothing is stored', undefined],
    ['a configuration is stored', { version: 2, input: {}, savedAt: NOW.toISOString() }],
  ])('is read once per invocation when %s', async (_when, stored) => {
    const store = new CountingStore();
    if (stored) await store.set(CONFIG_KEY, stored);
    const repository = new ConfigRepository(store);
    const first = await repository.load();
    await store.set(CONFIG_KEY, { version: 9, input: { projects: ['OPS'] }, savedAt: LATER.toISOString() });
    expect(await repository.load()).toBe(first);
    expect(store.reads).toBe(1);
  });

  it('switches only on-call off for a stored webhook the rules refuse, and says where', async () => {
    const store = new MemoryStore();
    const input = {
      projects: ['SUP'],
      onCall: { mode: 'webhook', target: 'http://oncall.example.com/alert' },
    };
    await store.set(CONFIG_KEY, { version: 1, input, savedAt: NOW.toISOString() });
    const loaded = await new ConfigRepository(store).load();
    expect(loaded.config.onCall.mode).toBe('none');
    expect(loaded.config.projects).toEqual(['SUP']);
    expect(loaded.onCallRefused).toEqual([expect.objectContaining({ path: 'onCall.target' })]);
  });

  it('refuses a stored configuration it cannot trust, naming the fields', async () => {
    const store = new MemoryStore();
    const input = { dryRun: 'yes', projects: 'SUP' };
    await store.set(CONFIG_KEY, { version: 1, input, savedAt: NOW.toISOString() });
    const loading = new ConfigRepository(store).load();
    await expect(loading).rejects.toBeInstanceOf(InvalidStoredConfigError);
    await expect(loading).rejects.toMatchObject({
      name: 'InvalidStoredConfigError',
      message: expect.stringMatching(
        /^stored configuration is invalid: (dryRun, projects|projects, dryRun)$/,
      ),
      errors: expect.arrayContaining([
        expect.objectContaining({ path: 'dryRun' }),
        expect.objectContaining({ path: 'projects' }),
      ]),
    });
  });
});

/** The refusal of a save that read version 0 after admin-1 stored version 1 at `NOW`. */
const BEATEN_BY_ADMIN_1 = {
  ok: false,
  conflict: true,
  currentVersion: 1,
  savedAt: NOW.toISOString(),
  savedBy: 'admin-1',
};

describe('ConfigRepository.save: validated whole, compare-and-set on the version', () => {
  it('stores the input as submitted with the next version, the time and the admin, and loads it', async () => {
    const store = new MemoryStore();
    const repository = new ConfigRepository(store);
    const result = await repository.save({ projects: ['SUP'] }, 0, NOW, 'admin-1');
    expect(result).toEqual({ ok: true, version: 1 });
    expect(store.data.get(CONFIG_KEY)).toEqual({
      version: 1,
      savedAt: NOW.toISOString(),
      savedBy: 'admin-1',
      input: { projects: ['SUP'] },
    });
    expect(store.stamps.get(CONFIG_KEY)).toEqual({
      version: 1,
      savedAt: NOW.toISOString(),
      savedBy: 'admin-1',
    });
    expect(await repository.load()).toEqual({
      config: { ...defaultConfig, projects: ['SUP'] },
      version: 1,
      input: { projects: ['SUP'] },
    });
  });

  it('stores no author when none is given', async () => {
    const store = new MemoryStore();
    await new ConfigRepository(store).save({}, 0, NOW);
    expect(store.data.get(CONFIG_KEY)).not.toHaveProperty('savedBy');
    expect(store.stamps.get(CONFIG_KEY)).toEqual({ version: 1, savedAt: NOW.toISOString() });
  });

  it('the cached configuration after a save is the one saved', async () => {
    const store = new CountingStore();
    const repository = new ConfigRepository(store);
    await repository.load();
    await repository.save({ projects: ['OPS'] }, 0, NOW);
    const reads = store.reads;
    expect((await repository.load()).config.projects).toEqual(['OPS']);
    expect(store.reads).toBe(reads);
  });

  it('refuses an invalid configuration whole, storing nothing', async () => {
    const store = new MemoryStore();
    const result = await new ConfigRepository(store).save({ dryRun: 'yes' }, 0, NOW);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'dryRun' })] });
    expect(store.data.has(CONFIG_KEY)).toBe(false);
  });

  it('refuses a save based on an older version with the version, time and author that beat it', async () => {
    const store = new MemoryStore();
    await new ConfigRepository(store).save({ projects: ['SUP'] }, 0, NOW, 'admin-1');
    const result = await new ConfigRepository(store).save({ projects: ['OPS'] }, 0, LATER, 'admin-2');
    expect(result).toEqual(BEATEN_BY_ADMIN_1);
    expect(store.data.get(CONFIG_KEY)).toMatchObject({ input: { projects: ['SUP'] } });
  });

  it('refuses a save based on a version that was never stored, with version 0 and nothing more', async () => {
    const result = await new ConfigRepository(new MemoryStore()).save({}, 3, NOW);
    expect(result).toEqual({ ok: false, conflict: true, currentVersion: 0 });
  });

  it('names no author of a stored version saved without one', async () => {
    const store = new MemoryStore();
    await new ConfigRepository(store).save({}, 0, NOW);
    const result = await new ConfigRepository(store).save({}, 0, LATER);
    expect(result).toEqual({ ok: false, conflict: true, currentVersion: 1, savedAt: NOW.toISOString() });
  });

  it('of two saves that read the same version, the one written second is refused with the winner', async () => {
    const store = new MemoryStore();
    const slow = new ConfigRepository(store);
    const realGet = store.get.bind(store);
    // The slower save reads version 0, then the other save is stored before it writes.
    store.get = async <T>(key: string): Promise<T | undefined> => {
      const value = await realGet<T>(key);
      store.get = realGet;
      await new ConfigRepository(store).save({ projects: ['SUP'] }, 0, NOW, 'admin-1');
      return value;
    };
    const result = await slow.save({ projects: ['OPS'] }, 0, LATER, 'admin-2');
    expect(result).toEqual(BEATEN_BY_ADMIN_1);
    expect(store.data.get(CONFIG_KEY)).toMatchObject({ input: { projects: ['SUP'] } });
  });

  it('a write refused without the current stamp is a conflict at the version read', async () => {
    const store = new MemoryStore();
    store.setIfVersion = () => Promise.resolve({ ok: false, current: undefined });
    const result = await new ConfigRepository(store).save({}, 0, NOW);
    expect(result).toEqual({ ok: false, conflict: true, currentVersion: 0 });
  });
});
