import type { ProcessState } from '../../domain/process-state';
import { markStateWrite, readStateWrite, writtenSince } from '../shared/state-write-marker';
import type { SweepContext } from './sweep-context';
import type { SweepTicket } from './sweep-ticket';

/**
 * What the sweep may do with a state it derived from the state it read: `write` it; `proveThenWrite`: write only
 * after confirming from Jira that no customer replied (a writer announced a newer state and died before storing
 * it, and that state may have been a reset); `reread` the property first (another writer announced a newer
 * state since the search); or `wait` for the next sweep (a newer state was announced but is not in Jira yet
 * even by a strongly consistent read: its writer is still at work).
 */
export type GuardVerdict = 'write' | 'proveThenWrite' | 'reread' | 'wait';

/** Redecide reason: the state-write marker moved after the search, so only the property is read again. */
export const STATE_WRITTEN = 'stateWritten';

/**
 * How long an announced state that never reached Jira holds the sweep back. The event handler writes within
 * seconds of its marker; a marker still ahead of the property after this long belongs to a writer that died
 * (or whose write Jira refused): the sweep goes ahead, after its proof, rather than stalling the ticket.
 */
const IN_FLIGHT_MS = 15 * 60_000;

/**
 * The sweep's side of the state-write marker protocol (docs/decisions/0003): immediately before writing
 * `next`, read the ticket's markers; a marker of another writer newer than the state the decision was based on
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
  const store = ctx.deps.store;
  const basis = ticket.state?.updatedAt;
  const markers = await Promise.all([
    readStateWrite(store, ticket.id, 'event'),
    readStateWrite(store, ticket.id, 'sweep'),
  ]);
  const newer = markers.filter((m) => m && writtenSince(m, basis, writer));
  let verdict: GuardVerdict = 'write';
  if (newer.length > 0) {
    if (!ticket.stateFresh) return 'reread';
    const youngest = Math.max(...newer.map((m) => Date.parse(m?.updatedAt ?? '')));
    if (ctx.now.getTime() - youngest < IN_FLIGHT_MS) return 'wait';
    verdict = 'proveThenWrite';
  }
  await markStateWrite(store, ticket.id, next.updatedAt, writer, 'sweep');
  return verdict;
}

/** Whether the event rules announced a state write after the one the sweep decided on (read after its write). */
export async function eventWroteSince(ctx: SweepContext, ticket: SweepTicket): Promise<boolean> {
  const marker = await readStateWrite(ctx.deps.store, ticket.id, 'event');
  return writtenSince(marker, ticket.state?.updatedAt, '');
}

/** The ticket outcome of a write the guard held back. */
export function heldBack(
  verdict: 'reread' | 'wait',
): { kind: 'redecide'; reason: string } | { kind: 'deferred'; reason: string } {
  return verdict === 'reread'
    ? { kind: 'redecide', reason: STATE_WRITTEN }
    : { kind: 'deferred', reason: 'stateWriteInFlight' };
}
