/** Pure helpers shared by the Custom UI apps, and the shim's HTML injection: fast, no browser. */
import { injectShim } from '../../sandbox/ui-bridge/host';
import { createFormatters } from '../../static/shared/src/formatting';
import { pickLanguage } from '../../static/shared/src/language';
import { ResolverFailure, unwrapResponse } from '../../static/shared/src/resolver-failure';

describe('pickLanguage', () => {
  test.each([
    ['de-DE', 'de'],
    ['de_AT', 'de'],
    ['DE-ch', 'de'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (locale, language) => expect(pickLanguage(locale)).toBe(language));
});

describe('createFormatters', () => {
  const en = createFormatters('en', 'Europe/Berlin');
  const de = createFormatters('de', 'Europe/Berlin');

  test('durations are compact and unsigned', () => {
    expect(en.duration(30_000)).toBe('< 1 min');
    expect(en.duration(45 * 60_000)).toBe('45 min');
    expect(en.duration(2 * 3_600_000 + 15 * 60_000)).toBe('2 h 15 min');
    expect(en.duration(-(26 * 3_600_000))).toBe('1 d 2 h');
    expect(de.duration(3 * 86_400_000)).toBe('3 T');
  });

  test('instants are shown in the user time zone', () => {
    expect(en.dateTime('2026-11-27T09:00:00.000Z')).toBe('27 Nov 2026, 10:00');
    expect(de.dateTime('2026-11-27T09:00:00.000Z')).toBe('27.11.2026, 10:00');
  });

  test('a calendar date stays that day in any zone', () => {
    expect(createFormatters('en', 'Pacific/Honolulu').date('2026-12-14')).toBe('14 Dec 2026');
  });

  test('relative times in both languages', () => {
    expect(en.relative('2026-11-30T09:00:00Z', '2026-11-27T09:00:00Z')).toBe('in 3 days');
    expect(de.relative('2026-11-27T07:00:00Z', '2026-11-27T09:00:00Z')).toBe('vor 2 Stunden');
  });

  test('an unknown time zone falls back instead of throwing', () => {
    expect(() => createFormatters('en', 'Mars/Olympus').dateTime('2026-11-27T09:00:00Z')).not.toThrow();
  });
});

describe('unwrapResponse', () => {
  test('returns data and throws the typed error', () => {
    expect(unwrapResponse({ data: 42 })).toBe(42);
    expect(() => unwrapResponse({ error: { code: 'FORBIDDEN', message: 'no' } })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as Error,
    );
    expect(() => unwrapResponse(undefined as never)).toThrow(ResolverFailure);
  });

  test('anything thrown by the bridge becomes INTERNAL', () => {
    expect(ResolverFailure.from(new Error('boom')).code).toBe('INTERNAL');
  });
});

describe('injectShim', () => {
  const config = {
    moduleKey: 'process-panel',
    accountId: 'a',
    locale: 'en-US',
    timezone: 'UTC',
    theme: 'light' as const,
    extension: { type: 'jira:adminPage' as const },
  };

  test('puts config and shim first in <head>, before the app bundle', () => {
    const html = injectShim(
      '<html><head><script type="module" src="./index.js"></script></head></html>',
      config,
    );
    const configAt = html.indexOf('__FORGE_SHIM_CONFIG__');
    expect(configAt).toBeGreaterThan(0);
    expect(html.indexOf('/forge-bridge-shim.js')).toBeGreaterThan(configAt);
    expect(html.indexOf('./index.js')).toBeGreaterThan(html.indexOf('/forge-bridge-shim.js'));
  });

  test('cannot be broken out of by a value containing </script>', () => {
    const html = injectShim('<head></head>', { ...config, accountId: '</script><script>alert(1)</script>' });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
