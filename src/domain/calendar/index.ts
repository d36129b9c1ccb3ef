export { isKnownHolidayRegion, publicHolidayDates, SITE_HOLIDAY_REGIONS } from './holiday-regions';
export {
  addDays,
  isWorkingDay,
  localDateKey,
  nextWorkingDay,
  rollToWorkingDay,
  type CalendarConfig,
} from './working-days';
