/**
 * The caller is not an agent of the ticket's project. On a real site the panel sits in the agent issue view only
 * (portal customers never see it), so a direct resolver call from anyone else gets nothing internal: the
 * resolver answers `FORBIDDEN`.
 */
export class NotAgentError extends Error {
  constructor() {
    super('only agents of the project may open the process panel');
    this.name = 'NotAgentError';
  }
}
