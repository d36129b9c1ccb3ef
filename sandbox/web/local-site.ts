/**
 * The local site behind `npm start` and the browser tests: the Jira simulator with the demo Support Desk (SD),
 * the Forge host running the app's real handlers on a simulated clock, the app configured to manage SD, and a
 * handful of demo tickets at interesting ages so that reminders, auto-closes and a Delivery happen within a
 * few clicks of the clock controls.
 */
import { createForgeHost, type ForgeHost } from '../forge/host';
import { SimClock } from '../clock';
import { createJiraSite, type SimJiraSite } from '../jira/site';
import { seedDemoSite } from '../jira/seed/demo-site';
import { generateTickets } from '../jira/seed/generate-tickets';
import { FIELD, ORG, USER } from '../jira/seed/demo-ids';
import { CONFIG_KEY } from '../../src/app/shared/config-repository';
import { DEMO_APP_CONFIG } from '../jira/seed/demo-config';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** The JSM Operations team the demo's on-call alerts go to (the local site keeps them; nothing leaves). */
const DEMO_ON_CALL_TEAM = '0c5e1f00-0000-4000-8000-0000000d0c11';

/** The demo settings with on-call through JSM Operations, so a weekend outage alerts someone. */
const LOCAL_SITE_CONFIG = { ...DEMO_APP_CONFIG, onCall: { mode: 'opsgenie', target: DEMO_ON_CALL_TEAM } };

/**
 * The people the page lets you act as. The demo's requests belong to ACME; the Globex customer is of another
 * organization and may see none of them.
 */
export const PEOPLE = {
  admin: { accountId: USER.admin, label: 'Sarah (Jira admin)' },
  agent: { accountId: USER.agentDach, label: 'Anna (agent, DACH)' },
  customer: { accountId: 'customer-acme-1', label: 'Customer (ACME)' },
  customerOther: { accountId: 'customer-globex-1', label: 'Customer of another organization (Globex)' },
} as const;
export type Person = keyof typeof PEOPLE;

/** Customers use the portal, never Jira's issue view. */
export function isCustomer(person: Person): boolean {
  return person === 'customer' || person === 'customerOther';
}

export interface LocalSite {
  site: SimJiraSite;
  host: ForgeHost;
  clock: SimClock;
  /** Keys of the demo tickets, by role in the walkthrough. */
  demo: Record<
    | 'clarification'
    | 'resolved'
    | 'estimate'
    | 'pendingPatch'
    | 'pendingCustom'
    | 'delivery'
    | 'outage'
    | 'pendingCustomisation',
    string
  >;
  /** The status of each demo ticket when the demo started, by key (the page names what changed since). */
  startStatus: ReadonlyMap<string, string>;
  /**
   * Moves the clock forward by `ms`, firing the triggers and queue deliveries due on the way. Calls (clicks and
   * the wall-time ticker) run one after another.
   */
  advance(ms: number): Promise<void>;
  close(): void;
}

export interface LocalSiteOptions {
  /** Where the simulated "now" starts (default: the real now). */
  now?: Date;
  /** Persist the app's KVS here (npm start); in memory otherwise. */
  kvsFile?: string;
  /** Extra generated tickets for a realistic queue. */
  generated?: number;
  /** The app module (src/index.ts exports). */
  app: Record<string, unknown>;
  /**
   * Let the simulated clock also run with wall time between clicks (npm start), so rate-limit windows refill
   * and scheduled triggers fire while the page is open. Off for tests, whose clock moves only when told.
   */
  followWallTime?: boolean;
}

/** How often the wall-time ticker moves the clock (and fires what fell due). */
const WALL_TICK_MS = 1_000;

