import type {
  DeliveryVersionView,
  EstimateView,
  PanelFlag,
  PriorityView,
  ServiceClocks,
} from '../../../src/contract/panel-view';
import {
  confidentialityView,
  escalationAccountIds,
  escalationStateView,
  escalationView,
  panelFlags,
  ticketLadder,
} from '../../../src/app/panel/ticket-context-views';
import { configForProject, type ProjectConfig } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import type { CustomerState, EscalationRecord } from '../../../src/domain/service/customer-state';
import type { LadderStep } from '../../../src/domain/service/escalation';

const base = configForProject(defaultConfig, 'SD');
const ACME = { id: '1', name: 'ACME GmbH' };
const GLOBEX = { id: '2', name: 'Globex Ltd' };
const INITECH = { id: '3', name: 'Initech' };
const UNMAPPED = { id: '4', name: 'Umbrella' };

/** ACME in Graz (DACH), Globex in London (international), Initech in a region without a display name. */
const cfg: ProjectConfig = {
  ...base,
  regions: {
    ...base.regions,
    organizations: { 'ACME GmbH': 'graz', 'Globex Ltd': 'london', Initech: 'berlin' },
    regions: {
      ...base.regions.regions,
      berlin: { securityLevel: 'Support Berlin', timeZone: 'Europe/Berlin', holidayRegion: 'DE-BE' },
    },
  },
  escalation: {
    ...base.escalation,
    regionGroups: { ...base.escalation.regionGroups, berlin: 'dach' },
    levels: base.escalation.levels.map((l) =>
      l.level === 1 ? { ...l, people: ['acc-lead', 'acc-deputy'] } : l,
    ),
  },
};

describe('confidentialityView: who may see a confidential ticket', () => {
  it.each([
    ['Yes', true],
    ['yes', true],
    ['No', false],
    [undefined, false],
  ])('reads “Confidential personal data?” = %p as confidential: %p', (answer, confidential) => {
    const view = confidentialityView(
      { organizations: [], ...(answer === undefined ? {} : { confidential: answer }) },
      cfg,
    );
    expect(view.confidential).toBe(confidential);
  });

  it('names the region of the first organization that has one, by its display name', () => {
    const view = confidentialityView({ organizations: [UNMAPPED, GLOBEX, ACME] }, cfg);
    expect(view.region).toBe('London');
  });

  it('names a region without a display name by its id', () => {
    expect(confidentialityView({ organizations: [INITECH] }, cfg).region).toBe('berlin');
  });

  it('shows no region when no organization of the ticket has one', () => {
    expect(confidentialityView({ organizations: [UNMAPPED] }, cfg).region).toBeNull();
  });

  it('shows the security level set on the ticket, or none', () => {
    const level = { id: '10', name: 'Support Graz' };
    expect(confidentialityView({ organizations: [ACME], securityLevel: level }, cfg)).toEqual({
      confidential: false,
      region: 'Graz',
      securityLevel: 'Support Graz',
    });
    expect(confidentialityView({ organizations: [ACME] }, cfg).securityLevel).toBeNull();
  });
});

describe('ticketLadder: the escalation ladder of the ticket’s customer', () => {
  it('uses the names of the DACH group for a customer in a DACH region', () => {
    expect(ticketLadder({ organizations: [ACME] }, cfg)[1]?.label.en).toBe('Support team lead DACH');
  });

  it('uses the international names for a customer elsewhere or without a region', () => {
    expect(ticketLadder({ organizations: [GLOBEX] }, cfg)[1]?.label.en).toBe(
      'Support team lead International',
    );
    expect(ticketLadder({ organizations: [] }, cfg)[1]?.label.en).toBe('Support team lead International');
  });

  it('lists every configured level with its people', () => {
    const ladder = ticketLadder({ organizations: [ACME] }, cfg);
    expect(ladder.map((s) => s.level)).toEqual([1, 2, 3, 4, 5]);
    expect(ladder[0]?.people).toEqual(['acc-lead', 'acc-deputy']);
  });
});

