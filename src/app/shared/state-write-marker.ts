import { z } from 'zod';
import type { KeyValueStore } from '../ports';

/**
 * Per-ticket markers of the last write of the `jsm-process-state` property (docs/decisions/0003). Every writer
 * sets one in KVS (free of Jira points) BEFORE it writes the property, so a writer that read the state earlier
 * (the sweep, from its search) can tell — KVS reads, no Jira point — that a newer state is on its way or
 * already stored, and re-read instead of overwriting a timer reset with a state derived from the old one.
 * The event handler and the sweep keep separate markers (channels), so the sweep's own announcement can never
 * hide an event's: after its write the sweep still sees an event that announced in the meantime.
 */

/**
 * Kept longer than the longest gap between two steps of a timer that a reply restarts (10 days between
 * reminders, 50 days to the Resolved close): a sweep that wrote its step after an event's announcement and died
 * before it looked again leaves the event's marker newer than the stored state, so the ticket's next step finds
 * it and takes the proof first.
 */
const MARKER_TTL_DAYS = 60;

/** Who wrote last: the event handler, or the sweep step with this idempotency key. */
export const EVENT_WRITER = 'event';

export interface StateWriteMarker {
  /** `updatedAt` of the state the writer is about to store. */
  readonly updatedAt: string;
  /** {@link EVENT_WRITER}, or the sweep's idempotency key, so the sweep recognises its own marker. */
  readonly writer: string;
}

const markerSchema = z.object({ updatedAt: z.iso.datetime({ offset: true }), writer: z.string() });

/** Who keeps a marker: the event rules (and their queued work) or the sweep. */
export type MarkerChannel = 'event' | 'sweep';

function markerKey(issueId: string, channel: MarkerChannel): string {
  return channel === 'event' ? `statewrite:${issueId}` : `statewrite:${issueId}:sweep`;
}

/** Records that `writer` is about to store a state stamped `updatedAt` on ticket `issueId`. Call BEFORE writing. */
export async function markStateWrite(
  store: KeyValueStore,
  issueId: string,
  updatedAt: string,
  writer: string,
  channel: MarkerChannel = 'event',
): Promise<void> {
  const marker: StateWriteMarker = { updatedAt, writer };
  await store.set(markerKey(issueId, channel), marker, { ttlDays: MARKER_TTL_DAYS });
}

/** The ticket's marker on `channel`; `undefined` when none is kept (or it is unreadable, which counts as none). */
export async function readStateWrite(
  store: KeyValueStore,
  issueId: string,
  channel: MarkerChannel = 'event',
): Promise<StateWriteMarker | undefined> {
  const parsed = markerSchema.safeParse(await store.get(markerKey(issueId, channel)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether a writer other than `self` announced a state newer than `basisUpdatedAt` (the `updatedAt` of the
 * state a decision was based on; `undefined` when there was none, so any foreign marker is newer).
 *
 * @example
 * writtenSince({ updatedAt: '2026-11-27T10:00:05Z', writer: 'event' }, '2026-11-27T09:00:00Z', 'k'); // true
 */
export function writtenSince(
  marker: StateWriteMarker | undefined,
  basisUpdatedAt: string | undefined,
  self: string,
): boolean {
  if (!marker || marker.writer === self) return false;
  if (basisUpdatedAt === undefined) return true;
  return Date.parse(marker.updatedAt) > Date.parse(basisUpdatedAt);
}
