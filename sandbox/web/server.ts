/**
 * The local site's web server (127.0.0.1): the Jira-like pages, the built Custom UI bundles with the
 * `@forge/bridge` shim injected, and the shim's HTTP contract (`POST /api/invoke`, `POST /api/request-jira`,
 * see sandbox/ui-bridge/shim.ts). Resolver calls run through the Forge host's `invokeResolver` as the selected
 * person with the issue's context; `requestJira` reaches the simulator as that person.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildShimScript, injectShim, SHIM_URL, type ShimConfig } from '../ui-bridge/host';
import { randomUUID } from 'node:crypto';
import { isCustomer, PEOPLE, type LocalSite, type Person } from './local-site';
import { FIELD } from '../jira/seed/demo-ids';
import { POINTS_HEADER } from '../jira/site';
import { adminPage, issuePage, type View } from './pages';
import { portalPage } from './portal-page';
import { forgeLocale, PORTAL_MODULES, portalExtension } from './portal-modules';
import { editBody, isEditable } from './edit-fields';
import { nextSaturday, sendEmail } from './demo-controls';
import { contentPolicy } from './content-policy';

const STATIC_ROOT = resolve(__dirname, '..', '..', 'static');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

type App = 'panel' | 'admin' | 'portal';
const APPS: readonly string[] = ['panel', 'admin', 'portal'];

/** What the server itself decided about a rendered module page: the Forge context its resolver calls get. */
interface MintedContext {
  moduleKey: string;
  accountId: string;
  locale: string;
  extension: ShimConfig['extension'];
}

/** Minted contexts kept at most; older pages must be reloaded (a token names one page view). */
const MAX_CONTEXTS = 1_000;

export interface WebServer {
  url: string;
  /** Resolver invocations served, by function key (the browser tests count panel loads with it). */
  invokes: { functionKey: string; moduleKey: string }[];
  /**
   * Jira requests the pages made through `@forge/bridge` `requestJira`, as the page's user, with the points the
   * site charged. Kept apart from the invocations' requests: these are the frontend's, not the backend's.
   */
  bridgeRequests: { moduleKey: string; method: string; path: string; status: number; points: number }[];
  close(): Promise<void>;
}

/**
 * The page settings of a request: who views (`?as=`), the language (`?lang=`; without it a customer's profile
 * locale, as the portal takes it, and English for the other people) and the theme.
 */