const record = (level: number, over: Partial<EscalationRecord> = {}): EscalationRecord => ({
  level,
  reason: 'handling',
  at: `2026-11-2${level}T09:00:00.000Z`,
  group: 'dach',
  ...over,
});
const customer = (...escalations: EscalationRecord[]): CustomerState => ({ v: 1, escalations });

describe('escalationAccountIds: the people whose names the panel looks up', () => {
  it('lists the ladder’s people and those who escalated, each once', () => {
    const ladder: LadderStep[] = [
      { level: 1, label: { en: 'One', de: 'Eins' }, people: ['a', 'b'] },
      { level: 2, label: { en: 'Two', de: 'Zwei' }, people: ['b', 'c'] },
    ];
    const ids = escalationAccountIds(
      ladder,
      customer(record(1, { by: 'c' }), record(2), record(3, { by: 'd' })),
    );
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lists nobody for an empty ladder and a request nobody escalated', () => {
    expect(escalationAccountIds([], customer())).toEqual([]);
  });
});

describe('escalationStateView: the levels the customer raised the ticket to', () => {
  const names = new Map([['acc-anna', 'Anna Admin']]);

  it('is at level 0 with no history while nobody escalated', () => {
    expect(escalationStateView(cfg, customer(), names)).toEqual({ currentLevel: 0, history: [] });
  });

  it('names each level for the region group it was raised in, with the reason and who raised it', () => {
    const view = escalationStateView(
      cfg,
      customer(
        record(1, { by: 'acc-anna' }),
        record(2, { group: 'international', reason: 'serviceTimeExceeded' }),
      ),
      names,
    );
    expect(view).toEqual({
      currentLevel: 2,
      history: [
        {
          level: 1,
          label: { en: 'Personal support contact', de: 'Persönlicher Support-Ansprechpartner' },
          reason: { en: 'Handling of a ticket', de: 'Bearbeitung eines Tickets' },
          at: '2026-11-21T09:00:00.000Z',
          by: 'Anna Admin',
        },
        {
          level: 2,
          label: { en: 'Support team lead International', de: 'Support-Teamleitung International' },
          reason: {
            en: 'Response or restoration time exceeded',
            de: 'Reaktions- oder Wiederherstellungszeit überschritten',
          },
          at: '2026-11-22T09:00:00.000Z',
          by: null,
        },
      ],
    });
  });

  it('shows nobody when Jira does not show the user who escalated', () => {
    const view = escalationStateView(cfg, customer(record(1, { by: 'acc-hidden' })), names);
    expect(view.history[0]?.by).toBeNull();
  });

  it('names a level the site no longer configures by its number', () => {
    const three: ProjectConfig = {
      ...cfg,
      escalation: { ...cfg.escalation, levels: cfg.escalation.levels.filter((l) => l.level <= 3) },
    };
    const view = escalationStateView(three, customer(record(4)), names);
    expect(view.history[0]?.label).toEqual({ en: 'Level 4', de: 'Stufe 4' });
  });
});

describe('escalationView: the ladder with display names', () => {
  const step = (level: number, people: string[] = []): LadderStep => ({
    level,
    label: { en: `Step ${level}`, de: `Stufe ${level}` },
    people,
  });

  it('gives each of the five levels its role', () => {
    const view = escalationView(
      [1, 2, 3, 4, 5].map((l) => step(l)),
      new Map(),
    );
    expect(view.map((v) => [v.level, v.role])).toEqual([
      [1, 'personalContact'],
      [2, 'teamLead'],
      [3, 'departmentHead'],
      [4, 'customerServicesHead'],
      [5, 'board'],
    ]);
    expect(view[0]).toEqual({
      level: 1,
      role: 'personalContact',
      label: { en: 'Step 1', de: 'Stufe 1' },
      contacts: [],
    });
  });

  it('shows the contacts by display name and leaves out people Jira does not show', () => {
    const names = new Map([
      ['a', 'Alice'],
      ['c', 'Carol'],
    ]);
    expect(escalationView([step(2, ['a', 'b', 'c'])], names)[0]?.contacts).toEqual(['Alice', 'Carol']);
  });

  it('leaves out a level beyond the five roles', () => {
    expect(escalationView([step(0), step(6)], new Map())).toEqual([]);
  });
});

