import type { ProcessState } from '../../domain/process-state';
import { markStateWrite, readStateWrite, writtenSince } from '../shared/state-write-marker';
import type { SweepContext } from './sweep-context';
import type { SweepTicket } from './sweep-ticket';

/**
 * What the sweep may do with a state it derived from the state it read: `write` it; `reread` the property first
 * (another writer announced a newer state since the search); or `wait` for the next sweep (a newer state was
 * announced but is not in Jira yet even by a strongly consistent read: its writer is still at work).
 */
export type GuardVerdict = 'write' | 'reread' | 'wait';

/** Redecide reason: the state-write marker moved after the search, so only the property is read again. */
export const STATE_WRITTEN = 'stateWritten';

/**
 * How long an announced state that never reached Jira holds the sweep back. The event handler writes within
 * seconds of its marker; a marker still ahead of the property after this long belongs to a writer that died
 * (or whose write Jira refused), and the sweep goes ahead rather than stalling the ticket for days.
 */
const IN_FLIGHT_MS = 15 * 60_000;

/**
 * The sweep's side of the state-write marker protocol (docs/decisions/0003): immediately before writing
 * `next`, read the ticket's marker; a marker of another writer newer than the state the decision was based on
 * means a timer reset (or any state write) slipped in since the search — do not write. Otherwise announce our
 * own write (marker before property, as the event handler does) and let the caller write. `writer` identifies
 * this step (its idempotency key), so a retry of the same step is not held back by its own marker.
 */
export async function guardStateWrite(
  ctx: SweepContext,
  ticket: SweepTicket,
  next: ProcessState,
  writer: string,
): Promise<GuardVerdict> {
  const marker = await readStateWrite(ctx.deps.store, ticket.id);
  if (marker && writtenSince(marker, ticket.state?.updatedAt, writer)) {
    if (!ticket.stateFresh) return 'reread';
    if (ctx.now.getTime() - Date.parse(marker.updatedAt) < IN_FLIGHT_MS) return 'wait';
  }
  await markStateWrite(ctx.deps.store, ticket.id, next.updatedAt, writer);
  return 'write';
}

/** The ticket outcome of a write the guard held back. */
export function heldBack(
  verdict: Exclude<GuardVerdict, 'write'>,
): { kind: 'redecide'; reason: string } | { kind: 'deferred'; reason: string } {
  return verdict === 'reread'
    ? { kind: 'redecide', reason: STATE_WRITTEN }
    : { kind: 'deferred', reason: 'stateWriteInFlight' };
}
