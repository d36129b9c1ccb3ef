import fc from 'fast-check';
import { ActAsError } from '../../sandbox/jira/act-as';
import { CUSTOMERS, FIELD, ISSUE_TYPE, SECURITY_LEVEL, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import { configForProject, parseConfig } from '../../src/domain/config';
import { DAY, DEMO_CONFIG, insertTickets, startEventsSite, type LocalSite } from '../support/local-site';
import { invariantViolations } from '../support/site-invariants';
import { propertyParameters } from './property-runs';

/**
 * Random sequences of ordinary events on the local site, through the app's real handlers (issue events, the
 * queue consumer, the hourly sweep): tickets raised through every channel, status changes the workflow allows
 * and forbids, reclassifications, comments, Confidential toggles, priorities, Delivery versions, Delivery tickets
 * created, rescheduled, re-versioned and completed, customer closes, and sweeps after the clock moved on; product
 * events duplicated and reordered. After every step the app has settled on, every invariant of
 * `test/support/site-invariants.ts` must hold.
 */

const TYPES = [
  'Incident',
  'Request',
  'Software Defect',
  'Non-Software Defect',
  'Consulting Request',
  'Support Request',
  'Customisation',
  'Suggestion',
] as const;
const VERSIONS = ['14.21.0.0', '14.22.0.0', 'CUSTOM'] as const;
const DATES = ['2026-12-10', '2027-01-15', '2027-03-01'] as const;
const CUSTOMER_IDS = [...CUSTOMERS.acme, ...CUSTOMERS.globex, ...CUSTOMERS.initech];

type Action =
  | {
      t: 'create';
      type: (typeof TYPES)[number];
      customer: number;
      channel: 'portal' | 'email' | 'agent';
      confidential?: 'Yes' | 'No';
    }
  | { t: 'transition'; ticket: number; pick: number }
  | { t: 'reclassify'; ticket: number; type: (typeof TYPES)[number] }
  | { t: 'comment'; ticket: number; byCustomer: boolean; internal: boolean }
  | { t: 'confidential'; ticket: number; value: 'Yes' | 'No' }
  | { t: 'priority'; ticket: number; priority: 'P1' | 'P2' | 'P3' | 'P4' }
  | { t: 'version'; ticket: number; version: (typeof VERSIONS)[number] }
  | { t: 'delivery'; org: number; version: (typeof VERSIONS)[number]; date: number }
  | { t: 'deliveryDate'; delivery: number; date: number }
  | { t: 'deliveryVersion'; delivery: number; version: (typeof VERSIONS)[number] }
  | { t: 'complete'; delivery: number; pick: number }
  | { t: 'customerClose'; ticket: number; pick: number }
  | { t: 'sweep'; days: number };

/** One step: an action, and whether the app settles (delivers every event, runs the queue) before the next. */
interface Step {
  readonly action: Action;
  readonly settle: boolean;
}

const n = fc.nat({ max: 11 });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      {
        t: fc.constant('create' as const),
        type: fc.constantFrom(...TYPES),
        customer: fc.nat({ max: 8 }),
        channel: fc.constantFrom('portal' as const, 'email' as const, 'agent' as const),
        confidential: fc.option(fc.constantFrom('Yes' as const, 'No' as const), { nil: undefined }),
      },
      { requiredKeys: ['t', 'type', 'customer', 'channel'] },
    ),
  },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('transition' as const), ticket: n, pick: n }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('reclassify' as const),
      ticket: n,
      type: fc.constantFrom(...TYPES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('comment' as const),
      ticket: n,
      byCustomer: fc.boolean(),
      internal: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('confidential' as const),
      ticket: n,
      value: fc.constantFrom('Yes' as const, 'No' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('priority' as const),
      ticket: n,
      priority: fc.constantFrom('P1' as const, 'P2' as const, 'P3' as const, 'P4' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('version' as const),
      ticket: n,
      version: fc.constantFrom(...VERSIONS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('delivery' as const),
      org: fc.nat({ max: 2 }),
      version: fc.constantFrom(...VERSIONS),
      date: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('deliveryDate' as const), delivery: n, date: fc.nat({ max: 2 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('deliveryVersion' as const),
      delivery: n,
      version: fc.constantFrom(...VERSIONS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('complete' as const), delivery: n, pick: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('customerClose' as const), ticket: n, pick: n }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('sweep' as const),
      days: fc.constantFrom(1, 3, 10, 20, 45, 60, 120),
    }),
  },
);
const stepArb: fc.Arbitrary<Step> = fc.record({ action: actionArb, settle: fc.boolean() }).map((s) => ({
  action: s.action,
  // Three steps in four let the app settle; the others pile events up for reordering and duplication.
  settle: s.settle || s.action.t === 'sweep',
}));

/** What the run created, in order, so actions can address tickets and Deliveries by index. */
interface World {
  readonly s: LocalSite;
  readonly tickets: string[];
  readonly deliveries: string[];
  /** Requests the site refused (a customer without access, a transition not offered): nothing happened. */
  refused: number;
}

const pickFrom = <T>(list: readonly T[], i: number): T | undefined =>
  list.length === 0 ? undefined : list[i % list.length];

/** The agent who can see `key` now: the region's agent for its security level, the site admin otherwise. */
function agentFor(w: World, key: string) {
  const level = w.s.site.store.issue(key)?.securityLevelId ?? null;
  if (level === null || level === SECURITY_LEVEL.dach) return w.s.agent;
  if (level === SECURITY_LEVEL.international) return w.s.agentUk;
  return w.s.as(USER.admin);
}

async function transitionBy(actor: ReturnType<LocalSite['as']>, key: string, pick: number): Promise<void> {
  const { transitions } = (await actor.request('GET', `/rest/api/3/issue/${key}/transitions`)) as {
    transitions: { id: string; to: { name: string } }[];
  };
  const chosen = pickFrom(transitions, pick);
  if (!chosen) return;
  try {
    await actor.transition(key, { transitionId: chosen.id, resolution: 'Done' });
  } catch (error) {
    if (!(error instanceof ActAsError)) throw error;
    await actor.transition(key, { transitionId: chosen.id });
  }
}

async function perform(w: World, a: Action): Promise<void> {
  const { s } = w;
  const ticket = 'ticket' in a ? pickFrom(w.tickets, a.ticket) : undefined;
  const delivery =
    'delivery' in a && typeof a.delivery === 'number' ? pickFrom(w.deliveries, a.delivery) : undefined;
  switch (a.t) {
    case 'create': {
      const customer = CUSTOMER_IDS[a.customer % CUSTOMER_IDS.length] ?? 'customer-acme-1';
      const fields = a.confidential ? { [FIELD.confidential]: { value: a.confidential } } : {};
      const org = customer.split('-')[1] === 'acme' ? '1' : customer.split('-')[1] === 'globex' ? '2' : '3';
      const key =
        a.channel === 'agent'
          ? await s.agent.createIssue({
              project: 'SD',
              issueType: a.type,
              summary: 'By phone',
              fields: { ...fields, [FIELD.organizations]: [{ id: org }] },
            })
          : await s.as(customer).createIssue({
              project: 'SD',
              issueType: a.type,
              summary: 'Raised',
              fields,
              channel: a.channel,
            });
      w.tickets.push(key);
      return;
    }
    case 'delivery': {
      const key = await s.agent.createIssue({
        project: 'SD',
        issueType: 'Delivery',
        summary: `Delivery ${a.version}`,
        fields: {
          [FIELD.deliveryVersion]: a.version,
          [FIELD.organizations]: [{ id: String(a.org + 1) }],
          [FIELD.estimatedDeliveryDate]: DATES[a.date] ?? DATES[0],
        },
      });
      w.deliveries.push(key);
      return;
    }
    case 'sweep':
      s.clock.advance(a.days * DAY);
      await s.host.runScheduled('process-sweep');
      return;
    default:
  }
  if (ticket === undefined && delivery === undefined) return;
  switch (a.t) {
    case 'transition':
      return transitionBy(agentFor(w, ticket!), ticket!, a.pick);
    case 'reclassify':
      return agentFor(w, ticket!).edit(ticket!, { issuetype: { name: a.type } });
    case 'comment': {
      const issue = s.site.store.issue(ticket!);
      const author = a.byCustomer
        ? s.as(issue?.reporterAccountId ?? 'customer-acme-1')
        : agentFor(w, ticket!);
      await author.comment(ticket!, a.byCustomer ? 'Any news?' : 'We are on it.', {
        internal: !a.byCustomer && a.internal,
      });
      return;
    }
    case 'confidential':
      return agentFor(w, ticket!).edit(ticket!, { [FIELD.confidential]: { value: a.value } });
    case 'priority':
      return agentFor(w, ticket!).edit(ticket!, { priority: { name: a.priority } });
    case 'version':
      return agentFor(w, ticket!).edit(ticket!, { [FIELD.deliveryVersion]: a.version });
    case 'deliveryDate':
      return s.agent.edit(delivery!, { [FIELD.estimatedDeliveryDate]: DATES[a.date] ?? DATES[0] });
    case 'deliveryVersion':
      return s.agent.edit(delivery!, { [FIELD.deliveryVersion]: a.version });
    case 'complete':
      return transitionBy(s.agent, delivery!, a.pick);
    case 'customerClose': {
      const issue = s.site.store.issue(ticket!);
      const customer = s.as(issue?.reporterAccountId ?? 'customer-acme-1');
      const { values } = (await customer.request(
        'GET',
        `/rest/servicedeskapi/request/${ticket!}/transition`,
      )) as {
        values: { name: string }[];
      };
      const chosen = pickFrom(values, a.pick);
      if (chosen)
        await customer.customerTransition(ticket!, chosen.name, a.pick % 2 === 0 ? 'Thanks' : undefined);
      return;
    }
    default:
  }
}

const parameters = propertyParameters(20);

/**
 * Shrunk counterexamples, replayed on every run, the first two from seed 2026. A Consulting Request moved to Resolved,
 * re-typed to Incident (set back by the app), made confidential and commented on, all handled late: comments whose
 * payload still showed an Incident were decided on a state written after the type was set back, and left it in
 * Resolved without its timer (docs/decisions/0020: an event older than the state's view reads the ticket). The
 * same with a Delivery version edit made before the re-typing and read after it: the edit timed the ticket as an
 * Incident, and setting the type back did not time it again for the type it returned to. From seed 31337: a
 * Software Defect moved from Open straight to Delivery Pending, a move the process forbids and this workflow has
 * no way back from, while its customer's Delivery is created: the Delivery rules skipped the ticket as if it had
 * been set back, so the Delivery's search, within the search index's lag, did not see it waiting; and with its
 * customer's Delivery, the Delivery rules' write of the ticket's state dropped the flag saying it was not set back.
 * Last, from the installation property below (seed 2026): a Software Defect moved from Resolved to In Progress, a
 * move its workflow forbids, whose event was handled 20 days later: set back into Resolved, it kept the Resolved
 * cycle the move had ended and was closed 20 days after the revert instead of 50. From seed 15 at 150 runs: a new
 * Software Defect moved to Resolved and closed by its customer, every event handled after the close: each read
 * showed it Closed, so no decision recorded anything, and the ticket that had waited in Resolved kept no state (a
 * ticket without a state leaving a status with a timer now stops that timer, recorded after the fact).
 */
const EXAMPLES: [{ duplicateRate: number; reorder: boolean; seed: number }, Step[]][] = [
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    [
      { action: { t: 'create', type: 'Incident', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'create', type: 'Software Defect', customer: 6, channel: 'portal' }, settle: false },
      { action: { t: 'version', ticket: 3, version: '14.21.0.0' }, settle: false },
      { action: { t: 'transition', ticket: 0, pick: 0 }, settle: true },
      { action: { t: 'priority', ticket: 0, priority: 'P1' }, settle: false },
      { action: { t: 'transition', ticket: 7, pick: 6 }, settle: false },
      { action: { t: 'delivery', org: 2, version: '14.21.0.0', date: 0 }, settle: false },
    ],
  ],
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    [
      { action: { t: 'create', type: 'Incident', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'create', type: 'Software Defect', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'version', ticket: 3, version: '14.21.0.0' }, settle: false },
      { action: { t: 'transition', ticket: 0, pick: 0 }, settle: false },
      { action: { t: 'priority', ticket: 0, priority: 'P1' }, settle: false },
      { action: { t: 'transition', ticket: 7, pick: 6 }, settle: false },
      { action: { t: 'delivery', org: 1, version: '14.21.0.0', date: 0 }, settle: false },
    ],
  ],
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    [
      { action: { t: 'create', type: 'Consulting Request', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'deliveryVersion', delivery: 0, version: '14.21.0.0' }, settle: true },
      { action: { t: 'transition', ticket: 0, pick: 1 }, settle: false },
      { action: { t: 'reclassify', ticket: 0, type: 'Incident' }, settle: false },
      { action: { t: 'confidential', ticket: 0, value: 'Yes' }, settle: false },
      { action: { t: 'comment', ticket: 0, byCustomer: false, internal: false }, settle: false },
      { action: { t: 'create', type: 'Incident', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'comment', ticket: 0, byCustomer: true, internal: false }, settle: false },
    ],
  ],
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    [
      { action: { t: 'create', type: 'Consulting Request', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'deliveryVersion', delivery: 0, version: '14.21.0.0' }, settle: true },
      { action: { t: 'transition', ticket: 0, pick: 1 }, settle: false },
      { action: { t: 'version', ticket: 0, version: '14.21.0.0' }, settle: false },
      { action: { t: 'reclassify', ticket: 0, type: 'Incident' }, settle: true },
    ],
  ],
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    [
      { action: { t: 'create', type: 'Software Defect', customer: 0, channel: 'portal' }, settle: true },
      { action: { t: 'transition', ticket: 0, pick: 5 }, settle: false },
      { action: { t: 'sweep', days: 20 }, settle: true },
      { action: { t: 'transition', ticket: 0, pick: 4 }, settle: false },
      { action: { t: 'sweep', days: 20 }, settle: true },
      { action: { t: 'sweep', days: 20 }, settle: true },
    ],
  ],
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    [
      { action: { t: 'create', type: 'Software Defect', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'transition', ticket: 0, pick: 3 }, settle: false },
      { action: { t: 'customerClose', ticket: 0, pick: 0 }, settle: false },
      { action: { t: 'version', ticket: 0, version: '14.21.0.0' }, settle: false },
    ],
  ],
];

