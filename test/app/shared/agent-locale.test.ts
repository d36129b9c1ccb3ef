import { AGENT_LOCALE_KEEP_MS, keepAgentLocale, keptAgentLocale } from '../../../src/app/shared/agent-locale';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const KEY = 'events:agentLocale:agent-1';

/** A store that counts its writes. */
function countingStore() {
  const store = new MemoryStore();
  const writes: string[] = [];
  const set = store.set.bind(store);
  store.set = async (key, value) => {
    writes.push(key);
    return set(key, value);
  };
  return { store, writes };
}

describe('an agent’s kept locale', () => {
  it.each([
    { name: 'just kept', keptHoursAgo: 0, expected: 'de-DE' },
    { name: 'kept 23 hours ago', keptHoursAgo: 23, expected: 'de-DE' },
    { name: 'kept exactly a day ago', keptHoursAgo: AGENT_LOCALE_KEEP_MS / HOUR, expected: undefined },
    { name: 'kept “later” than now (a clock gone back)', keptHoursAgo: -1, expected: undefined },
  ])('$name: $expected', async ({ keptHoursAgo, expected }) => {
    const { store } = countingStore();
    await keepAgentLocale(store, 'agent-1', 'de-DE', at(-keptHoursAgo));
    await expect(keptAgentLocale(store, 'agent-1', NOW)).resolves.toBe(expected);
  });

  it.each([
    { name: 'nothing', value: undefined },
    { name: 'a locale of another type', value: { at: NOW.toISOString(), locale: 7 } },
    { name: 'no record', value: 'de-DE' },
  ])('a store holding $name keeps no locale', async ({ value }) => {
    const { store } = countingStore();
    if (value !== undefined) await store.set(KEY, value);
    await expect(keptAgentLocale(store, 'agent-1', NOW)).resolves.toBeUndefined();
  });

  it('a profile without a locale is kept as null, which says “asked, none”', async () => {
    const { store } = countingStore();
    await keepAgentLocale(store, 'agent-1', null, NOW);
    await expect(keptAgentLocale(store, 'agent-1', NOW)).resolves.toBeNull();
  });

  it('each agent’s locale is kept under their own account', async () => {
    const { store } = countingStore();
    await keepAgentLocale(store, 'agent-1', 'de-DE', NOW);
    await keepAgentLocale(store, 'agent-2', 'en-GB', NOW);
    await expect(keptAgentLocale(store, 'agent-1', NOW)).resolves.toBe('de-DE');
    await expect(keptAgentLocale(store, 'agent-2', NOW)).resolves.toBe('en-GB');
  });

  it.each([
    { name: 'nothing kept', kept: undefined, view: 'de-DE', writes: 1 },
    {
      name: 'the same locale kept at this instant',
      kept: { locale: 'de-DE', hoursAgo: 0 },
      view: 'de-DE',
      writes: 0,
    },
    {
      name: 'the same locale kept 11 hours ago',
      kept: { locale: 'de-DE', hoursAgo: 11 },
      view: 'de-DE',
      writes: 0,
    },
    {
      name: 'the same locale kept 12 hours ago',
      kept: { locale: 'de-DE', hoursAgo: 12 },
      view: 'de-DE',
      writes: 1,
    },
    {
      name: 'another locale kept an hour ago',
      kept: { locale: 'en-US', hoursAgo: 1 },
      view: 'de-DE',
      writes: 1,
    },
    {
      name: 'a locale kept “later” than now',
      kept: { locale: 'de-DE', hoursAgo: -1 },
      view: 'de-DE',
      writes: 1,
    },
  ])(
    'a panel view renews the kept locale only when needed ($name: $writes write)',
    async ({ kept, view, writes }) => {
      const { store, writes: written } = countingStore();
      if (kept) await keepAgentLocale(store, 'agent-1', kept.locale, at(-kept.hoursAgo));
      written.length = 0;
      await keepAgentLocale(store, 'agent-1', view, NOW, true);
      expect(written).toHaveLength(writes);
      await expect(keptAgentLocale(store, 'agent-1', NOW)).resolves.toBe(view);
    },
  );

  it('a storage that refuses the write or the read leaves the locale unkept, without an error', async () => {
    const { store } = countingStore();
    store.set = () => Promise.reject(new Error('KVS unavailable'));
    store.get = () => Promise.reject(new Error('KVS unavailable'));
    await expect(keepAgentLocale(store, 'agent-1', 'de-DE', NOW, true)).resolves.toBeUndefined();
    await expect(keepAgentLocale(store, 'agent-1', 'de-DE', NOW)).resolves.toBeUndefined();
  });
});
