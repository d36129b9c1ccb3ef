import { parseProductEvent } from '../../../src/app/events/event-payload';
import type { IssueChangeEvent } from '../../../src/domain/events/issue-change';

/** The documented `issue.fields` of a Forge issue event, every one present. */
const FIELDS = {
  summary: 'Login fails',
  issuetype: { id: '10001', name: 'Support Request' },
  status: { id: '3', name: 'Open' },
  project: { key: 'SD' },
  created: '2026-11-27T09:00:00.000+0000',
  updated: '2026-11-27T09:30:00.000+0000',
  reporter: { accountId: 'cust-1' },
  assignee: { accountId: 'agent-1' },
};

/** The snapshot {@link FIELDS} stand for. */
const SNAPSHOT = {
  summary: 'Login fails',
  typeId: '10001',
  typeName: 'Support Request',
  statusId: '3',
  statusName: 'Open',
  projectKey: 'SD',
  created: '2026-11-27T09:00:00.000+0000',
  updated: '2026-11-27T09:30:00.000+0000',
  reporterId: 'cust-1',
  assigneeId: 'agent-1',
};

/** An update event of SD-1 with `extra` merged into its top level. */
function updated(extra: Record<string, unknown> = {}) {
  return { eventType: 'avi:jira:updated:issue', issue: { id: '10001', key: 'SD-1' }, ...extra };
}

/** An update event of SD-1 whose `issue.fields` are `fields`. */
const withFields = (fields: unknown) => updated({ issue: { id: '10001', key: 'SD-1', fields } });

function parsedEvent(payload: unknown) {
  const parsed = parseProductEvent(payload);
  if (!parsed.ok) throw new Error(`refused: ${parsed.problem}`);
  return parsed.event;
}

function issueEvent(payload: unknown): IssueChangeEvent {
  const e = parsedEvent(payload);
  if ('linkId' in e) throw new Error('a link event');
  return e;
}

function problemOf(payload: unknown): string {
  const parsed = parseProductEvent(payload);
  if (parsed.ok) throw new Error(`accepted: ${JSON.stringify(parsed.event)}`);
  return parsed.problem;
}

describe('issue events: the three kinds the rules react to', () => {
  it.each([
    { eventType: 'avi:jira:created:issue', kind: 'created' },
    { eventType: 'avi:jira:updated:issue', kind: 'updated' },
    { eventType: 'avi:jira:commented:issue', kind: 'commented' },
  ])('$eventType is the issue $kind', ({ eventType, kind }) => {
    expect(parsedEvent({ eventType, issue: { id: '10001', key: 'SD-1' } })).toStrictEqual({
      kind,
      issueId: '10001',
      issueKey: 'SD-1',
      items: [],
    });
  });

  it('an event of another kind is refused, naming the event type', () => {
    expect(problemOf(updated({ eventType: 'avi:jira:deleted:issue' }))).toMatch(/^eventType: /);
  });

  it('everything the rules read is carried over; unknown keys are ignored', () => {
    const payload = {
      eventType: 'avi:jira:commented:issue',
      atlassianId: 'agent-1',
      context: { cloudId: 'cloud-1', moduleKey: 'issue-events' },
      issue: { id: '10001', key: 'SD-1', fields: { ...FIELDS, priority: { name: 'High' } } },
      changelog: {
        id: '20042',
        items: [
          { field: 'status', fieldId: 'status', from: '1', to: '3', fromString: 'New', toString: 'Open' },
        ],
      },
      comment: {
        id: 'c1',
        author: { accountId: 'cust-1', accountType: 'customer' },
        jsdPublic: false,
        body: 'text',
      },
      unknown: true,
    };
    expect(parsedEvent(payload)).toStrictEqual({
      kind: 'commented',
      issueId: '10001',
      issueKey: 'SD-1',
      actorId: 'agent-1',
      cloudId: 'cloud-1',
      changelogId: '20042',
      statusAtEvent: { id: '3', name: 'Open' },
      typeAtEvent: 'Support Request',
      snapshot: SNAPSHOT,
      items: [
        { field: 'status', fieldId: 'status', from: '1', to: '3', fromString: 'New', toString: 'Open' },
      ],
      comment: { id: 'c1', authorId: 'cust-1', authorAccountType: 'customer', isPublic: false },
    });
  });

  it.each([
    { name: 'no actor', extra: { atlassianId: '' } },
    { name: 'no site', extra: { context: {} } },
    { name: 'no changelog id', extra: { changelog: { items: [] } } },
    { name: 'an empty changelog id', extra: { changelog: { id: '', items: [] } } },
  ])('an event with $name leaves it out', ({ extra }) => {
    expect(parsedEvent(updated(extra))).toStrictEqual({
      kind: 'updated',
      issueId: '10001',
      issueKey: 'SD-1',
      items: [],
    });
  });

  it('a changelog without items is an update of no item', () => {
    expect(parsedEvent(updated({ changelog: { id: '20042' } }))).toStrictEqual({
      kind: 'updated',
      issueId: '10001',
      issueKey: 'SD-1',
      changelogId: '20042',
      items: [],
    });
  });

  it('a change item keeps what it carries; a cleared side Jira leaves out is null, not an inherited method', () => {
    const items = [{ field: 'summary' }, { field: 'priority', fieldId: 'priority', from: '3', to: null }];
    const empty = { from: null, fromString: null, to: null, toString: null };
    expect(issueEvent(updated({ changelog: { items } })).items).toStrictEqual([
      { ...empty, field: 'summary' },
      { ...empty, field: 'priority', fieldId: 'priority', from: '3' },
    ]);
  });

  it('a change item that names its new side keeps it', () => {
    const items = [{ field: 'priority', toString: 'High' }];
    expect(issueEvent(updated({ changelog: { items } })).items).toStrictEqual([
      { from: null, fromString: null, to: null, toString: 'High', field: 'priority' },
    ]);
  });
});

