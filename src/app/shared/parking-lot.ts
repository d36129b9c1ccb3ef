import {
  afterFailure,
  type FailureClass,
  type FailureStreak,
  type FailureVerdict,
} from '../../domain/parking';
import type { KeyValueStore } from '../ports';
import { contentHash } from './content-hash';
import type { ClassifiedFailure } from './failure-class';

/** What keeps failing: one ticket of the sweep, or one queued work item (its body, to push it again). */
export type ParkingSubject =
  | { kind: 'ticket'; projectKey: string; issueId: string; issueKey: string }
  | {
      kind: 'work';
      /** The project the work is for; empty for site-wide work. */
      projectKey: string;
      workType: string;
      body: Record<string, unknown>;
    };

/**
 * One item's failures in a row (`failing`), or the item set aside (`parked`). Codes name operations and HTTP
 * statuses only, bodies hold ids: no personal data.
 */
export interface ParkingRecord extends FailureStreak {
  readonly subject: ParkingSubject;
  readonly state: 'failing' | 'parked';
  readonly failure: FailureClass;
  readonly code: string;
  readonly parkedAt?: string;
}

/** The KVS key prefix of every record; the id is the rest of the key. */
const PREFIX = 'park:';
/** Failures in a row a month apart are not "in a row": the streak lapses. */
const FAILING_TTL_DAYS = 30;
/** A parked item stays until retried (the longest TTL Forge KVS allows). */
const PARKED_TTL_DAYS = 365;

/**
 * The record id of a subject: `t:<projectKey>:<issueId>` for a ticket (listed per project by the sweep),
 * `w:<hash of the body>` for work, so duplicate deliveries of one item share their record.
 */
export function parkingId(subject: ParkingSubject): string {
  if (subject.kind === 'ticket') return `t:${subject.projectKey}:${subject.issueId}`;
  return `w:${contentHash(subject.body, 24)}`;
}

/** Record ids as {@link parkingId} makes them; anything else is refused before KVS is read. */
export const PARKING_ID = /^(t:[A-Z][A-Z0-9_]{1,9}:\d{1,18}|w:[0-9a-f]{24})$/;

/** What recording one failure decided. `newlyParked`: this failure parked the item (audit it once). */
export interface RecordedFailure {
  readonly verdict: FailureVerdict;
  readonly record: ParkingRecord | undefined;
  readonly newlyParked: boolean;
}

/** The failing and parked items of this installation, in KVS (`park:<id>`). */
export class ParkingLot {
  constructor(private readonly store: KeyValueStore) {}

  /** The records of one project's tickets, by issue id (one KVS query per 100; normally none). */
  async ticketsOf(projectKey: string): Promise<Map<string, ParkingRecord>> {
    const records = new Map<string, ParkingRecord>();
    let cursor: string | undefined;
    do {
      const page = await this.store.list<ParkingRecord>(`${PREFIX}t:${projectKey}:`, {
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const { value } of page.entries)
        if (value.subject.kind === 'ticket') records.set(value.subject.issueId, value);
      cursor = page.cursor;
    } while (cursor);
    return records;
  }

  get(id: string): Promise<ParkingRecord | undefined> {
    return this.store.get<ParkingRecord>(`${PREFIX}${id}`);
  }

  /**
   * Counts one failure of `subject` and parks it when the domain says so. `previous` is the record as already
   * read (the sweep lists its project's records once); absent, it is read here. An item already parked stays
   * parked: a duplicate delivery failing after the parking is dropped too, and not audited twice.
   */
  async recordFailure(
    subject: ParkingSubject,
    failure: ClassifiedFailure,
    now: Date,
    previous?: ParkingRecord | null,
  ): Promise<RecordedFailure> {
    const id = parkingId(subject);
    const before = previous === undefined ? await this.get(id) : (previous ?? undefined);
    if (before?.state === 'parked') return { verdict: 'park', record: before, newlyParked: false };
    const { streak, verdict } = afterFailure(before, failure.failure, now);
    if (!streak || streak === before) return { verdict, record: before, newlyParked: false };
    const record: ParkingRecord = {
      subject,
      state: verdict === 'park' ? 'parked' : 'failing',
      failure: failure.failure,
      code: failure.code,
      ...streak,
      ...(verdict === 'park' ? { parkedAt: now.toISOString() } : {}),
    };
    await this.store.set(`${PREFIX}${id}`, record, {
      ttlDays: verdict === 'park' ? PARKED_TTL_DAYS : FAILING_TTL_DAYS,
    });
    return { verdict, record, newlyParked: verdict === 'park' };
  }

  /** Forgets an item's failures: after a success, or when an admin retries a parked item. */
  async clear(id: string): Promise<void> {
    await this.store.delete(`${PREFIX}${id}`);
  }

  /** Parked items, most recently parked first; reads at most `maxRecords` records. */
  async parked(maxRecords = 1_000): Promise<{ id: string; record: ParkingRecord }[]> {
    const found: { id: string; record: ParkingRecord }[] = [];
    let cursor: string | undefined;
    let read = 0;
    do {
      const page = await this.store.list<ParkingRecord>(PREFIX, {
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      read += page.entries.length;
      for (const { key, value } of page.entries)
        if (value.state === 'parked') found.push({ id: key.slice(PREFIX.length), record: value });
      cursor = page.cursor;
    } while (cursor && read < maxRecords);
    return found.sort((a, b) => (b.record.parkedAt ?? '').localeCompare(a.record.parkedAt ?? ''));
  }
}
