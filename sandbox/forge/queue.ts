import { randomUUID } from 'node:crypto';

import type { InvocationRunner } from './invocation';
import {
  BACKGROUND_TIMEOUT_S,
  MAX_TIMEOUT_S,
  QUEUE_BACKOFF_BASE_S,
  QUEUE_BACKOFF_MAX_S,
  QUEUE_MAX_DELAY_S,
  QUEUE_MAX_EVENTS,
  QUEUE_MAX_PAYLOAD_KB,
  QUEUE_MAX_RETRY_AFTER_S,
  QUEUE_RETENTION_MS,
} from './limits';
import type { LoadedManifest } from './manifest';
import type { SeededRandom } from './random';
import type { WorkTracker } from './work-tracker';

type Row = Record<string, unknown>;
const asRow = (v: unknown): Row =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Row) : {};

interface Message {
  seq: number;
  queueName: string;
  jobId: string;
  eventId: string;
  event: Row;
  concurrency?: { key: string; limit: number };
  /** Sim-clock ms at which the message may be delivered. */
  dueAt: number;
  firstPushedAt: number;
  retryCount: number;
  retryReason?: string;
  retryData?: unknown;
  /** Set on the extra copy of an at-least-once duplicate. */
  duplicate?: true;
}

interface JobStats {
  queueName: string;
  success: Set<string>;
  failed: Set<string>;
  events: Set<string>;
}

export interface QueueOptions {
  manifest: LoadedManifest;
  runner: InvocationRunner;
  tracker: WorkTracker;
  random: SeededRandom;
  duplicateRate: number;
  /**
   * A duplicate starts together with its original, even past the concurrency key's limit (nothing Forge
   * documents keeps the two copies of one delivery apart), instead of whenever a slot is free.
   */
  concurrent?: boolean;
  eventsPerMinute: number;
  /** Second argument Forge passes to every function (`installContext`, …). */
  functionContext: () => Row;
}

/** The HTTP answer for a stargate queue request. */
export interface QueueReply {
  status: number;
  body: unknown;
}

/** Forge's answer to a consumer that returned `new InvocationError(...)` (`@forge/events` serialises it so). */
function retryRequest(
  value: unknown,
): { retryAfter?: number; retryReason?: string; retryData?: unknown } | undefined {
  const row = asRow(value);
  return row._retry === true ? asRow(row.retryOptions) : undefined;
}

/**
 * Async events (`@forge/events` `Queue`, guide §3): accepts pushes on the stargate `/webhook/queue/*` paths and
 * delivers each event as one `AsyncEvent` to the queue's consumer, at-least-once, after its delay on the sim
 * clock, honouring `concurrency {key, limit}`. A returned `InvocationError` is redelivered after `retryAfter`;
 * a thrown error or timeout after exponential backoff; retries stop when the 24 h retention window is over.
 */
export class AsyncEventQueue {
  private seq = 0;
  private readonly pending: Message[] = [];
  private readonly inFlightByKey = new Map<string, number>();
  private inFlight = 0;
  private readonly jobs = new Map<string, JobStats>();
  private readonly pushLog: { at: number; count: number }[] = [];

  constructor(private readonly opts: QueueOptions) {}

  /** Serves `POST /webhook/queue/{publish|stats|cancel}/...` with the statuses `@forge/events` validators expect. */
  handle(path: string, bodyText: string | undefined): QueueReply {
    const body = asRow(bodyText ? JSON.parse(bodyText) : {});
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(body);
    const job = this.jobs.get(String(body.jobId));
    if (path.startsWith('/webhook/queue/stats/') || path.startsWith('/webhook/queue/cancel/')) {
      if (!job || job.queueName !== body.queueName)
        return { status: 404, body: { message: 'Job not found' } };
      if (path.startsWith('/webhook/queue/cancel/')) {
        this.removePending((m) => m.jobId === body.jobId);
        return { status: 204, body: null };
      }
      const inProgress = [...job.events].filter((id) => !job.success.has(id) && !job.failed.has(id)).length;
      return { status: 200, body: { success: job.success.size, inProgress, failed: job.failed.size } };
    }
    return { status: 404, body: { message: `Unknown queue operation ${path}` } };
  }

