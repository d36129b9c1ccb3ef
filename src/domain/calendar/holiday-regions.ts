import Holidays from 'date-holidays';

/**
 * Public-holiday calendars through `date-holidays`. A region is written `COUNTRY[-STATE]` as in the library's
 * data set: the six support sites (guide §1.1.1) are Saarbrücken `DE-SL`, Graz `AT-6`, Sibiu `RO`, London
 * `GB-ENG`, Singapore `SG` and Melbourne `AU-VIC`.
 * @internal Read by the tests that check every site calendar.
 */
export const SITE_HOLIDAY_REGIONS = ['DE-SL', 'AT-6', 'RO', 'GB-ENG', 'SG', 'AU-VIC'] as const;

// Building a Holidays instance parses the country's rules; do it once per region and once per year.
const instances = new Map<string, Holidays>();
const yearSets = new Map<string, ReadonlySet<string>>();
let catalogue: Holidays | undefined;

function splitRegion(region: string): [string, string | undefined] {
  const [country = '', state] = region.split('-', 2);
  return [country.toUpperCase(), state?.toUpperCase()];
}

/**
 * Whether `region` names a country (and optionally a state) that `date-holidays` knows. The library's own
 * `init` accepts unknown codes silently, so this checks its catalogue instead.
 *
 * @example
 * isKnownHolidayRegion('DE-SL'); // true
 * isKnownHolidayRegion('DE-XX'); // false
 */
export function isKnownHolidayRegion(region: string): boolean {
  if (!/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(region)) return false;
  catalogue ??= new Holidays();
  const [country, state] = splitRegion(region);
  const countries = catalogue.getCountries();
  if (!(country in countries)) return false;
  if (state === undefined) return true;
  const states = catalogue.getStates(country) ?? {};
  return state in states;
}

function instanceFor(region: string): Holidays {
  let instance = instances.get(region);
  if (!instance) {
    const [country, state] = splitRegion(region);
    instance = state === undefined ? new Holidays(country) : new Holidays(country, state);
    instances.set(region, instance);
  }
  return instance;
}

/**
 * The public holidays of `region` in `year` as local `yyyy-MM-dd` dates. Only the library's `public` type
 * counts: bank, school, optional and observance days are working days for the support desk.
 *
 * @example
 * publicHolidayDates('DE-SL', 2026).has('2026-06-04'); // true (Fronleichnam)
 */
export function publicHolidayDates(region: string, year: number): ReadonlySet<string> {
  const cacheKey = `${region}:${year}`;
  let dates = yearSets.get(cacheKey);
  if (!dates) {
    const list = instanceFor(region).getHolidays(year);
    dates = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    yearSets.set(cacheKey, dates);
  }
  return dates;
}

/** One holiday calendar the app knows, by its code and its name in both languages. */
export interface HolidayRegionEntry {
  /** `COUNTRY` or `COUNTRY-STATE`, as the settings store it, e.g. `DE-SL`. */
  readonly code: string;
  readonly name: { readonly en: string; readonly de: string };
}

let regionList: readonly HolidayRegionEntry[] | undefined;

/**
 * Every holiday calendar `isKnownHolidayRegion` accepts: each country, then its states, named as the library
 * names them in English and German (a state reads "Saarland (Germany)"), ordered by code.
 *
 * @example
 * holidayRegionCatalogue().find((r) => r.code === 'DE-SL')?.name.de; // 'Saarland (Deutschland)'
 */
export function holidayRegionCatalogue(): readonly HolidayRegionEntry[] {
  if (regionList) return regionList;
  catalogue ??= new Holidays();
  const countriesEn = catalogue.getCountries('en');
  const countriesDe = catalogue.getCountries('de');
  const list: HolidayRegionEntry[] = [];
  for (const country of Object.keys(countriesEn).sort()) {
    const en = countriesEn[country] ?? country;
    const de = countriesDe[country] ?? en;
    list.push({ code: country, name: { en, de } });
    const statesEn = catalogue.getStates(country, 'en') ?? {};
    const statesDe = catalogue.getStates(country, 'de') ?? {};
    for (const state of Object.keys(statesEn).sort()) {
      // The library lists a few states its own catalogue check does not accept; the settings would refuse them.
      if (!isKnownHolidayRegion(`${country}-${state}`)) continue;
      const stateEn = statesEn[state] ?? state;
      list.push({
        code: `${country}-${state}`,
        name: { en: `${stateEn} (${en})`, de: `${statesDe[state] ?? stateEn} (${de})` },
      });
    }
  }
  regionList = list;
  return list;
}
