import {
  creationQuery,
  foundByEmail,
  MAX_OFF_ORGANIZATIONS,
  regionsOutOfHours,
} from '../../../src/domain/events/creation-query';
import type { IssueChangeEvent, IssueSnapshot } from '../../../src/domain/events/issue-change';
import { ticketFromCreation } from '../../../src/domain/events/payload-ticket';
import { event, projectConfig, ticket } from './rule-fixtures';

const cfg = projectConfig();
const ids = {
  confidential: 'customfield_10010',
  deliveryVersion: 'customfield_10020',
  organizations: 'customfield_10002',
};
/** Organizations mapped to regions: two to Sibiu (Romanian holidays). */
const mapped = projectConfig({
  regions: {
    organizations: { ACME: 'saarbruecken', 'Sibiu "SRL"': 'sibiu', Globex: 'sibiu', Kiwi: 'melbourne' },
  },
});
/** Wednesday 2 December 2026, 09:00 UTC: a working day in every default region. */
const WEDNESDAY = '2026-12-02T09:00:00.000+0000';

function snapshot(overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    summary: 'Login fails',
    typeId: 't-req',
    typeName: 'Request',
    statusId: 's-open',
    statusName: 'Open',
    projectKey: 'SD',
    created: WEDNESDAY,
    updated: WEDNESDAY,
    reporterId: 'cust-1',
    ...overrides,
  };
}

function createdEvent(snap: Partial<IssueSnapshot> | null = {}, extra: Partial<IssueChangeEvent> = {}) {
  return event({
    kind: 'created',
    changelogId: undefined,
    ...(snap ? { snapshot: snapshot(snap) } : {}),
    ...extra,
  });
}

describe('regionsOutOfHours: the regions for which a moment is not a working day', () => {
  it.each([
    ['Monday 09:00 UTC, St Andrew’s Day in Romania', '2026-11-30T09:00:00Z', ['sibiu']],
    ['Wednesday 09:00 UTC', '2026-12-02T09:00:00Z', []],
    ['Wednesday 00:30 UTC (11:30 in Melbourne)', '2026-12-02T00:30:00Z', []],
    ['Friday 12:59 UTC (23:59 in Melbourne)', '2026-12-04T12:59:00Z', []],
    ['Friday 13:00 UTC (Saturday in Melbourne)', '2026-12-04T13:00:00Z', ['melbourne']],
    [
      'Saturday noon',
      '2026-12-05T12:00:00Z',
      ['saarbruecken', 'graz', 'sibiu', 'london', 'singapore', 'melbourne'],
    ],
    ['Sunday 23:30 UTC (Monday everywhere but London)', '2026-12-06T23:30:00Z', ['london']],
    ['1 December, Romania’s National Day', '2026-12-01T10:00:00Z', ['sibiu']],
  ])('%s', (_name, at, off) => {
    expect(regionsOutOfHours(new Date(at), cfg).sort()).toEqual([...off].sort());
  });

  it('no region, none out of hours', () => {
    const none = { ...cfg, regions: { ...cfg.regions, regions: {} } };
    expect(regionsOutOfHours(new Date('2026-12-05T12:00:00Z'), none)).toEqual([]);
  });
});