/**
 * Shrunk counterexamples of the installation property, replayed on every run. From seed 2026: a Software Defect
 * open before the installation, moved to Resolved and (20 days later) to In Progress, a move its workflow forbids,
 * whose event was handled another 20 days later; the revert into Resolved kept the cycle the move had ended, and
 * the sweep closed the ticket 20 days after the revert. From seed 15 at 150 runs: a ticket open before the
 * installation moved to a status with a timer and closed by its customer, both events handled after the close:
 * it kept no state.
 */
const INSTALLED_EXAMPLES: [
  { duplicateRate: number; reorder: boolean; seed: number },
  (typeof TYPES)[number][],
  Step[],
][] = [
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    ['Software Defect', 'Incident'],
    [
      { action: { t: 'transition', ticket: 0, pick: 5 }, settle: false },
      { action: { t: 'sweep', days: 20 }, settle: true },
      { action: { t: 'transition', ticket: 0, pick: 4 }, settle: false },
      { action: { t: 'sweep', days: 20 }, settle: true },
      { action: { t: 'sweep', days: 20 }, settle: true },
      { action: { t: 'customerClose', ticket: 0, pick: 0 }, settle: false },
    ],
  ],
  [
    { duplicateRate: 0, reorder: false, seed: 0 },
    ['Incident'],
    [
      { action: { t: 'create', type: 'Incident', customer: 0, channel: 'portal' }, settle: false },
      { action: { t: 'transition', ticket: 3, pick: 5 }, settle: false },
      { action: { t: 'version', ticket: 0, version: '14.21.0.0' }, settle: false },
      { action: { t: 'customerClose', ticket: 3, pick: 0 }, settle: false },
      { action: { t: 'reclassify', ticket: 0, type: 'Incident' }, settle: false },
    ],
  ],
];

