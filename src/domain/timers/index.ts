export { onReclassified, outsideProcess, restartForCustomerComment, startTimer } from './timer-events';
export { timerFor } from './timer-schedule';
