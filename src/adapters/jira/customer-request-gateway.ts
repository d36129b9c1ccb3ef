import { route } from '@forge/api';
import { z } from 'zod';
import { JiraHttpError } from '../../app/ports/jira-errors';
import type { VisibleRequest } from '../../app/portal/portal-ports';
import type { JiraClient } from './jira-client';

const customerRequestSchema = z.looseObject({
  issueId: z.string(),
  issueKey: z.string(),
  currentStatus: z.looseObject({ status: z.string().optional() }).optional(),
  _links: z.looseObject({ web: z.string().optional() }).optional(),
});

/**
 * JSM's customer-request endpoint, as the user: by the backend (`asUser()`) for the portal actions, or by the
 * page (`requestJira`) for the panel's view. JSM answers it for the people who may see the request (for
 * customers, per its reference, the reporter and the participants; agents), so it is the app's access check for
 * everything a customer does through the portal.
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
      return {
        issueId: request.issueId,
        issueKey: request.issueKey,
        webUrl: request._links?.web ?? null,
        statusName: request.currentStatus?.status ?? null,
      };
    } catch (error) {
      if (error instanceof JiraHttpError && (error.status === 404 || error.status === 403)) return undefined;
      throw error;
    }
  }
}