  // Success is 201: `validatePushAPIResponse` treats 202 as partial success, 413 as PayloadTooBigError and 429 as
  // RateLimitError. The SDK checks count, size and delay itself; the checks here catch other clients.
  private publish(body: Row): QueueReply {
    const queueName = String(body.queueName);
    const payload = Array.isArray(body.payload) ? body.payload.map(asRow) : [];
    if (!this.opts.manifest.consumers.some((c) => c.queue === queueName)) {
      return {
        status: 400,
        body: { message: `No consumer module in the manifest reads queue '${queueName}'` },
      };
    }
    if (payload.length === 0 || payload.length > QUEUE_MAX_EVENTS) {
      return { status: 400, body: { message: `A push must contain 1 to ${QUEUE_MAX_EVENTS} events` } };
    }
    if (Buffer.byteLength(JSON.stringify(payload)) / 1024 > QUEUE_MAX_PAYLOAD_KB) {
      return {
        status: 413,
        body: { errorMessage: `The maximum payload size is ${QUEUE_MAX_PAYLOAD_KB}KB.` },
      };
    }
    const invalid = payload.find((e) => {
      const delay = e.delayInSeconds ?? 0;
      const bodyIsObject = typeof e.body === 'object' && e.body !== null && !Array.isArray(e.body);
      return !bodyIsObject || typeof delay !== 'number' || delay < 0 || delay > QUEUE_MAX_DELAY_S;
    });
    if (invalid)
      return {
        status: 400,
        body: { message: 'Invalid event: body must be an object, delayInSeconds 0-900' },
      };
    if (!this.admitRate(payload.length)) return { status: 429, body: { message: 'Too many requests.' } };

    const now = Date.now();
    const jobId = typeof body.jobId === 'string' ? body.jobId : randomUUID();
    const job = this.jobs.get(jobId) ?? {
      queueName,
      success: new Set(),
      failed: new Set(),
      events: new Set(),
    };
    this.jobs.set(jobId, job);
    for (const event of payload) {
      const eventId = randomUUID();
      job.events.add(eventId);
      const concurrency = asRow(event.concurrency);
      const message: Message = {
        seq: this.seq++,
        queueName,
        jobId,
        eventId,
        event,
        dueAt: now + Number(event.delayInSeconds ?? 0) * 1000,
        firstPushedAt: now,
        retryCount: 0,
        ...(typeof concurrency.key === 'string' && typeof concurrency.limit === 'number'
          ? { concurrency: { key: concurrency.key, limit: concurrency.limit } }
          : {}),
      };
      this.pending.push(message);
      // At-least-once: with duplicates enabled, some events are delivered a second time with the same eventId.
      if (this.opts.random.next() < this.opts.duplicateRate)
        this.pending.push({ ...message, seq: this.seq++, duplicate: true });
    }
    // Delivery never happens inside the push call.
    this.opts.tracker.later(() => this.pump());
    return { status: 201, body: {} };
  }

  // ≤ 500 events per minute per installation, over a sliding minute of the sim clock.
  private admitRate(count: number): boolean {
    const now = Date.now();
    while (this.pushLog.length > 0 && (this.pushLog[0]?.at ?? now) <= now - 60_000) this.pushLog.shift();
    const used = this.pushLog.reduce((sum, p) => sum + p.count, 0);
    if (used + count > this.opts.eventsPerMinute) return false;
    this.pushLog.push({ at: now, count });
    return true;
  }

  /** Sim-clock ms of the earliest message still waiting, or undefined when none. */
  nextDueAt(): number | undefined {
    return this.pending.reduce<number | undefined>(
      (min, m) => (min === undefined || m.dueAt < min ? m.dueAt : min),
      undefined,
    );
  }

  /** True when some waiting message is due now (delivery may still be held back by a concurrency limit). */
  hasDue(): boolean {
    const now = Date.now();
    return this.pending.some((m) => m.dueAt <= now && this.slotFree(m));
  }

  get size(): number {
    return this.pending.length + this.inFlight;
  }

