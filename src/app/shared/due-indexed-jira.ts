import { PROCESS_STATE_KEY } from '../../domain/process-state';
import type { Clock, DueIndexStore } from '../ports';
import type { EntityProperty, JiraGateway } from '../ports/jira';
import { indexedWrite } from './due-index';

/** The `nextDueAt` a written state value carries; anything else counts as nothing due. */
function dueOf(value: unknown): string | undefined {
  const due = (value as { nextDueAt?: unknown } | null)?.nextDueAt;
  return typeof due === 'string' ? due : undefined;
}

/** The issue fields a Forge issue event's payload shows (`issue.fields`); the status changes only by transition. */
const SNAPSHOT_FIELDS = ['summary', 'issuetype', 'project', 'reporter', 'assignee'];

function changesSnapshot(fields: Record<string, unknown> | undefined): boolean {
  return fields !== undefined && SNAPSHOT_FIELDS.some((f) => f in fields);
}

function stateIn(properties: readonly EntityProperty[] | undefined): { value: unknown } | undefined {
  return properties?.find((p) => p.key === PROCESS_STATE_KEY);
}

/**
 * The Jira port with every write of the ticket's state property bracketed by the due index protocol
 * (`indexedWrite`), whichever call carries it: the property alone, an edit or a transition. Use cases keep
 * writing the state as before; the index follows without any of them knowing. An edit that names the ticket view
 * its state was decided from (`stateBasis`) lets the index keep a copy of that state (docs/decisions/0020).
 */
export function dueIndexedJira(jira: JiraGateway, index: DueIndexStore, clock: Clock): JiraGateway {
  const bracket = <T>(
    key: string,
    state: { value: unknown; basis?: string | undefined } | undefined,
    write: () => Promise<T>,
  ) =>
    state
      ? indexedWrite(
          index,
          key,
          { dueAt: dueOf(state.value), value: state.value, basis: state.basis },
          clock.now(),
          write,
        )
      : write();
  const overrides: Partial<JiraGateway> = {
    setIssueProperty: (key, propertyKey, value, options) =>
      bracket(
        key,
        propertyKey === PROCESS_STATE_KEY ? { value, basis: options?.stateBasis } : undefined,
        () => jira.setIssueProperty(key, propertyKey, value),
      ),
    editIssue: (key, edit, options) => {
      const state = stateIn(edit.properties);
      // A write that changes what an event's payload shows keeps no state copy: an event made before it would
      // show the ticket as it was (docs/decisions/0020).
      const basis = changesSnapshot(edit.fields) ? undefined : options?.stateBasis;
      const { stateBasis: _basis, ...jiraOptions } = options ?? {};
      return bracket(key, state && { ...state, basis }, () => jira.editIssue(key, edit, jiraOptions));
    },
    // A transition changes the status an event's payload shows: it keeps no state copy either.
    doTransition: (key, transition) =>
      bracket(key, stateIn(transition.properties), () => jira.doTransition(key, transition)),
  };
  return new Proxy(jira, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof JiraGateway];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