describe('the issue’s status and type when the event happened', () => {
  it.each([
    { status: { id: '3', name: 'Open' }, atEvent: { id: '3', name: 'Open' } },
    { status: { id: 3 }, atEvent: { id: '3' } },
    { status: { id: '3', name: '' }, atEvent: { id: '3' } },
  ])('status $status is read as $atEvent', ({ status, atEvent }) => {
    const e = parsedEvent(withFields({ status }));
    expect(e).toMatchObject({ statusAtEvent: atEvent });
    expect('statusAtEvent' in e && e.statusAtEvent).toStrictEqual(atEvent);
  });

  it.each([{ fields: {} }, { fields: { status: null } }, { fields: null }, { fields: undefined }])(
    'fields $fields carry no status',
    ({ fields }) => {
      expect(parsedEvent(withFields(fields))).not.toHaveProperty('statusAtEvent');
    },
  );

  it.each([
    { issuetype: { id: '10001', name: 'Support Request' }, typeAtEvent: 'Support Request' },
    { issuetype: { name: 'Support Request' }, typeAtEvent: 'Support Request' },
    { issuetype: { id: '10001' }, typeAtEvent: undefined },
    { issuetype: { id: '10001', name: '' }, typeAtEvent: undefined },
    { issuetype: null, typeAtEvent: undefined },
  ])('issue type $issuetype names the type $typeAtEvent', ({ issuetype, typeAtEvent }) => {
    const e = parsedEvent(withFields({ issuetype }));
    if (typeAtEvent === undefined) expect(e).not.toHaveProperty('typeAtEvent');
    else expect(e).toHaveProperty('typeAtEvent', typeAtEvent);
  });
});

describe('the snapshot: the payload’s view of the ticket, only when every documented field is there', () => {
  it('all documented fields make the snapshot; a numeric id is read as text', () => {
    const fields = {
      ...FIELDS,
      issuetype: { id: 10001, name: 'Support Request' },
      status: { id: 3, name: 'Open' },
    };
    expect(parsedEvent(withFields(fields))).toHaveProperty('snapshot', SNAPSHOT);
  });

  it.each([
    { name: 'an unassigned ticket', fields: { ...FIELDS, assignee: null }, without: 'assigneeId' },
    { name: 'a ticket without reporter', fields: { ...FIELDS, reporter: null }, without: 'reporterId' },
  ])('$name has a snapshot without $without', ({ fields, without }) => {
    const { [without]: _left, ...rest } = SNAPSHOT as Record<string, string>;
    expect(parsedEvent(withFields(fields))).toHaveProperty('snapshot', rest);
  });

  it('an empty summary is a summary', () => {
    expect(parsedEvent(withFields({ ...FIELDS, summary: '' }))).toHaveProperty('snapshot.summary', '');
  });

  const without = (key: keyof typeof FIELDS) => {
    const { [key]: _left, ...rest } = FIELDS;
    return rest;
  };

  it.each([
    { name: 'no summary', fields: without('summary') },
    { name: 'no issue type', fields: without('issuetype') },
    { name: 'an issue type of no id', fields: { ...FIELDS, issuetype: { name: 'Support Request' } } },
    {
      name: 'an issue type of an empty id',
      fields: { ...FIELDS, issuetype: { id: '', name: 'Support Request' } },
    },
    { name: 'an issue type of no name', fields: { ...FIELDS, issuetype: { id: '10001' } } },
    { name: 'a null issue type', fields: { ...FIELDS, issuetype: null } },
    { name: 'no status', fields: without('status') },
    { name: 'a null status', fields: { ...FIELDS, status: null } },
    { name: 'a status of no name', fields: { ...FIELDS, status: { id: '3' } } },
    { name: 'no project', fields: without('project') },
    { name: 'a null project', fields: { ...FIELDS, project: null } },
    { name: 'a project of no key', fields: { ...FIELDS, project: {} } },
    { name: 'no created', fields: without('created') },
    { name: 'no updated', fields: without('updated') },
    { name: 'no reporter', fields: without('reporter') },
    { name: 'no assignee', fields: without('assignee') },
    { name: 'no fields at all', fields: undefined },
    { name: 'null fields', fields: null },
  ])('$name: no snapshot, so a missing field is never read as an empty one', ({ fields }) => {
    expect(parsedEvent(withFields(fields))).not.toHaveProperty('snapshot');
  });
});