describe('creationQuery: the search that finds a new ticket only when a rule acts on what its payload lacks', () => {
  it('a new Request on a working day: the security level and Confidential = Yes', () => {
    expect(creationQuery(createdEvent(), cfg, ids)).toEqual({
      jql: 'id = 10001 AND (level IS NOT EMPTY OR cf[10010] = "Yes")',
    });
  });

  it('a new Incident adds the e-mail channel', () => {
    expect(creationQuery(createdEvent({ typeName: 'Incident' }), cfg, ids)).toEqual({
      jql: 'id = 10001 AND (level IS NOT EMPTY OR cf[10010] = "Yes" OR "request-channel-type" = email)',
    });
  });

  it('names the site’s own Yes, quoted', () => {
    const german = projectConfig({ names: { fieldValues: { yes: 'Ja "sicher"' } } });
    expect(creationQuery(createdEvent(), german, ids)).toEqual({
      jql: 'id = 10001 AND (level IS NOT EMPTY OR cf[10010] = "Ja \\"sicher\\"")',
    });
  });

  it('on a holiday of one region, the organizations mapped to it', () => {
    const holiday = createdEvent({ created: '2026-12-01T10:00:00.000+0000' });
    expect(creationQuery(holiday, mapped, ids)).toEqual({
      jql: 'id = 10001 AND (level IS NOT EMPTY OR cf[10010] = "Yes" OR cf[10002] in ("Sibiu \\"SRL\\"", "Globex"))',
    });
  });

  it('on a holiday of a region no organization is mapped to, no clause for it', () => {
    const holiday = createdEvent({ created: '2026-12-01T10:00:00.000+0000' });
    expect(creationQuery(holiday, cfg, ids)).toEqual({
      jql: 'id = 10001 AND (level IS NOT EMPTY OR cf[10010] = "Yes")',
    });
  });

  it('a creation time that is no instant: read, since no region can be said to be in hours', () => {
    expect(creationQuery(createdEvent({ created: 'yesterday' }), mapped, ids)).toEqual({
      reason: 'outOfHours',
    });
  });

  it('a region out of hours without an Organizations field JQL can name: read', () => {
    const holiday = createdEvent({ created: '2026-12-01T10:00:00.000+0000' });
    expect(creationQuery(holiday, mapped, { ...ids, organizations: 'organizations' })).toEqual({
      reason: 'outOfHours',
    });
    const { organizations: _none, ...withoutOrganizations } = ids;
    expect(creationQuery(holiday, mapped, withoutOrganizations)).toEqual({ reason: 'outOfHours' });
    // On a working day of every region the field is not needed.
    expect(creationQuery(createdEvent(), mapped, withoutOrganizations)).toMatchObject({
      jql: expect.any(String),
    });
  });

  it(`more than ${MAX_OFF_ORGANIZATIONS} organizations out of hours: read`, () => {
    const many = (n: number) =>
      projectConfig({
        regions: {
          organizations: Object.fromEntries(Array.from({ length: n }, (_, i) => [`Org ${i}`, 'sibiu'])),
        },
      });
    const holiday = createdEvent({ created: '2026-12-01T10:00:00.000+0000' });
    expect(creationQuery(holiday, many(MAX_OFF_ORGANIZATIONS), ids)).toMatchObject({
      jql: expect.any(String),
    });
    expect(creationQuery(holiday, many(MAX_OFF_ORGANIZATIONS + 1), ids)).toEqual({ reason: 'outOfHours' });
  });

  it('without a Confidential field only the security level', () => {
    expect(creationQuery(createdEvent(), cfg, { deliveryVersion: 'customfield_10020' })).toEqual({
      jql: 'id = 10001 AND (level IS NOT EMPTY)',
    });
  });

  it.each([
    ['an update', event(), 'notCreated'],
    ['a comment', event({ kind: 'commented' }), 'notCreated'],
    ['a creation without a snapshot', createdEvent(null), 'noSnapshot'],
    ['an id that is no number', createdEvent({}, { issueId: '10001 OR id > 0' }), 'issueIdNotNumeric'],
    [
      'a Software Defect (the priority note)',
      createdEvent({ typeName: 'Software Defect' }),
      'kindNeedsTicket',
    ],
    ['a Support Request', createdEvent({ typeName: 'Support Request' }), 'kindNeedsTicket'],
    ['a Delivery', createdEvent({ typeName: 'Delivery' }), 'kindNeedsTicket'],
    ['a type outside the process', createdEvent({ typeName: 'Task' }), 'kindNeedsTicket'],
    ['a Saturday', createdEvent({ created: '2026-11-28T10:00:00.000+0000' }), 'outOfHours'],
    [
      'a Friday evening, Saturday in Melbourne and Singapore’s customers default to Saarbrücken',
      createdEvent({ created: '2026-12-04T23:00:00.000+0000' }),
      'outOfHours',
    ],
    ['an unreadable creation time', createdEvent({ created: 'soon' }), 'outOfHours'],
  ])('%s is read as before (%s)', (_name, e, reason) => {
    expect(creationQuery(e, cfg, ids)).toEqual({ reason });
  });

  it('a Confidential field JQL cannot name by id is read as before', () => {
    expect(creationQuery(createdEvent(), cfg, { confidential: 'confidential' })).toEqual({
      reason: 'confidentialNotSearchable',
    });
  });
});

