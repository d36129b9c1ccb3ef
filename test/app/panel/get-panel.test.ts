import { getPanel, type PanelDeps } from '../../../src/app/panel/get-panel';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import { NotAgentError } from '../../../src/app/panel/not-agent-error';
import { keptAgentLocale } from '../../../src/app/shared/agent-locale';
import { TicketNotFoundError } from '../../../src/app/panel/ticket-not-found-error';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { ConfigRepository } from '../../../src/app/shared/config-repository';
import type { ProcessState } from '../../../src/domain/process-state';
import { MemoryStore } from '../../support/memory-store';
import { fakeJira, type Canned } from './fake-jira';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const FIELDS = [
  { id: 'summary', name: 'Summary' },
  { id: 'customfield_10010', name: 'Delivery version', custom: true },
  { id: 'customfield_10011', name: 'Estimated delivery date', custom: true },
  { id: 'customfield_10012', name: 'Cloud environment', custom: true },
  { id: 'customfield_10013', name: 'Confidential personal data?', custom: true },
  {
    id: 'customfield_10014',
    name: 'Organizations',
    custom: true,
    schema: { type: 'array', custom: 'com.atlassian.servicedesk:sd-customer-organizations' },
  },
  {
    id: 'customfield_10015',
    name: 'Request Type',
    custom: true,
    schema: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin' },
  },
];

/** A `{ id, name }` bean as Jira returns it for a status, an issue type or a priority. */
const named = (name: string) => ({ id: `${name.length}`, name });

/** Jira's `mypermissions` answer for the JSM agent permission. */
function agentAnswer(havePermission: boolean): Canned {
  return {
    status: 200,
    body: { permissions: { SERVICEDESK_AGENT: { key: 'SERVICEDESK_AGENT', havePermission } } },
  };
}

function state(overrides: Partial<ProcessState>): ProcessState {
  return {
    v: 1,
    timer: 'none',
    statusId: '3',
    cycle: 1,
    enteredAt: ago(25),
    cycleStartedAt: ago(25),
    stepsDone: 0,
    flags: [],
    done: [],
    updatedAt: ago(1),
    ...overrides,
  };
}

function issue(
  key: string,
  fields: Record<string, unknown>,
  processState?: ProcessState,
  histories: unknown[] = [],
) {
  return {
    id: key.replace(/\D/g, '') + '000',
    key,
    fields: {
      project: { key: 'SUP', projectTypeKey: 'service_desk' },
      created: '2026-11-20T09:00:00.000+0000',
      resolutiondate: null,
      security: null,
      issuelinks: [],
      priority: null,
      ...fields,
    },
    properties: processState ? { 'jsm-process-state': processState } : {},
    changelog: { histories },
  };
}

async function deps(table: Parameters<typeof fakeJira>[0], config: unknown = { projects: ['SUP'] }) {
  const store = new MemoryStore();
  const repo = new ConfigRepository(store);
  const saved = await repo.save(config, 0, NOW);
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const jira = fakeJira([
    ['GET', /^\/rest\/api\/3\/field$/, { status: 200, body: FIELDS }],
    ...table,
    ['GET', /^\/rest\/api\/3\/mypermissions\?/, agentAnswer(true)],
  ]);
  const audit = new AuditLog(store);
  const panelDeps: PanelDeps = {
    user: jira.gateway,
    userMeta: jira.meta,
    isAgent: (projectKey) => jira.meta.isAgentInProject(projectKey),
    store,
    config: new ConfigRepository(store),
    audit,
    now: NOW,
  };
  return { panelDeps, jira, audit };
}

const clarificationTicket = issue(
  'SUP-1',
  {
    issuetype: named('Software Defect'),
    status: named('Clarification required / On hold'),
    priority: named('P1'),
  },
  state({
    timer: 'clarification',
    stepsDone: 2,
    lastReset: { at: ago(25), reason: 'statusEntered' },
  }),
  [
    {
      id: '1',
      created: ago(25),
      items: [{ field: 'status', fromString: 'In Progress', toString: 'Clarification required / On hold' }],
    },
  ],
);

/** A changelog history that moved the ticket `days` ago. */
const moveAt = (days: number, from: string, to: string) => ({
  id: `m${days}`,
  created: ago(days),
  items: [{ field: 'status', fromString: from, toString: to }],
});

