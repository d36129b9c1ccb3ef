export { decideTimer } from './decide-timer';
export {
  markAccepted,
  onCustomerComment,
  onReclassified,
  outsideProcess,
  restartForCustomerComment,
  startTimer,
} from './timer-events';
export { timerFor, type TimerStep } from './timer-schedule';
export { indexedInstant } from './indexed-instant';