describe('foundByEmail: what the creation search found a new Incident by', () => {
  const incident = ticket({ kind: 'incident', typeName: 'Incident' });
  it.each([
    ['neither Confidential nor a level: the channel', { confidential: 'No' }, true],
    ['Confidential unanswered, no level: the channel', {}, true],
    ['Confidential = Yes: unknown', { confidential: 'Yes' }, undefined],
    ['Confidential = yes (another spelling): unknown', { confidential: ' yes' }, undefined],
    ['a security level: unknown', { securityLevel: { id: '1', name: 'DACH support' } }, undefined],
    [
      'a customer whose region is out of hours: unknown',
      { created: '2026-12-01T10:00:00.000+0000', organizations: [{ id: '2', name: 'Globex' }] },
      undefined,
    ],
    [
      'a customer whose region works: the channel',
      { created: '2026-12-01T10:00:00.000+0000', organizations: [{ id: '1', name: 'ACME' }] },
      true,
    ],
    [
      'a customer of that region on a working day: the channel',
      { created: '2026-12-02T10:00:00.000+0000', organizations: [{ id: '2', name: 'Globex' }] },
      true,
    ],
    ['an unreadable creation time: unknown', { created: 'soon', organizations: [] }, undefined],
    [
      'one of two customers’ regions out of hours: unknown',
      {
        created: '2026-12-01T10:00:00.000+0000',
        organizations: [
          { id: '1', name: 'ACME' },
          { id: '2', name: 'Globex' },
        ],
      },
      undefined,
    ],
    [
      'an organization without a region on a holiday elsewhere: the channel',
      { created: '2026-12-01T10:00:00.000+0000', organizations: [{ id: '9', name: 'Unmapped' }] },
      true,
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(foundByEmail({ ...incident, ...overrides }, mapped)).toBe(expected);
  });
});

describe('ticketFromCreation: a new ticket as its payload shows it', () => {
  it('carries the snapshot, no state, and nothing the payload lacks', () => {
    expect(ticketFromCreation(createdEvent({ assigneeId: 'agent-1' }), cfg)).toEqual({
      id: '10001',
      key: 'SD-1',
      projectKey: 'SD',
      summary: 'Login fails',
      typeId: 't-req',
      typeName: 'Request',
      kind: 'request',
      statusId: 's-open',
      statusName: 'Open',
      status: 'open',
      created: WEDNESDAY,
      updated: WEDNESDAY,
      reporterId: 'cust-1',
      assigneeId: 'agent-1',
      organizations: [],
      links: [],
    });
  });

  it('a status outside the configuration has no status key', () => {
    expect(ticketFromCreation(createdEvent({ statusName: 'Triage' }), cfg)?.status).toBeUndefined();
  });

  it.each([
    ['an update', event({ snapshot: snapshot() })],
    ['a creation without a snapshot', createdEvent(null)],
    ['a type outside the process', createdEvent({ typeName: 'Task' })],
  ])('%s gives none', (_name, e) => {
    expect(ticketFromCreation(e, cfg)).toBeUndefined();
  });
});
