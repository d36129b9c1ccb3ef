import type { Principal, ProductEvent } from '../../../sandbox/contract';
import { createJiraSite, type JiraSiteOptions, type SimJiraSite } from '../../../sandbox/jira/site';

export const APP: Principal = { kind: 'app' };
export const asUser = (accountId: string): Principal => ({ kind: 'user', accountId });

/** A seeded site plus a tiny JSON client and an event recorder. */
export function harness(options: JiraSiteOptions = { seed: { seed: 7 } }) {
  const site: SimJiraSite = createJiraSite(options);
  const events: ProductEvent[] = [];
  site.subscribe((e) => events.push(e));
  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    principal: Principal = APP,
  ) {
    const res = await site.handle({
      method,
      path,
      headers: {},
      principal,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return {
      status: res.status,
      headers: res.headers,
      // Responses are inspected structurally in the tests; the site already validated them against the spec.

      json: res.body === '' ? undefined : JSON.parse(res.body),
    };
  }
  return { site, events, call };
}

export const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
