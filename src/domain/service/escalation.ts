import type { Settings } from '../config/settings-schema';
import type { Localized } from '../texts/message-keys';

/** Reasons for an escalation (guide §4). */
export const ESCALATION_REASONS = {
  serviceTimeExceeded: {
    de: 'Reaktions- oder Wiederherstellungszeit überschritten',
    en: 'Response or restoration time exceeded',
  },
  handling: { de: 'Bearbeitung eines Tickets', en: 'Handling of a ticket' },
  productQuality: { de: 'Produktqualität', en: 'Product quality' },
} as const satisfies Record<string, Localized>;

/** One escalation reason. */
export type EscalationReason = keyof typeof ESCALATION_REASONS;

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
