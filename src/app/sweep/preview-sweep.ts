import { PROCESS_STATE_KEY } from '../../domain/process-state';
import { decideTimer } from '../../domain/timers/decide-timer';
import type { AppDeps } from '../deps';
import { rebuildState, stateMatchesTicket } from './rebuild-state';
import { dueTicketsJql, unstampedTicketsJql } from './sweep-queries';
import { sweepContextFor } from './sweep-setup';
import { sweepFields, toSweepTicket } from './sweep-ticket';

/** One line of "Preview: what the next sweep would do". */
export interface SweepPreviewItem {
  issueKey: string;
  /** `reminder`, `close`, `expiryNotice`, `expire`, or `restamp` (state rebuilt, nothing due yet). */
  action: string;
  /** When the step is or was due (ISO). */
  dueAt: string;
}

/** The preview reads at most this many tickets per query (an admin page, not a sweep). */
const PREVIEW_LIMIT = 50;

/**
 * What the next sweep of `projectKey` would do at `now`, computed with the sweep's own queries and decisions
 * but writing nothing (no ticket, no ledger, no audit). Empty when the project is not managed or switched off.
 *
 * @example
 * await previewSweep(deps, 'SUP', new Date()); // [{ issueKey: 'SUP-12', action: 'reminder', dueAt: '2026-11-27T09:00:00.000Z' }]
 */
export async function previewSweep(
  deps: AppDeps,
  projectKey: string,
  now: Date,
): Promise<SweepPreviewItem[]> {
  const { config } = await deps.config.load();
  if (!config.automation.enabled) return [];
  const ctx = await sweepContextFor(deps, config, projectKey, now);
  if (!ctx) return [];
  const items: SweepPreviewItem[] = [];
  for (const phase of ['unstamped', 'due'] as const) {
    const page = await deps.jira.search({
      jql: phase === 'unstamped' ? unstampedTicketsJql(ctx.cfg) : dueTicketsJql(projectKey),
      fields: sweepFields(ctx.organizationsFieldId),
      properties: [PROCESS_STATE_KEY],
      maxResults: PREVIEW_LIMIT,
      ...(phase === 'unstamped' ? { expand: 'changelog' } : {}),
    });
    for (const bean of page.issues) {
      const ticket = toSweepTicket(bean, ctx.cfg, ctx.organizationsFieldId);
      if (!ticket) continue;
      const matches = ticket.state !== undefined && stateMatchesTicket(ticket);
      const state = matches && ticket.state ? ticket.state : rebuildState(ticket, ctx.cfg, now);
      const decision = decideTimer(state, now, ctx.cfg, ticket);
      if (decision.due && !decision.alreadyDone) {
        items.push({ issueKey: ticket.key, action: decision.step.kind, dueAt: decision.dueAt });
      } else if (!matches) {
        items.push({ issueKey: ticket.key, action: 'restamp', dueAt: state.nextDueAt ?? now.toISOString() });
      }
    }
  }
  return items;
}
