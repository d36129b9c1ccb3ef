import { JiraHttpError } from '../ports/jira-errors';

/** A short code for logs and audit entries: error class and HTTP status, never a message with ticket text. */
export function errorCode(error: unknown): string {
  if (error instanceof JiraHttpError) return `HTTP ${error.status}`;
  return error instanceof Error ? error.name : 'unknown';
}
