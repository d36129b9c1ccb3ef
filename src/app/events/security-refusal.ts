import { JiraHttpError } from '../ports/jira-errors';

/**
 * Whether Jira refused an edit because the app may not set the security level: 403 where the permission scheme
 * refuses the write, or 400 with an `errors.security` entry, Jira Cloud's documented answer when "the user
 * does not have the necessary permission to edit one or more fields" (the app lacks "Set Issue Security").
 */
export function isSecurityRefusal(error: unknown): boolean {
  if (!(error instanceof JiraHttpError)) return false;
  if (error.status === 403) return true;
  if (error.status !== 400) return false;
  try {
    const body = JSON.parse(error.body) as { errors?: Record<string, unknown> };
    return typeof body.errors?.security === 'string';
  } catch {
    return false;
  }
}
