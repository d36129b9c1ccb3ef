import type { DueIndexStore, KeyValueStore } from '../ports';

/**
 * When a project's repair phases last completed and on what basis (docs/decisions/0015): the version of what the
 * due index holds and the settings version they followed. Until the basis names the current index version, the
 * due index of the project is not built and cannot say that a ticket has no due time.
 */
export interface RepairMarker {
  at: string;
  basis: string;
}

/**
 * Version of what the due index holds and of the repair's phase order; a new version makes every installation
 * rebuild its index once (a saved repair position or queued continuation of another version starts over).
 * `due-index-3`: the rebuild keeps a state copy in every entry that lacks one. `due-index-4`: that copy carries
 * the ticket view it was read in (its basis), so events decide from it. `due-index-5`: the rebuild keeps a
 * "no state yet" copy for every open ticket of the managed kinds without a state and without an entry.
 * `due-index-6`: that copy also for a kind in a timer status where it runs no timer (an Incident in Resolved), and
 * the rebuild's searches keep the portal's copy of every ticket they return (docs/decisions/0018).
 */
const INDEX_SCHEMA = 'due-index-6';

function repairKey(projectKey: string): string {
  return `sweep:repair:${projectKey}`;
}

/** What the repair phases are built on: the index version and the settings they followed. */
export function repairBasis(configVersion: number): string {
  return `${INDEX_SCHEMA}:${configVersion}`;
}

export function readRepairMarker(
  store: KeyValueStore,
  projectKey: string,
): Promise<RepairMarker | undefined> {
  return store.get<RepairMarker>(repairKey(projectKey));
}

export async function writeRepairMarker(
  store: KeyValueStore,
  projectKey: string,
  marker: RepairMarker,
): Promise<void> {
  await store.set(repairKey(projectKey), marker);
}

/**
 * Where an unfinished repair stopped when the hourly points budget ran out: its phase and Jira's page token (a
 * search snapshot valid for 7 days, jira-rest-api.md "search/jql"). The next hourly run continues there instead
 * of starting the repair over, so a repair larger than one hour's budget still finishes.
 */
export interface RepairProgress {
  at: string;
  basis: string;
  phase: 'unstamped' | 'stamped' | 'stateless';
  rebuild: boolean;
  nextPageToken?: string;
}

function progressKey(projectKey: string): string {
  return `sweep:repair-progress:${projectKey}`;
}

export function readRepairProgress(
  store: KeyValueStore,
  projectKey: string,
): Promise<RepairProgress | undefined> {
  return store.get<RepairProgress>(progressKey(projectKey));
}

export async function writeRepairProgress(
  store: KeyValueStore,
  projectKey: string,
  progress: RepairProgress,
): Promise<void> {
  await store.set(progressKey(projectKey), progress, { ttlDays: 7 });
}

export async function clearRepairProgress(store: KeyValueStore, projectKey: string): Promise<void> {
  await store.delete(progressKey(projectKey));
}

/**
 * Whether a timer with a due time may run on the ticket, from KVS alone: its due-index entry has a due time, or
 * the project's index is not built yet (then it cannot say no). The entry is never later than the ticket's
 * property, so an entry without a due time means the property has none either.
 */
export async function timerMayRun(
  store: KeyValueStore,
  index: DueIndexStore,
  projectKey: string,
  issueKey: string,
): Promise<boolean> {
  if (!(await dueIndexBuilt(store, projectKey))) return true;
  return (await index.get(issueKey))?.dueAt !== undefined;
}

/**
 * Whether the project's due index holds every ticket with a due time: its repair has completed on the current
 * index version. Before that (after installation or an index upgrade, until the first sweeps' repair is done),
 * a ticket may run a timer without an entry.
 */
export async function dueIndexBuilt(store: KeyValueStore, projectKey: string): Promise<boolean> {
  const marker = await readRepairMarker(store, projectKey);
  return marker?.basis.startsWith(`${INDEX_SCHEMA}:`) === true;
}
