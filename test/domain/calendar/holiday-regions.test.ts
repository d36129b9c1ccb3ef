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

describe('publicHolidayDates: only public holidays, of the state where one is named', () => {
  it.each<[string, string, boolean]>([
    ['DE-SL', '2026-06-04', true], // Corpus Christi, a public holiday in Saarland
    ['DE', '2026-06-04', false], // not one in every German state
    ['de-sl', '2026-06-04', true],
    ['DE-SL', '2026-12-24', false], // Christmas Eve: a bank holiday from 14:00, a working day for support
    ['DE-SL', '2026-12-06', false], // an observance (Advent Sunday)
    ['DE-SL', '2026-12-26', true],
  ])('%s on %s → %s', (region, date, expected) => {
    expect(publicHolidayDates(region, 2026).has(date)).toBe(expected);
  });

  it('keeps each year apart', () => {
    expect(publicHolidayDates('DE-SL', 2027).has('2026-12-25')).toBe(false);
    expect(publicHolidayDates('DE-SL', 2027).has('2027-12-25')).toBe(true);
  });
});

describe('holidayRegionCatalogue: every region the settings accept, named in both languages', () => {
  const catalogue = holidayRegionCatalogue();
  const byCode = new Map(catalogue.map((entry) => [entry.code, entry]));

  it('names a country, and a state after its country', () => {
    expect(byCode.get('DE')?.name).toEqual({ en: 'Germany', de: 'Deutschland' });
    expect(byCode.get('DE-SL')?.name).toEqual({ en: 'Saarland (Germany)', de: 'Saarland (Deutschland)' });
    expect(byCode.get('AT-6')?.name.en).toMatch(/\(Austria\)$/);
  });

  it('lists each country before its states, countries and states in code order', () => {
    const codes = catalogue.map((entry) => entry.code);
    const countries = codes.filter((code) => !code.includes('-'));
    expect(countries).toEqual([...countries].sort());
    expect(countries.length).toBeGreaterThan(100);
    const german = codes.filter((code) => code.startsWith('DE-'));
    expect(german).toEqual([...german].sort());
    expect(codes.indexOf('DE')).toBe(codes.indexOf(german[0] ?? '') - 1);
  });

  it('holds only regions the settings accept, among them every support site', () => {
    expect(catalogue.filter((entry) => !isKnownHolidayRegion(entry.code))).toEqual([]);
    expect(byCode.has('CK-Aitutaki')).toBe(false);
    for (const site of ['DE-SL', 'AT-6', 'RO', 'GB-ENG', 'SG', 'AU-VIC']) expect(byCode.has(site)).toBe(true);
  });

  it('is built once', () => {
    expect(holidayRegionCatalogue()).toBe(catalogue);
  });
});
