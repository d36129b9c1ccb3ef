import { configSizeError } from '../../../src/app/shared/config-size';

/** Forge KVS holds at most 240 KiB per value. */
const LIMIT = 240 * 1024;

/** A string whose JSON text (quotes included) takes exactly `n` bytes. */
const textOfBytes = (n: number) => 'x'.repeat(n - 2);

describe('configuration size: the settings must fit one KVS value', () => {
  it('a value of exactly 240 KiB fits', () => {
    expect(configSizeError(textOfBytes(LIMIT), {})).toBeNull();
  });

  it('one byte more does not', () => {
    expect(configSizeError(textOfBytes(LIMIT + 1), {})).not.toBeNull();
  });

  it('counts UTF-8 bytes, not characters', () => {
    const umlauts = 'ä'.repeat(LIMIT / 2);
    expect(umlauts.length).toBeLessThan(LIMIT);
    expect(configSizeError(umlauts, {})).not.toBeNull();
  });

  it('names the largest text of the input, by its dotted path, with both sizes in KiB rounded up', () => {
    const input = {
      texts: { reminder: { de: 'kurz', en: 'y'.repeat(2000) }, close: ['a', 'z'.repeat(3000)] },
      projects: ['SD'],
      budget: 260,
    };
    expect(configSizeError(textOfBytes(LIMIT + 1), input)).toEqual({
      path: 'texts.close.1',
      message:
        'texts.close.1: the settings would take 241 KiB, more than the 240 KiB Forge storage holds; ' +
        'this text is the largest (3 KiB), shorten it',
    });
  });

  it('of two texts of the same size, the first is named', () => {
    const error = configSizeError(textOfBytes(LIMIT + 1), { a: 'same', b: 'same' });
    expect(error?.path).toBe('a');
  });

  it('sizes of a thousand KiB and more are written with a thousands separator', () => {
    const error = configSizeError(textOfBytes(1024 * 1024), { text: 'x' });
    expect(error?.message).toContain('would take 1,024 KiB');
  });

  it('an input without any text names the configuration as a whole', () => {
    expect(configSizeError(textOfBytes(LIMIT + 1), { budget: 260, flags: [true, null] })).toEqual({
      path: '',
      message: expect.stringMatching(
        /^configuration: the settings would take 241 KiB, .* \(0 KiB\), shorten it$/,
      ),
    });
  });

  it('a text as the whole input is named by the empty path', () => {
    expect(configSizeError(textOfBytes(LIMIT + 1), 'plain')?.message).toMatch(/^configuration: .*\(1 KiB\)/);
  });
});
