/**
 * The naive baseline: what a straightforward implementation does every hour. JQL by status with the
 * changelog expanded over every ticket in a timer status (all pages), then per due ticket: read its transitions,
 * add the comment, write the state property, and transition when closing — four calls where the app makes one.
 * It applies the same timer rules (`decideTimer`), so both send the same reminders and closes.
 */
import { route } from '@forge/api';
import type { SimClock } from '../sandbox/clock';
import type { Principal } from '../sandbox/contract';
import { DEFAULT_REST_LATENCY_MS } from '../sandbox/forge/host';
import type { SimJiraSite } from '../sandbox/jira/site';
import { textToAdf } from '../src/app/shared/adf';
import { RateLimitedError } from '../src/app/ports/jira-errors';
import { JiraClient, type JiraResponse } from '../src/adapters/jira/jira-client';
import { JiraGateway } from '../src/adapters/jira/jira-gateway';
import { rebuildState } from '../src/app/sweep/rebuild-state';
import { TIMER_STATUSES } from '../src/app/sweep/sweep-queries';
import { jqlString } from '../src/domain/jql';
import { sweepFields, toSweepTicket } from '../src/app/sweep/sweep-ticket';
import { configForProject } from '../src/domain/config';
import { defaultConfig } from '../src/domain/config/app-config-schema';
import { parseProcessState } from '../src/domain/process-state';
import { renderMessage } from '../src/domain/texts';
import { decideTimer } from '../src/domain/timers/decide-timer';
import { hourSample, rssMb, siteTotals, type HourSample } from './bench-metrics';
import { HOUR_MS, operations, type SweepRun } from './app-sweep';

const NAIVE_KEY = 'naive-timer-state';

/** Counts what the naive implementation's calls cost (the site's `x-sim-points`). */
export class Meter {
  calls = 0;
  points = 0;
  take(): { calls: number; points: number } {
    const out = { calls: this.calls, points: this.points };
    this.calls = 0;
    this.points = 0;
    return out;
  }
}

/**
 * A gateway calling the site directly (no Forge host) as `principal`. The clock moves 50 ms with every call, as the
 * Forge host moves it for the app, so Jira's burst limits refill the same way; a 429's Retry-After is waited out.
 */
export function directGateway(
  site: SimJiraSite,
  clock: SimClock,
  principal: Principal = { kind: 'app' },
  meter: Meter = new Meter(),
): JiraGateway {
  const request = async (
    r: { value: string },
    init?: { method?: string; body?: string; headers?: Record<string, string> },
  ): Promise<JiraResponse> => {
    const res = await site.handle({
      method: (init?.method ?? 'GET') as 'GET',
      path: r.value,
      headers: init?.headers ?? {},
      ...(init?.body === undefined ? {} : { body: init.body }),
      principal,
    });
    clock.advance(DEFAULT_REST_LATENCY_MS);
    meter.calls += 1;
    meter.points += Number(res.headers['x-sim-points'] ?? 0);
    return {
      ok: res.status < 300,
      status: res.status,
      headers: { get: (name) => res.headers[name] ?? res.headers[name.toLowerCase()] ?? null },
      text: async () => res.body,
    };
  };
  const sleep = async (ms: number) => {
    clock.advance(ms);
  };
  return new JiraGateway(new JiraClient({ request, sleep }));
}

/** One hour of the naive sweep: every timer ticket read, each due step written in four calls. */
export async function naiveHour(jira: JiraGateway, now: Date): Promise<void> {
  const cfg = configForProject(defaultConfig, 'SD');
  const statuses = TIMER_STATUSES.map((s) => jqlString(cfg.names.statuses[s])).join(', ');
  const beans = await jira.searchAll({
    jql: `project = "SD" AND status in (${statuses}) ORDER BY id ASC`,
    fields: sweepFields(),
    properties: [NAIVE_KEY],
    expand: 'changelog',
    maxResults: 100,
  });
  for (const bean of beans) {
    const ticket = toSweepTicket(bean, cfg);
    if (!ticket) continue;
    const stored = parseProcessState(bean.properties?.[NAIVE_KEY]);
    const state = stored && stored.statusId === ticket.statusId ? stored : rebuildState(ticket, cfg, now);
    const decision = decideTimer(state, now, cfg, ticket);
    if (!decision.due || decision.alreadyDone) {
      if (!stored) await jira.setIssueProperty(ticket.key, NAIVE_KEY, decision.state);
      continue;
    }
    for (const action of decision.actions) {
      if (action.type === 'comment') {
        await jira.addComment(ticket.key, {
          body: textToAdf(renderMessage(cfg, action.messageKey, 'de', action.params)),
          internal: false,
          occurrence: decision.idempotencyKey,
        });
        await jira.setIssueProperty(ticket.key, NAIVE_KEY, decision.state);
      }
      if (action.type === 'transition') {
        const transitions = await jira.getTransitions(ticket.key, { withFields: true });
        const close = transitions.find((t) => t.to.name === cfg.names.statuses.closed);
        if (action.comment) {
          const text = renderMessage(cfg, action.comment.messageKey, 'de', action.comment.params);
          await jira.addComment(ticket.key, {
            body: textToAdf(text),
            internal: false,
            occurrence: decision.idempotencyKey,
          });
        }
        await jira.setIssueProperty(ticket.key, NAIVE_KEY, decision.state);
        if (close) {
          await jira.client.call({
            operation: 'doTransition',
            route: route`/rest/api/3/issue/${ticket.key}/transitions`,
            method: 'POST',
            body: {
              transition: { id: close.id },
              ...(close.fields?.resolution ? { fields: { resolution: { name: 'Done' } } } : {}),
            },
          });
        }
      }
    }
  }
}

/** Runs the naive sweep hourly for `hours`; the site's charges are sampled per hour like the app's. */
export async function runNaiveSweep(site: SimJiraSite, clock: SimClock, hours: number): Promise<SweepRun> {
  const started = performance.now();
  const jira = directGateway(site, clock);
  const samples: HourSample[] = [];
  let peakRssMb = rssMb();
  for (let hour = 0; hour < hours; hour++) {
    clock.advance(HOUR_MS);
    const before = siteTotals(site);
    try {
      await naiveHour(jira, clock.now());
    } catch (error) {
      // The naive sweep can exhaust the site's hourly quota (65,000 points) on large sites: the rest of its hour is
      // lost, which the report shows as `rateLimited`.
      if (!(error instanceof RateLimitedError)) throw error;
    }
    const after = siteTotals(site);
    const sample = hourSample(before, after, 0);
    // The naive baseline's reminder is addComment + property, counted as one action for the comparison.
    const comments = (after.ok.addComment ?? 0) - (before.ok.addComment ?? 0);
    samples.push({ ...sample, actions: comments, restamps: sample.restamps - comments });
    peakRssMb = Math.max(peakRssMb, rssMb());
  }
  return {
    samples,
    peakRssMb,
    realSeconds: (performance.now() - started) / 1000,
    operations: operations(site),
  };
}
