import type { JqlContext, JqlFieldRef } from '../../../../sandbox/jira/jql';

/** A minimal issue shape for the engine tests; the simulator's real issues are richer. */
export interface FixtureIssue {
  key: string;
  project: { key: string; name: string; id: string };
  status: { name: string; id: string };
  issuetype: { name: string };
  summary: string;
  assignee?: { accountId: string; displayName: string };
  labels: string[];
  created: string;
  updated: string;
  duedate?: string;
  /** cf[10100] "Delivery version" (text). */
  deliveryVersion?: string;
  /** Entity property jsm-process-state. */
  state?: { nextDueAt?: string; remindersSent?: number; phase?: string };
}

const sd = { key: 'SD', name: 'Service Desk', id: '10000' };
const dev = { key: 'DEV', name: 'Delivery', id: '10001' };

export const ISSUES: FixtureIssue[] = [
  {
    key: 'SD-1',
    project: sd,
    status: { name: 'Waiting for customer', id: '10010' },
    issuetype: { name: 'Service Request' },
    summary: 'Printer on floor 3 is jammed',
    assignee: { accountId: 'acc-agent-1', displayName: 'Agent One' },
    labels: ['hardware', 'printer'],
    created: '2026-11-01T09:00:00.000+0000',
    updated: '2026-11-10T12:00:00.000+0000',
    state: { nextDueAt: '2026-11-27T09:00:00.000Z', remindersSent: 1, phase: 'reminded' },
  },
  {
    key: 'SD-2',
    project: sd,
    status: { name: 'In Progress', id: '3' },
    issuetype: { name: 'Incident' },
    summary: 'VPN drops every hour',
    labels: [],
    created: '2026-11-20T08:30:00.000+0000',
    updated: '2026-11-26T16:00:00.000+0000',
    duedate: '2026-11-28',
    state: { nextDueAt: '2026-11-28T09:00:00.000Z', remindersSent: 0, phase: 'waiting' },
  },
  {
    key: 'SD-10',
    project: sd,
    status: { name: 'Waiting for customer', id: '10010' },
    issuetype: { name: 'Incident' },
    summary: 'Email bounces',
    assignee: { accountId: 'acc-agent-2', displayName: 'Agent Two' },
    labels: ['email'],
    created: '2026-11-27T07:00:00.000+0000',
    updated: '2026-11-27T07:30:00.000+0000',
  },
  {
    key: 'DEV-5',
    project: dev,
    status: { name: 'Done', id: '10002' },
    issuetype: { name: 'Delivery' },
    summary: 'Release printer driver',
    labels: ['printer'],
    created: '2026-10-15T10:00:00.000+0000',
    updated: '2026-11-12T10:00:00.000+0000',
    deliveryVersion: '2.4.1',
  },
];

const SYSTEM = [
  'key',
  'issuekey',
  'project',
  'status',
  'issuetype',
  'type',
  'summary',
  'assignee',
  'labels',
  'created',
  'updated',
  'duedate',
];
const PROPERTY_TYPES: Record<string, 'date' | 'number' | 'string'> = {
  nextDueAt: 'date',
  remindersSent: 'number',
  phase: 'string',
};
const ALIASES: Record<string, string> = { processNextDue: 'nextDueAt', processPhase: 'phase' };

/** Resolves names the way the simulator does: case-insensitive system fields, the custom field, properties, aliases. */
function resolveField(name: string): JqlFieldRef | undefined {
  const lower = name.toLowerCase();
  if (SYSTEM.includes(lower))
    return { kind: 'system', id: lower === 'type' ? 'issuetype' : lower === 'issuekey' ? 'key' : lower };
  if (lower === 'cf[10100]' || lower === 'delivery version')
    return { kind: 'custom', id: 'customfield_10100', type: 'string' };
  const property = /^issue\.property\[jsm-process-state\]\.(\w+)$/.exec(name);
  const path = property?.[1] ?? ALIASES[name];
  const type = path === undefined ? undefined : PROPERTY_TYPES[path];
  if (path !== undefined && type !== undefined)
    return { kind: 'property', propertyKey: 'jsm-process-state', path, type };
  return undefined;
}

function fieldValue(issue: unknown, ref: JqlFieldRef): unknown {
  const i = issue as FixtureIssue;
  if (ref.kind === 'property') return i.state?.[ref.path as keyof NonNullable<FixtureIssue['state']>];
  if (ref.kind === 'custom') return i.deliveryVersion;
  return (i as unknown as Record<string, unknown>)[ref.id];
}

/** Friday 2026-11-27 10:00 UTC, signed in as Agent One. */
export const ctx: JqlContext = {
  now: new Date('2026-11-27T10:00:00Z'),
  currentUserAccountId: 'acc-agent-1',
  fieldValue,
  resolveField,
};
