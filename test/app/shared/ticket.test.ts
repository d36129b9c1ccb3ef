import type { IssueBean, JiraGateway } from '../../../src/app/ports/jira';
import { loadTicket, ticketFields, ticketRead, toTicket } from '../../../src/app/shared/ticket';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { CUSTOMER_STATE_KEY } from '../../../src/domain/service/customer-state';
import type { FieldIds } from '../../../src/domain/ticket';
import { startTimer } from '../../../src/domain/timers';

const cfg = configForProject(defaultConfig, 'SUP');
const STATE = startTimer(
  'supportRequest',
  'clarification',
  new Date('2026-11-20T09:00:00Z'),
  { statusId: '3' },
  cfg,
);

const IDS: FieldIds = {
  deliveryVersion: 'customfield_10010',
  estimatedDeliveryDate: 'customfield_10011',
  confidential: 'customfield_10013',
  organizations: 'customfield_10014',
  requestType: 'customfield_10015',
  affectedSystem: 'customfield_10016',
  systemReachable: 'customfield_10017',
};

/** SUP-1 with every field the rules read set. */
const FULL: IssueBean = {
  id: '1000',
  key: 'SUP-1',
  fields: {
    summary: 'Login fails',
    status: { id: '3', name: cfg.names.statuses.clarification },
    issuetype: { id: '10', name: cfg.names.kinds.softwareDefect },
    project: { key: 'SUP' },
    priority: { id: '2', name: cfg.names.priorities.P2 },
    created: '2026-11-20T09:00:00.000+0100',
    updated: '2026-11-26T17:30:00.000+0100',
    reporter: { accountId: 'customer-1', accountType: 'customer' },
    assignee: { accountId: 'agent-1' },
    security: { id: '100', name: 'Support SB' },
    issuelinks: [{ id: '7', type: { name: 'Delivery' }, inwardIssue: { id: '9000', key: 'SUP-9' } }],
    customfield_10010: { value: '2.4.0' },
    customfield_10011: '2026-12-15',
    customfield_10013: { value: 'Yes' },
    customfield_10014: [{ id: '1', name: 'Acme GmbH' }],
    customfield_10015: { requestType: { name: 'Report a bug' } },
    customfield_10016: { value: 'Production' },
    customfield_10017: { value: 'No' },
  },
  properties: { [PROCESS_STATE_KEY]: STATE },
};

