/**
 * The chaos campaign: tickets entering Clarification run through the app's real handlers on the local site
 * (Forge host + Jira simulator) for weeks of hourly sweeps while every fault class hits at once — 5xx, timeouts
 * (some after the write was applied), 409s, 429 storms, invocations killed right after a successful write,
 * duplicated, shuffled and concurrent product events and queue deliveries, back-to-back and overlapping
 * duplicate scheduled runs, customer replies (some exactly between the sweep's state check and its Jira write),
 * agent comments and internal notes. Seeded and repeatable. Used by `test/entry/sweep-chaos.test.ts` (bounded)
 * and `npm run chaos` (`bench/chaos.ts`).
 */
import { appendFileSync } from 'node:fs';
import { SimClock } from '../../sandbox/clock';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { seededRandom } from '../../sandbox/jira/faults';
import { STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import { seedDemoSite } from '../../sandbox/jira/seed/demo-site';
import { createJiraSite, type SimJiraSite } from '../../sandbox/jira/site';
import { CONFIG_KEY } from '../../src/app/shared/config-repository';
import { PROCESS_STATE_KEY } from '../../src/domain/process-state';
import * as index from '../../src/index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;
const CLARIFICATION = 'Clarification required / On hold';
const CUSTOMER = 'customer-acme-1';
/** A reminder sent within this long after a reply was already on its way when the customer answered. */
const IN_FLIGHT_MS = MINUTE;
/** Steps due this close to the end may still be waiting for their sweep. */
const END_MARGIN_MS = 3 * HOUR;

export interface ChaosOptions {
  tickets: number;
  days: number;
  seed: number;
  /** Tickets that get a customer reply on day 3 to 4 (issue: 40 of 200). */
  replyShare?: number;
  /** Tickets that get an agent comment and an internal note on day 15 (issue: 29 of 200). */
  agentShare?: number;
  /** Replies placed exactly between the sweep's state check and its write: at a reminder and at a close each. */
  racedReplies?: number;
  /** Without faults: the baseline. */
  faults?: boolean;
  /**
   * How the 10 % of deaths right after a successful write are drawn: per write (default, harsher: an invocation
   * of eight writes dies with 57 %), or per invocation (the issue's words: 10 % of invocations).
   */
  kills?: 'perWrite' | 'perInvocation';
}

export interface ChaosFigures {
  tickets: number;
  days: number;
  seed: number;
  faultsInjected: Record<string, number>;
  stepsExpected: number;
  sent: number;
  duplicated: number;
  missed: number;
  early: number;
  earlyCloses: number;
  lostResets: number;
  /** Tickets and queued work items parked at the end (a transient fault must never park one). */
  parked: number;
  worstLatenessMinutes: number;
  /** Points the proof before a step cost, per step performed (comments read, app account, organizations). */
  proofPointsPerAction: number;
  realSeconds: number;
  /** Each ticket that missed a target, with its timeline (days after the campaign's start), to replay it. */
  problems: string[];
}

interface Timed {
  at: number;
  run: () => Promise<unknown>;
}

/** A user action retried as a person would when Jira answers an error (the campaign's faults hit people too). */
async function persist<T>(action: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= 20) throw error;
    }
  }
}

/** Reminder days and the close day of the clarification timer: when the sweep has work, the storms come. */
const STEP_DAYS = [10, 20, 30, 40];

/**
 * Four storms of 75 minutes to 2 hours, each over the sweep that performs one ticket's step (reminder 1–3, the
 * close): an idle sweep reads only the due index and never meets a storm, so a storm must meet the sweep with
 * work to do. `entries` are the tickets' entry times.
 */
