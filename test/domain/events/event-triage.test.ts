import { triageIssueChange } from '../../../src/domain/events/event-triage';
import type { ChangeItem, IssueChangeEvent } from '../../../src/domain/events/issue-change';
import { event, projectConfig } from './rule-fixtures';

const cfg = projectConfig();
const item = (field: string, fieldId?: string): ChangeItem =>
  fieldId === undefined ? { field, toString: null } : { field, fieldId, toString: null };

// Written by hand from PROCESS.md and the rules: which events can change anything. `undefined`: read the ticket.
const TABLE: [string, Partial<IssueChangeEvent>, boolean, string | undefined][] = [
  ['created', { kind: 'created', typeAtEvent: 'Support Request' }, false, undefined],
  ['created, unmanaged type', { kind: 'created', typeAtEvent: 'Epic' }, false, undefined],
  ['status change', { typeAtEvent: 'Incident', items: [item('status', 'status')] }, false, undefined],
  ['type change', { typeAtEvent: 'Incident', items: [item('issuetype', 'issuetype')] }, false, undefined],
  [
    'type change to an unmanaged type',
    { typeAtEvent: 'Epic', items: [item('issuetype', 'issuetype')] },
    false,
    undefined,
  ],
  [
    'type change named only by its field (Jira omits fieldId on some items), unmanaged type',
    { typeAtEvent: 'Epic', items: [item('issuetype')] },
    false,
    undefined,
  ],
  [
    'status change named only by its field',
    { typeAtEvent: 'Incident', items: [item('status')] },
    false,
    undefined,
  ],
  [
    'priority change',
    { typeAtEvent: 'Software Defect', items: [item('priority', 'priority')] },
    false,
    undefined,
  ],
  [
    'priority of an Incident',
    { typeAtEvent: 'Incident', items: [item('priority', 'priority')] },
    false,
    'nothingWatched',
  ],
  [
    'priority and type of an Incident changed together',
    { typeAtEvent: 'Incident', items: [item('priority', 'priority'), item('issuetype', 'issuetype')] },
    false,
    undefined,
  ],
  ['first assignment', { typeAtEvent: 'Incident', items: [item('assignee', 'assignee')] }, false, undefined],
  [
    'assignment in Open',
    {
      typeAtEvent: 'Incident',
      statusAtEvent: { id: '1', name: 'Open' },
      items: [item('assignee', 'assignee')],
    },
    false,
    undefined,
  ],
  [
    'assignment after Open was left',
    {
      typeAtEvent: 'Software Defect',
      statusAtEvent: { id: '3', name: 'In Progress' },
      items: [item('assignee', 'assignee')],
    },
    false,
    'nothingWatched',
  ],
  [
    'assignment, status without a name',
    { typeAtEvent: 'Software Defect', statusAtEvent: { id: '3' }, items: [item('assignee', 'assignee')] },
    false,
    undefined,
  ],
  [
    'Confidential answered',
    { typeAtEvent: 'Incident', items: [item('Confidential personal data?', 'customfield_10050')] },
    false,
    undefined,
  ],
  [
    'Confidential, other case',
    { typeAtEvent: 'Incident', items: [item(' confidential PERSONAL data? ')] },
    false,
    undefined,
  ],
  [
    'Delivery version set',
    { typeAtEvent: 'Software Defect', items: [item('Delivery version', 'customfield_10051')] },
    false,
    undefined,
  ],
  [
    'Delivery version set in Delivery Pending',
    {
      typeAtEvent: 'Consulting Request',
      statusAtEvent: { id: '7', name: 'Delivery Pending' },
      items: [item('Delivery version', 'customfield_10051')],
    },
    false,
    undefined,
  ],
  [
    'Delivery version set before the move into Delivery Pending (the move has its own event)',
    {
      typeAtEvent: 'Software Defect',
      statusAtEvent: { id: '3', name: 'In Progress' },
      items: [item('Delivery version', 'customfield_10051')],
    },
    false,
    'nothingWatched',
  ],
  [
    'Delivery version, status without a name',
    {
      typeAtEvent: 'Software Defect',
      statusAtEvent: { id: '7' },
      items: [item('Delivery version', 'customfield_10051')],
    },
    false,
    undefined,
  ],
  [
    'Delivery version of a kind that is never shipped',
    {
      typeAtEvent: 'Suggestion',
      statusAtEvent: { id: '7', name: 'Delivery Pending' },
      items: [item('Delivery version', 'customfield_10051')],
    },
    false,
    'nothingWatched',
  ],
  [
    'Delivery version and status changed together',
    {
      typeAtEvent: 'Software Defect',
      statusAtEvent: { id: '3', name: 'In Progress' },
      items: [item('Delivery version', 'customfield_10051'), item('status', 'status')],
    },
    false,
    undefined,
  ],
  [
    'summary edited',
    { typeAtEvent: 'Incident', items: [item('summary', 'summary')] },
    true,
    'nothingWatched',
  ],
  [
    'labels and description',
    { typeAtEvent: 'Incident', items: [item('labels', 'labels'), item('description', 'description')] },
    true,
    'nothingWatched',
  ],
  [
    'summary of a Delivery',
    { typeAtEvent: 'Delivery', items: [item('summary', 'summary')] },
    false,
    undefined,
  ],
  ['summary, type not in the payload', { items: [item('summary', 'summary')] }, false, undefined],
  [
    'update of an unmanaged type',
    { typeAtEvent: 'Epic', items: [item('status', 'status')] },
    true,
    'typeNotManaged',
  ],
  [
    'public comment, timer may run',
    { kind: 'commented', typeAtEvent: 'Incident', comment: { id: '1', isPublic: true } },
    true,
    undefined,
  ],
  [
    'public comment, no timer',
    { kind: 'commented', typeAtEvent: 'Incident', comment: { id: '1', isPublic: true } },
    false,
    'noTimerRunning',
  ],
  [
    'comment of unknown visibility, timer may run',
    { kind: 'commented', typeAtEvent: 'Incident', comment: { id: '1' } },
    true,
    undefined,
  ],
  [
    'comment of unknown visibility, no timer',
    { kind: 'commented', typeAtEvent: 'Incident', comment: { id: '1' } },
    false,
    'noTimerRunning',
  ],
  [
    'comment event without the comment, timer may run',
    { kind: 'commented', typeAtEvent: 'Incident' },
    true,
    undefined,
  ],
  [
    'internal note, timer runs',
    { kind: 'commented', typeAtEvent: 'Incident', comment: { id: '1', isPublic: false } },
    true,
    'internalComment',
  ],
  [
    'comment on an unmanaged type',
    { kind: 'commented', typeAtEvent: 'Epic', comment: { id: '1', isPublic: true } },
    true,
    'typeNotManaged',
  ],
];

describe('event triage: what an event can change, from its payload alone', () => {
  it.each(TABLE)('%s', (_name, overrides, timerMayRun, expected) => {
    expect(triageIssueChange({ event: event(overrides), timerMayRun }, cfg)).toBe(expected);
  });

  it('follows renamed fields and kinds', () => {
    const renamed = projectConfig({
      names: { fields: { confidential: 'Vertraulich?' }, kinds: { incident: 'Störung' } },
    });
    const answered = event({ typeAtEvent: 'Störung', items: [item('Vertraulich?')] });
    expect(triageIssueChange({ event: answered, timerMayRun: false }, renamed)).toBeUndefined();
    const old = event({ typeAtEvent: 'Störung', items: [item('Confidential personal data?')] });
    expect(triageIssueChange({ event: old, timerMayRun: false }, renamed)).toBe('nothingWatched');
    expect(
      triageIssueChange(
        { event: event({ typeAtEvent: 'Incident', items: [item('status', 'status')] }), timerMayRun: false },
        renamed,
      ),
    ).toBe('typeNotManaged');
  });
});
