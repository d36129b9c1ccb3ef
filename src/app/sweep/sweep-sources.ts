import { parseProcessState, PROCESS_STATE_KEY } from '../../domain/process-state';
import { announce, indexInstant, keepNoState, lowerDue, settle } from '../shared/due-index';
import {
  clearRepairProgress,
  readRepairMarker,
  readRepairProgress,
  writeRepairMarker,
} from '../shared/repair-marker';
import type { IssueBean } from '../ports/jira';
import { JiraHttpError } from '../ports/jira-errors';
import type { SweepContext } from './sweep-context';
import { stampedTicketsJql, statelessTicketsJql, unstampedTicketsJql } from './sweep-queries';
import { jqlString } from '../../domain/jql';
import { sweepFields } from './sweep-ticket';
import { COPIED_PROPERTIES, portalFields } from '../shared/portal-copy';
import { portalCopyFieldIds } from './rebuild-portal-copy';
import type { FieldIds } from '../../domain/ticket';

/**
 * Where a project sweep finds its tickets, in this order:
 * - `stamped`: every ticket with a due time, after installation, an upgrade of the index or a settings change,
 *   so that the due index knows each of them and every due time follows the current timer settings;
 * - `unstamped`: the repair query (tickets in a timer status without a matching state: waiting before the app
 *   was installed, or a lost status event), once a day, and at once after installation or a settings change.
 *   It runs after `stamped`: the states it writes enter the index with their write, and are not read again;
 * - `stateless`: after `unstamped` in a rebuild only, every open ticket of the managed kinds (Delivery aside)
 *   without a state property, each of which gets a "no state yet" copy when it has no entry (`keepNoState`), so
 *   that its first event is decided from the payload (docs/decisions/0020). KVS only beyond the search;
 * - `due`: the tickets the due index (KVS, no Jira point) says are due, read from Jira in one search per page.
 */
export type SweepPhase = 'unstamped' | 'stamped' | 'stateless' | 'due';

/** One page of tickets and where the phase continues. */
export interface SourcePage {
  readonly issues: IssueBean[];
  readonly nextPageToken?: string | undefined;
  /** The field ids the page's tickets carry the portal's fields for (`keepSearchCopy`); absent: none. */
  readonly portalFieldIds?: FieldIds | undefined;
}

/** How often the repair query runs when nothing changed. */
const REPAIR_INTERVAL_MS = 24 * 3_600_000;

/** A saved repair position older than this starts over: Jira's page tokens expire after 7 days. */
const PROGRESS_MAX_AGE_MS = 6 * 24 * 3_600_000;

/** The phase a sweep starts with, and the page token when it continues a repair an earlier run left unfinished. */
export interface FirstPhase {
  readonly phase: SweepPhase;
  readonly rebuild: boolean;
  readonly nextPageToken?: string;
}

function repairPhaseByMarker(
  ctx: SweepContext,
  marker: { at: string; basis: string } | undefined,
  basis: string,
): FirstPhase {
  if (!marker || marker.basis !== basis) return { phase: 'stamped', rebuild: true };
  // A dry run stores no state, so the tickets it would act on stay unstamped: it repairs every hour.
  if (ctx.dryRun || ctx.now.getTime() - Date.parse(marker.at) >= REPAIR_INTERVAL_MS)
    return { phase: 'unstamped', rebuild: false };
  return { phase: 'due', rebuild: false };
}

/**
 * The phase a project sweep starts with: `stamped` (then the unstamped query) when the index or the
 * settings changed since the last repair, `unstamped` when the last repair is a day old (or in a dry run),
 * else `due` alone. A repair that an earlier hourly run left when its budget ran out continues where it stopped,
 * when it was on the same basis and covered at least what is due now.
 */
export async function firstPhase(ctx: SweepContext, basis: string): Promise<FirstPhase> {
  const first = repairPhaseByMarker(ctx, await readRepairMarker(ctx.deps.store, ctx.cfg.projectKey), basis);
  if (first.phase === 'due' || ctx.dryRun) return first;
  const progress = await readRepairProgress(ctx.deps.store, ctx.cfg.projectKey);
  const usable =
    progress !== undefined &&
    progress.basis === basis &&
    (progress.rebuild || !first.rebuild) &&
    ctx.now.getTime() - Date.parse(progress.at) < PROGRESS_MAX_AGE_MS;
  if (!usable) return first;
  return {
    phase: progress.phase,
    rebuild: progress.rebuild,
    ...(progress.nextPageToken ? { nextPageToken: progress.nextPageToken } : {}),
  };
}

/** Records that the repair phases of `basis` are complete. */
export async function markRepaired(ctx: SweepContext, basis: string): Promise<void> {
  await writeRepairMarker(ctx.deps.store, ctx.cfg.projectKey, { at: ctx.now.toISOString(), basis });
  await clearRepairProgress(ctx.deps.store, ctx.cfg.projectKey);
}

