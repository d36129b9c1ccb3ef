import { JiraClient, type JiraResponse } from '../../../src/adapters/jira/jira-client';
import { JiraGateway } from '../../../src/adapters/jira/jira-gateway';
import { SiteMetadataGateway } from '../../../src/adapters/jira/site-metadata-gateway';

/** One canned answer: status and JSON body. */
export interface Canned {
  status: number;
  body?: unknown;
}

type Answer = Canned | ((match: RegExpExecArray, body: unknown) => Canned);

/**
 * A request function answering from a table of `METHOD path-regex → answer`, behind the REAL JiraClient and
 * gateways, for unit tests of the resolver use cases. Unmatched requests answer 404 like an unknown endpoint.
 */
export function fakeJira(table: [string, RegExp, Answer][]) {
  const requests: { method: string; path: string }[] = [];
  const client = new JiraClient({
    request: async (r, init) => {
      const method = init?.method ?? 'GET';
      requests.push({ method, path: r.value });
      for (const [m, pattern, answer] of table) {
        const match = m === method ? pattern.exec(r.value) : null;
        if (!match) continue;
        const body: unknown = init?.body ? JSON.parse(init.body) : undefined;
        return toResponse(typeof answer === 'function' ? answer(match, body) : answer);
      }
      return toResponse({ status: 404, body: { errorMessages: ['not found'] } });
    },
    sleep: async () => undefined,
  });
  return { gateway: new JiraGateway(client), meta: new SiteMetadataGateway(client), requests, client };
}

function toResponse(canned: Canned): JiraResponse {
  const text = canned.body === undefined ? '' : JSON.stringify(canned.body);
  return {
    ok: canned.status < 300,
    status: canned.status,
    headers: { get: () => null },
    text: async () => text,
  };
}
