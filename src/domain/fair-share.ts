/**
 * How much of the app's Jira points pool one installation's deferrable work may spend in one hour.
 *
 * Atlassian gives an app in its first tier ONE pool of points per hour for every site it is installed on; when it
 * is spent, every request of the app on every site gets 429 until the top of the UTC hour
 * (`docs/decisions/0019-fair-share-and-the-wall.md`). A fixed budget per site cannot be fair: 2,000 points an
 * hour lets 33 busy sites spend the pool of thousands. The budget is the equal share of the pool among the
 * installations that may drain a backlog in the same hour:
 *
 *   budget = pool / (active installations × share of them catching up in one hour)
 *
 * Work that cannot wait (event rules, portal actions) is not budgeted; it is kept cheap per action instead.
 */
export interface FairSharePolicy {
  /** Points of the app's pool per hour (Tier 1: 65,000, shared by every installation). */
  poolPointsPerHour: number;
  /** Installations the pool is to serve (an estimate; the app cannot count the others). */
  activeInstallations: number;
  /**
   * Share of them that drain a backlog in the same hour (a new installation, a settings change, the hours after
   * an outage); the rest spend their few due steps of the hour.
   */
  catchingUpShare: number;
}

/** The policy the app ships with (estimates recorded in decision 0019). */
export const FAIR_SHARE_POLICY: FairSharePolicy = {
  poolPointsPerHour: 65_000,
  activeInstallations: 5_000,
  catchingUpShare: 0.05,
};

/**
 * One installation's hourly points budget under `policy`, at least 1.
 *
 * @example
 * fairShareBudget(FAIR_SHARE_POLICY); // 65,000 / (5,000 × 0.05) = 260
 */
export function fairShareBudget(policy: FairSharePolicy): number {
  const competing = Math.max(1, policy.activeInstallations * policy.catchingUpShare);
  return Math.max(1, Math.floor(policy.poolPointsPerHour / competing));
}

/**
 * A stable offset in `[0, windowSeconds)` for one installation (FNV-1a of its id). When the pool resets at the top
 * of the hour, every installation the wall paused would otherwise resume in the same second; each resumes its
 * deferred work this far after the reset instead, and the same installation always at the same offset.
 *
 * @example
 * spreadOffsetSeconds('1a570000-0000-4000-8000-000000000001', 900); // a fixed value below 900
 */
export function spreadOffsetSeconds(installation: string, windowSeconds: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < installation.length; i++) {
    hash ^= installation.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return windowSeconds <= 0 ? 0 : hash % windowSeconds;
}
