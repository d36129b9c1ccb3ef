import type { PortalEscalationView, PortalPriorityView, PortalRenewalView } from '../../contract/portal-view';
import type { ProjectConfig } from '../../domain/config';
import type { Kind } from '../../domain/kinds';
import {
  PRIORITISED_KINDS,
  PRIORITY_CATALOGUE,
  type Priority,
} from '../../domain/priorities/priority-catalogue';
import type { CustomerState } from '../../domain/service/customer-state';
import { ladderStep, type RegionGroup } from '../../domain/service/escalation';
import { escalationOptions } from '../../domain/service/escalation-decision';
import type { Language } from '../../domain/texts/message-keys';

/** Priority with the guide's meaning (§3.1), for the two defect kinds only. */
export function portalPriority(
  kind: Kind,
  level: Priority | undefined,
  language: Language,
): PortalPriorityView | null {
  if (!(PRIORITISED_KINDS as readonly Kind[]).includes(kind) || level === undefined) return null;
  const info = PRIORITY_CATALOGUE[level];
  return { level, severity: info.severity[language], meaning: info.meaning[language] };
}

/** The ladder as the customer climbs it: where the request is, the next level, the wait, the history. */
export function portalEscalation(
  state: CustomerState,
  closed: boolean,
  cfg: ProjectConfig,
  group: RegionGroup,
  language: Language,
  now: Date,
): PortalEscalationView {
  const options = escalationOptions(state, closed, now, cfg);
  const name = (level: number, forGroup: RegionGroup) =>
    ladderStep(cfg, level, forGroup)?.label[language] ?? null;
  const last = state.escalations.at(-1);
  return {
    currentLevel: options.currentLevel,
    currentLevelName: last ? name(last.level, last.group) : null,
    nextLevel: options.nextLevel,
    nextLevelName: options.nextLevel === null ? null : name(options.nextLevel, group),
    allowedFrom: options.allowedFrom,
    history: state.escalations.map((r) => ({
      level: r.level,
      levelName: name(r.level, r.group) ?? String(r.level),
      reason: r.reason,
      at: r.at,
    })),
  };
}

/** The customer's request for a new estimate, as the portal shows it. */
export function portalRenewal(state: CustomerState): PortalRenewalView {
  return { requestedAt: state.renewal?.at ?? null, requestKey: state.renewal?.requestKey ?? null };
}
