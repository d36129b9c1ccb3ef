export { confidentialityAction, type ConfidentialityDecision } from './confidentiality';
export {
  ESCALATION_REASONS,
  nextEscalationLevel,
  type EscalationLevel,
  type EscalationReason,
} from './escalation';
export {
  isSevere,
  isWorkingTime,
  needsOnCallAlert,
  outOfHoursActions,
  regionCalendar,
  regionFor,
  type IntakeFacts,
} from './support-hours';
