const HOUR_MS = 3_600_000;

/**
 * The app's hourly points pool (Tier 1): one pool per app, shared by every site the app is installed on, reset at
 * the top of each UTC hour with no carry-over. Sites simulating several installations of the app share one
 * instance; a site given none gets a pool of its own. Points are also counted per installation, for the fleet
 * benchmark's fair-share figures.
 */
export class QuotaPool {
  private windowStartMs = Number.NEGATIVE_INFINITY;
  private spent = 0;
  private readonly byInstallation = new Map<string, number>();

  constructor(readonly hourlyPoints = 65_000) {}

  /** Moves to the clock hour of `atMs`; a new hour starts empty. */
  roll(atMs: number): void {
    const start = Math.floor(atMs / HOUR_MS) * HOUR_MS;
    if (start === this.windowStartMs) return;
    this.windowStartMs = start;
    this.spent = 0;
    this.byInstallation.clear();
  }

  /** Whether the hour's points are spent (a request is refused then, for every installation). */
  get exhausted(): boolean {
    return this.spent >= this.hourlyPoints;
  }

  get pointsThisHour(): number {
    return this.spent;
  }

  /** When the current hour ends (epoch ms). */
  get resetAtMs(): number {
    return this.windowStartMs + HOUR_MS;
  }

  charge(points: number, installation: string): void {
    this.spent += points;
    this.byInstallation.set(installation, (this.byInstallation.get(installation) ?? 0) + points);
  }

  /** Points each installation spent in the current hour. */
  spentBy(installation: string): number {
    return this.byInstallation.get(installation) ?? 0;
  }
}
