import type { DomainAction } from '../actions';
import type { Settings } from '../config/settings-schema';
import { ownValue } from '../own-property';
import type { TicketRef } from '../timers/decide-timer';

/** What confidentiality asks for, with the actions that achieve it. */
export type ConfidentialityDecision =
  | { kind: 'restrict'; level: string; actions: DomainAction[] }
  | { kind: 'restrictFallback'; level: string; actions: DomainAction[] }
  | { kind: 'lift'; actions: DomainAction[] }
  | { kind: 'unchanged'; actions: [] };

type ConfidentialityConfig = Pick<Settings, 'regions' | 'names'>;

/**
 * Applies "Confidential personal data?" (guide §2.2.1, PROCESS.md §7). "Yes" restricts the ticket to the
 * security level of the organization's region; with no region known it fails closed to the fallback level and
 * leaves an internal notice for the admin. "No" lifts an existing restriction only where the site allows it
 * (`liftRestrictionOnNo`); otherwise, and when the level is already right, nothing changes.
 *
 * @example
 * confidentialityAction('Yes', 'ACME', cfg, { id: '10001', key: 'SUP-1' }, null);
 * // { kind: 'restrict', level: 'Support London', actions: [setSecurityLevel, internal comment] }
 */
export function confidentialityAction(
  confidentialValue: string | undefined,
  organization: string | undefined,
  cfg: ConfidentialityConfig,
  ticket: TicketRef,
  currentLevel: string | null,
): ConfidentialityDecision {
  const { regions, fallbackSecurityLevel, liftRestrictionOnNo, organizations } = cfg.regions;
  if (confidentialValue === cfg.names.fieldValues.yes) {
    const regionId = ownValue(organizations, organization);
    const region = ownValue(regions, regionId);
    const level = region?.securityLevel ?? fallbackSecurityLevel;
    if (currentLevel === level) return { kind: 'unchanged', actions: [] };
    const key = `${ticket.id}:confidential:${level}`;
    const setLevel: DomainAction = { type: 'setSecurityLevel', level, idempotencyKey: key };
    if (region) {
      return {
        kind: 'restrict',
        level,
        actions: [
          setLevel,
          {
            type: 'comment',
            visibility: 'internal',
            messageKey: 'confidentialityApplied',
            params: { ticketKey: ticket.key, securityLevel: level },
            idempotencyKey: `${key}:comment`,
          },
        ],
      };
    }
    return {
      kind: 'restrictFallback',
      level,
      actions: [
        setLevel,
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'confidentialityFallback',
          params: { ticketKey: ticket.key, securityLevel: level, organization: organization ?? '—' },
          idempotencyKey: `${key}:comment`,
        },
      ],
    };
  }
  if (liftRestrictionOnNo && currentLevel !== null && confidentialValue === cfg.names.fieldValues.no) {
    const key = `${ticket.id}:confidential:lifted:${currentLevel}`;
    return {
      kind: 'lift',
      actions: [
        { type: 'setSecurityLevel', level: null, idempotencyKey: key },
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'confidentialityLifted',
          params: { ticketKey: ticket.key },
          idempotencyKey: `${key}:comment`,
        },
      ],
    };
  }
  return { kind: 'unchanged', actions: [] };
}
