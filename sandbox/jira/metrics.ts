/** Requests and rate-limit points per operation (keys as `operationKey` names them), for tests and the local UI. */
export interface OperationMetrics {
  requests: number;
  points: number;
  /** Count per HTTP status. */
  statuses: Record<number, number>;
}

export class SiteMetrics {
  private readonly byOperation = new Map<string, OperationMetrics>();

  record(operationId: string, status: number, points: number): void {
    const entry = this.byOperation.get(operationId) ?? { requests: 0, points: 0, statuses: {} };
    entry.requests += 1;
    entry.points += points;
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    this.byOperation.set(operationId, entry);
  }

  /**
   * Metrics of one operation (zeros when never called), by operationId — or, for the second operation of a
   * reused JSM operationId, by `operationId METHOD pathTemplate` (see `operationKey`).
   */
  of(operationId: string): OperationMetrics {
    return this.byOperation.get(operationId) ?? { requests: 0, points: 0, statuses: {} };
  }

  /** All operations called so far. */
  all(): Record<string, OperationMetrics> {
    return Object.fromEntries(this.byOperation);
  }

  get totalRequests(): number {
    let total = 0;
    for (const m of this.byOperation.values()) total += m.requests;
    return total;
  }

  get totalPoints(): number {
    let total = 0;
    for (const m of this.byOperation.values()) total += m.points;
    return total;
  }

  reset(): void {
    this.byOperation.clear();
  }
}
