import { getSettings } from '../../../src/app/admin/get-settings';
import { saveSettings } from '../../../src/app/admin/save-settings';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { MESSAGE_KEYS } from '../../../src/domain/texts/message-keys';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

/** Limits are named on the field that crosses them; nothing is stored and nothing fails unnamed. */
describe('admin settings within the platform limits', () => {
  it('a 1 MB text is a validation error on that text, not an internal error', async () => {
    const { deps, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const texts = {
      ...site.texts,
      deliveryResolved: { ...site.texts.deliveryResolved, en: 'x'.repeat(1 << 20) },
    };
    const result = await saveSettings(
      { scope: 'site', settings: { ...site, texts }, managedProjects: [], expectedVersion: 0 },
      deps,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'texts.deliveryResolved.en', message: expect.stringContaining('32,767') }],
    });
    expect(store.data.has(CONFIG_KEY)).toBe(false);
  });

  it('texts that each fit a comment but together exceed the 240 KiB KVS value name the largest text', async () => {
    const { deps, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const texts = Object.fromEntries(
      MESSAGE_KEYS.map((key, i) => [key, { de: 'ä'.repeat(9_000 + i), en: 'e'.repeat(9_000) }]),
    ) as typeof site.texts;
    const result = await saveSettings(
      { scope: 'site', settings: { ...site, texts }, managedProjects: [], expectedVersion: 0 },
      deps,
    );
    const last = MESSAGE_KEYS[MESSAGE_KEYS.length - 1];
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: `texts.${last}.de`, message: expect.stringContaining('240 KiB') }],
    });
    expect(store.data.has(CONFIG_KEY)).toBe(false);
  });
});
