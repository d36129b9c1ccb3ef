import { route } from '@forge/api';
import type { SiteMetadataGateway as SiteMetadataPort } from '../../app/ports/jira';
import { z } from 'zod';
import { JiraHttpError } from '../../app/ports/jira-errors';
import { type JiraClient, ONE_ACCESS_OBJECT } from './jira-client';
import { processPermissionCache, type PermissionScope } from './permission-cache';

/**
 * Read-only Jira and JSM calls behind the issue panel and the admin page: SLAs, the site's names (types,
 * statuses, link types, security levels), projects and users. Used as the user (`asUser()`), so Jira decides
 * what the caller may see. One REST call per method.
 */

const named = z.looseObject({ id: z.string(), name: z.string() });

const durationSchema = z.looseObject({ millis: z.number() });
const instantSchema = z.looseObject({ iso8601: z.string().optional(), epochMillis: z.number() });
const slaCycleSchema = z.looseObject({
  startTime: instantSchema,
  stopTime: instantSchema.optional(),
  breachTime: instantSchema.optional(),
  breached: z.boolean(),
  paused: z.boolean().optional(),
  goalDuration: durationSchema.optional(),
  elapsedTime: durationSchema,
  remainingTime: durationSchema.optional(),
});
const slaSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  ongoingCycle: slaCycleSchema.optional(),
  completedCycles: z.array(slaCycleSchema).default([]),
});

/** One JSM SLA metric of a request ("Time to first response", "Time to resolution"). */
export type JsmSla = z.infer<typeof slaSchema>;

const serviceDeskSchema = z.looseObject({
  id: z.string(),
  projectId: z.string(),
  projectKey: z.string(),
  projectName: z.string(),
});
export type ServiceDesk = z.infer<typeof serviceDeskSchema>;

const linkTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  inward: z.string(),
  outward: z.string(),
});
export type IssueLinkType = z.infer<typeof linkTypeSchema>;

const projectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
});
export type ProjectInfo = z.infer<typeof projectSchema>;

export class SiteMetadataGateway implements SiteMetadataPort {
  /** @param permissions whose rights `isAgentOnIssue` answers, to reuse answers (user gateways only). */
  constructor(
    readonly client: JiraClient,
    readonly permissions?: PermissionScope,
  ) {}

  /**
   * The request's SLA metrics, or `undefined` when the site offers none for it: JSM answers 403 to customers
   * and 404 for a non-service-desk issue; a project without SLAs answers an empty list.
   */
  async getSlas(issueKey: string): Promise<JsmSla[] | undefined> {
    try {
      const page = await this.client.call({
        operation: 'getSlaInformation',
        route: route`/rest/servicedeskapi/request/${issueKey}/sla`,
        schema: z.looseObject({ values: z.array(slaSchema) }),
        objects: (p) => p.values.length,
      });
      return page.values;
    } catch (error) {
      if (error instanceof JiraHttpError && (error.status === 403 || error.status === 404)) return undefined;
      throw error;
    }
  }

  /** Every issue type of the site. */
  getIssueTypes(): Promise<{ id: string; name: string }[]> {
    return this.client.call({
      operation: 'getIssueTypes',
      route: route`/rest/api/3/issuetype`,
      schema: z.array(named),
      objects: (list) => list.length,
    });
  }

  /** Every status of the site. */
  getStatuses(): Promise<{ id: string; name: string }[]> {
    return this.client.call({
      operation: 'getStatuses',
      route: route`/rest/api/3/status`,
      schema: z.array(named),
      objects: (list) => list.length,
    });
  }

  async getIssueLinkTypes(): Promise<IssueLinkType[]> {
    const result = await this.client.call({
      operation: 'getIssueLinkTypes',
      route: route`/rest/api/3/issueLinkType`,
      schema: z.looseObject({ issueLinkTypes: z.array(linkTypeSchema) }),
      objects: (r) => r.issueLinkTypes.length,
    });
    return result.issueLinkTypes;
  }

  /** Security levels the caller can see on the project (empty when the project has no security scheme). */
  async getProjectSecurityLevels(projectKey: string): Promise<{ id: string; name: string }[]> {
    const result = await this.client.call({
      operation: 'getProjectSecurityLevels',
      route: route`/rest/api/3/project/${projectKey}/securitylevel`,
      schema: z.looseObject({ levels: z.array(named) }),
      objects: (r) => r.levels.length,
    });
    return result.levels;
  }

  /** One project, or `undefined` when it does not exist or the caller cannot see it. */
  async getProject(projectKey: string): Promise<ProjectInfo | undefined> {
    try {
      return await this.client.call({
        operation: 'getProject',
        route: route`/rest/api/3/project/${projectKey}`,
        schema: projectSchema,
      });
    } catch (error) {
      if (error instanceof JiraHttpError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** The service desks (JSM projects) the caller can see; the first page of 100 is plenty for one site. */
  async getServiceDesks(): Promise<ServiceDesk[]> {
    const page = await this.client.call({
      operation: 'getServiceDesks',
      route: route`/rest/servicedeskapi/servicedesk?limit=${'100'}`,
      schema: z.looseObject({ values: z.array(serviceDeskSchema) }),
      objects: (p) => p.values.length,
    });
    return page.values;
  }

  /**
   * Whether the caller is a JSM agent of the project (`SERVICEDESK_AGENT`, a JSM project permission), checked
   * by Jira in ONE call. Portal customers never hold it.
   */
  async isAgentInProject(projectKey: string): Promise<boolean> {
    if (!this.permissions) return this.askAgentInProject(projectKey);
    return processPermissionCache.ask(this.permissions, `agent:${projectKey}`, () =>
      this.askAgentInProject(projectKey),
    );
  }

  private async askAgentInProject(projectKey: string): Promise<boolean> {
    try {
      const result = await this.client.call({
        operation: 'getMyPermissions',
        route: route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${'SERVICEDESK_AGENT'}`,
        schema: z.looseObject({
          permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
        }),
        objects: ONE_ACCESS_OBJECT,
      });
      return result.permissions.SERVICEDESK_AGENT?.havePermission === true;
    } catch (error) {
      // A project the user cannot see (or that does not exist) is one they are no agent of.
      if (error instanceof JiraHttpError && error.status === 404) return false;
      throw error;
    }
  }

  /** A user's public display name, or `undefined` when the account is unknown or hidden. */
  async getUserDisplayName(accountId: string): Promise<string | undefined> {
    try {
      const user = await this.client.call({
        operation: 'getUser',
        route: route`/rest/api/3/user?accountId=${accountId}`,
        schema: z.looseObject({ accountId: z.string(), displayName: z.string().optional() }),
        objects: ONE_ACCESS_OBJECT,
      });
      return user.displayName;
    } catch (error) {
      if (error instanceof JiraHttpError && error.status === 404) return undefined;
      throw error;
    }
  }
}
