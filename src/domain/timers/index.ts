export { decideTimer, type TicketRef, type TimerDecision } from './decide-timer';
export {
  markAccepted,
  onCustomerComment,
  onReclassified,
  onStatusLeft,
  startTimer,
  type StatusEntry,
  type TimerUpdate,
} from './timer-events';
export {
  nextDueAt,
  timerFor,
  timerSchedule,
  type ScheduledStep,
  type TimerConfig,
  type TimerStep,
} from './timer-schedule';