const NONE: PriorityView = { state: 'notSet' };
const set = (mismatch: boolean): PriorityView => ({
  state: 'set',
  level: 'P1',
  label: { en: 'critical', de: 'kritischer Fehler' },
  category: 'systemAvailability',
  meaning: { en: 'm', de: 'm' },
  mismatch,
});
const NO_CLOCKS: ServiceClocks = { response: null, restoration: null };
const clock = (breached: boolean): ServiceClocks['response'] => ({
  source: 'app',
  state: 'running',
  startedAt: '2026-11-20T09:00:00.000Z',
  elapsedMs: 1,
  targetMs: 2,
  remainingMs: 1,
  breached,
  stoppedAt: null,
});
const delivery = (...warnings: DeliveryVersionView['warnings']): DeliveryVersionView => ({
  version: null,
  deliveryTicket: null,
  warnings,
});
const estimate = (expired: boolean): EstimateView => ({
  availableSince: '2026-08-01T00:00:00.000Z',
  validUntil: '2026-11-21T00:00:00.000Z',
  daysLeft: expired ? -9 : 3,
  expired,
});
const UPDATED = '2026-11-29T10:00:00.000Z';
const stored = (...flags: string[]): ProcessState => ({
  ...initialState(new Date('2026-11-20T09:00:00Z'), '1'),
  flags,
  updatedAt: UPDATED,
});

type FlagInput = Parameters<typeof panelFlags>[0];
const flagsOf = (over: Partial<FlagInput>): PanelFlag[] =>
  panelFlags({
    done: false,
    state: undefined,
    priority: NONE,
    clocks: NO_CLOCKS,
    delivery: null,
    estimate: null,
    ...over,
  });
const codes = (over: Partial<FlagInput>) => flagsOf(over).map((f) => f.code);

