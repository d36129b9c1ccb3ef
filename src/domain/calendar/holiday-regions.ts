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
