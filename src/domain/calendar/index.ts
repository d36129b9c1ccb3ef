export { isWorkingDay, nextWorkingDay, type CalendarConfig } from './working-days';
