import { createLocalSite, PEOPLE, type LocalSite } from '../../../sandbox/web/local-site';
import { startWebServer, type WebServer } from '../../../sandbox/web/server';
import { guardRun } from '../../support/honest-run';

/**
 * `@forge/bridge` `requestJira` on the local site: Jira answers as the user of the page the server rendered, never
 * as a user the page names, so the frontend reads exactly what that user may see.
 */
describe('the local site relays requestJira as the page user', () => {
  let local: LocalSite;
  let server: WebServer;

  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const app = (await import('../../../src/index')) as Record<string, unknown>;
    local = await createLocalSite({ app });
    guardRun(local.host, local.site);
    server = await startWebServer(local, 0);
  }, 180_000);
  afterAll(async () => {
    await server.close();
    local.close();
    jest.restoreAllMocks();
  });

  /** The context token the server minted for one module page. */
  async function pageToken(query: string): Promise<string> {
    const html = await (await fetch(`${server.url}/app/${query}`)).text();
    const token = /"contextToken":"([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error('the page carries no context token');
    return token;
  }

  async function requestJira(token: string | undefined, restPath: string, pretend?: string) {
    const response = await fetch(`${server.url}/api/request-jira`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...(token ? { contextToken: token } : {}),
        // What a page could claim; the server must not listen.
        ...(pretend ? { accountId: pretend } : {}),
        restPath,
        method: 'GET',
        headers: [['Accept', 'application/json']],
        body: null,
      }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { status?: number; body?: string; headers?: Record<string, string> },
    };
  }

  it("acts as the page's user whatever account the request names", async () => {
    const key = local.demo.clarification;
    const token = await pageToken(`portal?issue=${key}&as=customer`);
    const me = await requestJira(token, '/rest/api/3/myself', PEOPLE.admin.accountId);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body.body ?? '{}')).toMatchObject({ accountId: PEOPLE.customer.accountId });
  });

  it("shows a customer their own request and refuses another organization's", async () => {
    const key = local.demo.clarification;
    const own = await requestJira(
      await pageToken(`portal?issue=${key}&as=customer`),
      `/rest/servicedeskapi/request/${key}`,
    );
    expect(own.body.status).toBe(200);
    const other = await requestJira(
      await pageToken(`portal?issue=${key}&as=customerOther`),
      `/rest/servicedeskapi/request/${key}`,
    );
    expect([403, 404]).toContain(other.body.status);
  });

  it('refuses a request without a context the server minted', async () => {
    const answer = await requestJira(undefined, '/rest/api/3/myself', PEOPLE.admin.accountId);
    expect(answer.status).toBe(401);
    expect((await requestJira('forged', '/rest/api/3/myself')).status).toBe(401);
  });

  it('records the frontend requests with their points apart from the invocations', async () => {
    const before = server.bridgeRequests.length;
    const invocations = local.host.invocations.length;
    const key = local.demo.clarification;
    const answer = await requestJira(
      await pageToken(`panel?issue=${key}&as=agent`),
      `/rest/api/3/issue/${key}?fields=summary`,
    );
    expect(answer.body.status).toBe(200);
    expect(answer.body.headers?.['X-RateLimit-Limit']).toBeDefined();
    expect(server.bridgeRequests.slice(before)).toEqual([
      {
        moduleKey: 'process-panel',
        method: 'GET',
        path: `/rest/api/3/issue/${key}?fields=summary`,
        status: 200,
        points: 2,
      },
    ]);
    expect(local.host.invocations.length).toBe(invocations);
  });
});
