import type { Route } from '@forge/api';
import type { PageRead, PageReadAnswer } from '../../contract/page-reads';
import type { JiraResponse } from './jira-client';

/** Searches are the only reads Jira takes as POST. */
const POST_READS = /^\/rest\/api\/3\/search\/jql(\?|$)/;

/** The id of a read: its path for a GET; method, path and body for a search sent as POST. */
function readId(method: 'GET' | 'POST', path: string, body: string | undefined): string {
  return method === 'GET' ? path : `${method} ${path}\n${body ?? ''}`;
}

/** Raised for a read the page has not made yet; the resolver then answers with the reads it needs. */
class PageReadMissing extends Error {
  constructor(readonly read: PageRead) {
    super(`the page has not read ${read.method} ${read.path.split('?')[0] ?? ''} yet`);
    this.name = 'PageReadMissing';
  }
}

/**
 * A `requestJira` for the `JiraClient` that answers from what the page read as the user with `@forge/bridge`
 * (decision 0018): the gateways run unchanged on it, and every read the page has not made yet is noted in
 * {@link pending}. It refuses writes: the page only reads.
 */
export class PageReadsTransport {
  private readonly missing = new Map<string, PageRead>();

  constructor(private readonly answers: ReadonlyMap<string, PageReadAnswer>) {}

  /** The reads asked for that the page has not answered, each once. */
  get pending(): PageRead[] {
    return [...this.missing.values()];
  }

  readonly request = (route: Route, init?: { method?: string; body?: string }): Promise<JiraResponse> => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = route.value;
    if (method !== 'GET' && !(method === 'POST' && POST_READS.test(path)))
      return Promise.reject(
        new Error(`the page makes reads only, not ${method} ${path.split('?')[0] ?? ''}`),
      );
    const verb = method === 'GET' ? 'GET' : 'POST';
    const id = readId(verb, path, init?.body);
    const answer = this.answers.get(id);
    if (!answer) {
      const read: PageRead = {
        id,
        method: verb,
        path,
        ...(verb === 'POST' ? { body: init?.body ?? '' } : {}),
      };
      this.missing.set(id, read);
      return Promise.reject(new PageReadMissing(read));
    }
    return Promise.resolve(responseOf(answer));
  };
}

function responseOf(answer: PageReadAnswer): JiraResponse {
  const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    text: () => Promise.resolve(answer.body),
  };
}
