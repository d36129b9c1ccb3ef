import { AUTOMATION_HOLD_KEY, automationHeld, heldConfig } from '../../../src/app/shared/automation-hold';
import { MemoryStore } from '../../support/memory-store';
import { projectConfig } from '../../domain/events/rule-fixtures';

/** A store counting its reads. */
function counted() {
  const store = new MemoryStore();
  let reads = 0;
  const get = store.get.bind(store);
  store.get = async <T>(key: string) => {
    reads += 1;
    return get<T>(key);
  };
  return { store, reads: () => reads };
}

const hold = (store: MemoryStore) =>
  store.set(AUTOMATION_HOLD_KEY, { since: '2026-11-27T10:00:00.000Z', failed: ['jqlSearch'] });

describe('automation hold: a failed platform check keeps automation in dry run', () => {
  it('nothing is held until a check fails', async () => {
    const store = new MemoryStore();
    await expect(automationHeld(store)).resolves.toBe(false);
    await hold(store);
    await expect(automationHeld(store)).resolves.toBe(true);
  });

  it('while held, the configuration is applied in dry run, everything else as the admin chose', async () => {
    const store = new MemoryStore();
    await hold(store);
    const config = projectConfig();
    const held = await heldConfig(store, config);
    expect(held.automation).toEqual({ ...config.automation, dryRun: true });
    expect({ ...held, automation: config.automation }).toEqual(config);
    expect(config.automation.dryRun).toBe(false);
  });

  it('not held: the configuration is applied as it is', async () => {
    const config = projectConfig();
    await expect(heldConfig(new MemoryStore(), config)).resolves.toBe(config);
  });

  it('a configuration in dry run already is taken as it is, without reading KVS', async () => {
    const s = counted();
    await hold(s.store);
    const config = projectConfig({ automation: { dryRun: true } });
    await expect(heldConfig(s.store, config)).resolves.toBe(config);
    expect(s.reads()).toBe(0);
  });
});
