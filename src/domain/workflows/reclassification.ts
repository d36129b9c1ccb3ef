import type { Kind } from '../kinds';
import type { StatusKey } from '../statuses';
import type { Localized } from '../texts/message-keys';
import { hasStatus } from './workflow-table';

/**
 * Type changes support may make (guide §2.2.1, §3): the portal types become their specific kinds once the
 * cause or nature is known; a Software Defect that turns out to be no code fault may be re-typed again before
 * it is resolved. Delivery tickets are never converted from or to a customer ticket.
 * @internal Exported for the tests that check it directly.
 */
export const RECLASSIFICATIONS = {
  incident: ['softwareDefect', 'nonSoftwareDefect'],
  request: ['consultingRequest', 'supportRequest', 'customisation', 'suggestion'],
  softwareDefect: ['nonSoftwareDefect', 'consultingRequest', 'supportRequest', 'customisation', 'suggestion'],
  nonSoftwareDefect: [],
  consultingRequest: [],
  supportRequest: [],
  customisation: [],
  suggestion: [],
  delivery: [],
} as const satisfies Record<Kind, readonly Kind[]>;

/** Verdict on a type change. */
export type ReclassificationVerdict = { allowed: true } | { allowed: false; reason: Localized };

const refuse = (en: string, de: string): ReclassificationVerdict => ({ allowed: false, reason: { en, de } });

/**
 * Whether a ticket of `fromKind` in `status` may be changed to `toKind`. The status must also exist in the
 * target kind's workflow, since Jira keeps the status when the type changes.
 *
 * @example
 * checkReclassification('incident', 'softwareDefect', 'open'); // { allowed: true }
 * checkReclassification('softwareDefect', 'supportRequest', 'resolved').allowed; // false
 */
export function checkReclassification(
  fromKind: Kind,
  toKind: Kind,
  status: StatusKey,
): ReclassificationVerdict {
  if (fromKind === toKind) return { allowed: true };
  if (fromKind === 'delivery' || toKind === 'delivery') {
    return refuse(
      'Delivery tickets are created by support and never converted from or to a customer ticket.',
      'Delivery-Tickets werden vom Support angelegt und nie aus Kundentickets umgewandelt oder in solche.',
    );
  }
  const targets: readonly Kind[] = RECLASSIFICATIONS[fromKind];
  if (!targets.includes(toKind)) {
    return refuse(
      'This type change is not part of the reclassification rules.',
      'Dieser Typwechsel ist in den Regeln zur Umklassifizierung nicht vorgesehen.',
    );
  }
  if (status === 'resolved' || status === 'closed') {
    return refuse(
      'A ticket can only change its type before it is resolved.',
      'Der Tickettyp kann nur vor der Lösung geändert werden.',
    );
  }
  if (!hasStatus(toKind, status)) {
    return refuse(
      'The new ticket type has no such status; move the ticket to a status both types share first.',
      'Der neue Tickettyp kennt diesen Status nicht; setzen Sie das Ticket zuerst in einen Status, den beide Typen kennen.',
    );
  }
  return { allowed: true };
}
