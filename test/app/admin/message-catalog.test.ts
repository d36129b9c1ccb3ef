import { messageCatalog } from '../../../src/app/admin/message-catalog';
import { MESSAGE_KEYS, MESSAGE_PLACEHOLDERS } from '../../../src/domain/texts/message-keys';

describe('message catalogue: every message the admin page edits, with its placeholders', () => {
  const catalog = messageCatalog();

  it('lists every message of the domain once, in catalogue order', () => {
    expect(catalog.map((entry) => entry.key)).toEqual(MESSAGE_KEYS);
  });

  it.each(MESSAGE_KEYS)('%s offers exactly the placeholders its text may use, in order', (key) => {
    const entry = catalog.find((e) => e.key === key);
    expect(entry?.params.map((p) => p.name)).toEqual(MESSAGE_PLACEHOLDERS[key]);
  });

  it.each(catalog.flatMap((entry) => entry.params.map((p) => [entry.key, p.name, p.sample] as const)))(
    '%s previews {%s} with a sample value, not the placeholder name',
    (_key, name, sample) => {
      expect(sample.trim()).not.toBe('');
      expect(sample).not.toBe(name);
    },
  );

  it('says for each message whether customers or only agents read it', () => {
    expect(new Set(catalog.map((entry) => entry.audience))).toEqual(new Set(['public', 'internal']));
  });
});
