import type {
  ChangelogHistory,
  CommentFacts,
  CommentInput,
  EntityProperty,
  JiraGateway as JiraGatewayPort,
  SearchRequest,
} from '../../app/ports/jira';
import { route } from '@forge/api';
import { z } from 'zod';
import { JiraHttpError } from '../../app/ports/jira-errors';
import { type JiraClient, ONE_ACCESS_OBJECT } from './jira-client';
import { processPermissionCache, type PermissionScope } from './permission-cache';
import {
  changelogPageSchema,
  commentSchema,
  fieldsSchema,
  issueBeanSchema,
  propertySchema,
  searchResultSchema,
  transitionsSchema,
  type IssueBean,
  type JiraField,
  type SearchResult,
  type Transition,
} from './schemas';

/** JSM's property that makes a comment internal (`{ internal: true }`) or public. */
const SD_PUBLIC_COMMENT = 'sd.public.comment';
/**
 * The comment property naming the occurrence an app comment is posted for (`CommentInput.occurrence`).
 * @internal Exported for the site invariants, which read it from the app's comments.
 */
export const OCCURRENCE_PROPERTY = 'jsm-process-occurrence';

/** JSM's internal flag and the occurrence, as comment properties (set in the same call as the comment). */
function commentProperties(comment: CommentInput) {
  return [
    { key: SD_PUBLIC_COMMENT, value: { internal: comment.internal } },
    { key: OCCURRENCE_PROPERTY, value: { key: comment.occurrence } },
  ];
}

const commentPageSchema = z.looseObject({
  comments: z.array(commentSchema),
  total: z.number().optional(),
});
const myselfSchema = z.looseObject({ accountId: z.string() });

/** `GET /issue/{key}/changelog` returns at most 100 histories a page. */
const CHANGELOG_PAGE = 100;

/** Changelog histories an expansion embedded in an issue (objects in the points count). */
function historiesIn(bean: IssueBean): number {
  return bean.changelog?.histories.length ?? 0;
}

/** A comment added by `update.comment` in an edit or a transition (one call with the rest of the write). */
function commentUpdate(comment: CommentInput) {
  return {
    comment: [
      {
        add: {
          body: comment.body,
          properties: commentProperties(comment),
        },
      },
    ],
  };
}

/**
 * The Jira operations the app performs, each one REST call, each requesting only what it needs.
 * Writes carry comments and entity properties in the same call wherever Jira accepts them.
 */
export class JiraGateway implements JiraGatewayPort {
  /** @param permissions whose rights `hasGlobalPermission` answers, to reuse answers (user gateways only). */
  constructor(
    readonly client: JiraClient,
    readonly permissions?: PermissionScope,
  ) {}

  /** One page of `/rest/api/3/search/jql` (POST, so long JQL never hits URL limits). */
  search(request: SearchRequest): Promise<SearchResult> {
    return this.client.call({
      operation: 'searchJql',
      route: route`/rest/api/3/search/jql`,
      method: 'POST',
      idempotent: true,
      readOnly: true,
      body: { fields: ['id'], ...request },
      schema: searchResultSchema,
      // Expanded changelog histories are objects too (docs/decisions/0014).
      objects: (r) => r.issues.reduce((sum, issue) => sum + 1 + historiesIn(issue), 0),
    });
  }

