import { z } from 'zod';
import { CallStats } from '../adapters/jira/call-stats';
import { JiraClient } from '../adapters/jira/jira-client';
import { JiraGateway } from '../adapters/jira/jira-gateway';
import { PageReadsTransport } from '../adapters/jira/page-reads-transport';
import { SiteDirectoryGateway } from '../adapters/jira/site-directory-gateway';
import { SiteMetadataGateway } from '../adapters/jira/site-metadata-gateway';
import { InvalidPayloadError, issueLines } from '../app/admin/invalid-payload-error';
import type { Logger } from '../app/ports';
import type { PageReadAnswer, PageReadsNeeded } from '../contract/page-reads';

/** Reads a view may ask the page for; far above a Delivery's included tickets plus the escalation ladder. */
const MAX_ANSWERS = 200;

const payloadSchema = z.strictObject({
  answers: z
    .record(
      z.string().max(4_000),
      z.strictObject({
        status: z.number().int().min(0).max(999),
        body: z.string(),
        headers: z.record(z.string().max(100), z.string().max(200)).optional(),
      }),
    )
    .optional(),
});

/** Jira as the user, answered from the page's reads. */
export interface PageJira {
  user: JiraGateway;
  userMeta: SiteMetadataGateway;
  directory: SiteDirectoryGateway;
}

/**
 * A payload split into the page's Jira answers and the resolver's own arguments (which the use case validates);
 * a payload that is not an object is left to the use case whole.
 */
export function pageAnswers(payload: unknown): { answers: unknown; rest: unknown } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return { answers: {}, rest: payload };
  const { answers, ...rest } = payload as Record<string, unknown>;
  return { answers: answers === undefined ? {} : { answers }, rest };
}

/**
 * Runs a view that reads Jira as the user through the page (decision 0018): the gateways answer from what the
 * page read with `@forge/bridge` `requestJira`; while reads are missing, the resolver answers with them and
 * the page calls again with their answers. The rate-limit headers of the page's answers are logged like the
 * backend's, so a real site shows whether Jira charges the app for them.
 */
export async function panelThroughPage<V>(
  payload: unknown,
  log: Logger,
  view: (page: PageJira) => Promise<V>,
): Promise<V | PageReadsNeeded> {
  const parsed = payloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const answers = new Map<string, PageReadAnswer>(Object.entries(parsed.data.answers ?? {}));
  if (answers.size > MAX_ANSWERS)
    throw new InvalidPayloadError([
      `answers: ${answers.size} reads, more than the ${MAX_ANSWERS} a view makes`,
    ]);
  const transport = new PageReadsTransport(answers);
  const stats = new CallStats();
  // One attempt, no waiting: the page made the request already; a 429 or 5xx it saw is the answer.
  const client = new JiraClient({
    request: transport.request,
    stats,
    maxAttempts: 1,
    maxInlineWaitSeconds: 0,
  });
  const page = {
    user: new JiraGateway(client),
    userMeta: new SiteMetadataGateway(client),
    directory: new SiteDirectoryGateway(client),
  };
  const pendingOr = (): PageReadsNeeded | undefined =>
    transport.pending.length > 0 ? { view: 'reads', reads: transport.pending } : undefined;
  try {
    const result = await view(page);
    return pendingOr() ?? result;
  } catch (error) {
    const pending = pendingOr();
    if (pending) return pending;
    throw error;
  } finally {
    log.info('pageReads', {
      answers: answers.size,
      missing: transport.pending.length,
      ...stats.rateLimitHeaders(),
    });
  }
}
