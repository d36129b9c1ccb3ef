import type { CallStats as CallStatsPort } from '../../app/ports/jira';

/**
 * Counts REST calls per operation and the points Jira charges for them, so tests and benchmarks can assert cost.
 * Points follow Atlassian's model for Forge apps: 1 per request plus 1 per object a read returns; writes cost 1.
 */
export interface CallRecord {
  operation: string;
  calls: number;
  points: number;
  retries: number;
}

export class CallStats implements CallStatsPort {
  private readonly byOperation = new Map<string, CallRecord>();
  private readonly headers = new Map<string, string>();

  recordRateLimitHeaders(headers: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(headers)) this.headers.set(name, value);
  }

  rateLimitHeaders(): Readonly<Record<string, string>> {
    return Object.fromEntries(this.headers);
  }

  record(operation: string, points: number, retried: boolean): void {
    const entry = this.byOperation.get(operation) ?? { operation, calls: 0, points: 0, retries: 0 };
    entry.calls += 1;
    entry.points += points;
    if (retried) entry.retries += 1;
    this.byOperation.set(operation, entry);
  }

  get totalCalls(): number {
    return [...this.byOperation.values()].reduce((sum, r) => sum + r.calls, 0);
  }

  get totalPoints(): number {
    return [...this.byOperation.values()].reduce((sum, r) => sum + r.points, 0);
  }

  snapshot(): CallRecord[] {
    return [...this.byOperation.values()].map((r) => ({ ...r }));
  }
}
