/**
 * The ticket does not exist or the user may not see it. Jira answers 404 in both cases (it never confirms
 * that a ticket exists to someone without Browse permission), so the panel cannot and must not tell them apart.
 */
export class TicketNotFoundError extends Error {
  constructor(readonly issueKey: string) {
    super(`ticket ${issueKey} not found or not visible to the user`);
    this.name = 'TicketNotFoundError';
  }
}