describe('panelFlags: what the agent should notice', () => {
  it('shows nothing on a ticket without anything to notice', () => {
    expect(flagsOf({})).toEqual([]);
    expect(
      flagsOf({
        state: stored(),
        priority: set(false),
        clocks: { response: clock(false), restoration: { source: 'app', state: 'notStarted' } },
        delivery: delivery(),
        estimate: estimate(false),
      }),
    ).toEqual([]);
  });

  it('shows a flag the app stored, dated when the app stored it', () => {
    expect(flagsOf({ state: stored('illegalTransition') })).toEqual([
      {
        code: 'illegalTransition',
        severity: 'warning',
        detail: {
          en: 'The last status change is not allowed by the workflow for this type.',
          de: 'Der letzte Statuswechsel ist im Workflow dieses Typs nicht erlaubt.',
        },
        at: UPDATED,
      },
    ]);
  });

  it('shows a disallowed type change under the illegal-transition code with its own words', () => {
    const [flag] = flagsOf({ state: stored('illegalReclassification') });
    expect(flag).toMatchObject({ code: 'illegalTransition', severity: 'warning', at: UPDATED });
    expect(flag?.detail.en).toBe('The last type change is not allowed by the reclassification rules.');
    expect(flag?.detail.de).toBe(
      'Der letzte Typwechsel ist nach den Regeln zur Umklassifizierung nicht erlaubt.',
    );
  });

  it('shows each code once, the first reason for it winning', () => {
    const flags = flagsOf({ state: stored('illegalReclassification', 'illegalTransition') });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.detail.en).toMatch(/type change/);
  });

  it.each([
    ['deliveryMissing', 'noDeliveryTicket', 'No Delivery ticket matches this ticket yet.'],
    [
      'priorityMismatch',
      'priorityMismatch',
      'P1 and P2 are reserved for system availability (Non-Software Defect).',
    ],
  ])('shows the stored flag %s as %s', (name, code, en) => {
    const [flag] = flagsOf({ state: stored(name) });
    expect(flag).toMatchObject({ code, severity: 'warning', detail: { en }, at: UPDATED });
    expect(flag?.detail.de).toMatch(/\p{L}{3} /u);
  });

  it('leaves out stored markers that are not flags of the panel', () => {
    expect(flagsOf({ state: stored('somethingElse', 'toString', 'constructor') })).toEqual([]);
  });

  it('shows a priority mismatch the panel sees itself, undated', () => {
    expect(flagsOf({ priority: set(true) })).toEqual([
      {
        code: 'priorityMismatch',
        severity: 'warning',
        detail: {
          en: 'P1 and P2 are reserved for system availability (Non-Software Defect).',
          de: 'P1 und P2 sind der Systemverfügbarkeit vorbehalten (Non-Software Defect).',
        },
        at: null,
      },
    ]);
  });

  it('shows a Delivery Pending ticket without its version as an error', () => {
    expect(flagsOf({ delivery: delivery('missingVersion') })).toEqual([
      {
        code: 'missingDeliveryVersion',
        severity: 'error',
        detail: {
          en: 'Delivery Pending needs a Delivery version (a patch version or CUSTOM).',
          de: 'Delivery Pending braucht eine Auslieferungsversion (Patch-Version oder CUSTOM).',
        },
        at: null,
      },
    ]);
  });

  it('shows a Delivery Pending ticket without its Delivery ticket, undated', () => {
    expect(flagsOf({ delivery: delivery('noDeliveryTicket') })).toEqual([
      {
        code: 'noDeliveryTicket',
        severity: 'warning',
        detail: {
          en: 'No Delivery ticket matches this ticket yet.',
          de: 'Noch kein Auslieferungsticket passt zu diesem Ticket.',
        },
        at: null,
      },
    ]);
  });

  it('shows both delivery warnings together', () => {
    expect(codes({ delivery: delivery('missingVersion', 'noDeliveryTicket') })).toEqual([
      'missingDeliveryVersion',
      'noDeliveryTicket',
    ]);
  });

  it('shows an expired estimate, dated when it expired', () => {
    expect(flagsOf({ estimate: estimate(true) })).toEqual([
      {
        code: 'estimateExpired',
        severity: 'warning',
        detail: {
          en: 'The estimate is no longer valid; the customer can ask the account manager for a new one.',
          de: 'Die Aufwandsschätzung ist nicht mehr gültig; der Kunde kann beim Account Manager eine neue anfragen.',
        },
        at: '2026-11-21T00:00:00.000Z',
      },
    ]);
  });

  it.each<[string, ServiceClocks]>([
    ['response', { response: clock(true), restoration: null }],
    ['restoration', { response: clock(false), restoration: clock(true) }],
  ])('shows a breached %s time as an error', (_name, clocks) => {
    expect(flagsOf({ clocks })).toEqual([
      {
        code: 'serviceTimeBreached',
        severity: 'error',
        detail: {
          en: 'A contracted service time is exceeded; escalate along the ladder below.',
          de: 'Eine vereinbarte Servicezeit ist überschritten; bitte nach dem Eskalationsweg unten eskalieren.',
        },
        at: null,
      },
    ]);
  });

  it('shows a breach of both clocks once', () => {
    expect(codes({ clocks: { response: clock(true), restoration: clock(true) } })).toEqual([
      'serviceTimeBreached',
    ]);
  });

  it('lists the flags in a fixed order: stored, priority, delivery, estimate, service time', () => {
    expect(
      codes({
        state: stored('deliveryMissing', 'illegalTransition'),
        priority: set(true),
        delivery: delivery('missingVersion', 'noDeliveryTicket'),
        estimate: estimate(true),
        clocks: { response: clock(true), restoration: null },
      }),
    ).toEqual([
      'noDeliveryTicket',
      'illegalTransition',
      'priorityMismatch',
      'missingDeliveryVersion',
      'estimateExpired',
      'serviceTimeBreached',
    ]);
  });

  it('raises no alarm about a running ticket once it is Resolved or Closed, but keeps the other flags', () => {
    expect(
      codes({
        done: true,
        state: stored('priorityMismatch', 'illegalTransition'),
        priority: set(true),
        estimate: estimate(true),
        clocks: { response: clock(true), restoration: clock(true) },
      }),
    ).toEqual(['illegalTransition', 'estimateExpired']);
  });
});