async function searchPage(
  ctx: SweepContext,
  jql: string,
  maxResults: number,
  token: string | undefined,
  changelog: boolean,
  portalFieldIds: FieldIds | undefined,
): Promise<SourcePage> {
  // A search costs the same with more fields: it carries what the portal's copy holds (`keepSearchCopy`).
  const fields = sweepFields(ctx.organizationsFieldId);
  const page = await ctx.deps.jira.search({
    jql,
    fields: portalFieldIds ? [...new Set([...fields, ...portalFields(portalFieldIds)])] : fields,
    properties: portalFieldIds ? [...COPIED_PROPERTIES] : [PROCESS_STATE_KEY],
    maxResults,
    // Expanding the changelog in the search is free in points; the bulk changelog API charges per entry
    // (docs/decisions/0002-sweep-queries-and-changelog.md). Only the repair query needs it.
    ...(changelog ? { expand: 'changelog' } : {}),
    ...(token ? { nextPageToken: token } : {}),
  });
  return { issues: page.issues, nextPageToken: page.nextPageToken || undefined, portalFieldIds };
}

/**
 * An entry the due search did not return: its ticket was moved to another project (a new key) or deleted. Jira
 * still finds a moved issue by its old key: the entry follows it to the new key, at the due time of its property,
 * where the sweep of the new project finds it, and the old entry leaves the index; a deleted ticket's entry
 * leaves it too. 2 points, once per such ticket; a ticket still under its key waits for the next sweep.
 */
async function followMissingTicket(ctx: SweepContext, issueKey: string): Promise<void> {
  let bean: IssueBean | undefined;
  try {
    bean = await ctx.deps.jira.getIssue(issueKey, { fields: ['project'], properties: [PROCESS_STATE_KEY] });
  } catch (error) {
    if (!(error instanceof JiraHttpError && error.isNotFound)) throw error;
  }
  if (bean?.key === issueKey) return;
  const index = ctx.deps.dueIndex;
  const due = parseProcessState(bean?.properties?.[PROCESS_STATE_KEY])?.nextDueAt;
  if (bean?.key && due !== undefined) await lowerDue(index, bean.key, due);
  const announcement = await announce(index, issueKey, undefined, ctx.now);
  if (announcement) await settle(index, announcement, true, ctx.now);
  ctx.deps.log.info('sweep.ticketLeft', { issueKey, ...(bean?.key ? { movedTo: bean.key } : {}) });
}

/**
 * The due tickets of one page of the due index, read from Jira in one search (1 point plus 1 per ticket): the
 * index only says where to look, the ticket's property decides. A ticket the search does not return (moved,
 * deleted) is looked up by its key once (`followMissingTicket`); a parked ticket is not searched at all.
 */
async function duePage(
  ctx: SweepContext,
  maxResults: number,
  cursor: string | undefined,
  parked: ReadonlySet<string>,
): Promise<SourcePage> {
  const page = await ctx.deps.dueIndex.dueUntil(ctx.cfg.projectKey, indexInstant(ctx.now.toISOString()), {
    limit: maxResults,
    ...(cursor ? { cursor } : {}),
  });
  const entries = page.entries.filter((e) => !parked.has(e.issueKey));
  if (entries.length === 0) return { issues: [], nextPageToken: page.cursor };
  const keys = entries.map((e) => jqlString(e.issueKey)).join(', ');
  const found = await searchPage(
    ctx,
    `project = ${jqlString(ctx.cfg.projectKey)} AND key in (${keys}) ORDER BY processNextDue ASC, id ASC`,
    entries.length,
    undefined,
    false,
    await portalCopyFieldIds(ctx),
  );
  if (!ctx.dryRun) {
    const returned = new Set(found.issues.map((bean) => bean.key));
    for (const entry of entries)
      if (!returned.has(entry.issueKey)) await followMissingTicket(ctx, entry.issueKey);
  }
  return { ...found, nextPageToken: page.cursor };
}

/** One page of `phase`, at most `maxResults` tickets; the due phase leaves out the `parked` keys. */
export async function sourcePage(
  ctx: SweepContext,
  phase: SweepPhase,
  maxResults: number,
  token: string | undefined,
  parked: ReadonlySet<string>,
): Promise<SourcePage> {
  if (phase === 'due') return duePage(ctx, maxResults, token, parked);
  const jql = {
    unstamped: () => unstampedTicketsJql(ctx.cfg),
    stamped: () => stampedTicketsJql(ctx.cfg.projectKey),
    stateless: () => statelessTicketsJql(ctx.cfg),
  }[phase]();
  const page = await searchPage(
    ctx,
    jql,
    maxResults,
    token,
    phase === 'unstamped',
    await portalCopyFieldIds(ctx),
  );
  if (phase === 'stamped' && !ctx.dryRun) {
    for (const bean of page.issues) {
      const due = parseProcessState(bean.properties?.[PROCESS_STATE_KEY])?.nextDueAt;
      if (due !== undefined && bean.key) await lowerDue(ctx.deps.dueIndex, bean.key, due);
    }
  }
  return page;
}

