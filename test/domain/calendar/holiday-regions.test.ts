import {
  holidayRegionCatalogue,
  isKnownHolidayRegion,
  publicHolidayDates,
} from '../../../src/domain/calendar/holiday-regions';

describe('isKnownHolidayRegion: a country, or a country and state, of the holiday data', () => {
  it.each<[string, boolean]>([
    ['de-sl', true],
    ['AT-6', true],
    ['GB-ENG', true],
    ['DE', true],
    ['DE-', false],
    ['DEU', false],
    ['D-SL', false],
    ['DE-SLXX', false],
    [' DE-SL', false],
    ['DE-SL ', false],
    ['CK-Aitutaki', false],
  ])('%j → %s', (region, expected) => {
    expect(isKnownHolidayRegion(region)).toBe(expected);
  });
});

// The dates of a region and year, and the catalogue, are built once per module and kept: each test below reads a
// region and year (or the catalogue) no earlier test has, so that it checks what it builds.
describe('publicHolidayDates: only public holidays, of the state where one is named', () => {
  it('Saarland 2026: Corpus Christi and Christmas, not Christmas Eve (bank) or an Advent Sunday (observance)', () => {
    const dates = publicHolidayDates('DE-SL', 2026);
    expect(dates.has('2026-06-04')).toBe(true);
    expect(dates.has('2026-12-25')).toBe(true);
    expect(dates.has('2026-12-26')).toBe(true);
    expect(dates.has('2026-12-24')).toBe(false);
    expect(dates.has('2026-12-06')).toBe(false);
    expect([...dates].every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))).toBe(true);
  });

  it('Germany as a whole 2026: no Corpus Christi, which not every state keeps', () => {
    const dates = publicHolidayDates('DE', 2026);
    expect(dates.has('2026-06-04')).toBe(false);
    expect(dates.has('2026-12-25')).toBe(true);
  });

  it('a region in small letters is the same region', () => {
    expect(publicHolidayDates('de-sl', 2027).has('2027-05-27')).toBe(true);
  });

  it('keeps each year apart', () => {
    expect(publicHolidayDates('AT-6', 2028).has('2027-12-25')).toBe(false);
    expect(publicHolidayDates('AT-6', 2028).has('2028-12-25')).toBe(true);
    expect(publicHolidayDates('AT-6', 2028)).toBe(publicHolidayDates('AT-6', 2028));
  });
});

describe('holidayRegionCatalogue: every region the settings accept, named in both languages', () => {
  it('names countries and states, in code order, only regions the settings accept, built once', () => {
    const catalogue = holidayRegionCatalogue();
    const byCode = new Map(catalogue.map((entry) => [entry.code, entry]));
    expect(byCode.get('DE')?.name).toEqual({ en: 'Germany', de: 'Deutschland' });
    expect(byCode.get('DE-SL')?.name).toEqual({ en: 'Saarland (Germany)', de: 'Saarland (Deutschland)' });
    expect(byCode.get('AT-6')?.name.en).toMatch(/\(Austria\)$/);
    // The library names countries and states in their own language unless asked for English or German.
    expect(byCode.get('NL')?.name).toEqual({ en: 'Netherlands', de: 'Niederlande' });
    expect(byCode.get('AT-9')?.name).toEqual({ en: 'Vienna (Austria)', de: 'Wien (Österreich)' });
    expect(byCode.get('CH-GE')?.name).toEqual({
      en: 'Canton of Geneva (Switzerland)',
      de: 'Kanton Genf (Schweiz)',
    });

    const codes = catalogue.map((entry) => entry.code);
    const countries = codes.filter((code) => !code.includes('-'));
    expect(countries).toEqual([...countries].sort());
    expect(countries.length).toBeGreaterThan(100);
    const german = codes.filter((code) => code.startsWith('DE-'));
    expect(german).toEqual([...german].sort());
    const swiss = codes.filter((code) => code.startsWith('CH-')); // the library lists them from ZH on
    expect(swiss).toEqual([...swiss].sort());
    expect(swiss.length).toBe(26);
    expect(german.length).toBe(16);
    expect(codes.indexOf('DE')).toBe(codes.indexOf(german[0] ?? '') - 1);

    expect(catalogue.filter((entry) => !isKnownHolidayRegion(entry.code))).toEqual([]);
    expect(byCode.has('CK-Aitutaki')).toBe(false);
    for (const site of ['DE-SL', 'AT-6', 'RO', 'GB-ENG', 'SG', 'AU-VIC']) expect(byCode.has(site)).toBe(true);
    expect(holidayRegionCatalogue()).toBe(catalogue);
  });
});
