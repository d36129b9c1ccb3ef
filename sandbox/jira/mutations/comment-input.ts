import type { AdfDoc, SimComment } from '../model/types';
import { adfProblem } from '../adf';
import type { NewComment } from './issue-writer';

/** The JSM property that marks a comment as internal when it is written through the platform API. */
const SD_PUBLIC_COMMENT = 'sd.public.comment';

/**
 * Parse a platform `Comment` body (`{body, visibility?, properties?}`), or return the error message.
 * Platform comments are public unless `properties` carries `sd.public.comment` `{internal: true}`; `visibility`
 * restricts Jira visibility but does not make a JSM comment internal (reference §3).
 */
export function parseComment(input: unknown, staff: boolean): NewComment | string {
  if (typeof input !== 'object' || input === null) return 'Comment body can not be empty!';
  const { body, visibility, properties } = input as {
    body?: unknown;
    visibility?: unknown;
    properties?: unknown;
  };
  if (body === undefined || body === null) return 'Comment body can not be empty!';
  const problem = adfProblem(body);
  if (problem) return `Comment body is not a valid Atlassian Document: ${problem}`;
  const internal =
    Array.isArray(properties) &&
    properties.some(
      (p: { key?: unknown; value?: { internal?: unknown } }) =>
        p?.key === SD_PUBLIC_COMMENT && p.value?.internal === true,
    );
  // Only staff can write internal notes; a customer's comment is always public.
  if (internal && !staff) return 'You do not have permission to create internal comments.';
  const vis = visibility as SimComment['visibility'] | undefined;
  const stored = Array.isArray(properties)
    ? (properties as { key?: unknown; value?: unknown }[]).filter(
        (p): p is { key: string; value: unknown } => typeof p?.key === 'string',
      )
    : [];
  return {
    body: body as AdfDoc,
    jsdPublic: !internal,
    ...(stored.length > 0 ? { properties: Object.fromEntries(stored.map((p) => [p.key, p.value])) } : {}),
    ...(vis && (vis.type === 'role' || vis.type === 'group')
      ? { visibility: { type: vis.type, value: String(vis.value) } }
      : {}),
  };
}