  /** Every page of a search, in order. Use only where the result is known to be small. */
  async searchAll(request: Omit<SearchRequest, 'nextPageToken'>): Promise<IssueBean[]> {
    const issues: IssueBean[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await this.search({ ...request, ...(nextPageToken ? { nextPageToken } : {}) });
      issues.push(...page.issues);
      nextPageToken = page.isLast === false || page.nextPageToken ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return issues;
  }

  async getIssue(
    key: string,
    options: { fields: string[]; properties?: string[]; expand?: string },
  ): Promise<IssueBean> {
    const params = new URLSearchParams({ fields: options.fields.join(',') });
    if (options.properties?.length) params.set('properties', options.properties.join(','));
    if (options.expand) params.set('expand', options.expand);
    const bean = await this.client.call({
      operation: 'getIssue',
      route: route`/rest/api/3/issue/${key}?${params}`,
      schema: issueBeanSchema,
      objects: (b) => 1 + historiesIn(b),
    });
    return this.withWholeChangelog(key, bean);
  }

  /**
   * `expand=changelog` embeds only part of a long changelog (`total` counts them all), and Jira does not say
   * which part. When histories are missing, the changelog endpoint is read whole, oldest first, 100 a page, in
   * place of the embedded part: callers always get every history (rare: only issues with over 100 changes).
   */
  private async withWholeChangelog(key: string, bean: IssueBean): Promise<IssueBean> {
    const embedded = bean.changelog;
    if (!embedded || (embedded.total ?? 0) <= embedded.histories.length) return bean;
    const histories: typeof embedded.histories = [];
    let total = embedded.total ?? 0;
    while (histories.length < total) {
      const page = await this.readChangelogPage(key, histories.length, CHANGELOG_PAGE);
      if (page.values.length === 0) break;
      histories.push(...page.values);
      total = page.total;
    }
    return { ...bean, changelog: { histories, total: histories.length } };
  }

  /** Edit fields, add a comment and set properties in one call (`PUT /issue`). */
  async editIssue(
    key: string,
    edit: { fields?: Record<string, unknown>; comment?: CommentInput; properties?: EntityProperty[] },
    options: { notifyUsers?: boolean } = {},
  ): Promise<void> {
    const query = new URLSearchParams({ notifyUsers: String(options.notifyUsers ?? true) });
    await this.client.call({
      operation: 'editIssue',
      route: route`/rest/api/3/issue/${key}?${query}`,
      method: 'PUT',
      // A comment in the edit makes a repeat visible to the customer: never repeat it blindly.
      idempotent: edit.comment === undefined,
      body: {
        ...(edit.fields ? { fields: edit.fields } : {}),
        ...(edit.comment ? { update: commentUpdate(edit.comment) } : {}),
        ...(edit.properties ? { properties: edit.properties } : {}),
      },
    });
  }

  /** Creates one issue (`POST /issue`); returns its key. Never repeated blindly: a repeat would create two. */
  /**
   * Creates an issue; `with` adds links from it and entity properties in the same call (Jira's create takes
   * `update.issuelinks` and `properties`), so the issue never exists without them.
   */
  async createIssue(
    fields: Record<string, unknown>,
    extras: {
      links?: { typeName: string; outwardKey: string }[];
      properties?: { key: string; value: unknown }[];
    } = {},
  ): Promise<string> {
    const links = extras.links ?? [];
    const created = await this.client.call({
      operation: 'createIssue',
      route: route`/rest/api/3/issue`,
      method: 'POST',
      body: {
        fields,
        ...(links.length > 0
          ? {
              update: {
                issuelinks: links.map((l) => ({
                  add: { type: { name: l.typeName }, outwardIssue: { key: l.outwardKey } },
                })),
              },
            }
          : {}),
        ...(extras.properties?.length ? { properties: extras.properties } : {}),
      },
      schema: z.looseObject({ id: z.string(), key: z.string() }),
      objects: () => 0,
    });
    return created.key;
  }

  async getTransitions(key: string, options: { withFields?: boolean } = {}): Promise<Transition[]> {
    const result = await this.client.call({
      operation: 'getTransitions',
      route: options.withFields
        ? route`/rest/api/3/issue/${key}/transitions?expand=${'transitions.fields'}`
        : route`/rest/api/3/issue/${key}/transitions`,
      schema: transitionsSchema,
      objects: (r) => r.transitions.length,
    });
    return result.transitions;
  }

  /** One transition carrying its screen fields, a comment and entity properties. */
  async doTransition(
    key: string,
    transition: {
      id: string;
      fields?: Record<string, unknown>;
      comment?: CommentInput;
      properties?: EntityProperty[];
    },
  ): Promise<void> {
    await this.client.call({
      operation: 'doTransition',
      route: route`/rest/api/3/issue/${key}/transitions`,
      method: 'POST',
      body: {
        transition: { id: transition.id },
        ...(transition.fields ? { fields: transition.fields } : {}),
        ...(transition.comment ? { update: commentUpdate(transition.comment) } : {}),
        ...(transition.properties ? { properties: transition.properties } : {}),
      },
    });
  }

  /** One page of an issue's changelog, oldest first; one point per request and per history returned. */
  async changelogPage(
    key: string,
    startAt: number,
    maxResults: number,
  ): Promise<{ total: number; histories: ChangelogHistory[] }> {
    const page = await this.readChangelogPage(key, startAt, maxResults);
    return { total: page.total, histories: page.values };
  }

  private readChangelogPage(key: string, startAt: number, maxResults: number) {
    return this.client.call({
      operation: 'getChangeLogs',
      route: route`/rest/api/3/issue/${key}/changelog?startAt=${String(startAt)}&maxResults=${String(maxResults)}`,
      schema: changelogPageSchema,
      objects: (r) => r.values.length,
    });
  }

  async addComment(key: string, comment: CommentInput): Promise<string> {
    const created = await this.client.call({
      operation: 'addComment',
      route: route`/rest/api/3/issue/${key}/comment`,
      method: 'POST',
      body: {
        body: comment.body,
        properties: commentProperties(comment),
      },
      schema: commentSchema,
      objects: () => 0,
    });
    return created.id;
  }

  /**
   * One page of a ticket's comments, newest first (`orderBy=-created`). Jira charges one point per comment
   * returned, so callers read small pages and stop at the first comment older than what they look for.
   */
  async newestComments(key: string, startAt: number, maxResults: number): Promise<CommentFacts[]> {
    const page = await this.client.call({
      operation: 'getComments',
      route: route`/rest/api/3/issue/${key}/comment?orderBy=${'-created'}&startAt=${String(startAt)}&maxResults=${String(maxResults)}`,
      schema: commentPageSchema,
      objects: (r) => r.comments.length,
    });
    return page.comments.map((c) => ({
      id: c.id,
      authorId: c.author?.accountId,
      created: c.created,
      isPublic: c.jsdPublic !== false,
    }));
  }

  /**
   * Whether one comment is public: `GET /issue/{key}/comment/{id}` and its `jsdPublic` ("defaults to true when
   * comments are created in the Jira Cloud Platform", so an absent flag means public). `undefined` when gone.
   */
  async commentIsPublic(key: string, commentId: string): Promise<boolean | undefined> {
    try {
      const comment = await this.client.call({
        operation: 'getComment',
        route: route`/rest/api/3/issue/${key}/comment/${commentId}`,
        schema: commentSchema,
        objects: () => 1,
      });
      return comment.jsdPublic !== false;
    } catch (error) {
      if (error instanceof JiraHttpError && error.isNotFound) return undefined;
      throw error;
    }
  }

  /** The account the app acts as (`asApp()`): its own comments are never the customer's. */
  async myAccountId(): Promise<string> {
    const me = await this.client.call({
      operation: 'getCurrentUser',
      route: route`/rest/api/3/myself`,
      schema: myselfSchema,
      objects: ONE_ACCESS_OBJECT,
    });
    return me.accountId;
  }

  /** Reads one issue property fresh (strongly consistent, unlike search results). `undefined` when unset. */
  async getIssueProperty(key: string, propertyKey: string): Promise<unknown> {
    try {
      const property = await this.client.call({
        operation: 'getIssueProperty',
        route: route`/rest/api/3/issue/${key}/properties/${propertyKey}`,
        schema: propertySchema,
      });
      return property.value;
    } catch (error) {
      if (error instanceof Error && 'status' in error && error.status === 404) return undefined;
      throw error;
    }
  }

  async setIssueProperty(key: string, propertyKey: string, value: unknown): Promise<void> {
    await this.client.call({
      operation: 'setIssueProperty',
      route: route`/rest/api/3/issue/${key}/properties/${propertyKey}`,
      method: 'PUT',
      body: value,
    });
  }

  async getFields(): Promise<JiraField[]> {
    return this.client.call({
      operation: 'getFields',
      route: route`/rest/api/3/field`,
      schema: fieldsSchema,
      objects: (fields) => fields.length,
    });
  }

  /** Whether the calling user holds a global permission (e.g. `ADMINISTER`), checked by Jira. */
  async hasGlobalPermission(permission: string): Promise<boolean> {
    if (!this.permissions) return this.askGlobalPermission(permission);
    return processPermissionCache.ask(this.permissions, `global:${permission}`, () =>
      this.askGlobalPermission(permission),
    );
  }

  private async askGlobalPermission(permission: string): Promise<boolean> {
    const result = await this.client.call({
      operation: 'getMyPermissions',
      route: route`/rest/api/3/mypermissions?permissions=${permission}`,
      schema: z.looseObject({
        permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
      }),
      objects: ONE_ACCESS_OBJECT,
    });
    return result.permissions[permission]?.havePermission === true;
  }
}