/** Creates and starts the local site; the clock is faked for the whole process until `close()`. */
export async function createLocalSite(options: LocalSiteOptions): Promise<LocalSite> {
  const now = options.now ?? new Date();
  const clock = new SimClock(now);
  const site = createJiraSite();
  seedDemoSite(site);
  if (options.generated)
    generateTickets(site, { count: options.generated, seed: 42, now: new Date(now.getTime() - DAY) });
  const host = await createForgeHost({
    site,
    clock,
    app: options.app,
    ...(options.kvsFile ? { kvsFile: options.kvsFile } : {}),
  });
  host.install();
  if (options.kvsFile) keepOnlySettings(host);
  if (!host.kvs.get('kvs', CONFIG_KEY)) {
    const at = Date.now();
    const value = { version: 1, input: LOCAL_SITE_CONFIG, savedAt: now.toISOString() };
    host.kvs.put('kvs', CONFIG_KEY, { value, createdAt: at, updatedAt: at });
  }
  const demo = await createDemoTickets(site, host, clock, now);
  // Settle the events the demo caused, without moving the clock past `now`.
  await host.drain();
  let chain: Promise<void> = Promise.resolve();
  const advance = (ms: number): Promise<void> => {
    const run = chain.then(() => host.advance(ms));
    chain = run.catch(() => undefined);
    return run;
  };
  const ticker = options.followWallTime ? followWallTime(advance) : undefined;
  return {
    site,
    host,
    clock,
    demo,
    startStatus: new Map(Object.values(demo).map((key) => [key, statusOf(site, key)])),
    advance,
    close() {
      if (ticker) clearInterval(ticker);
      host.uninstall();
      clock.uninstall();
    },
  };
}

/** Advances the simulated clock by the wall time that passed, once a second, through `advance`. */
function followWallTime(advance: (ms: number) => Promise<void>): NodeJS.Timeout {
  let last = performance.now();
  let busy = false;
  const ticker = setInterval(() => {
    if (busy) return;
    const now = performance.now();
    const elapsed = Math.floor(now - last);
    last = now;
    busy = true;
    advance(elapsed)
      .catch((error: unknown) => process.stderr.write(`clock: ${String(error)}\n`))
      .finally(() => {
        busy = false;
      });
  }, WALL_TICK_MS);
  ticker.unref();
  return ticker;
}