  /** Starts every due message whose concurrency key has a free slot, oldest first. */
  pump(): void {
    if (this.opts.tracker.stopped) return;
    const now = Date.now();
    const due = this.pending.filter((m) => m.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    const started = new Set<Message>();
    for (const message of due) {
      if (started.has(message) || !this.slotFree(message)) continue;
      const copies = this.opts.concurrent
        ? due.filter((m) => m.duplicate && m !== message && m.eventId === message.eventId)
        : [];
      for (const m of [message, ...copies]) {
        started.add(m);
        this.start(m);
      }
    }
  }

  private start(message: Message): void {
    this.removePending((m) => m === message);
    this.inFlight++;
    if (message.concurrency) {
      const key = message.concurrency.key;
      this.inFlightByKey.set(key, (this.inFlightByKey.get(key) ?? 0) + 1);
    }
    this.opts.tracker.track(this.deliver(message));
  }

  private slotFree(message: Message): boolean {
    if (!message.concurrency) return true;
    return (this.inFlightByKey.get(message.concurrency.key) ?? 0) < message.concurrency.limit;
  }

  private removePending(match: (m: Message) => boolean): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const m = this.pending[i];
      if (m && match(m)) this.pending.splice(i, 1);
    }
  }

  private async deliver(message: Message): Promise<void> {
    const consumer = this.opts.manifest.consumers.find((c) => c.queue === message.queueName);
    const fn = consumer ? this.opts.manifest.functions.get(consumer.functionKey) : undefined;
    if (!consumer || !fn) throw new Error(`No consumer for queue '${message.queueName}'`);
    const now = Date.now();
    const asyncEvent = {
      ...structuredClone(message.event),
      queueName: message.queueName,
      jobId: message.jobId,
      eventId: message.eventId,
      ...(message.retryCount > 0
        ? {
            retryContext: {
              retryCount: message.retryCount,
              retryReason: message.retryReason,
              retryData: message.retryData,
              retentionWindow: {
                startTime: new Date(message.firstPushedAt).toISOString(),
                remainingTimeMs: Math.max(0, message.firstPushedAt + QUEUE_RETENTION_MS - now),
              },
            },
          }
        : {}),
    };
    const settled = await this.opts.runner.run(
      {
        kind: 'consumer',
        moduleKey: consumer.key,
        functionKey: fn.key,
        timeoutSeconds: Math.min(fn.timeoutSeconds ?? BACKGROUND_TIMEOUT_S, MAX_TIMEOUT_S),
      },
      () => fn.run(asyncEvent, this.opts.functionContext()),
      (value) => (retryRequest(value) ? 'retry' : 'ok'),
    );
    this.inFlight--;
    if (message.concurrency) {
      const key = message.concurrency.key;
      this.inFlightByKey.set(key, (this.inFlightByKey.get(key) ?? 1) - 1);
    }
    const job = this.jobs.get(message.jobId);
    const retry = settled.status === 'ok' ? retryRequest(settled.value) : undefined;
    if (settled.status === 'ok' && !retry) {
      job?.success.add(message.eventId);
    } else {
      const attempt = message.retryCount + 1;
      const backoffS = Math.min(QUEUE_BACKOFF_MAX_S, QUEUE_BACKOFF_BASE_S * 2 ** message.retryCount);
      const delayS = retry
        ? Math.min(Math.max(1, Number(retry.retryAfter ?? 1)), QUEUE_MAX_RETRY_AFTER_S)
        : backoffS;
      const dueAt = Date.now() + delayS * 1000;
      if (dueAt - message.firstPushedAt > QUEUE_RETENTION_MS) {
        job?.failed.add(message.eventId);
      } else {
        this.pending.push({
          ...message,
          seq: this.seq++,
          dueAt,
          retryCount: attempt,
          retryReason: retry
            ? String(retry.retryReason ?? 'FUNCTION_RETRY_REQUEST')
            : settled.status === 'timeout'
              ? 'FUNCTION_TIME_OUT'
              : 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
          retryData: retry?.retryData,
        });
      }
    }
    // A finished delivery frees a concurrency slot, and a retry may already be due.
    this.pump();
  }
}
