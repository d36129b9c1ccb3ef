import type { ProcessState } from '../process-state';
import { changeOf, occurrenceOf } from './issue-change';
import type { EventAction, RuleResult } from './event-actions';
import { isOption } from '../names';
import type { RuleInput } from './rule-input';
import { customerRegion } from '../service/customer-region';

/**
 * Confidentiality (guide §2.2.1, PROCESS.md §7): "Confidential personal data? = Yes", at creation or later,
 * restricts the ticket to the security level of the customer's region. With no region configured for the
 * customer's organization it fails closed: the configured fallback level, and an internal notice asking the admin
 * to map the organization (the audit trail records it too). "No" after "Yes" lifts the restriction (the guide's
 * default, `regions.liftRestrictionOnNo`; a site may lock the level instead), and only a level the app itself
 * applies.
 *
 * Each answer is one occurrence: its idempotency keys name the change (the changelog id, `created` for the
 * creation), so Yes → No → Yes restricts the ticket again and posts the note again.
 *
 * @example
 * decideConfidentiality(createdConfidentialForMappedOrg, state).actions[0]; // { type: 'setSecurityLevel', level: 'Support Graz', … }
 */
export function decideConfidentiality(input: RuleInput, state: ProcessState): RuleResult {
  const { event, ticket, config, fieldIds } = input;
  if (fieldIds.confidential === undefined) return { state, actions: [] };
  const change = changeOf(event, fieldIds.confidential, config.names.fields.confidential);
  if ((event.kind !== 'created' && !change) || ticket.kind === 'delivery') return { state, actions: [] };
  const current = ticket.securityLevel?.name;
  // With the restriction locked, a "Yes" this change took back still restricts: the ticket held confidential
  // data, even if the app reads the event only after the "No" (events arrive late and out of order).
  const lockedYes = !config.regions.liftRestrictionOnNo && isOption(config, change?.fromString, 'yes');
  if (isOption(config, ticket.confidential, 'yes') || lockedYes) {
    const found = customerRegion(
      ticket.organizations.map((o) => o.name),
      config,
    );
    const level = found?.region.securityLevel ?? config.regions.fallbackSecurityLevel;
    if (current === level) return { state, actions: [] };
    const idempotencyKey = `${ticket.id}:security:${level}:${occurrenceOf(event)}`;
    const organization = ticket.organizations[0]?.name ?? '—';
    const actions: EventAction[] = [
      { type: 'setSecurityLevel', level, idempotencyKey },
      found
        ? {
            type: 'comment',
            visibility: 'internal',
            messageKey: 'confidentialityApplied',
            params: { ticketKey: ticket.key, securityLevel: level },
            idempotencyKey: `${idempotencyKey}:note`,
          }
        : {
            type: 'comment',
            visibility: 'internal',
            messageKey: 'confidentialityFallback',
            params: { ticketKey: ticket.key, securityLevel: level, organization },
            idempotencyKey: `${idempotencyKey}:note`,
          },
    ];
    if (!found) {
      actions.push({
        type: 'audit',
        entry: {
          action: 'securityFallback',
          outcome: 'done',
          detail: 'noRegionForOrganization',
          idempotencyKey,
        },
      });
    }
    return { state, actions };
  }
  const ownLevels = [
    config.regions.fallbackSecurityLevel,
    ...Object.values(config.regions.regions).map((region) => region.securityLevel),
  ];
  if (
    isOption(config, ticket.confidential, 'no') &&
    config.regions.liftRestrictionOnNo &&
    current !== undefined &&
    ownLevels.includes(current)
  ) {
    const idempotencyKey = `${ticket.id}:security:none:${occurrenceOf(event)}`;
    return {
      state,
      actions: [
        { type: 'setSecurityLevel', level: null, idempotencyKey },
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'confidentialityLifted',
          params: { ticketKey: ticket.key },
          idempotencyKey: `${idempotencyKey}:note`,
        },
      ],
    };
  }
  return { state, actions: [] };
}