function viewOf(local: LocalSite, url: URL): View {
  const param = url.searchParams.get('as');
  const as: Person = param && param in PEOPLE ? (param as Person) : 'agent';
  const lang = url.searchParams.get('lang');
  const profile = isCustomer(as) ? local.site.store.users.get(PEOPLE[as].accountId)?.locale : undefined;
  return {
    as,
    lang: lang === 'de' || lang === 'en' ? lang : profile?.toLowerCase().startsWith('de') ? 'de' : 'en',
    theme: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light',
  };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  text: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** What one running server holds: the current demo site (replaced by "Reset demo") and what it recorded. */
interface ServerState {
  local: LocalSite;
  readonly reset: ((start?: Date) => Promise<LocalSite>) | undefined;
  readonly shim: string;
  readonly contexts: Map<string, MintedContext>;
  readonly invokes: WebServer['invokes'];
  readonly bridgeRequests: WebServer['bridgeRequests'];
}

/** A context token for one rendered page, as Forge mints one: the resolver trusts it, not the page. */
function mint(state: ServerState, context: MintedContext): string {
  const token = randomUUID();
  state.contexts.set(token, context);
  if (state.contexts.size > MAX_CONTEXTS) state.contexts.delete(state.contexts.keys().next().value ?? '');
  return token;
}

/** The Forge extension context of a module page: the issue for the panel, the request for a portal module. */
function extensionOf(local: LocalSite, app: App, moduleKey: string, url: URL): ShimConfig['extension'] {
  const key = url.searchParams.get('issue') ?? '';
  if (app === 'portal') return portalExtension(local, moduleKey, key, url.origin);
  if (app === 'admin') return { type: 'jira:adminPage' };
  const issue = key ? local.site.store.issue(key) : undefined;
  return {
    type: 'jira:issueContext',
    issue: {
      key,
      id: issue?.id ?? '',
      type: local.site.store.issueTypes.get(issue?.issueTypeId ?? '')?.name ?? '',
      typeId: issue?.issueTypeId ?? '',
    },
    project: { key: 'SD', id: issue?.projectId ?? '10000', type: 'service_desk' },
  };
}

async function appPage(state: ServerState, app: App, url: URL, res: ServerResponse): Promise<void> {
  const { local } = state;
  const view = viewOf(local, url);
  const portalModule = url.searchParams.get('module') ?? 'process-portal';
  if (app === 'portal' && !PORTAL_MODULES.has(portalModule))
    return send(res, 404, 'text/plain', 'no such portal module');
  const moduleKey = app === 'panel' ? 'process-panel' : app === 'admin' ? 'process-admin' : portalModule;
  const extension = extensionOf(local, app, moduleKey, url);
  const accountId = PEOPLE[view.as].accountId;
  const locale = forgeLocale(view.lang);
  const config: ShimConfig = {
    moduleKey,
    accountId,
    locale,
    // The viewer's own zone, as Jira uses the zone of the user's profile.
    timezone: 'browser',
    theme: view.theme,
    extension,
    contextToken: mint(state, { moduleKey, accountId, locale, extension }),
    ...(extension.type === 'jiraServiceManagement:portalRequestViewAction' ? { modal: true } : {}),
  };
  const html = await readFile(join(STATIC_ROOT, app, 'build', 'index.html'), 'utf8');
  // Forge computes the policy from the page the app ships; the shim stands in for what Forge adds from its CDN.
  const policy = contentPolicy(html, local.host.manifest.permissions, url.origin);
  // Relative asset URLs resolve against /app/<name>/.
  send(
    res,
    200,
    TYPES['.html'] ?? '',
    injectShim(html.replace('<head>', `<head><base href="/app/${app}/">`), config),
    { 'content-security-policy': policy },
  );
}

async function staticFile(path: string, res: ServerResponse): Promise<void> {
  const [, , app, ...rest] = path.split('/');
  if (!app || !APPS.includes(app)) return send(res, 404, 'text/plain', 'not found');
  const root = join(STATIC_ROOT, app, 'build');
  const file = normalize(join(root, ...rest));
  if (!file.startsWith(root)) return send(res, 403, 'text/plain', 'forbidden');
  try {
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
  } catch {
    send(res, 404, 'text/plain', 'not found');
  }
}

/**
 * A resolver call from a module page. The user, module and extension come from the context the server minted
 * for that page, never from the request body: the page can claim anything, as a browser can.
 */
async function invoke(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const call = JSON.parse(await body(req)) as {
    functionKey: string;
    payload?: unknown;
    contextToken?: string;
    context?: { timezone?: string };
  };
  const trusted = state.contexts.get(call.contextToken ?? '');
  if (!trusted)
    return send(res, 401, 'application/json', JSON.stringify({ message: 'unknown context token' }));
  state.invokes.push({ functionKey: call.functionKey, moduleKey: trusted.moduleKey });
  const timezone = call.context?.timezone;
  const result = await state.local.host.invokeResolver({
    moduleKey: trusted.moduleKey,
    functionKey: call.functionKey,
    payload: call.payload,
    accountId: trusted.accountId,
    extension: trusted.extension,
    locale: trusted.locale,
    // The viewer's browser zone (the local site's stand-in for the profile's zone) is display-only.
    ...(typeof timezone === 'string' ? { timezone } : {}),
  });
  if (result.ok) send(res, 200, 'application/json', JSON.stringify(result.value ?? null));
  else send(res, 500, 'application/json', JSON.stringify({ message: result.error.message }));
}

/**
 * A `requestJira` from a module page: Jira as the page's user, who comes from the context the server minted for
 * the page (as Forge relays the bridge call with the user's session), never from the request body. Jira then
 * shows that user exactly what it would show them anywhere: a customer only their own requests.
 */
async function requestJira(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const call = JSON.parse(await body(req)) as {
    contextToken?: string;
    restPath: string;
    method: string;
    headers: [string, string][];
    body: string | null;
  };
  const trusted = state.contexts.get(call.contextToken ?? '');
  if (!trusted)
    return send(res, 401, 'application/json', JSON.stringify({ message: 'unknown context token' }));
  const method = call.method.toUpperCase() as 'GET';
  const answer = await state.local.site.handle({
    method,
    path: call.restPath,
    headers: Object.fromEntries(call.headers.map(([k, v]) => [k.toLowerCase(), v])),
    ...(call.body ? { body: call.body } : {}),
    principal: { kind: 'user', accountId: trusted.accountId },
  });
  state.bridgeRequests.push({
    moduleKey: trusted.moduleKey,
    method,
    path: call.restPath,
    status: answer.status,
    points: Number(answer.headers[POINTS_HEADER] ?? 0) || 0,
  });
  send(
    res,
    200,
    'application/json',
    JSON.stringify({
      status: answer.status,
      statusText: String(answer.status),
      headers: answer.headers,
      body: answer.body,
    }),
  );
}

/** One demo control's form post: who acts (`as`), on which ticket (`key`), and the form itself. */
interface ActionInput {
  state: ServerState;
  form: URLSearchParams;
  who: string | null;
  person: (typeof PEOPLE)[Person];
  key: string;
}

async function transitionAction({ state, form, person, key }: ActionInput): Promise<void> {
  const transitionId = form.get('transition') ?? '';
  const actor = state.local.site.actAs(person.accountId);
  // Transitions into Resolved/Closed show a resolution screen in Jira; the page answers it with "Done".
  await actor
    .transition(key, { transitionId })
    .catch(() => actor.transition(key, { transitionId, resolution: 'Done' }));
}

async function resetAction(
  { state, form }: ActionInput,
  reset: (start?: Date) => Promise<LocalSite>,
): Promise<void> {
  const start = form.get('start') === 'saturday' ? nextSaturday(state.local.clock.now()) : undefined;
  state.local.close();
  state.local = await reset(start);
  // A weekend start is for the outage walkthrough: its ticket follows.
  if (start)
    form.set(
      'back',
      `/issue/${state.local.demo.outage}?${new URL(form.get('back') ?? '/', 'http://x').search.slice(1)}`,
    );
}

async function emailAction({ state, form, who }: ActionInput): Promise<void> {
  const created = await sendEmail(state.local, form);
  const view = {
    as: who ?? 'agent',
    lang: form.get('lang') ?? 'en',
    theme: form.get('theme') ?? 'light',
  };
  // The page of the new request follows, as JSM shows an agent the request the e-mail raised.
  form.set('back', `/issue/${created}?${new URLSearchParams(view)}`);
}

async function commentAction({ state, form, who, person, key }: ActionInput): Promise<void> {
  const mode = form.get('mode');
  const text = form.get('text') ?? '';
  // "Reply as the customer" from the agent view speaks as the demo's reporter; a customer as themself.
  const customer = who && who in PEOPLE && isCustomer(who as Person) ? person : PEOPLE.customer;
  const actor = state.local.site.actAs(mode === 'customer' ? customer.accountId : person.accountId);
  await actor.comment(key, text, { internal: mode === 'internal' });
}

/** The demo controls (`POST /do/<name>`) other than "Reset demo", which needs the server's `reset`. */
const ACTIONS: ReadonlyMap<string, (input: ActionInput) => Promise<void>> = new Map([
  ['/do/advance', ({ state, form }) => state.local.advance(Number(form.get('ms') ?? 0))],
  ['/do/transition', transitionAction],
  [
    '/do/confidential',
    async ({ state, form, person, key }) => {
      const value = form.get('value') === 'Yes' ? 'Yes' : 'No';
      await state.local.site.actAs(person.accountId).edit(key, { [FIELD.confidential]: { value } });
    },
  ],
  [
    '/do/edit',
    async ({ state, form, person, key }) => {
      const field = form.get('field');
      if (!isEditable(field)) throw new Error(`unknown field ${String(field)}`);
      await state.local.site
        .actAs(person.accountId)
        .edit(key, editBody(state.local, field, form.get('value') ?? ''));
    },
  ],
  ['/do/email', emailAction],
  ['/do/comment', commentAction],
]);

async function action(
  state: ServerState,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = new URLSearchParams(await body(req));
  const who = form.get('as');
  const person = who && who in PEOPLE ? PEOPLE[who as Person] : PEOPLE.agent;
  const input: ActionInput = { state, form, who, person, key: form.get('key') ?? '' };
  try {
    if (path === '/do/reset') {
      if (!state.reset) return send(res, 501, 'text/plain; charset=utf-8', 'Reset is not available here.');
      await resetAction(input, state.reset);
    } else {
      await ACTIONS.get(path)?.(input);
    }
    await state.local.host.drain();
  } catch (error) {
    return send(res, 400, 'text/plain; charset=utf-8', `The site refused: ${String(error)}`);
  }
  res.writeHead(303, { location: form.get('back') ?? '/' });
  res.end();
}

/** Where Jira's and JSM's own addresses of an issue lead on the local site, or undefined for other paths. */
function redirectOf(state: ServerState, url: URL): string | undefined {
  const path = url.pathname;
  // Jira's issue links (`/browse/KEY`), as the app's comments and the bridge router use them.
  const browse = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(path);
  if (browse?.[1]) return `/issue/${browse[1]}${url.search}`;
  // The customer portal's address of a request, as JSM's request links (`_links.web`) name it.
  const portalLink = /^\/servicedesk\/customer\/portal\/\d+\/([A-Z][A-Z0-9_]*-\d+)$/.exec(path);
  if (portalLink?.[1]) return `/portal/${portalLink[1]}${url.search}`;
  if (path === '/') return `/issue/${state.local.demo.clarification}?${url.searchParams.toString()}`;
  return undefined;
}

/** The Jira-like pages: admin, portal and issue view; undefined for other paths. */
async function sitePage(state: ServerState, url: URL): Promise<string | undefined> {
  const { local } = state;
  const path = url.pathname;
  if (path === '/admin') return adminPage(local, viewOf(local, url));
  const portal = /^\/portal\/([A-Z]+-\d+)$/.exec(path);
  if (portal?.[1]) return portalPage(local, viewOf(local, url), portal[1], url.origin);
  const issue = /^\/issue\/([A-Z]+-\d+)$/.exec(path);
  if (!issue?.[1]) return undefined;
  // Customers see a request in the customer portal, never in Jira's issue view.
  if (isCustomer(viewOf(local, url).as)) return portalPage(local, viewOf(local, url), issue[1], url.origin);
  const filter = {
    status: url.searchParams.get('status') ?? '',
    type: url.searchParams.get('type') ?? '',
  };
  return issuePage(local, viewOf(local, url), issue[1], filter);
}

async function route(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The origin the browser used (the server listens on 127.0.0.1 only): pages and policies name the site by it.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const path = url.pathname;
  if (req.method === 'POST' && path === '/api/invoke') return invoke(state, req, res);
  if (req.method === 'POST' && path === '/api/request-jira') return requestJira(state, req, res);
  if (req.method === 'POST' && path.startsWith('/do/')) return action(state, path, req, res);
  if (path === SHIM_URL) return send(res, 200, TYPES['.js'] ?? '', state.shim);
  if (path === '/favicon.ico')
    return send(res, 200, TYPES['.svg'] ?? '', await readFile(join(STATIC_ROOT, 'panel', 'icon.svg')));
  const app = /^\/app\/(panel|admin|portal)$/.exec(path)?.[1] as App | undefined;
  if (app) return appPage(state, app, url, res);
  if (path.startsWith('/app/')) return staticFile(path, res);
  const location = redirectOf(state, url);
  if (location !== undefined) {
    res.writeHead(302, { location }).end();
    return;
  }
  const page = await sitePage(state, url);
  if (page !== undefined) return send(res, 200, TYPES['.html'] ?? '', page);
  send(res, 404, 'text/plain', 'not found');
}

/**
 * Starts the server on `port` (0 = any free port). `reset` builds a fresh demo site for the "Reset demo"
 * button; without it the button answers 501.
 */
export async function startWebServer(
  initial: LocalSite,
  port = 8080,
  reset?: (start?: Date) => Promise<LocalSite>,
): Promise<WebServer> {
  const state: ServerState = {
    local: initial,
    reset,
    shim: await buildShimScript(),
    contexts: new Map(),
    invokes: [],
    bridgeRequests: [],
  };
  const server = createServer((req, res) => {
    route(state, req, res).catch((error: unknown) =>
      send(res, 500, 'text/plain; charset=utf-8', String(error)),
    );
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    invokes: state.invokes,
    bridgeRequests: state.bridgeRequests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