/** Issue type ids of the demo site by name, for tickets inserted as a site had them before the installation. */
const TYPE_IDS: Record<(typeof TYPES)[number], string> = {
  Incident: ISSUE_TYPE.incident,
  Request: ISSUE_TYPE.request,
  'Software Defect': ISSUE_TYPE.softwareDefect,
  'Non-Software Defect': ISSUE_TYPE.nonSoftwareDefect,
  'Consulting Request': ISSUE_TYPE.consultingRequest,
  'Support Request': ISSUE_TYPE.supportRequest,
  Customisation: ISSUE_TYPE.customisation,
  Suggestion: ISSUE_TYPE.suggestion,
};

/** Runs `steps` on the site, settling where a step says so, and throws at the first broken invariant. */
async function runSteps(
  w: World,
  steps: readonly Step[],
  context: Omit<Parameters<typeof invariantViolations>[0], 's'>,
): Promise<void> {
  const { s } = w;
  for (const [index, step] of [
    ...steps,
    { action: { t: 'sweep', days: 0 }, settle: true } as Step,
  ].entries()) {
    try {
      await perform(w, step.action);
    } catch (error) {
      if (!(error instanceof ActAsError)) throw error;
      w.refused += 1;
    }
    if (!step.settle) continue;
    await s.settle();
    const broken = invariantViolations({ s, ...context });
    if (broken.length > 0)
      throw new Error(`after step ${index + 1} (${JSON.stringify(step.action)}):\n${broken.join('\n')}`);
  }
}

