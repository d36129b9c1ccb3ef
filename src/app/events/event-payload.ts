import { z } from 'zod';
import type { IssueChangeEvent, IssueSnapshot } from '../../domain/events/issue-change';
import { changeItemSchema } from '../shared/change-item-schema';

/**
 * The parts of a Forge product event the rules rely on. Parsing is tolerant (unknown keys pass, optional parts
 * may be missing) because Jira's payloads are only partly documented (forge-platform §1.4). The documented
 * `issue.fields` become the event's snapshot only when all of them are present (`snapshotOf`).
 */
/** An id Jira sends as a number or as text, read as text; anything else (`null`, an object) is refused. */
const idSchema = z.union([z.string(), z.number()]).transform(String);

const userRefSchema = z
  .looseObject({ accountId: z.string().min(1) })
  .nullable()
  .optional();

const issueRefSchema = z.looseObject({
  id: z.string().min(1),
  key: z.string().min(1),
  fields: z
    .looseObject({
      status: z.looseObject({ id: idSchema, name: z.string().optional() }).nullable().optional(),
      issuetype: z
        .looseObject({ id: idSchema.optional(), name: z.string().optional() })
        .nullable()
        .optional(),
      summary: z.string().optional(),
      project: z.looseObject({ key: z.string().optional() }).nullable().optional(),
      created: z.string().optional(),
      updated: z.string().optional(),
      reporter: userRefSchema,
      assignee: userRefSchema,
    })
    .nullable()
    .optional(),
});

type IssueFields = NonNullable<z.output<typeof issueRefSchema>['fields']>;

/**
 * The payload's view of the ticket (Forge documents `summary`, `issuetype`, `status`, `project`, `reporter`,
 * `assignee`, `created` and `updated` in `issue.fields`); `undefined` unless every one of them is there, `assignee` and
 * `reporter` at least as `null`, so that a missing field is never read as an empty one.
 */
function snapshotOf(f: IssueFields | null | undefined): IssueSnapshot | undefined {
  const type = f?.issuetype;
  const status = f?.status;
  if (!f || !type?.id || !type.name || !status?.name || !f.project?.key) return undefined;
  if (f.summary === undefined || f.created === undefined || f.updated === undefined) return undefined;
  if (f.reporter === undefined || f.assignee === undefined) return undefined;
  return {
    summary: f.summary,
    typeId: type.id,
    typeName: type.name,
    statusId: status.id,
    statusName: status.name,
    projectKey: f.project.key,
    created: f.created,
    updated: f.updated,
    ...(f.reporter ? { reporterId: f.reporter.accountId } : {}),
    ...(f.assignee ? { assigneeId: f.assignee.accountId } : {}),
  };
}

const issueEventSchema = z.looseObject({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:commented:issue']),
  issue: issueRefSchema,
  atlassianId: z.string().optional(),
  /** Forge adds the installation's site to every product event; the JSM Operations API paths need it. */
  context: z.looseObject({ cloudId: z.string().min(1).optional() }).optional(),
  changelog: z
    .looseObject({ id: z.string().optional(), items: z.array(changeItemSchema).default([]) })
    .optional(),
  comment: z
    .looseObject({
      id: z.string(),
      author: z.looseObject({ accountId: z.string(), accountType: z.string().optional() }).optional(),
      jsdPublic: z.boolean().optional(),
    })
    .optional(),
});

const linkEventSchema = z.looseObject({
  eventType: z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']),
  id: idSchema,
  sourceIssueId: idSchema,
  destinationIssueId: idSchema,
  issueLinkType: z.looseObject({ name: z.string() }).nullable().optional(),
});

/** A link created or deleted between two issues (ids only: Jira sends no keys). */
export interface LinkChangeEvent {
  readonly kind: 'linkCreated' | 'linkDeleted';
  readonly linkId: string;
  readonly sourceIssueId: string;
  readonly destinationIssueId: string;
  readonly linkTypeName?: string;
}

/** Every event the rules react to. */
type ProductChange = IssueChangeEvent | LinkChangeEvent;

/** Result of {@link parseProductEvent}: the event, or why it was not understood (nothing changes then). */
export type ParsedEvent = { ok: true; event: ProductChange } | { ok: false; problem: string };

const ISSUE_KINDS = {
  'avi:jira:created:issue': 'created',
  'avi:jira:updated:issue': 'updated',
  'avi:jira:commented:issue': 'commented',
} as const;

/**
 * Parses a trigger payload at the boundary.
 *
 * @example
 * parseProductEvent({ eventType: 'avi:jira:updated:issue', issue: { id: '1', key: 'SD-1' }, changelog: { items: [] } });
 * // { ok: true, event: { kind: 'updated', issueId: '1', issueKey: 'SD-1', items: [] } }
 */
export function parseProductEvent(payload: unknown): ParsedEvent {
  const link = linkEventSchema.safeParse(payload);
  if (link.success) {
    const e = link.data;
    return {
      ok: true,
      event: {
        kind: e.eventType === 'avi:jira:created:issuelink' ? 'linkCreated' : 'linkDeleted',
        linkId: e.id,
        sourceIssueId: e.sourceIssueId,
        destinationIssueId: e.destinationIssueId,
        ...(e.issueLinkType ? { linkTypeName: e.issueLinkType.name } : {}),
      },
    };
  }
  const parsed = issueEventSchema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      problem: first ? `${first.path.join('.') || 'event'}: ${first.message}` : 'unreadable event',
    };
  }
  const e = parsed.data;
  const comment = e.comment;
  const snapshot = snapshotOf(e.issue.fields);
  return {
    ok: true,
    event: {
      kind: ISSUE_KINDS[e.eventType],
      issueId: e.issue.id,
      issueKey: e.issue.key,
      ...(e.atlassianId ? { actorId: e.atlassianId } : {}),
      ...(e.context?.cloudId ? { cloudId: e.context.cloudId } : {}),
      ...(e.changelog?.id ? { changelogId: e.changelog.id } : {}),
      ...(e.issue.fields?.status
        ? {
            statusAtEvent: {
              id: e.issue.fields.status.id,
              ...(e.issue.fields.status.name ? { name: e.issue.fields.status.name } : {}),
            },
          }
        : {}),
      ...(e.issue.fields?.issuetype?.name ? { typeAtEvent: e.issue.fields.issuetype.name } : {}),
      ...(snapshot ? { snapshot } : {}),
      items: e.changelog?.items ?? [],
      ...(comment
        ? {
            comment: {
              id: comment.id,
              ...(comment.author ? { authorId: comment.author.accountId } : {}),
              ...(comment.author?.accountType ? { authorAccountType: comment.author.accountType } : {}),
              ...(comment.jsdPublic !== undefined ? { isPublic: comment.jsdPublic } : {}),
            },
          }
        : {}),
    },
  };
}
