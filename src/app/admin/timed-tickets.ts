import { parseProcessState, PROCESS_STATE_KEY, type ProcessState } from '../../domain/process-state';
import type { AppDeps } from '../deps';
import { jqlString } from '../sweep/sweep-queries';
import { indexInstant } from '../shared/due-index';

/** A ticket with a running timer: its key, its project (Jira's, at the time of reading) and its stored state. */
export interface TimedTicket {
  readonly issueKey: string;
  readonly projectKey: string;
  /** The site's issue type name. */
  readonly issueType: string | undefined;
  readonly state: ProcessState;
}

/** Keys per search: one `key in (…)` search reads this many tickets (1 point plus 1 per ticket). */
const PAGE = 100;

/**
 * The tickets of `projects` whose next timer step falls due by `until`, with their stored state, at most `cap`.
 * The due index (KVS, no Jira point) names them; their state properties are read in one search per 100 tickets,
 * never ticket by ticket. The index is only ever early (docs/decisions/0015), so a listed ticket whose property
 * has no running timer is left out, and none that is due by `until` is missed.
 */
export async function timedTickets(
  app: Pick<AppDeps, 'dueIndex' | 'jira'>,
  projects: readonly string[],
  until: Date,
  cap: number,
): Promise<{ tickets: TimedTicket[]; truncated: boolean }> {
  const listed: string[] = [];
  let truncated = false;
  for (const projectKey of projects) {
    let cursor: string | undefined;
    do {
      const page = await app.dueIndex.dueUntil(projectKey, indexInstant(until.toISOString()), {
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      listed.push(...page.entries.map((e) => e.issueKey));
      cursor = page.cursor;
    } while (cursor && listed.length < cap);
    if (cursor || listed.length > cap) truncated = true;
    if (listed.length >= cap) break;
  }
  const keys = [...new Set(listed)].slice(0, cap);
  const tickets: TimedTicket[] = [];
  for (let i = 0; i < keys.length; i += PAGE) {
    const batch = keys.slice(i, i + PAGE);
    const found = await app.jira.search({
      jql: `key in (${batch.map(jqlString).join(', ')})`,
      fields: ['project', 'issuetype'],
      properties: [PROCESS_STATE_KEY],
      maxResults: batch.length,
    });
    for (const bean of found.issues) {
      const state = parseProcessState(bean.properties?.[PROCESS_STATE_KEY]);
      const project = (bean.fields?.project as { key?: unknown } | undefined)?.key;
      if (!bean.key || !state || state.timer === 'none' || typeof project !== 'string') continue;
      const type = (bean.fields?.issuetype as { name?: unknown } | undefined)?.name;
      tickets.push({
        issueKey: bean.key,
        projectKey: project,
        issueType: typeof type === 'string' ? type : undefined,
        state,
      });
    }
  }
  return { tickets, truncated };
}