/** Tickets created in the past (the clock is set back while they are made), then the clock returns to `now`. */
async function createDemoTickets(
  site: SimJiraSite,
  host: ForgeHost,
  clock: SimClock,
  now: Date,
): Promise<LocalSite['demo']> {
  const agent = site.actAs(USER.agentDach);
  const customer = site.actAs(PEOPLE.customer.accountId);
  // Each step's product events are handled before the clock moves, so the app stamps them when they happened.
  const atMs = async (msAgo: number) => {
    await host.drain();
    clock.set(new Date(now.getTime() - msAgo));
  };
  const at = (daysAgo: number) => atMs(daysAgo * DAY);
  // The walkthrough's ticket entered Clarification almost 30 days ago: reminder 3 (day 30) falls due just before
  // the first hourly sweep after start, so "+1 hour" always shows it and "+10 days" the close on day 40.
  const firstSweep = host.nextScheduledRun('process-sweep', now.getTime());
  const reminder3Due = firstSweep - Math.min(MINUTE, (firstSweep - now.getTime()) / 2);
  const clarificationAge = 30 * DAY - (reminder3Due - now.getTime());
  const create = (issueType: string, summary: string, fields: Record<string, unknown> = {}) =>
    customer.createIssue({ project: 'SD', issueType, summary, fields });

  await atMs(clarificationAge);
  // A Software Defect, so the walkthrough can show a reclassification the rules allow (PROCESS.md §2: a
  // Software Defect whose analysis finds no code fault may be re-typed); the other types keep their type.
  const clarification = await create('Software Defect', 'User import from a CSV file stops after the header');
  await agent.comment(clarification, 'Could you send us an example of the CSV file?');
  await agent.transition(clarification, { status: 'Clarification required / On hold' });

  await at(49.5);
  const resolved = await create('Software Defect', 'Export to PDF cuts off the last column');
  await agent.transition(resolved, { status: 'In Progress' });
  await agent.transition(resolved, { status: 'Resolved', resolution: 'Done' });

  await at(111);
  const estimate = await create('Customisation', 'Additional approval step for purchase orders');
  await agent.transition(estimate, { status: 'Estimation in progress' });
  await agent.transition(estimate, { status: 'Estimation available' });

  // The app has been installed all along: its hourly sweep sent reminders 1 and 2 on days 10 and 20, so the
  // walkthrough's "+1 hour" shows reminder 3 of 3 and "+10 days" the auto-close on day 40.
  for (const reminderDay of [10, 20]) {
    await atMs(clarificationAge - reminderDay * DAY - 30 * MINUTE);
    await host.runScheduled('process-sweep');
  }

  await at(6);
  const pendingPatch = await create('Software Defect', 'Search ignores umlauts in supplier names');
  await agent.transition(pendingPatch, { status: 'In Progress' });
  await agent.edit(pendingPatch, { [FIELD.deliveryVersion]: '14.21.3.1' });
  await agent.transition(pendingPatch, { status: 'Delivery Pending' });
  const pendingCustom = await create('Consulting Request', 'Custom report for cost centres');
  await agent.transition(pendingCustom, { status: 'In Progress' });
  await agent.edit(pendingCustom, { [FIELD.deliveryVersion]: 'CUSTOM' });
  await agent.transition(pendingCustom, { status: 'Delivery Pending' });

  await at(2);
  const delivery = await agent.createIssue({
    project: 'SD',
    issueType: 'Delivery',
    summary: 'Delivery 14.21.3.1 for ACME',
    fields: {
      [FIELD.deliveryVersion]: '14.21.3.1',
      [FIELD.estimatedDeliveryDate]: isoDate(now, 7),
      [FIELD.cloudEnvironment]: 'Dedicated Cloud',
      // A Delivery belongs to one customer: the app matches Delivery Pending tickets by organization and version.
      [FIELD.organizations]: [{ id: ORG.acme }],
    },
  });
  // ACME's contact follows the Delivery as a participant: JSM's customer-request endpoint shows customers only
  // the requests they reported or participate in (the local site's reading of its reference).
  await agent.addParticipants(delivery, [PEOPLE.customer.accountId]);

  await at(0.1);
  // A severe fault (production down): on a weekend the app alerts on-call ("Reset demo to a Saturday").
  const outage = await create('Incident', 'Login page answers 502', {
    [FIELD.affectedSystem]: { value: 'Production' },
    [FIELD.systemReachable]: { value: 'No' },
  });

  // An ordered Customisation that ships with the same Delivery: the app closes it when the Delivery is delivered.
  await at(0.05);
  const pendingCustomisation = await create('Customisation', 'Approval e-mail with the cost centre name');
  for (const status of ['Estimation in progress', 'Estimation available', 'Ordered', 'In Progress'])
    await agent.transition(pendingCustomisation, { status });
  await agent.edit(pendingCustomisation, { [FIELD.deliveryVersion]: 'CUSTOM' });
  await agent.transition(pendingCustomisation, { status: 'Delivery Pending' });
  await at(0);
  return {
    clarification,
    resolved,
    estimate,
    pendingPatch,
    pendingCustom,
    delivery,
    outage,
    pendingCustomisation,
  };
}

/**
 * Tickets are seeded afresh on every start, with the same ids, so only the admin's settings (configuration and
 * secrets) may survive a restart: ledger entries, timer work and audit entries of the last run would otherwise
 * claim that this run's reminders and deliveries had already happened.
 */
function keepOnlySettings(host: ForgeHost): void {
  for (const key of host.kvs.keys('kvs')) if (!key.startsWith('config:')) host.kvs.remove('kvs', key);
  host.kvs.flush();
}

/** The name of the status `key` is in now ('' when the ticket is gone). */
export function statusOf(site: SimJiraSite, key: string): string {
  const issue = site.store.issue(key);
  return (issue && site.store.statuses.get(issue.statusId)?.name) ?? '';
}

function isoDate(from: Date, days: number): string {
  return new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);
}
