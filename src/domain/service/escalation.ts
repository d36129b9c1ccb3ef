import type { Settings } from '../config/settings-schema';
import type { REGION_GROUPS } from '../config/service-schema';
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

/** The reason codes, in the guide's order. */
export const ESCALATION_REASON_KEYS = Object.keys(ESCALATION_REASONS) as EscalationReason[];

/** The support team a customer's region belongs to (guide §4: team leads for DACH and International). */
export type RegionGroup = (typeof REGION_GROUPS)[number];

/** Who looks after an escalated request on one level, for one customer. */
export interface LadderStep {
  readonly level: number;
  readonly label: Localized;
  /** Account ids to mention; empty when the site configured nobody for this level. */
  readonly people: readonly string[];
}

/**
 * The region group of a customer's region: the configured one, International otherwise (also when the
 * customer's organization has no region).
 *
 * @example
 * regionGroupOf(defaultConfig, 'graz'); // 'dach'
 */
export function regionGroupOf(cfg: Pick<Settings, 'escalation'>, regionId: string | undefined): RegionGroup {
  if (regionId === undefined) return 'international';
  return Object.hasOwn(cfg.escalation.regionGroups, regionId)
    ? (cfg.escalation.regionGroups[regionId] ?? 'international')
    : 'international';
}

/**
 * Name and people of one level for a customer of `group`: a level with per-group contacts (level 2 by default)
 * uses the group's label and people, falling back to the level's own where the group sets none.
 *
 * @example
 * ladderStep(defaultConfig, 2, 'dach')?.label.en; // 'Support team lead DACH'
 */
export function ladderStep(
  cfg: Pick<Settings, 'escalation'>,
  level: number,
  group: RegionGroup,
): LadderStep | undefined {
  const found = cfg.escalation.levels.find((l) => l.level === level);
  if (!found) return undefined;
  const contact = found.byGroup?.[group];
  return {
    level,
    label: contact?.label ?? found.label,
    people: contact && contact.people.length > 0 ? contact.people : found.people,
  };
}

/**
 * The whole ladder for a customer of `group`, level by level (guide §4): what the panel shows the agent and the
 * portal walks up one step at a time.
 *
 * @example
 * escalationLadder(defaultConfig, 'dach').map((s) => s.level); // [1, 2, 3, 4, 5]
 */
export function escalationLadder(cfg: Pick<Settings, 'escalation'>, group: RegionGroup): LadderStep[] {
  return cfg.escalation.levels.flatMap((l) => {
    const step = ladderStep(cfg, l.level, group);
    return step ? [step] : [];
  });
}