const sla = (name: string, ongoing: boolean, elapsed: number, goal: number) => ({
  id: name,
  name,
  completedCycles: ongoing
    ? []
    : [
        {
          startTime: { epochMillis: 0 },
          stopTime: { epochMillis: elapsed },
          breached: elapsed > goal,
          goalDuration: { millis: goal },
          elapsedTime: { millis: elapsed },
          remainingTime: { millis: goal - elapsed },
        },
      ],
  ...(ongoing
    ? {
        ongoingCycle: {
          startTime: { epochMillis: 0 },
          breached: elapsed > goal,
          paused: false,
          goalDuration: { millis: goal },
          elapsedTime: { millis: elapsed },
          remainingTime: { millis: goal - elapsed },
        },
      }
    : {}),
});

describe('getPanel', () => {
  it('shows a Software Defect in Clarification: reminders x of 3, next reminder, auto-close, return status, JSM SLAs', async () => {
    const { panelDeps, jira, audit } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: clarificationTicket }],
      [
        'GET',
        /sla$/,
        {
          status: 200,
          body: {
            values: [
              sla('Time to first response', false, 3_600_000, 7_200_000),
              sla('Time to resolution', true, 9_000_000, 8_000_000),
            ],
          },
        },
      ],
    ]);
    await audit.append({
      at: ago(5),
      projectKey: 'SUP',
      issueKey: 'SUP-1',
      issueId: '1000',
      action: 'reminder',
      outcome: 'done',
      source: 'sweep',
      idempotencyKey: 'k2',
    });

    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);

    if (view.view !== 'ticket') throw new Error(`unexpected ${view.view}`);
    expect(view.kind).toBe('softwareDefect');
    expect(view.status).toEqual({ name: 'Clarification required / On hold', role: 'clarification' });
    expect(view.clarification).toEqual({
      state: 'active',
      enteredAt: ago(25),
      remindersSent: 2,
      remindersTotal: 3,
      nextReminderAt: new Date(Date.parse(ago(25)) + 30 * DAY).toISOString(),
      autoCloseAt: new Date(Date.parse(ago(25)) + 40 * DAY).toISOString(),
      returnsTo: { name: 'In Progress', role: 'inProgress' },
      // The timer started when the ticket entered the status: "Waiting since" says it, no second line.
      lastReset: null,
      overdue: false,
    });
    expect(view.done).toBe(false);
    expect(view.nextStep).toEqual({
      kind: 'reminder',
      number: 3,
      total: 3,
      at: new Date(Date.parse(ago(25)) + 30 * DAY).toISOString(),
      closesAt: new Date(Date.parse(ago(25)) + 40 * DAY).toISOString(),
    });
    // P1 is a system-availability priority: on a Software Defect it is a mismatch (guide §3.1).
    expect(view.priority).toMatchObject({
      state: 'set',
      level: 'P1',
      label: { en: 'critical', de: 'kritischer Fehler' },
      category: 'systemAvailability',
      mismatch: true,
    });
    expect(view.clocks.response).toMatchObject({
      source: 'jsmSla',
      state: 'completed',
      breached: false,
      remainingMs: 3_600_000,
    });
    expect(view.clocks.restoration).toMatchObject({ source: 'jsmSla', state: 'running', breached: true });
    expect(view.flags.map((f) => f.code)).toEqual(['priorityMismatch', 'serviceTimeBreached']);
    expect(view.delivery).toEqual({ version: null, deliveryTicket: null, warnings: [] });
    expect(view.commercial).toBe('covered');
    expect(view.resolvedAutoClose).toBeNull();
    expect(view.escalation.map((l) => l.role)).toEqual([
      'personalContact',
      'teamLead',
      'departmentHead',
      'customerServicesHead',
      'board',
    ]);
    // Nobody is configured on the default ladder: the panel folds it; the levels carry the configured names.
    expect(view.escalationConfigured).toBe(false);
    expect(view.escalation[0]?.label.en).toBe('Personal support contact');
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({ action: 'reminderSent', issueKey: 'SUP-1', dryRun: false });
    expect(jira.requests.filter((r) => r.path.startsWith('/rest/api/3/issue/'))).toHaveLength(1);
  });

  it('shows how far the customer escalated, under the configured names of their region group, in the one issue read', async () => {
    const escalated = {
      ...clarificationTicket,
      properties: {
        ...clarificationTicket.properties,
        'jsm-process-customer': {
          v: 1,
          escalations: [
            { level: 1, reason: 'handling', at: ago(3), group: 'dach', by: 'customer-1', repliedAt: ago(3) },
            { level: 2, reason: 'productQuality', at: ago(1), group: 'dach', by: 'someone-hidden' },
          ],
        },
      },
    };
    const { panelDeps, jira } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: escalated }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
      [
        'GET',
        /^\/rest\/api\/3\/user\?accountId=customer-1$/,
        { status: 200, body: { accountId: 'customer-1', displayName: 'Acme Contact 1' } },
      ],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.escalated).toEqual({
      currentLevel: 2,
      history: [
        {
          level: 1,
          label: { en: 'Personal support contact', de: 'Persönlicher Support-Ansprechpartner' },
          reason: { en: 'Handling of a ticket', de: 'Bearbeitung eines Tickets' },
          at: ago(3),
          by: 'Acme Contact 1',
        },
        {
          level: 2,
          label: { en: 'Support team lead DACH', de: 'Support-Teamleitung DACH' },
          reason: { en: 'Product quality', de: 'Produktqualität' },
          at: ago(1),
          // Jira does not show this account to the user: no name.
          by: null,
        },
      ],
    });
    const issueReads = jira.requests.filter((r) => r.path.startsWith('/rest/api/3/issue/'));
    expect(issueReads).toHaveLength(1);
    expect(decodeURIComponent(issueReads[0]?.path ?? '')).toContain(
      'properties=jsm-process-state,jsm-process-customer',
    );
  });

  it('reports nothing escalated when the customer never escalated', async () => {
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: clarificationTicket }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.escalated).toEqual({ currentLevel: 0, history: [] });
  });

  it('shows a Closed ticket quietly: goals met or missed, no running clock, no breach or mismatch alarm', async () => {
    const closed = {
      ...clarificationTicket,
      fields: {
        ...clarificationTicket.fields,
        status: named('Closed'),
        resolutiondate: ago(2).replace('Z', '+0000'),
      },
      properties: { 'jsm-process-state': state({ timer: 'none' }) },
    };
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: closed }],
      [
        'GET',
        /sla$/,
        {
          status: 200,
          body: {
            values: [
              sla('Time to first response', false, 3_600_000, 7_200_000),
              sla('Time to resolution', true, 9_000_000, 8_000_000),
            ],
          },
        },
      ],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.done).toBe(true);
    expect(view.nextStep).toEqual({ kind: 'none', reason: 'closed' });
    expect(view.flags).toEqual([]);
    expect(view.priority).toMatchObject({ level: 'P1', mismatch: false });
    expect(view.clocks.response).toMatchObject({ state: 'completed', breached: false });
    // The resolution SLA never stopped on this site: the panel settles it as missed, not running.
    expect(view.clocks.restoration).toMatchObject({ state: 'completed', breached: true, remainingMs: null });
  });

  it('says a past-due step is overdue and left to the next sweep, never a date in the past', async () => {
    const late = issue(
      'SUP-1',
      { issuetype: named('Software Defect'), status: named('Clarification required / On hold') },
      state({ timer: 'clarification', stepsDone: 2, enteredAt: ago(45), cycleStartedAt: ago(45) }),
    );
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: late }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.nextStep).toEqual({ kind: 'overdue', step: 'reminder', number: 3, total: 3 });
    expect(view.clarification).toMatchObject({ state: 'active', overdue: true });
  });

  it('falls back to the app clocks and configured targets when the user gets no SLA from JSM', async () => {
    // Created Open 7 days ago, accepted when an agent moved it out of Open 6 days ago.
    const accepted = {
      ...clarificationTicket,
      changelog: {
        histories: [
          moveAt(6, 'Open', 'In Progress'),
          moveAt(1, 'In Progress', 'Clarification required / On hold'),
        ],
      },
    };
    const { panelDeps } = await deps(
      [
        ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: accepted }],
        ['GET', /sla$/, { status: 403, body: { errorMessage: 'no' } }],
      ],
      { projects: ['SUP'], priorities: { P1: { responseMinutes: 60, restorationMinutes: 24 * 60 } } },
    );
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    // Response: from creation (7 days ago) until the agent accepted it (6 days ago) = 24 h against 1 h.
    expect(view.clocks.response).toMatchObject({
      source: 'app',
      state: 'completed',
      elapsedMs: DAY,
      targetMs: 3_600_000,
      breached: true,
    });
    // Restoration: running since acceptance, 6 days against 24 h.
    expect(view.clocks.restoration).toMatchObject({
      source: 'app',
      state: 'running',
      elapsedMs: 6 * DAY,
      remainingMs: -5 * DAY,
    });
  });

  it('warns on Delivery Pending without version and shows a CUSTOM version with its Delivery ticket', async () => {
    const pending = issue('SUP-2', {
      issuetype: named('Customisation'),
      status: named('Delivery Pending'),
    });
    const custom = issue('SUP-3', {
      issuetype: named('Consulting Request'),
      status: named('Delivery Pending'),
      customfield_10010: 'CUSTOM',
      issuelinks: [
        {
          type: { name: 'Delivery', inward: 'is shipped in', outward: 'ships' },
          id: '701',
          inwardIssue: { id: '9000', key: 'SUP-9' },
        },
      ],
    });
    const delivery = issue('SUP-9', {
      status: named('Planned'),
      customfield_10010: '14.21.3.1',
      customfield_10011: '2026-12-15',
    });
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-2\?/, { status: 200, body: pending }],
      ['GET', /^\/rest\/api\/3\/issue\/SUP-3\?/, { status: 200, body: custom }],
      ['GET', /^\/rest\/api\/3\/issue\/SUP-9\?/, { status: 200, body: delivery }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const first = await getPanel({ issueKey: 'SUP-2', projectKey: 'SUP' }, panelDeps);
    if (first.view !== 'ticket') throw new Error(first.view);
    expect(first.delivery?.warnings).toEqual(['missingVersion', 'noDeliveryTicket']);
    expect(first.flags.map((f) => f.code)).toEqual(['missingDeliveryVersion', 'noDeliveryTicket']);
    expect(first.commercial).toBe('quoted');
    expect(first.priority).toEqual({ state: 'notApplicable' });

    const second = await getPanel({ issueKey: 'SUP-3', projectKey: 'SUP' }, panelDeps);
    if (second.view !== 'ticket') throw new Error(second.view);
    expect(second.commercial).toBe('chargeable');
    expect(second.delivery).toEqual({
      version: { type: 'custom' },
      deliveryTicket: {
        key: 'SUP-9',
        status: { name: 'Planned', role: 'planned' },
        version: '14.21.3.1',
        estimatedDate: '2026-12-15',
      },
      warnings: [],
    });
  });

  it('shows the estimate validity of a Customisation in Estimation available', async () => {
    const ticket = issue(
      'SUP-4',
      { issuetype: named('Customisation'), status: named('Estimation available') },
      state({ timer: 'estimate', enteredAt: ago(110), cycleStartedAt: ago(110) }),
    );
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-4\?/, { status: 200, body: ticket }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-4', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    // 16 weeks = 112 days from Estimation available; 110 days have passed. Days are counted in the project's
    // time zone (Europe/Berlin): 11:00 CEST in August is 11:00 CET in November, one hour later in UTC.
    expect(view.estimate).toEqual({
      availableSince: ago(110),
      validUntil: '2026-11-29T10:00:00.000Z',
      daysLeft: 2,
      expired: false,
    });
    expect(view.clarification).toEqual({ state: 'inactive' });
  });

  it('lists the tickets a Delivery ships with request type and current status, as the user sees them', async () => {
    const delivery = issue('SUP-9', {
      issuetype: named('Delivery'),
      status: named('Planned'),
      customfield_10010: '14.21.3.1',
      customfield_10011: '2027-01-12',
      customfield_10012: 'Dedicated Cloud',
      issuelinks: [
        { id: '702', type: { name: 'Delivery' }, outwardIssue: { id: '3000', key: 'SUP-3' } },
        { id: '703', type: { name: 'Relates' }, outwardIssue: { id: '5000', key: 'SUP-5' } },
      ],
    });
    const { panelDeps, jira } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-9\?/, { status: 200, body: delivery }],
      [
        'POST',
        /^\/rest\/api\/3\/search\/jql$/,
        (_m, body) => {
          expect((body as { jql: string }).jql).toBe('key in ("SUP-3") ORDER BY key ASC');
          return {
            status: 200,
            body: {
              issues: [
                {
                  id: '3000',
                  key: 'SUP-3',
                  fields: {
                    summary: 'Export fails',
                    status: named('Delivery Pending'),
                    issuetype: named('Consulting Request'),
                    customfield_10015: { requestType: { name: 'Get help' } },
                  },
                },
              ],
              isLast: true,
            },
          } satisfies Canned;
        },
      ],
    ]);
    const view = await getPanel({ issueKey: 'SUP-9', projectKey: 'SUP' }, panelDeps);
    expect(view).toMatchObject({
      view: 'delivery',
      version: '14.21.3.1',
      estimatedDate: '2027-01-12',
      cloudEnvironment: 'Dedicated Cloud',
      flags: [],
      included: [
        {
          key: 'SUP-3',
          requestType: 'Get help',
          summary: 'Export fails',
          kind: 'consultingRequest',
          status: { name: 'Delivery Pending', role: 'deliveryPending' },
        },
      ],
    });
    expect(jira.requests.some((r) => r.path.includes('/sla'))).toBe(false);
  });

  it('answers the empty state for projects the app does not manage and unknown types', async () => {
    const other = issue('SUP-6', { issuetype: named('Task'), status: named('Open') });
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-6\?/, { status: 200, body: other }],
    ]);
    await expect(getPanel({ issueKey: 'SUP-6', projectKey: 'SUP' }, panelDeps)).resolves.toMatchObject({
      view: 'unsupported',
      reason: 'unknownType',
      typeName: 'Task',
    });

    const disabled = await deps([['GET', /^\/rest\/api\/3\/issue\/SUP-6\?/, { status: 200, body: other }]], {
      projects: [],
    });
    await expect(
      getPanel({ issueKey: 'SUP-6', projectKey: 'SUP' }, disabled.panelDeps),
    ).resolves.toMatchObject({ view: 'unsupported', reason: 'projectNotEnabled' });
  });

  it('refuses a read of another ticket than the one of the trusted context', async () => {
    // The page answers the read of SUP-1 with a ticket it may see, SUP-2: the panel must not show SUP-1's
    // audit trail beside it, nor SUP-2's data as SUP-1's.
    const other = { ...clarificationTicket, id: '2000', key: 'SUP-2' };
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: other }],
    ]);
    const refusal = getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    await expect(refusal).rejects.toBeInstanceOf(InvalidPayloadError);
    await expect(refusal).rejects.toMatchObject({ problems: [expect.stringMatching(/^answers: \S/)] });
    await expect(
      getPanel({ issueKey: 'SUP-1', issueId: '1000', projectKey: 'SUP' }, panelDeps),
    ).rejects.toBeInstanceOf(InvalidPayloadError);
    // A moved ticket answers under its new key; the context's id decides.
    await expect(
      getPanel({ issueKey: 'SUP-1', issueId: '2000', projectKey: 'SUP' }, panelDeps),
    ).resolves.toMatchObject({ view: 'ticket', issueKey: 'SUP-2' });
  });

  it('reports a ticket the user cannot see as not found', async () => {
    const { panelDeps } = await deps([]);
    await expect(getPanel({ issueKey: 'SUP-7', projectKey: 'SUP' }, panelDeps)).rejects.toBeInstanceOf(
      TicketNotFoundError,
    );
  });

  it('names the confidential ticket’s region by its display name, else by its id', async () => {
    const confidential = issue('SUP-8', {
      issuetype: named('Software Defect'),
      status: named('In Progress'),
      customfield_10013: { value: 'Yes' },
      customfield_10014: [{ id: '1', name: 'ACME GmbH' }],
    });
    const table: Parameters<typeof deps>[0] = [
      ['GET', /^\/rest\/api\/3\/issue\/SUP-8\?/, { status: 200, body: confidential }],
    ];
    const regions = (name?: string) => ({
      projects: ['SUP'],
      regions: {
        organizations: { 'ACME GmbH': 'saarbruecken' },
        regions: {
          saarbruecken: {
            ...(name ? { name } : {}),
            securityLevel: 'Support SB',
            timeZone: 'Europe/Berlin',
            holidayRegion: 'DE-SL',
          },
        },
      },
    });
    for (const [name, shown] of [
      ['Saarbrücken', 'Saarbrücken'],
      [undefined, 'saarbruecken'],
    ] as const) {
      const { panelDeps } = await deps(table, regions(name));
      const view = await getPanel({ issueKey: 'SUP-8', projectKey: 'SUP' }, panelDeps);
      if (view.view !== 'ticket') throw new Error(view.view);
      expect(view.confidentiality).toMatchObject({ confidential: true, region: shown });
    }
  });

  it('refuses a caller who is not an agent of the project and reads nothing internal', async () => {
    const { panelDeps, jira } = await deps([
      [
        'GET',
        /^\/rest\/api\/3\/mypermissions\?projectKey=SUP&permissions=SERVICEDESK_AGENT$/,
        agentAnswer(false),
      ],
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: clarificationTicket }],
    ]);
    await expect(getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps)).rejects.toBeInstanceOf(
      NotAgentError,
    );
    expect(jira.requests.some((r) => r.path.startsWith('/rest/api/3/issue/'))).toBe(false);
  });

  it('keeps the locale of an agent’s view for the internal notes written for them, and none of a refused caller', async () => {
    const viewer = { accountId: 'agent-7', locale: 'de-DE' };
    const agent = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: clarificationTicket }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP', viewer }, agent.panelDeps);
    await expect(keptAgentLocale(agent.panelDeps.store, 'agent-7', NOW)).resolves.toBe('de-DE');
    // The agent's next view finds it kept: no write.
    const written: string[] = [];
    const set = agent.panelDeps.store.set.bind(agent.panelDeps.store);
    agent.panelDeps.store.set = async (key, value, options) => {
      written.push(key);
      return set(key, value, options);
    };
    await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP', viewer }, agent.panelDeps);
    expect(written.filter((k) => k.includes('agentLocale'))).toEqual([]);

    const refused = await deps([
      [
        'GET',
        /^\/rest\/api\/3\/mypermissions\?projectKey=SUP&permissions=SERVICEDESK_AGENT$/,
        agentAnswer(false),
      ],
    ]);
    await expect(
      getPanel({ issueKey: 'SUP-1', projectKey: 'SUP', viewer }, refused.panelDeps),
    ).rejects.toBeInstanceOf(NotAgentError);
    await expect(keptAgentLocale(refused.panelDeps.store, 'agent-7', NOW)).resolves.toBeUndefined();
  });

  describe('whose agent it asks', () => {
    /** The deps with the projects the agent check was asked about, in order. */
    async function asking(table: Parameters<typeof deps>[0], config?: unknown) {
      const built = await deps(table, config);
      const asked: string[] = [];
      const isAgent = built.panelDeps.isAgent;
      built.panelDeps.isAgent = (projectKey) => {
        asked.push(projectKey);
        return isAgent(projectKey);
      };
      return { ...built, asked };
    }

    it.each([
      [
        'the project of the issue key without a project in the context',
        { issueKey: 'SUP-1', projectKey: undefined },
      ],
      ['the context project once when the ticket is in it', { issueKey: 'SUP-1', projectKey: 'SUP' }],
    ])('asks %s', async (_, request) => {
      const { panelDeps, asked } = await asking([
        ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: clarificationTicket }],
        ['GET', /sla$/, { status: 200, body: { values: [] } }],
      ]);
      await expect(getPanel(request, panelDeps)).resolves.toMatchObject({ view: 'ticket' });
      expect(asked).toEqual(['SUP']);
    });

    it('asks again about the project a moved ticket is in now, and refuses a user who is no agent there', async () => {
      const moved = issue('OPS-4', {
        issuetype: named('Software Defect'),
        status: named('Open'),
        project: { key: 'OPS', projectTypeKey: 'service_desk' },
      });
      const { panelDeps, asked } = await asking(
        [
          ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: { ...moved, id: '1000' } }],
          ['GET', /^\/rest\/api\/3\/mypermissions\?projectKey=OPS&/, agentAnswer(false)],
        ],
        { projects: ['SUP', 'OPS'] },
      );
      await expect(
        getPanel({ issueKey: 'SUP-1', issueId: '1000', projectKey: 'SUP' }, panelDeps),
      ).rejects.toBeInstanceOf(NotAgentError);
      expect(asked).toEqual(['SUP', 'OPS']);
    });

    it("shows a moved ticket to an agent of both projects under its project's settings", async () => {
      const moved = issue('OPS-4', {
        issuetype: named('Bug'),
        status: named('Open'),
        project: { key: 'OPS' },
      });
      const { panelDeps, asked } = await asking(
        [
          ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: { ...moved, id: '1000' } }],
          ['GET', /sla$/, { status: 200, body: { values: [] } }],
        ],
        {
          projects: ['SUP', 'OPS'],
          projectOverrides: { OPS: { names: { kinds: { softwareDefect: 'Bug' } } } },
        },
      );
      await expect(
        getPanel({ issueKey: 'SUP-1', issueId: '1000', projectKey: 'SUP' }, panelDeps),
      ).resolves.toMatchObject({
        view: 'ticket',
        issueKey: 'OPS-4',
        kind: 'softwareDefect',
        kindName: 'Bug',
      });
      expect(asked).toEqual(['SUP', 'OPS']);
    });

    it('asks nothing more about a ticket read without fields, and shows the empty state', async () => {
      const { panelDeps, asked } = await asking([
        ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: { id: '1000', key: 'SUP-1' } }],
      ]);
      await expect(getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps)).resolves.toMatchObject({
        view: 'unsupported',
        reason: 'projectNotEnabled',
        typeName: null,
      });
      expect(asked).toEqual(['SUP']);
    });
  });

  it.each([
    ['without a key', { ...clarificationTicket, key: undefined }],
    ['under another key', { ...clarificationTicket, key: 'SUP-2' }],
  ])('refuses an answer %s when the context names no id', async (_, body) => {
    const { panelDeps } = await deps([['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body }]]);
    await expect(getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps)).rejects.toBeInstanceOf(
      InvalidPayloadError,
    );
  });

  it('accepts the ticket under its key written in another case', async () => {
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/sup-1\?/, { status: 200, body: clarificationTicket }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    await expect(getPanel({ issueKey: 'sup-1', projectKey: 'SUP' }, panelDeps)).resolves.toMatchObject({
      view: 'ticket',
    });
  });

  it('passes on a refusal other than "not found"', async () => {
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 403, body: { errorMessages: ['no'] } }],
    ]);
    const read = getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    await expect(read).rejects.toBeInstanceOf(JiraHttpError);
    await expect(read).rejects.not.toBeInstanceOf(TicketNotFoundError);
  });

  it.each([
    [
      'a software project',
      'software',
      { view: 'unsupported', reason: 'notServiceDeskProject', typeName: 'Software Defect' },
    ],
    ['a project whose type Jira does not say', undefined, { view: 'ticket' }],
  ])('treats a ticket of %s accordingly', async (_, projectTypeKey, expected) => {
    const body = {
      ...clarificationTicket,
      fields: { ...clarificationTicket.fields, project: { key: 'SUP', projectTypeKey } },
    };
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    await expect(getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps)).resolves.toMatchObject(
      expected,
    );
  });

  it('shows where a ticket in Clarification returns to, from the changelog it asks Jira for', async () => {
    const { panelDeps } = await deps([
      [
        'GET',
        /^\/rest\/api\/3\/issue\/SUP-1\?(.*)$/,
        (match) => ({
          status: 200,
          body:
            new URLSearchParams(match[1]).get('expand') === 'changelog'
              ? clarificationTicket
              : { ...clarificationTicket, changelog: undefined },
        }),
      ],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.clarification).toMatchObject({ returnsTo: { name: 'In Progress', role: 'inProgress' } });
  });

  it('names no status to return to when the changelog shows none', async () => {
    const { panelDeps } = await deps([
      [
        'GET',
        /^\/rest\/api\/3\/issue\/SUP-1\?/,
        { status: 200, body: { ...clarificationTicket, changelog: { histories: [] } } },
      ],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.clarification).toMatchObject({ state: 'active', returnsTo: null });
  });

  it('reads no escalation from a ticket read without properties', async () => {
    const { panelDeps } = await deps([
      [
        'GET',
        /^\/rest\/api\/3\/issue\/SUP-1\?/,
        { status: 200, body: { ...clarificationTicket, properties: undefined } },
      ],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.escalated).toEqual({ currentLevel: 0, history: [] });
  });

  it("names the ticket's type as the site spells it", async () => {
    const { panelDeps } = await deps(
      [
        ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: clarificationTicket }],
        ['GET', /sla$/, { status: 200, body: { values: [] } }],
      ],
      { projects: ['SUP'], names: { kinds: { softwareDefect: 'software defect' } } },
    );
    await expect(getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps)).resolves.toMatchObject({
      kind: 'softwareDefect',
      kindName: 'Software Defect',
    });
  });

  it('stops the restoration clock of a resolved ticket at its resolution, without JSM SLAs', async () => {
    const resolved = {
      ...clarificationTicket,
      fields: {
        ...clarificationTicket.fields,
        status: named('Resolved'),
        resolutiondate: ago(2).replace('Z', '+0000'),
      },
      properties: { 'jsm-process-state': state({ timer: 'none' }) },
      // Created Open and unassigned; accepted when an agent moved it out of Open.
      changelog: { histories: [moveAt(3, 'In Progress', 'Resolved'), moveAt(6, 'Open', 'In Progress')] },
    };
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: resolved }],
      ['GET', /sla$/, { status: 403, body: { errorMessage: 'no' } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.clocks.restoration).toMatchObject({ source: 'app', state: 'completed', elapsedMs: 4 * DAY });
  });

  it('reads the acceptance from the changelog: not started while the ticket was never accepted', async () => {
    const open = issue('SUP-1', {
      issuetype: named('Software Defect'),
      status: named('Open'),
      priority: named('P1'),
    });
    const { panelDeps } = await deps([
      ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: open }],
      ['GET', /sla$/, { status: 200, body: { values: [] } }],
    ]);
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.clocks.restoration).toEqual({ source: 'app', state: 'notStarted' });
  });

  it.each([
    ['the oldest', 0],
    ['the newest', 50],
  ])(
    'reads the whole changelog, oldest page first, when the issue embeds only %s 100 of its histories',
    async (_window, skipped) => {
      // 150 histories: the first one accepts the ticket, 149 later edits of its summary follow.
      const all = [
        moveAt(6, 'Open', 'In Progress'),
        ...Array.from({ length: 149 }, (_, n) => ({
          id: String(n + 2),
          created: new Date(Date.parse(ago(5)) + n * 60_000).toISOString(),
          items: [{ field: 'summary', fromString: 'a', toString: 'b' }],
        })),
      ];
      const embedded = issue('SUP-1', {
        issuetype: named('Software Defect'),
        status: named('In Progress'),
        priority: named('P1'),
      });
      const partial = {
        ...embedded,
        changelog: { histories: all.slice(skipped, skipped + 100), total: 150 },
      };
      const { panelDeps, jira } = await deps([
        ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: partial }],
        ['GET', /sla$/, { status: 200, body: { values: [] } }],
        [
          'GET',
          /^\/rest\/api\/3\/issue\/SUP-1\/changelog\?startAt=(\d+)&maxResults=100$/,
          (match) => {
            const start = Number(match[1]);
            return {
              status: 200,
              body: { startAt: start, maxResults: 100, total: 150, values: all.slice(start, start + 100) },
            };
          },
        ],
      ]);
      const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
      if (view.view !== 'ticket') throw new Error(view.view);
      expect(view.clocks.restoration).toMatchObject({ source: 'app', state: 'running', startedAt: ago(6) });
      expect(jira.requests.filter((r) => r.path.includes('/changelog')).map((r) => r.path)).toEqual([
        '/rest/api/3/issue/SUP-1/changelog?startAt=0&maxResults=100',
        '/rest/api/3/issue/SUP-1/changelog?startAt=100&maxResults=100',
      ]);
    },
  );

  it('counts the ladder as configured when one level has people', async () => {
    const { panelDeps } = await deps(
      [
        ['GET', /^\/rest\/api\/3\/issue\/SUP-1\?/, { status: 200, body: clarificationTicket }],
        ['GET', /sla$/, { status: 200, body: { values: [] } }],
        [
          'GET',
          /^\/rest\/api\/3\/user\?accountId=contact-1$/,
          { status: 200, body: { accountId: 'contact-1', displayName: 'Carla Contact' } },
        ],
      ],
      {
        projects: ['SUP'],
        escalation: {
          levels: [
            { level: 1, label: { de: 'Ansprechpartner', en: 'Support contact' }, people: ['contact-1'] },
            { level: 2, label: { de: 'Teamleitung', en: 'Team lead' }, people: [] },
          ],
        },
      },
    );
    const view = await getPanel({ issueKey: 'SUP-1', projectKey: 'SUP' }, panelDeps);
    if (view.view !== 'ticket') throw new Error(view.view);
    expect(view.escalation.map((l) => l.contacts)).toEqual([['Carla Contact'], []]);
    expect(view.escalationConfigured).toBe(true);
  });
});
