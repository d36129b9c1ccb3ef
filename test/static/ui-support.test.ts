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
  const gb = createFormatters('en-GB', 'Europe/Berlin');
  const us = createFormatters('en-US', 'Europe/Berlin');
  const de = createFormatters('de-DE', 'Europe/Berlin');

  test('durations read as words, at most two units, unsigned', () => {
    expect(gb.duration(30_000)).toBe('less than 1 minute');
    expect(gb.duration(45 * 60_000)).toBe('45 minutes');
    expect(gb.duration(2 * 3_600_000 + 15 * 60_000)).toBe('2 hours and 15 minutes');
    expect(gb.duration(-(26 * 3_600_000))).toBe('1 day and 2 hours');
    expect(de.duration(3 * 86_400_000)).toBe('3 Tage');
    expect(de.duration(26 * 3_600_000)).toBe('1 Tag und 2 Stunden');
    expect(de.duration(60_000)).toBe('1 Minute');
  });

  test('instants are shown in the user time zone and the locale’s own format (en-US is not en-GB)', () => {
    expect(gb.dateTime('2026-11-27T09:00:00.000Z')).toBe('27 Nov 2026, 10:00');
    expect(us.dateTime('2026-11-27T09:00:00.000Z')).toBe('Nov 27, 2026, 10:00 AM');
    expect(de.dateTime('2026-11-27T09:00:00.000Z')).toBe('27.11.2026, 10:00');
    expect(createFormatters('en_US', 'UTC').day('2026-12-09T08:00:00Z')).toBe('Dec 9');
    expect(gb.dayTime('2026-11-29T17:20:00Z')).toBe('29 Nov, 18:20');
    expect(de.day('2026-12-09T08:00:00Z')).toBe('9. Dez.');
  });

  test('numbers follow the locale', () => {
    expect(us.number(1234.5)).toBe('1,234.5');
    expect(de.number(1234.5)).toBe('1.234,5');
  });

  test('a calendar date stays that day in any zone', () => {
    expect(createFormatters('en-GB', 'Pacific/Honolulu').date('2026-12-14')).toBe('14 Dec 2026');
  });

  test('relative times in both languages', () => {
    expect(gb.relative('2026-11-30T09:00:00Z', '2026-11-27T09:00:00Z')).toBe('in 3 days');
    expect(de.relative('2026-11-27T07:00:00Z', '2026-11-27T09:00:00Z')).toBe('vor 2 Stunden');
  });

  test('an unknown time zone or locale falls back instead of throwing', () => {
    expect(() => createFormatters('en-GB', 'Mars/Olympus').dateTime('2026-11-27T09:00:00Z')).not.toThrow();
    expect(createFormatters('fr-FR', 'UTC').date('2026-12-14')).toBe('14 Dec 2026');
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

  test('puts config (a JSON data block, no inline script) and shim first in <head>, before the app bundle', () => {
    const html = injectShim(
      '<html><head><script type="module" src="./index.js"></script></head></html>',
      config,
    );
    const configAt = html.indexOf('<script type="application/json" id="forge-shim-config">');
    expect(JSON.parse(/id="forge-shim-config">([^<]*)</.exec(html)?.[1] ?? '')).toEqual(config);
    expect(configAt).toBeGreaterThan(0);
    expect(html.indexOf('/forge-bridge-shim.js')).toBeGreaterThan(configAt);
    expect(html.indexOf('./index.js')).toBeGreaterThan(html.indexOf('/forge-bridge-shim.js'));
  });

  test('cannot be broken out of by a value containing </script>', () => {
    const html = injectShim('<head></head>', { ...config, accountId: '</script><script>alert(1)</script>' });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
