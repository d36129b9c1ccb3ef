import { PROCESS_STATE_KEY } from '../../domain/process-state';
import type { Clock, DueIndexStore } from '../ports';
import type { EntityProperty, JiraGateway } from '../ports/jira';
import { indexedWrite } from './due-index';

/** The `nextDueAt` a written state value carries; anything else counts as nothing due. */
function dueOf(value: unknown): string | undefined {
  const due = (value as { nextDueAt?: unknown } | null)?.nextDueAt;
  return typeof due === 'string' ? due : undefined;
}

function stateIn(properties: readonly EntityProperty[] | undefined): { value: unknown } | undefined {
  return properties?.find((p) => p.key === PROCESS_STATE_KEY);
}

/**
 * The Jira port with every write of the ticket's state property bracketed by the due index protocol
 * (`indexedWrite`), whichever call carries it: the property alone, an edit or a transition. Use cases keep
 * writing the state as before; the index follows without any of them knowing.
 */
export function dueIndexedJira(jira: JiraGateway, index: DueIndexStore, clock: Clock): JiraGateway {
  const bracket = <T>(key: string, state: { value: unknown } | undefined, write: () => Promise<T>) =>
    state
      ? indexedWrite(index, key, { dueAt: dueOf(state.value), value: state.value }, clock.now(), write)
      : write();
  const overrides: Partial<JiraGateway> = {
    setIssueProperty: (key, propertyKey, value) =>
      bracket(key, propertyKey === PROCESS_STATE_KEY ? { value } : undefined, () =>
        jira.setIssueProperty(key, propertyKey, value),
      ),
    editIssue: (key, edit, options) =>
      bracket(key, stateIn(edit.properties), () => jira.editIssue(key, edit, options)),
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
