import { JiraClient } from '../../src/adapters/jira/jira-client';
import { JiraGateway } from '../../src/adapters/jira/jira-gateway';
import { createJiraSite, type JiraSiteOptions } from '../../sandbox/jira/site';

/** The real gateway over the local site, acting as the app. */
export function gatewayOn(options: JiraSiteOptions) {
  const site = createJiraSite({ seed: { seed: 7, tickets: 1 }, ...options });
  const paths: string[] = [];
  const client = new JiraClient({
    request: async (r, init) => {
      paths.push(r.value);
      const res = await site.handle({
        method: (init?.method ?? 'GET') as 'GET',
        path: r.value,
        headers: {},
        principal: { kind: 'app' },
        ...(init?.body ? { body: init.body } : {}),
      });
      return {
        ok: res.status < 300,
        status: res.status,
        headers: { get: (name: string) => res.headers[name] ?? null },
        text: async () => res.body,
      };
    },
    sleep: async () => undefined,
  });
  return { site, paths, jira: new JiraGateway(client) };
}