describe('the comment of a commented event', () => {
  const commented = (comment: unknown) =>
    issueEvent({ eventType: 'avi:jira:commented:issue', issue: { id: '10001', key: 'SD-1' }, comment });

  it.each([
    { comment: { id: 'c1' }, read: { id: 'c1' } },
    { comment: { id: 'c1', author: { accountId: 'cust-1' } }, read: { id: 'c1', authorId: 'cust-1' } },
    {
      comment: { id: 'c1', author: { accountId: 'cust-1', accountType: '' } },
      read: { id: 'c1', authorId: 'cust-1' },
    },
    { comment: { id: 'c1', jsdPublic: true }, read: { id: 'c1', isPublic: true } },
    { comment: { id: 'c1', jsdPublic: false }, read: { id: 'c1', isPublic: false } },
  ])('$comment is read as $read', ({ comment, read }) => {
    expect(commented(comment).comment).toStrictEqual(read);
  });

  it('an event without comment has none', () => {
    expect(commented(undefined)).not.toHaveProperty('comment');
  });
});

describe('link events: ids only, as text', () => {
  it.each([
    { eventType: 'avi:jira:created:issuelink', kind: 'linkCreated' },
    { eventType: 'avi:jira:deleted:issuelink', kind: 'linkDeleted' },
  ])('$eventType is $kind, with its link type', ({ eventType, kind }) => {
    const payload = {
      eventType,
      id: 10500,
      sourceIssueId: 10001,
      destinationIssueId: '10002',
      issueLinkType: { name: 'Delivery', id: '10100' },
    };
    expect(parsedEvent(payload)).toStrictEqual({
      kind,
      linkId: '10500',
      sourceIssueId: '10001',
      destinationIssueId: '10002',
      linkTypeName: 'Delivery',
    });
  });

  it.each([{ issueLinkType: null }, { issueLinkType: undefined }])(
    'a link of link type $issueLinkType names none',
    ({ issueLinkType }) => {
      const payload = {
        eventType: 'avi:jira:created:issuelink',
        id: '10500',
        sourceIssueId: '10001',
        destinationIssueId: '10002',
        issueLinkType,
      };
      expect(parsedEvent(payload)).toStrictEqual({
        kind: 'linkCreated',
        linkId: '10500',
        sourceIssueId: '10001',
        destinationIssueId: '10002',
      });
    },
  );
});

