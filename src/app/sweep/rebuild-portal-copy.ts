import { PROCESS_STATE_KEY } from '../../domain/process-state';
import type { FieldIds } from '../../domain/ticket';
import type { DueIndexEntry } from '../ports';
import type { IssueBean } from '../ports/jira';
import { cachedFieldNameIndex, fieldIdsOf, resolveFieldIds } from '../shared/field-ids';
import {
  createCopyRecord,
  copyOf,
  dropPortalCopy,
  portalFields,
  readStoredCopy,
  updatedOf,
  type StoredCopy,
} from '../shared/portal-copy';
import type { PointsBudget } from './points-budget';
import type { SweepContext } from './sweep-context';

/**
 * The site's field ids for the portal's copy in a sweep's search, from the app's field index while it is fresh;
 * `undefined` (no copies from this search) in a dry run, which writes nothing, and while the index is stale.
 */
export async function portalCopyFieldIds(ctx: SweepContext): Promise<FieldIds | undefined> {
  if (ctx.dryRun) return undefined;
  const index = await cachedFieldNameIndex(ctx.deps.store, ctx.now, ctx.cfg);
  return index && fieldIdsOf(index, ctx.cfg);
}

/** Points of the hour a rebuild keeps free before it reads the site's fields (the reference site has about 30). */
const FIELD_READ_RESERVE = 100;

/**
 * Before the index rebuild (installation, settings change) searches: the app's field index, read from
 * `GET /field` when it is stale (as the events do) and at least
 * {@link FIELD_READ_RESERVE} points of the hour are left, its points charged to the hour's budget at once. The
 * hourly sweep and the daily repair never read it: their searches carry the copy only while it is fresh.
 */
export async function freshFieldIndexForRebuild(ctx: SweepContext, budget: PointsBudget): Promise<void> {
  if (ctx.dryRun || (await cachedFieldNameIndex(ctx.deps.store, ctx.now, ctx.cfg))) return;
  if ((await budget.remaining()) < FIELD_READ_RESERVE) return;
  const before = ctx.deps.stats.totalPoints;
  try {
    await resolveFieldIds(ctx.deps.jira, ctx.deps.store, ctx.cfg, ctx.now);
  } finally {
    await budget.charge(ctx.deps.stats.totalPoints - before);
  }
}

/**
 * The due index entry's copy of the state when it is settled (no writer announced since it was kept): then it
 * equals the ticket's property (docs/decisions/0020). `{ value: undefined }` for "no state yet".
 */
function settledState(entry: DueIndexEntry | undefined): { value: unknown } | undefined {
  if (!entry || entry.pending.length > 0) return undefined;
  if (entry.state !== undefined) return { value: entry.state };
  return entry.stateless ? { value: undefined } : undefined;
}

function sameSettled(before: DueIndexEntry, after: DueIndexEntry | undefined): boolean {
  return (
    after !== undefined &&
    after.lastPre === before.lastPre &&
    after.pending.length === 0 &&
    JSON.stringify(settledState(after)) === JSON.stringify(settledState(before))
  );
}

/**
 * The portal's copy of a ticket the index rebuild's search returned (docs/decisions/0018), so that its first
 * portal view reads no Jira. The search costs the same with the portal's fields; it may lag behind any write
 * (decision 0014), so the copy is kept only where nothing the app saw can be newer than it:
 * - it is only ever created, never written over a record: every change the app sees leaves one (an event's edit
 *   a copy, a patch or a mark, `followPortalCopy`; the app's own edits, transitions and links a mark), so a change
 *   handled before the copy keeps it from being created, and one handled after it finds the copy and follows it
 *   (the copy's basis is the search's `updated`, older than that change);
 * - the state property comes from the due index entry's settled copy, not from the search: it equals the
 *   property (decision 0020). The entry is read before and after the creation; a writer that announced in
 *   between marks the copy stale, and one that announces after writes Jira after the creation and patches it.
 * KVS only: a read of the record, and for a ticket without one, two entry reads and one create.
 */
export async function keepSearchCopy(ctx: SweepContext, bean: IssueBean, fieldIds: FieldIds): Promise<void> {
  const basis = updatedOf(bean);
  if (ctx.dryRun || !bean.key || basis === undefined) return;
  if ((await readStoredCopy(ctx.deps.store, bean.key)) !== undefined) return;
  const before = await ctx.deps.dueIndex.get(bean.key);
  const state = settledState(before);
  if (!before || !state) return;
  const { [PROCESS_STATE_KEY]: _searched, ...others } = bean.properties ?? {};
  const properties = state.value === undefined ? others : { ...others, [PROCESS_STATE_KEY]: state.value };
  const copy: StoredCopy = {
    bean: copyOf({ ...bean, properties }, portalFields(fieldIds)),
    basis,
  };
  if (!(await createCopyRecord(ctx.deps.store, bean.key, copy))) return;
  if (!sameSettled(before, await ctx.deps.dueIndex.get(bean.key)))
    await dropPortalCopy(ctx.deps.store, bean.key);
}
