/**
 * Type-level proof that a new kind, status, action, timer or message cannot be added without handling it.
 * Checked by `tsc` (an unused `@ts-expect-error` is itself an error); the runtime assertions keep Jest honest.
 */
import type { TimerAction } from '../../src/domain/actions';
import type { EventAction } from '../../src/domain/events/event-actions';
import { assertNever } from '../../src/domain/assert-never';
import { COMMERCIAL_CLASS } from '../../src/domain/commercial-class';
import { DEFAULT_KIND_NAMES, DEFAULT_STATUS_NAMES } from '../../src/domain/config/names-schema';
import { KINDS, type Kind } from '../../src/domain/kinds';
import type { TimerName } from '../../src/domain/process-state';
import { STATUSES, type StatusKey } from '../../src/domain/statuses';
import { DEFAULT_TEXTS } from '../../src/domain/texts/default-texts';
import { type MessageKey } from '../../src/domain/texts/message-keys';
import type { TimerStep } from '../../src/domain/timers/timer-schedule';
import { RECLASSIFICATIONS } from '../../src/domain/workflows/reclassification';
import { WORKFLOWS, type Workflow } from '../../src/domain/workflows/workflow-table';

type NewKind = Kind | 'warrantyClaim';
type NewStatus = StatusKey | 'waitingForThirdParty';
type NewMessage = MessageKey | 'surveyInvitation';

describe('tables keyed by kind, status and message are exhaustive', () => {
  it('kind tables cover every kind, and would not cover a new one', () => {
    const workflows: Record<Kind, Workflow> = WORKFLOWS;
    const names: Record<Kind, string> = DEFAULT_KIND_NAMES;
    const commercial: Record<Kind, string> = COMMERCIAL_CLASS;
    const reclassifications: Record<Kind, readonly Kind[]> = RECLASSIFICATIONS;
    // @ts-expect-error a new kind has no workflow
    const workflowsPlus: Record<NewKind, Workflow> = WORKFLOWS;
    // @ts-expect-error a new kind has no Jira name
    const namesPlus: Record<NewKind, string> = DEFAULT_KIND_NAMES;
    // @ts-expect-error a new kind has no commercial class
    const commercialPlus: Record<NewKind, string> = COMMERCIAL_CLASS;
    expect([
      workflows,
      names,
      commercial,
      reclassifications,
      workflowsPlus,
      namesPlus,
      commercialPlus,
    ]).toHaveLength(7);
    expect(Object.keys(WORKFLOWS).sort()).toEqual([...KINDS].sort());
  });

  it('status names cover every status, and would not cover a new one', () => {
    const names: Record<StatusKey, string> = DEFAULT_STATUS_NAMES;
    // @ts-expect-error a new status has no Jira name
    const namesPlus: Record<NewStatus, string> = DEFAULT_STATUS_NAMES;
    expect([names, namesPlus]).toHaveLength(2);
    expect(Object.keys(DEFAULT_STATUS_NAMES).sort()).toEqual([...STATUSES].sort());
  });

  it('default texts cover every message, and would not cover a new one', () => {
    const texts: Record<MessageKey, { de: string; en: string }> = DEFAULT_TEXTS;
    // @ts-expect-error a new message has no default text
    const textsPlus: Record<NewMessage, { de: string; en: string }> = DEFAULT_TEXTS;
    expect([texts, textsPlus]).toHaveLength(2);
  });
});

function describeAction(action: TimerAction): string {
  switch (action.type) {
    case 'comment':
      return `comment ${action.messageKey}`;
    case 'transition':
      return `transition to ${action.to}`;
    case 'setState':
      return 'setState';
    default:
      return assertNever(action);
  }
}

function describeActionMissingOne(action: TimerAction): string {
  switch (action.type) {
    case 'comment':
    case 'transition':
      return action.type;
    default:
      // @ts-expect-error 'setState' is not handled, so `action` is not `never`
      return assertNever(action);
  }
}

/** The kinds `executeEventActions` performs; a kind added to the union without a case there fails `tsc`. */
const EVENT_ACTION_TYPES = [
  'comment',
  'setSecurityLevel',
  'alertOnCall',
  'revertStatus',
  'revertType',
  'setType',
  'audit',
] as const satisfies readonly EventAction['type'][];
type Listed = (typeof EVENT_ACTION_TYPES)[number];
/** `true` only when every event action kind is listed above. */
const everyEventActionListed: Exclude<EventAction['type'], Listed> extends never ? true : false = true;
// @ts-expect-error the sweep's forward transition is no event action: the executor has no case for it
const transitionIsNoEventAction: EventAction['type'] = 'transition';

function stepName(step: TimerStep): string {
  switch (step.kind) {
    case 'reminder':
      return `reminder ${step.number}`;
    case 'close':
    case 'expiryNotice':
    case 'expire':
      return step.kind;
    default:
      return assertNever(step);
  }
}

function timerLabel(timer: TimerName): string {
  switch (timer) {
    case 'clarification':
    case 'resolved':
    case 'estimate':
      return timer;
    default:
      // @ts-expect-error 'none' is not handled
      return assertNever(timer);
  }
}

describe('switches over unions end in assertNever', () => {
  it('handles every action type', () => {
    expect(describeAction({ type: 'setState', state: {} as never })).toBe('setState');
    expect(describeActionMissingOne({ type: 'transition', to: 'closed', idempotencyKey: 'k' })).toBe(
      'transition',
    );
    expect(EVENT_ACTION_TYPES).toHaveLength(7);
    expect([everyEventActionListed, transitionIsNoEventAction]).toEqual([true, 'transition']);
    expect(stepName({ kind: 'reminder', number: 2 })).toBe('reminder 2');
    expect(timerLabel('estimate')).toBe('estimate');
  });

  it('throws at runtime for a value the types ruled out', () => {
    expect(() => describeAction({ type: 'teleport' } as unknown as TimerAction)).toThrow(
      'Unhandled case: {"type":"teleport"}',
    );
  });
});
