import type { Settings } from '../config/settings-schema';

/** One level of the configured ladder. */
export type EscalationLevel = Settings['escalation']['levels'][number];

/**
 * The level to escalate to next: level 1 when nothing has been escalated yet, `undefined` above the top.
 *
 * @example
 * nextEscalationLevel(cfg, 2)?.label.en; // 'Head of Support'
 */
export function nextEscalationLevel(
  cfg: Pick<Settings, 'escalation'>,
  currentLevel: number | undefined,
): EscalationLevel | undefined {
  const wanted = (currentLevel ?? 0) + 1;
  return cfg.escalation.levels.find((level) => level.level === wanted);
}
