import type { Bilingual, IsoDateTime } from './common';

/** The self-checks the admin page runs on the installed site (Health tab, "Platform checks"). */
export type PlatformCheckId =
  'expressions' | 'dueQuery' | 'kvsConflict' | 'commentEvents' | 'onCall' | 'rateLimitHeaders';

export interface PlatformCheckResult {
  id: PlatformCheckId;
  passed: boolean;
  /** Rate-limit points the check spent on the site (KVS operations cost none). */
  costPoints: number;
  /** What was checked and what was seen, in words; on failure, what it means for the app. */
  detail: Bilingual;
  /**
   * A failure that holds nothing: what it concerns is already switched off, and the rest of the automation runs
   * (a stored on-call webhook the rules refuse turns only on-call off).
   */
  advisory?: true;
}

/** `runPlatformChecks` result. */
export interface PlatformChecksView {
  ranAt: IsoDateTime;
  results: PlatformCheckResult[];
  /** A check other than an advisory one failed: the sweep runs in dry run until a later run passes. */
  automationHeld: boolean;
}
