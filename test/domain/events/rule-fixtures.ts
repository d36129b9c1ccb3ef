import { configForProject, parseConfig } from '../../../src/domain/config';
import type { ChangeItem, IssueChangeEvent } from '../../../src/domain/events/issue-change';
import type { RuleInput } from '../../../src/domain/events/rule-input';
import type { Ticket } from '../../../src/domain/ticket';

export const NOW = new Date('2026-11-27T10:00:00Z'); // a Friday

export function projectConfig(input: Record<string, unknown> = {}) {
  const parsed = parseConfig({ projects: ['SD'], ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return configForProject(parsed.config, 'SD');
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: '10001',
    key: 'SD-1',
    projectKey: 'SD',
    summary: 'Login fails',
    typeId: 't-sr',
    typeName: 'Support Request',
    kind: 'supportRequest',
    statusId: 's-open',
    statusName: 'Open',
    status: 'open',
    created: '2026-11-27T09:00:00.000+0000',
    reporterId: 'cust-1',
    organizations: [{ id: '1', name: 'ACME' }],
    links: [],
    ...overrides,
  };
}

export function event(overrides: Partial<IssueChangeEvent> = {}): IssueChangeEvent {
  return { kind: 'updated', issueId: '10001', issueKey: 'SD-1', changelogId: 'h1', items: [], ...overrides };
}

/** Freezes `value` and everything it holds: a rule that changed its configuration would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The default configuration, parsed once (parsing takes milliseconds; the property tables build thousands). */
let defaultConfig: ReturnType<typeof projectConfig> | undefined;

export function input(t: Ticket, e: IssueChangeEvent, extra: Partial<RuleInput> = {}): RuleInput {
  defaultConfig ??= deepFreeze(projectConfig());
  return {
    event: e,
    ticket: t,
    config: defaultConfig,
    now: NOW,
    fieldIds: { confidential: 'cf-conf', deliveryVersion: 'cf-ver', organizations: 'cf-org' },
    ...extra,
  };
}

/** `e` with its first changelog item altered (a status or type named differently, a missing id). */
export function withChangeItem(
  e: IssueChangeEvent,
  item: Pick<ChangeItem, 'from' | 'fromString'>,
): IssueChangeEvent {
  const [first, ...rest] = e.items;
  return { ...e, items: [{ ...first, ...item } as ChangeItem, ...rest] };
}
