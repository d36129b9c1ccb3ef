import { viewThroughPageReads } from '../../static/shared/src/page-reads';
import { POINTS_HEADER, type SimJiraSite } from '../jira/site';
import type { ForgeHost, ResolverResult } from './host';

/** How the page makes one read the resolver asked for (the built page's contract, through its loader). */
type ReadJira = Parameters<typeof viewThroughPageReads>[1];

/** One read a page made through `@forge/bridge` `requestJira`, with the points the site charged for it. */
export interface PageReadRecord {
  method: string;
  path: string;
  status: number;
  points: number;
}

/**
 * A Custom UI page without a browser, for tests and benchmarks: loads a view the way the built page does
 * (`static/shared/src/page-reads.ts`), calling the resolver through the Forge host and making the reads it
 * asks for on the site as the page's user, as the local server's `requestJira` relay does. Returns the
 * resolver's last answer (the view or its `{ error }`) and the reads made, apart from the invocations' requests.
 */
export async function loadViewAsPage(
  host: ForgeHost,
  site: SimJiraSite,
  call: {
    moduleKey: string;
    functionKey: string;
    accountId: string;
    extension: Record<string, unknown>;
    locale?: string;
  },
): Promise<{ result: ResolverResult; reads: PageReadRecord[] }> {
  const reads: PageReadRecord[] = [];
  let last: ResolverResult = { ok: true, value: undefined };
  const read = readAsPage(site, call.accountId, reads);
  try {
    await viewThroughPageReads(async (payload) => {
      last = await host.invokeResolver({ ...call, payload });
      if (!last.ok) throw new Error(last.error.message);
      const value = last.value as { data?: unknown; error?: unknown };
      if (value.error !== undefined) throw new Error('resolver error');
      return value.data as { view: string };
    }, read);
  } catch {
    // The resolver's failure is in `last`; a view that never completes is the caller's to judge.
  }
  return { result: last, reads };
}

/**
 * How a page makes one Jira read as `accountId` (`requestJira` through the local server's relay), each read
 * recorded in `reads` with the points the site charged.
 */
export function readAsPage(site: SimJiraSite, accountId: string, reads: PageReadRecord[]): ReadJira {
  return async (request) => {
    const answer = await site.handle({
      method: request.method,
      path: request.path,
      headers: {
        accept: 'application/json',
        ...(request.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body ? { body: request.body } : {}),
      principal: { kind: 'user', accountId },
    });
    const points = Number(answer.headers[POINTS_HEADER] ?? 0) || 0;
    reads.push({ method: request.method, path: request.path, status: answer.status, points });
    return { status: answer.status, body: answer.body, headers: rateLimitHeaders(answer.headers) };
  };
}

function rateLimitHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) =>
      /^(x-ratelimit-|ratelimit|beta-ratelimit|retry-after)/i.test(name),
    ),
  );
}

/** Rounds of reads a page makes at most before it gives up (as `static/shared/src/page-reads.ts`). */
const MAX_ROUNDS = 5;

/**
 * One resolver call as a page makes it, for tests of resolvers called with their own payload: while the resolver
 * answers with reads, makes them on the site as the call's user and calls again with the payload and every
 * answer so far. Returns the resolver's last answer, like `ForgeHost.invokeResolver`.
 */
export async function invokeThroughPage(
  host: ForgeHost,
  site: SimJiraSite,
  call: Parameters<ForgeHost['invokeResolver']>[0],
): Promise<ResolverResult> {
  const read = readAsPage(site, call.accountId, []);
  const answers: Record<string, Awaited<ReturnType<ReadJira>>> = {};
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const base = (call.payload ?? {}) as Record<string, unknown>;
    const payload = Object.keys(answers).length > 0 ? { ...base, answers } : call.payload;
    const result = await host.invokeResolver({ ...call, payload });
    const data = result.ok
      ? (result.value as { data?: { view?: unknown; reads?: Parameters<ReadJira>[0][] } } | null)?.data
      : undefined;
    if (data?.view !== 'reads' || !data.reads) return result;
    for (const request of data.reads)
      if (!Object.hasOwn(answers, request.id)) answers[request.id] = await read(request);
  }
  throw new Error(`${call.functionKey} needed more than ${MAX_ROUNDS} rounds of reads`);
}
