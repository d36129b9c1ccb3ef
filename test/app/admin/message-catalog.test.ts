import { messageCatalog } from '../../../src/app/admin/message-catalog';
import { MESSAGE_KEYS, MESSAGE_PLACEHOLDERS } from '../../../src/domain/texts/message-keys';

/** Every placeholder of every message, as `[message, placeholder]`. */
const PLACEHOLDERS = MESSAGE_KEYS.flatMap((key) =>
  MESSAGE_PLACEHOLDERS[key].map((name) => [key, name] as const),
);

describe('message catalogue: every message the admin page edits, with its placeholders', () => {
  it('lists every message of the domain once, in catalogue order', () => {
    expect(messageCatalog().map((entry) => entry.key)).toEqual(MESSAGE_KEYS);
  });

  it.each(MESSAGE_KEYS)('%s offers exactly the placeholders its text may use, in order', (key) => {
    const entry = messageCatalog().find((e) => e.key === key);
    expect(entry?.params.map((p) => p.name)).toEqual(MESSAGE_PLACEHOLDERS[key]);
  });

  it.each(PLACEHOLDERS)('%s previews {%s} with a sample value, not the placeholder name', (key, name) => {
    const sample = messageCatalog()
      .find((e) => e.key === key)
      ?.params.find((p) => p.name === name)?.sample;
    expect(sample?.trim()).toBeTruthy();
    expect(sample).not.toBe(name);
  });

  it('says for each message whether customers or only agents read it', () => {
    expect(new Set(messageCatalog().map((entry) => entry.audience))).toEqual(new Set(['public', 'internal']));
  });
});