describe('invariants under random sequences of events on the local site (real handlers)', () => {
  it.each([true, false])(
    'hold after every settled step (Confidential "No" lifts the restriction: %s)',
    async (lift) => {
      const configInput = { ...DEMO_CONFIG, regions: { ...DEMO_CONFIG.regions, liftRestrictionOnNo: lift } };
      const parsed = parseConfig(configInput);
      if (!parsed.ok) throw new Error('the demo configuration is valid');
      const config = configForProject(parsed.config, 'SD');
      await fc.assert(
        fc.asyncProperty(
          fc.record({ duplicateRate: fc.constantFrom(0, 0.3), reorder: fc.boolean(), seed: fc.nat() }),
          fc.array(stepArb, { minLength: 4, maxLength: 24 }),
          async (events, steps) => {
            const s = await startEventsSite('2026-11-30T09:00:00Z', { ...events, config: configInput });
            const w: World = { s, tickets: [], deliveries: [], refused: 0 };
            try {
              await runSteps(w, steps, { config });
            } finally {
              s.close();
            }
          },
        ),
        { ...parameters, examples: EXAMPLES, endOnFailure: false },
      );
    },
    120_000 + parameters.numRuns * 30_000,
  );

  // Tickets open since before the installation, in Open without a state: the index rebuild of the first sweep gives
  // each a "no state yet" copy, and their events are decided from the payload on it (docs/decisions/0020).
  it(
    'hold for tickets the app found open without a state at its installation',
    async () => {
      const parsed = parseConfig(DEMO_CONFIG);
      if (!parsed.ok) throw new Error('the demo configuration is valid');
      const config = configForProject(parsed.config, 'SD');
      await fc.assert(
        fc.asyncProperty(
          fc.record({ duplicateRate: fc.constantFrom(0, 0.3), reorder: fc.boolean(), seed: fc.nat() }),
          fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 4 }),
          fc.array(stepArb, { minLength: 4, maxLength: 24 }),
          async (events, legacy, steps) => {
            const s = await startEventsSite('2026-11-30T09:00:00Z', { ...events, config: DEMO_CONFIG });
            try {
              const tickets = legacy.flatMap((type) =>
                insertTickets(s.site, TYPE_IDS[type], STATUS.open, [Date.now() - DAY]),
              );
              const installedAt = Date.now();
              await s.host.runScheduled('process-sweep');
              await s.settle();
              for (const key of tickets)
                expect(s.host.kvs.get('entity:due-index', key)?.value).toMatchObject({ stateless: true });
              await runSteps({ s, tickets, deliveries: [], refused: 0 }, steps, {
                config,
                installedOver: { keys: new Set(tickets), at: installedAt },
              });
            } finally {
              s.close();
            }
          },
        ),
        { ...parameters, examples: INSTALLED_EXAMPLES, endOnFailure: false },
      );
    },
    120_000 + parameters.numRuns * 30_000,
  );
});
