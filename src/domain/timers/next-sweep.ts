/**
 * When the next scheduled sweep runs: Forge starts an interval trigger at a point of its choosing and then
 * repeats it at that interval for the installation, so the next run is the last one plus whole intervals, the
 * first such time after `now`. `null` when no run is known (a new installation, or markers expired).
 *
 * @example
 * nextSweepAt(new Date('2026-11-27T08:17:00Z'), 3_600_000, new Date('2026-11-27T09:00:00Z'));
 * // 2026-11-27T09:17:00Z
 */
export function nextSweepAt(lastRunAt: Date | null, intervalMs: number, now: Date): Date | null {
  if (lastRunAt === null) return null;
  const elapsed = now.getTime() - lastRunAt.getTime();
  const intervals = Math.max(1, Math.floor(elapsed / intervalMs) + 1);
  return new Date(lastRunAt.getTime() + intervals * intervalMs);
}