function stormsFor(
  random: () => number,
  entries: readonly number[],
  end: number,
): { from: number; to: number }[] {
  return STEP_DAYS.map((day, k) => {
    // Two draws per storm, as the storms have always drawn, so every later draw of the campaign stays the same.
    random();
    // At least 75 minutes from just before the step is due: the next hourly sweep falls inside.
    const minutes = 75 + Math.floor(random() * 46);
    const entry = entries[(k * 3) % Math.max(1, entries.length)] ?? 0;
    const from = entry + day * DAY - 5 * MINUTE;
    return { from, to: from + minutes * MINUTE };
  }).filter((storm) => storm.to < end - DAY);
}

/**
 * Puts a customer reply right after the sweep announced its write of a chosen step (its KVS marker, after the
 * state check) on a chosen ticket, and lets the issue event handler run before the sweep goes on.
 */
function raceReplies(host: ForgeHost, site: SimJiraSite, targets: Map<string, string>): () => void {
  type Fetch = (target: { type: string }, path: string, init?: { body?: unknown }) => Promise<unknown>;
  const g = globalThis as { __forge_fetch__?: Fetch };
  const real = g.__forge_fetch__;
  const done = new Set<string>();
  g.__forge_fetch__ = async (target, path, init) => {
    const response = await real?.(target, path, init);
    const body = typeof init?.body === 'string' ? init.body : '';
    if (target.type !== 'kvs' || !body.includes(':sweep"')) return response;
    for (const [issueId, step] of targets) {
      if (done.has(issueId) || !body.includes(`"key":"statewrite:${issueId}:sweep"`)) continue;
      if (!body.includes(`:${step}"`)) continue;
      done.add(issueId);
      const key = site.store.issue(issueId)?.key ?? issueId;
      const handled = new Promise<void>((resolve) => {
        const stop = host.onInvocation((record) => {
          if (record.kind !== 'product-trigger') return;
          stop();
          resolve();
        });
        setTimeout(resolve, 2_000);
      });
      await persist(() => site.actAs(CUSTOMER).comment(key, 'Answer while the reminder is being sent'));
      await handled;
    }
    return response;
  };
  return () => (g.__forge_fetch__ = real);
}

interface AppAction {
  kind: 'reminder' | 'close';
  number: number;
  at: number;
}

function plain(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { type?: string; text?: string; content?: unknown[] };
  return n.type === 'text' ? (n.text ?? '') : (n.content ?? []).map(plain).join(' ');
}

/** What the app did on one ticket: its reminders (by number) and its close, in time order. */
function appActions(site: SimJiraSite, key: string): AppAction[] {
  const issue = site.store.issue(key);
  if (!issue) return [];
  const reminders = issue.comments
    .filter((c) => c.authorAccountId === USER.app)
    .flatMap((c) => {
      const match = /Erinnerung (\d) von/.exec(plain(c.body));
      return match
        ? [{ kind: 'reminder' as const, number: Number(match[1]), at: Date.parse(c.created) }]
        : [];
    });
  const closes = issue.histories
    .filter(
      (h) =>
        h.authorAccountId === USER.app && h.items.some((i) => i.field === 'status' && i.to === STATUS.closed),
    )
    .map((h) => ({ kind: 'close' as const, number: 4, at: Date.parse(h.created) }));
  return [...reminders, ...closes].sort((a, b) => a.at - b.at);
}

interface TicketFigures {
  expected: number;
  duplicated: number;
  missed: number;
  early: number;
  earlyCloses: number;
  lostResets: number;
  worstLateness: number;
  timeline: string;
}

/**
 * Checks one ticket against the process (PROCESS.md §4): cycles start at the entry and at every customer reply;
 * in each, reminder n is due after 10·n days and the close after 40. Every app action is matched to the step of
 * the cycle it happened in.
 */
