export { confidentialityAction } from './confidentiality';
export { nextEscalationLevel } from './escalation';
export {
  isSevere,
  isWorkingTime,
  needsOnCallAlert,
  outOfHoursActions,
  regionCalendar,
  regionFor,
  type IntakeFacts,
} from './support-hours';
