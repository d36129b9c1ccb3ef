import { route } from '@forge/api';
import type { LinksGateway as LinksPort } from '../../app/ports/jira';
import { z } from 'zod';
import { JiraHttpError } from '../../app/ports/jira-errors';
import { listIssueTypes } from './issue-types';
import { type JiraClient, ONE_ACCESS_OBJECT } from './jira-client';

const securityLevelsSchema = z.looseObject({
  levels: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});
const userSchema = z.looseObject({ accountId: z.string(), locale: z.string().optional() });
const participantsSchema = z.looseObject({
  values: z.array(z.looseObject({ accountId: z.string() })),
  isLastPage: z.boolean().optional(),
});
const organizationUsersSchema = participantsSchema;
const organizationsSchema = z.looseObject({ values: z.array(z.looseObject({ id: z.coerce.string() })) });
/**
 * The Jira and JSM operations the event rules need beyond `JiraGateway`: issue links (Delivery tickets, §6),
 * security levels (confidentiality, §7), a user's locale (the agent's language), and who counts as the customer
 * (request participants, organization members; PROCESS.md §4). One REST call per method unless it pages.
 */
export class LinksGateway implements LinksPort {
  constructor(readonly client: JiraClient) {}

  /**
   * Links `source` to `destination` so that it reads "source <outward> destination" (e.g. "DEL-1 ships SD-5").
   * Jira quirk (jira-rest-api §5): the request's `inwardIssue` is the source. Linking an already linked pair
   * is a no-op that Jira still answers 201.
   */
  async createLink(typeName: string, source: string, destination: string): Promise<void> {
    await this.client.call({
      operation: 'linkIssues',
      route: route`/rest/api/3/issueLink`,
      method: 'POST',
      // Repeating a link is harmless (Jira de-duplicates), so the client may retry it.
      idempotent: true,
      body: { type: { name: typeName }, inwardIssue: { key: source }, outwardIssue: { key: destination } },
    });
  }

  /** Deletes a link; an already deleted link counts as done. */
  async deleteLink(linkId: string): Promise<void> {
    try {
      await this.client.call({
        operation: 'deleteIssueLink',
        route: route`/rest/api/3/issueLink/${linkId}`,
        method: 'DELETE',
      });
    } catch (error) {
      if (error instanceof JiraHttpError && error.isNotFound) return;
      throw error;
    }
  }

  /** The security levels of a project's scheme that the app may set. */
  async securityLevels(projectKey: string): Promise<{ id: string; name: string }[]> {
    const result = await this.client.call({
      operation: 'getSecurityLevelsForProject',
      route: route`/rest/api/3/project/${projectKey}/securitylevel`,
      schema: securityLevelsSchema,
      objects: (r) => r.levels.length,
    });
    return result.levels;
  }

  /** The locale of a user (`de_DE`, `en_US`…), `undefined` when Jira does not say. */
  async userLocale(accountId: string): Promise<string | undefined> {
    const user = await this.client.call({
      operation: 'getUser',
      route: route`/rest/api/3/user?accountId=${accountId}`,
      schema: userSchema,
      objects: ONE_ACCESS_OBJECT,
    });
    return user.locale;
  }

  /** Whether `accountId` is a request participant of the ticket (JSM API; first page of 50 is ample). */
  async isParticipant(issueKey: string, accountId: string): Promise<boolean> {
    const page = await this.client.call({
      operation: 'getRequestParticipants',
      route: route`/rest/servicedeskapi/request/${issueKey}/participant?limit=${'50'}`,
      schema: participantsSchema,
      objects: (r) => r.values.length,
    });
    return page.values.some((user) => user.accountId === accountId);
  }

  /** Whether `accountId` is a member of the JSM organization (pages through the members until found). */
  async isOrganizationMember(organizationId: string, accountId: string): Promise<boolean> {
    const limit = 50;
    for (let start = 0; start < 10_000; start += limit) {
      const page = await this.client.call({
        operation: 'getUsersInOrganization',
        route: route`/rest/servicedeskapi/organization/${organizationId}/user?start=${String(start)}&limit=${String(limit)}`,
        schema: organizationUsersSchema,
        objects: (r) => r.values.length,
      });
      if (page.values.some((user) => user.accountId === accountId)) return true;
      if (page.isLastPage !== false || page.values.length === 0) return false;
    }
    return false;
  }

  /**
   * Whether `accountId` is a member of any JSM organization: the first organization of
   * `GET /rest/servicedeskapi/organization?accountId=` (1 point, plus 1 for an organization found).
   */
  async isInAnyOrganization(accountId: string): Promise<boolean> {
    const page = await this.client.call({
      operation: 'getOrganizations',
      route: route`/rest/servicedeskapi/organization?accountId=${accountId}&limit=${'1'}`,
      schema: organizationsSchema,
      objects: (r) => r.values.length,
    });
    return page.values.length > 0;
  }

  /** Every issue type of the site: id and name. */
  issueTypes(): Promise<{ id: string; name: string }[]> {
    return listIssueTypes(this.client);
  }
}