function judge(site: SimJiraSite, key: string, start: number, end: number, raced: boolean): TicketFigures {
  const issue = site.store.issue(key);
  const figures = {
    expected: 0,
    duplicated: 0,
    missed: 0,
    early: 0,
    earlyCloses: 0,
    lostResets: 0,
    worstLateness: 0,
    timeline: '',
  };
  if (!issue) return figures;
  const entry = issue.histories
    .filter((h) => h.items.some((i) => i.field === 'status' && i.to === STATUS.clarification))
    .map((h) => Date.parse(h.created))[0];
  if (entry === undefined) return figures;
  const actions = appActions(site, key);
  const closedAt = actions.find((a) => a.kind === 'close')?.at ?? Infinity;
  const replies = issue.comments
    .filter((c) => c.authorAccountId === CUSTOMER && c.jsdPublic && Date.parse(c.created) < closedAt)
    .map((c) => Date.parse(c.created))
    .sort((a, b) => a - b);
  const starts = [entry, ...replies];
  const matched = new Set<string>();
  const lateness = new Map<AppAction, number>();
  for (const action of actions) {
    let cycle = starts.filter((s) => s <= action.at).length - 1;
    const previous = starts[cycle - 1];
    // A reminder already on its way when the customer answered belongs to the cycle it was due in.
    const inFlight =
      action.kind === 'reminder' &&
      previous !== undefined &&
      action.at - (starts[cycle] ?? entry) <= IN_FLIGHT_MS &&
      previous + 10 * action.number * DAY <= action.at;
    if (inFlight) cycle -= 1;
    const start = starts[cycle] ?? entry;
    const due = start + (action.kind === 'close' ? 40 : 10 * action.number) * DAY;
    if (action.at < due) {
      figures.early += 1;
      if (action.kind === 'close') figures.earlyCloses += 1;
      if (cycle > 0) figures.lostResets += 1;
      continue;
    }
    const id = `${cycle}:${action.kind}:${action.number}`;
    if (matched.has(id)) {
      figures.duplicated += 1;
      continue;
    }
    matched.add(id);
    figures.worstLateness = Math.max(figures.worstLateness, action.at - due);
    lateness.set(action, action.at - due);
  }
  starts.forEach((start, cycle) => {
    const next = starts[cycle + 1] ?? Infinity;
    for (const [kind, number, days] of [
      ['reminder', 1, 10],
      ['reminder', 2, 20],
      ['reminder', 3, 30],
      ['close', 4, 40],
    ] as const) {
      const due = start + days * DAY;
      if (due > end - END_MARGIN_MS || due > closedAt) continue;
      if (due >= next) continue;
      // The reply placed while the app was writing this very step (the raced tickets): sending it (in flight)
      // and holding it back (the reply restarted the cycle first) are both right.
      if (raced && cycle === 0 && next === replies[0] && !matched.has(`${cycle}:${kind}:${number}`)) continue;
      figures.expected += 1;
      if (!matched.has(`${cycle}:${kind}:${number}`)) figures.missed += 1;
    }
  });
  // A reply the state never took in (still open at the end, cycle started before the reply).
  const state = issue.properties[PROCESS_STATE_KEY] as { cycleStartedAt?: string } | undefined;
  const last = replies.at(-1);
  if (
    last !== undefined &&
    closedAt === Infinity &&
    Date.parse(state?.cycleStartedAt ?? '') < last - IN_FLIGHT_MS
  )
    figures.lostResets += 1;
  const day = (ms: number) => ((ms - start) / DAY).toFixed(2);
  figures.timeline = [
    `entry ${day(entry)}`,
    ...replies.map((r) => `reply ${day(r)}`),
    ...actions.map(
      (a) => `${a.kind} ${a.number} ${day(a.at)} (+${Math.round((lateness.get(a) ?? 0) / MINUTE)} min)`,
    ),
    `state cycle ${day(Date.parse(state?.cycleStartedAt ?? '') || start)}`,
  ].join(', ');
  return figures;
}