describe('toTicket: an issue bean read into the rules’ ticket', () => {
  it('reads every field the rules use, names mapped to the process’s keys', () => {
    expect(toTicket(FULL, IDS, cfg)).toStrictEqual({
      id: '1000',
      key: 'SUP-1',
      projectKey: 'SUP',
      summary: 'Login fails',
      typeId: '10',
      typeName: cfg.names.kinds.softwareDefect,
      kind: 'softwareDefect',
      statusId: '3',
      statusName: cfg.names.statuses.clarification,
      status: 'clarification',
      priority: 'P2',
      priorityName: cfg.names.priorities.P2,
      created: '2026-11-20T09:00:00.000+0100',
      updated: '2026-11-26T17:30:00.000+0100',
      reporterId: 'customer-1',
      reporterAccountType: 'customer',
      assigneeId: 'agent-1',
      securityLevel: { id: '100', name: 'Support SB' },
      organizations: [{ id: '1', name: 'Acme GmbH' }],
      requestTypeName: 'Report a bug',
      deliveryVersion: '2.4.0',
      confidential: 'Yes',
      affectedSystem: 'Production',
      systemReachable: 'No',
      estimatedDeliveryDate: '2026-12-15',
      links: [{ id: '7', typeName: 'Delivery', direction: 'inward', otherId: '9000', otherKey: 'SUP-9' }],
      state: STATE,
    });
  });

  it('an issue without fields or key reads as empty texts and lists, with no optional property at all', () => {
    const ticket = toTicket({ id: '1000' }, IDS, cfg);
    expect(ticket).toStrictEqual({
      id: '1000',
      key: '1000',
      projectKey: '',
      summary: '',
      typeId: '',
      typeName: '',
      statusId: '',
      statusName: '',
      created: '',
      organizations: [],
      links: [],
    });
  });

  it('values of the wrong type read as not set', () => {
    const odd = {
      id: '1000',
      key: 'SUP-1',
      fields: {
        summary: 42,
        status: { id: 3, name: 'Open' },
        issuetype: 'Bug',
        project: { key: 7 },
        created: 1_700_000_000,
        updated: 1_700_000_000,
        priority: null,
        reporter: 'customer-1',
      },
      properties: { [PROCESS_STATE_KEY]: { not: 'a state' } },
    };
    expect(toTicket(odd, IDS, cfg)).toStrictEqual({
      id: '1000',
      key: 'SUP-1',
      projectKey: '',
      summary: '',
      typeId: '',
      typeName: '',
      statusId: '',
      statusName: '',
      created: '',
      organizations: [],
      links: [],
    });
  });

  it('a project without a key reads as no project key', () => {
    expect(toTicket({ id: '1', fields: { project: null } }, IDS, cfg).projectKey).toBe('');
    expect(toTicket({ id: '1', fields: { project: {} } }, IDS, cfg).projectKey).toBe('');
  });

  it('a role the site has no field for reads as not set, whatever else the issue carries', () => {
    const ticket = toTicket(FULL, { organizations: 'customfield_10014' }, cfg);
    expect(ticket.organizations).toEqual([{ id: '1', name: 'Acme GmbH' }]);
    expect(ticket).not.toHaveProperty('deliveryVersion');
    expect(ticket).not.toHaveProperty('requestTypeName');
    expect(ticket).not.toHaveProperty('estimatedDeliveryDate');
  });

  it('names outside the process keep their text without a process key', () => {
    const ticket = toTicket(
      {
        id: '1',
        fields: {
          status: { id: '99', name: 'Triage' },
          issuetype: { id: '98', name: 'Epic' },
          priority: { id: '97', name: 'Whenever' },
        },
      },
      {},
      cfg,
    );
    expect(ticket).toMatchObject({ statusName: 'Triage', typeName: 'Epic', priorityName: 'Whenever' });
    expect(ticket).not.toHaveProperty('status');
    expect(ticket).not.toHaveProperty('kind');
    expect(ticket).not.toHaveProperty('priority');
  });
});

describe('what a read of the ticket asks for', () => {
  it('the system fields the rules read and the site’s custom fields, without unset roles', () => {
    const fields = ticketFields({ organizations: 'customfield_10014', deliveryVersion: undefined });
    expect(fields).toStrictEqual([
      'summary',
      'status',
      'issuetype',
      'project',
      'priority',
      'created',
      'updated',
      'reporter',
      'assignee',
      'security',
      'issuelinks',
      'customfield_10014',
    ]);
  });

  it('both of the app’s properties', () => {
    expect(ticketRead(IDS)).toEqual({
      fields: ticketFields(IDS),
      properties: [PROCESS_STATE_KEY, CUSTOMER_STATE_KEY],
    });
  });
});

describe('loadTicket', () => {
  function jiraWith(bean: IssueBean) {
    const reads: unknown[] = [];
    const jira = {
      getIssue: async (idOrKey: string, read: unknown) => {
        reads.push([idOrKey, read]);
        return bean;
      },
    } as unknown as JiraGateway;
    return { jira, reads };
  }

  it('reads the ticket once, hands the bean as read to the copy keeper, and returns the ticket', async () => {
    const { jira, reads } = jiraWith(FULL);
    const kept: IssueBean[] = [];
    const ticket = await loadTicket(jira, 'SUP-1', IDS, cfg, async (bean) => {
      kept.push(bean);
    });
    expect(reads).toEqual([['SUP-1', ticketRead(IDS)]]);
    expect(kept).toEqual([FULL]);
    expect(ticket).toEqual(toTicket(FULL, IDS, cfg));
  });

  it('reads the ticket without a copy keeper', async () => {
    const { jira } = jiraWith(FULL);
    await expect(loadTicket(jira, '1000', IDS, cfg)).resolves.toEqual(toTicket(FULL, IDS, cfg));
  });
});
