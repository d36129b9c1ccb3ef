/** What the customer check needs to know about a ticket. */
export interface CustomerTicket {
  readonly reporterId?: string | undefined;
  /** The JSM organizations the ticket is shared with. */
  readonly organizations: readonly { readonly id: string }[];
}

/** One question for Jira that can show a person to be the customer. */
export type CustomerCheck =
  { readonly kind: 'participant' } | { readonly kind: 'organizationMember'; readonly organizationId: string };

/**
 * Who counts as the customer of a ticket (PROCESS.md §4): the reporter, a request participant, or a member of an
 * organization the ticket is shared with. Returns `true` when the ticket alone answers it (the reporter), else the
 * checks to ask Jira, cheapest first; the person is the customer when any of them says yes.
 *
 * @example
 * customerChecks({ reporterId: 'a', organizations: [{ id: '7' }] }, 'b');
 * // [{ kind: 'participant' }, { kind: 'organizationMember', organizationId: '7' }]
 */
export function customerChecks(ticket: CustomerTicket, accountId: string): true | CustomerCheck[] {
  if (ticket.reporterId === accountId) return true;
  return [
    { kind: 'participant' },
    ...ticket.organizations.map((o) => ({ kind: 'organizationMember' as const, organizationId: o.id })),
  ];
}