/** Runs one campaign and returns its figures. */
export async function runChaosCampaign(options: ChaosOptions): Promise<ChaosFigures> {
  const started = performance.now();
  const { tickets, days, seed, faults = true } = options;
  const random = seededRandom(seed);
  const start = Date.parse('2026-11-02T08:30:00Z');
  const end = start + days * DAY;
  const clock = new SimClock(new Date(start).toISOString());
  const site = createJiraSite({});
  seedDemoSite(site);
  const host = await createForgeHost({
    site,
    clock,
    app: index,
    timeScale: 1,
    events: faults ? { duplicateRate: 0.25, reorder: true, concurrent: true, seed } : { seed },
  });
  const log = console.log;
  const logError = console.error;
  // CHAOS_TRACE=<file>: the app's log lines with the simulated time, to follow a failing ticket.
  const trace = process.env.CHAOS_TRACE;
  const traced = (...args: unknown[]) =>
    trace ? appendFileSync(trace, `${new Date().toISOString()} ${args.map(String).join(' ')}\n`) : undefined;
  const logWarn = console.warn;
  console.log = traced;
  console.error = traced;
  console.warn = traced;
  host.install();
  const keys: string[] = [];
  const racedKeys = new Set<string>();
  let stopRaces: (() => void) | undefined;
  try {
    const at = Date.now();
    host.kvs.put('kvs', CONFIG_KEY, {
      value: { version: 1, input: { projects: ['SD'] }, savedAt: clock.now().toISOString() },
      createdAt: at,
      updatedAt: at,
    });
    const stormDraws = Array.from({ length: 2 * STEP_DAYS.length }, () => random());
    const agent = site.actAs(USER.agentDach);
    const timeline: Timed[] = [];
    const entries = Array.from({ length: tickets }, () => start + Math.floor(random() * 48 * HOUR)).sort(
      (a, b) => a - b,
    );
    if (faults) {
      let draw = 0;
      site.setFaults({
        serverErrorRate: 0.05,
        timeoutRate: 0.02,
        timeoutMs: 1,
        timeoutsApplyWrites: true,
        conflictRate: 0.05,
        seed,
        rateLimitStorms: stormsFor(() => stormDraws[draw++] ?? 0, entries, end).map((s) => ({
          ...s,
          retryAfterSeconds: 300,
        })),
      });
      host.setKills({ rate: 0.1, seed, per: options.kills === 'perInvocation' ? 'invocation' : 'write' });
    }
    for (const entryAt of entries) {
      timeline.push({
        at: entryAt,
        run: async () => {
          const key = await persist(() =>
            site
              .actAs(CUSTOMER)
              .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Chaos' }),
          );
          // A retried transition may find the first attempt applied (a timeout after the write).
          await persist(async () => {
            if (site.store.issue(key)?.statusId !== STATUS.clarification)
              await agent.transition(key, { status: CLARIFICATION });
          });
          keys.push(key);
        },
      });
    }
    const pick = (share: number) => Math.round(tickets * share);
    const replyCount = pick(options.replyShare ?? 0.2);
    const agentCount = pick(options.agentShare ?? 0.145);
    for (let i = 0; i < replyCount; i++) {
      timeline.push({
        at: start + 3 * DAY + Math.floor(random() * DAY),
        run: () => persist(() => site.actAs(CUSTOMER).comment(keys[i] ?? '', 'Here is what you asked for')),
      });
    }
    for (let i = 0; i < agentCount; i++) {
      const key = () => keys[tickets - 1 - i] ?? '';
      timeline.push({
        at: start + 15 * DAY + Math.floor(random() * DAY),
        run: async () => {
          await persist(() => agent.comment(key(), 'We are still looking into it'));
          await persist(() => agent.comment(key(), 'Internal: waiting for the customer', { internal: true }));
        },
      });
    }
    timeline.sort((a, b) => a.at - b.at);
    const raced = options.racedReplies ?? (faults ? 2 : 0);
    let next = 0;
    for (let hour = 0; hour < days * 24; hour++) {
      const hourEnd = start + (hour + 1) * HOUR;
      while (next < timeline.length && (timeline[next]?.at ?? Infinity) < hourEnd) {
        const item = timeline[next++];
        if (!item) break;
        if (item.at > Date.now()) await host.advance(item.at - Date.now());
        await item.run();
      }
      if (hour === 48 && raced > 0) {
        // Untouched tickets: the reply lands in the race at reminder 1 for some, at the close for others.
        const targets = new Map<string, string>();
        for (let i = 0; i < raced; i++) {
          const ids = [replyCount + i, replyCount + raced + i].map(
            (n) => site.store.issue(keys[n] ?? '')?.id,
          );
          if (ids[0]) targets.set(ids[0], 'reminder1');
          if (ids[1]) targets.set(ids[1], 'close');
          for (const n of [replyCount + i, replyCount + raced + i]) racedKeys.add(keys[n] ?? '');
        }
        stopRaces = raceReplies(host, site, targets);
      }
      await host.advance(Math.max(0, hourEnd - Date.now()));
      if (faults && hour % 24 === 7) {
        // Duplicate scheduled runs: two overlapping at once, then one right after them.
        await Promise.all([host.runScheduled('process-sweep'), host.runScheduled('process-sweep')]);
        await host.runScheduled('process-sweep');
      }
    }
    await host.drain();
  } finally {
    stopRaces?.();
    host.uninstall();
    clock.uninstall();
    console.log = log;
    console.error = logError;
    console.warn = logWarn;
  }
  if (trace) {
    keys.forEach((key) =>
      traced(
        'ticket',
        key,
        site.store.issue(key)?.id,
        judge(site, key, start, end, racedKeys.has(key)).timeline,
      ),
    );
    for (const key of host.kvs
      .keys('kvs')
      .filter((k) => k.startsWith('audit:i:'))
      .sort()
      .reverse())
      traced(key, JSON.stringify(host.kvs.get('kvs', key)?.value));
  }
  const failures = host.takeHostFailures();
  if (failures.length > 0) throw new Error(`host failures: ${failures.map(String).join('; ')}`);
  const totals = keys.map((key) => judge(site, key, start, end, racedKeys.has(key)));
  const sum = (f: Exclude<keyof TicketFigures, 'timeline'>) => totals.reduce((n, t) => n + t[f], 0);
  const sent = keys.reduce((n, key) => n + appActions(site, key).length, 0);
  const metrics = site.metrics.all();
  const proofPoints = ['getComments', 'getCurrentUser'].reduce((n, op) => n + (metrics[op]?.points ?? 0), 0);
  return {
    tickets,
    days,
    seed,
    faultsInjected: {
      ...site.faultCounts,
      killedAfterJiraWrite: host.kills.jira,
      killedAfterKvsWrite: host.kills.kvs,
      productEventsDuplicated: host.stats.productEvents.duplicated,
    },
    stepsExpected: sum('expected'),
    sent,
    duplicated: sum('duplicated'),
    missed: sum('missed'),
    early: sum('early'),
    earlyCloses: sum('earlyCloses'),
    lostResets: sum('lostResets'),
    parked: host.kvs
      .keys('kvs')
      .filter((k) => k.startsWith('park:'))
      .filter((k) => (host.kvs.get('kvs', k)?.value as { state?: string } | undefined)?.state === 'parked')
      .length,
    worstLatenessMinutes: Math.round(Math.max(0, ...totals.map((t) => t.worstLateness)) / MINUTE),
    proofPointsPerAction: sent === 0 ? 0 : Math.round((proofPoints / sent) * 100) / 100,
    realSeconds: Math.round((performance.now() - started) / 1000),
    problems: keys.flatMap((key, i) => {
      const t = totals[i];
      if (!t || t.duplicated + t.missed + t.early + t.lostResets === 0) return [];
      const counts = `duplicated ${t.duplicated}, missed ${t.missed}, early ${t.early}, lost resets ${t.lostResets}`;
      return [`${key} (${site.store.issue(key)?.id ?? '?'}): ${counts}; ${t.timeline}`];
    }),
  };
}
