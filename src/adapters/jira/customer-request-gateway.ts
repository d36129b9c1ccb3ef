import { route } from '@forge/api';
import { z } from 'zod';
import { JiraHttpError } from '../../app/ports/jira-errors';
import type { JiraClient } from './jira-client';

const customerRequestSchema = z.looseObject({
  issueId: z.string(),
  issueKey: z.string(),
  _links: z.looseObject({ web: z.string().optional() }).optional(),
});

/** A request JSM shows to the calling user, with its portal address. */
export interface VisibleRequest {
  issueId: string;
  issueKey: string;
  /** The request in the customer portal. */
  webUrl: string | null;
}

/**
 * JSM's customer-request endpoint, used as the user (`asUser()`): JSM answers it exactly for the people who may
 * see the request in the portal (its reporter, participants, members of the organizations it is shared with,
 * agents), so it is the app's access check for everything a customer does through the portal.
 */
export class CustomerRequestGateway {
  constructor(readonly client: JiraClient) {}

  /** The request, or `undefined` when JSM does not show it to the user (404, 403). One call. */
  async visibleRequest(issueKey: string): Promise<VisibleRequest | undefined> {
    try {
      const request = await this.client.call({
        operation: 'getCustomerRequest',
        route: route`/rest/servicedeskapi/request/${issueKey}`,
        schema: customerRequestSchema,
      });
      return { issueId: request.issueId, issueKey: request.issueKey, webUrl: request._links?.web ?? null };
    } catch (error) {
      if (error instanceof JiraHttpError && (error.status === 404 || error.status === 403)) return undefined;
      throw error;
    }
  }
}