describe('malformed payloads are refused, saying where', () => {
  const link = {
    eventType: 'avi:jira:created:issuelink',
    id: '10500',
    sourceIssueId: '10001',
    destinationIssueId: '10002',
  };

  it.each([
    { name: 'no payload', payload: undefined, at: 'event' },
    { name: 'a text', payload: 'avi:jira:updated:issue', at: 'event' },
    { name: 'no issue', payload: { eventType: 'avi:jira:updated:issue' }, at: 'issue' },
    { name: 'an issue of no id', payload: updated({ issue: { key: 'SD-1' } }), at: 'issue.id' },
    { name: 'an issue of an empty id', payload: updated({ issue: { id: '', key: 'SD-1' } }), at: 'issue.id' },
    { name: 'an issue of an empty key', payload: updated({ issue: { id: '1', key: '' } }), at: 'issue.key' },
    { name: 'a numeric issue key', payload: updated({ issue: { id: '1', key: 1 } }), at: 'issue.key' },
    { name: 'a numeric actor', payload: updated({ atlassianId: 7 }), at: 'atlassianId' },
    { name: 'an empty site', payload: updated({ context: { cloudId: '' } }), at: 'context.cloudId' },
    { name: 'a numeric site', payload: updated({ context: { cloudId: 7 } }), at: 'context.cloudId' },
    { name: 'a numeric changelog id', payload: updated({ changelog: { id: 7 } }), at: 'changelog.id' },
    { name: 'items not a list', payload: updated({ changelog: { items: {} } }), at: 'changelog.items' },
    {
      name: 'an item of no field',
      payload: updated({ changelog: { items: [{ fieldId: 'status' }] } }),
      at: 'changelog.items.0.field',
    },
    ...(['fieldId', 'from', 'to', 'fromString', 'toString'] as const).map((key) => ({
      name: `an item of a numeric ${key}`,
      payload: updated({ changelog: { items: [{ field: 'status', [key]: 3 }] } }),
      at: `changelog.items.0.${key}`,
    })),
    { name: 'a comment of no id', payload: updated({ comment: {} }), at: 'comment.id' },
    {
      name: 'a comment author of no account',
      payload: updated({ comment: { id: 'c1', author: {} } }),
      at: 'comment.author.accountId',
    },
    {
      name: 'a numeric account type',
      payload: updated({ comment: { id: 'c1', author: { accountId: 'a', accountType: 1 } } }),
      at: 'comment.author.accountType',
    },
    {
      name: 'a textual visibility',
      payload: updated({ comment: { id: 'c1', jsdPublic: 'true' } }),
      at: 'comment.jsdPublic',
    },
    {
      name: 'a status of no id',
      payload: withFields({ status: { name: 'Open' } }),
      at: 'issue.fields.status.id',
    },
    {
      name: 'a status of a null id',
      payload: withFields({ status: { id: null, name: 'Open' } }),
      at: 'issue.fields.status.id',
    },
    {
      name: 'an issue type of a null id',
      payload: withFields({ issuetype: { id: null, name: 'Task' } }),
      at: 'issue.fields.issuetype.id',
    },
    {
      name: 'a null item',
      payload: updated({ changelog: { items: [null] } }),
      at: 'changelog.items.0',
    },
    {
      name: 'an item that is not an object',
      payload: updated({ changelog: { items: ['status'] } }),
      at: 'changelog.items.0',
    },
    {
      name: 'a numeric status name',
      payload: withFields({ status: { id: '3', name: 3 } }),
      at: 'issue.fields.status.name',
    },
    {
      name: 'a numeric type name',
      payload: withFields({ issuetype: { id: '1', name: 1 } }),
      at: 'issue.fields.issuetype.name',
    },
    { name: 'a numeric summary', payload: withFields({ summary: 1 }), at: 'issue.fields.summary' },
    {
      name: 'a numeric project key',
      payload: withFields({ project: { key: 1 } }),
      at: 'issue.fields.project.key',
    },
    { name: 'a numeric created', payload: withFields({ created: 1 }), at: 'issue.fields.created' },
    { name: 'a numeric updated', payload: withFields({ updated: 1 }), at: 'issue.fields.updated' },
    ...(['reporter', 'assignee'] as const).flatMap((who) => [
      {
        name: `a ${who} of an empty account`,
        payload: withFields({ [who]: { accountId: '' } }),
        at: `issue.fields.${who}.accountId`,
      },
      {
        name: `a ${who} of no account`,
        payload: withFields({ [who]: {} }),
        at: `issue.fields.${who}.accountId`,
      },
    ]),
  ])('$name: refused at $at', ({ payload, at }) => {
    expect(problemOf(payload)).toMatch(new RegExp(`^${at.replaceAll('.', '\\.')}: \\S`));
  });

  it.each([
    { name: 'no link id', payload: { ...link, id: undefined } },
    { name: 'a null link id', payload: { ...link, id: null } },
    { name: 'no source', payload: { ...link, sourceIssueId: undefined } },
    { name: 'a null source', payload: { ...link, sourceIssueId: null } },
    { name: 'a source object', payload: { ...link, sourceIssueId: { id: '10001' } } },
    { name: 'no destination', payload: { ...link, destinationIssueId: undefined } },
    { name: 'a null destination', payload: { ...link, destinationIssueId: null } },
    { name: 'a link type of no name', payload: { ...link, issueLinkType: {} } },
    { name: 'a numeric link type name', payload: { ...link, issueLinkType: { name: 1 } } },
  ])('a link event with $name is refused', ({ payload }) => {
    expect(parseProductEvent(payload).ok).toBe(false);
  });
});