/** The ticket's state property and the view of the ticket it was read in (Jira's `updated`); `gone` when deleted. */
type FreshRead = { readonly state: unknown; readonly updated: string | undefined } | 'gone';

/**
 * Reads the state property fresh (strongly consistent) together with the issue's `updated`, in one request:
 * `GET /issue/{key}?fields=updated&properties=jsm-process-state`, 2 points, as many as the property alone.
 */
async function readStateAndView(ctx: SweepContext, issueKey: string): Promise<FreshRead> {
  try {
    const bean = await ctx.deps.jira.getIssue(issueKey, {
      fields: ['updated'],
      properties: [PROCESS_STATE_KEY],
    });
    const updated = bean.fields?.updated;
    return {
      state: bean.properties?.[PROCESS_STATE_KEY],
      updated: typeof updated === 'string' ? updated : undefined,
    };
  } catch (error) {
    if (error instanceof JiraHttpError && error.isNotFound) return 'gone';
    throw error;
  }
}

/**
 * Makes the ticket's entry follow its property: announce, read the property and the issue's `updated` fresh,
 * settle with the property's due time and a copy of it whose basis is that `updated` (docs/decisions/0015, 0020).
 * A writer that comes between announcement and settle keeps the entry as it was, early and without a copy; a
 * copy settled here was written before the announcement, so every view its writer decided from precedes the read.
 */
async function refreshEntry(ctx: SweepContext, issueKey: string): Promise<void> {
  const index = ctx.deps.dueIndex;
  const announcement = await announce(index, issueKey, undefined, ctx.now);
  if (!announcement) return;
  let read: FreshRead;
  try {
    read = await readStateAndView(ctx, issueKey);
  } catch (error) {
    await settle(index, announcement, false, ctx.now);
    throw error;
  }
  const fresh = read === 'gone' ? undefined : parseProcessState(read.state);
  const dueAt = fresh?.nextDueAt === undefined ? undefined : indexInstant(fresh.nextDueAt);
  const basis = read === 'gone' || read.updated === undefined ? undefined : indexInstant(read.updated);
  // No property at all: the copy says so ("no state yet"); a property the app cannot parse keeps no copy.
  const absent = read !== 'gone' && read.state === undefined;
  const copy = fresh ? { state: fresh } : absent ? { stateless: true } : {};
  const view = fresh || absent ? { ...(basis !== undefined ? { basis } : {}) } : {};
  await settle(index, { ...announcement, dueAt, ...copy, ...view }, true, ctx.now);
}

/**
 * A ticket the index found due whose property says it is not: the entry is early (a writer died or overlapped
 * another). Raised to the property's due time by `refreshEntry`; a writer that comes between keeps the entry early
 * instead. 2 points, once.
 */
export async function raiseEarlyEntry(ctx: SweepContext, issueKey: string): Promise<void> {
  if (ctx.dryRun) return;
  await refreshEntry(ctx, issueKey);
}

/**
 * A ticket the `stateless` phase found: without a state property in the search and without an entry, it gets a
 * "no state yet" copy whose basis is the `updated` the search returned (`keepNoState`). KVS only.
 */
export async function keepNoStateCopy(ctx: SweepContext, bean: IssueBean): Promise<void> {
  const updated = bean.fields?.updated;
  if (ctx.dryRun || !bean.key || typeof updated !== 'string') return;
  if (bean.properties?.[PROCESS_STATE_KEY] !== undefined) return;
  await keepNoState(ctx.deps.dueIndex, bean.key, updated);
}

/**
 * The index rebuild's part in the state copies (docs/decisions/0015): a ticket it found with nothing due whose
 * entry holds no copy an event may decide from (none: written before copies were kept, or by overlapping writers;
 * or one without the view it belongs to) gets one by `refreshEntry`. The search's copy of the property is not
 * used: it may lag behind a write (decision 0014). 2 points per such ticket, none for a ticket whose entry has its
 * copy and basis.
 */
export async function keepStateCopy(ctx: SweepContext, issueKey: string): Promise<void> {
  if (ctx.dryRun) return;
  const entry = await ctx.deps.dueIndex.get(issueKey);
  if (!entry || (entry.state !== undefined && entry.basis !== undefined && !entry.viewless)) return;
  await refreshEntry(ctx, issueKey);
}
