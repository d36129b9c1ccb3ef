/**
 * Host side of `@forge/bridge` for the local site: a script injected into a Custom UI page (iframe or inline)
 * BEFORE the app bundle. `@forge/bridge` 7 captures `globalThis.__bridge.callBridge` when its modules load and
 * sends every API through it as `callBridge(method, payload)`; in Jira the Forge runtime provides it and relays
 * to the product over postMessage. This shim answers the same methods locally:
 *
 * | bridge API                          | method            | what the shim does                                  |
 * |-------------------------------------|-------------------|-----------------------------------------------------|
 * | `invoke(key, payload)`              | `invoke`          | POST `/api/invoke` (below)                          |
 * | `view.getContext()`                 | `getContext`      | `FullContext` built from the {@link ShimConfig}     |
 * | `view.theme.enable()`               | `enableTheming`   | token CSS + `data-color-mode`/`data-theme` on html  |
 * | `requestJira(path, init)`           | `fetchProduct`    | POST `/api/request-jira` (below), as the user       |
 * | `router.open/navigate/getUrl/reload`| `navigate` …      | resolves targets to URLs, opens or navigates        |
 * | `view.changeWindowTitle`            | `changeWindowTitle` | sets `document.title`                            |
 * | `view.close()`                      | `close`           | in a modal: asks the host to close it; else `false` |
 * | `view.open/refresh/submit/onClose`  | …                 | `false`: not supported by these modules             |
 * | `events.emit/on`                    | `emit`, `on`      | relayed by the host to the app's other frames       |
 *
 * HTTP contract with the local server (JSON bodies, `content-type: application/json`):
 *
 * `POST /api/invoke`
 *   request:  `{ moduleKey, functionKey, payload, contextToken?, context: { accountId, cloudId, localId,
 *              moduleKey, locale, timezone, extension } }`. A server that minted `contextToken` for the page
 *              takes the trusted Forge context from it and ignores `context` (the page's word); a server
 *              without tokens (the unit UI server) uses `context`.
 *   response: 200 with the resolver's return value as the body (`null` for undefined);
 *             any other status rejects `invoke()` with `Error(body.message ?? statusText)`, like Forge's
 *             opaque rejection when a resolver throws.
 *
 * `POST /api/request-jira`
 *   request:  `{ contextToken, restPath, method, headers: [name, value][], body: string | null }`; the server
 *             acts as the user of the context it minted for the page, never as a user the page names.
 *   response: 200 `{ status, statusText, headers: Record<string, string>, body: string }` — the Jira answer
 *             to relay (a Jira 404 is a 200 envelope with `status: 404`); a non-200 means the server failed.
 *
 * Inside an iframe the shim also posts `forge-shim:resize` (content height), `forge-shim:navigate` (the host
 * navigates: a Forge iframe may not navigate the top window), `forge-shim:close` and `forge-shim:emit` to the
 * parent and listens for `forge-shim:set-theme` and `forge-shim:event` (see `shim-config.ts`).
 */
import getThemeHtmlAttrs from '@atlaskit/tokens/get-theme-html-attrs';
import getThemeStyles from '@atlaskit/tokens/get-theme-styles';
import {
  SHIM_CONFIG_ID,
  type ParentToShimMessage,
  type ShimConfig,
  type ShimExtension,
  type ShimToParentMessage,
} from './shim-config';

type CallBridge = (method: string, payload?: unknown) => Promise<unknown>;

declare global {
  var __FORGE_SHIM_CONFIG__: ShimConfig | undefined;
  var __bridge: { callBridge: CallBridge } | undefined;
}

interface NavigationPayload {
  type?: 'same-tab' | 'new-tab';
  url?: string;
  target?: string;
  issueKey?: string;
  projectKey?: string;
  dashboardId?: string;
  accountId?: string;
  moduleKey?: string;
}

interface FetchProductPayload {
  product: string;
  restPath: string;
  fetchRequestInit?: { method?: string; headers?: [string, string][]; body?: string | null };
}

/** The configuration from the page's data block (see `injectShim`), kept as `window.__FORGE_SHIM_CONFIG__`. */
function readConfig(): ShimConfig {
  const block = document.getElementById(SHIM_CONFIG_ID)?.textContent;
  if (!block) throw new Error(`forge-bridge-shim: the page has no #${SHIM_CONFIG_ID} block before the shim`);
  const config = JSON.parse(block) as ShimConfig;
  globalThis.__FORGE_SHIM_CONFIG__ = config;
  return config;
}

const config = readConfig();
const siteUrl = (config.siteUrl ?? safeTopOrigin()).replace(/\/$/, '');
const localId = `${config.moduleKey}-${Math.random().toString(36).slice(2, 10)}`;
let colorMode: 'light' | 'dark' = config.theme;
let themingEnabled = false;

function safeTopOrigin(): string {
  try {
    return window.top?.location.origin ?? window.location.origin;
  } catch {
    return window.location.origin;
  }
}

function postToParent(message: ShimToParentMessage): void {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

/**
 * The user's time zone. Jira gives the zone of the user's profile; the local site's viewer is the browser, so
 * `browser` stands for the zone the browser runs in.
 */
function timeZone(): string {
  return config.timezone === 'browser' ? Intl.DateTimeFormat().resolvedOptions().timeZone : config.timezone;
}

/** The parts of Forge's `FullContext` an app can rely on. */
function fullContext(): Record<string, unknown> {
  return {
    accountId: config.accountId,
    cloudId: config.cloudId ?? 'local-cloud',
    localId,
    locale: config.locale,
    moduleKey: config.moduleKey,
    siteUrl,
    timezone: timeZone(),
    environmentId: 'local',
    environmentType: 'DEVELOPMENT',
    extension: config.extension satisfies ShimExtension,
    theme: themingEnabled
      ? { colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' }
      : null,
  };
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function invoke(payload: {
  functionKey: string;
  payload?: unknown;
  metadata?: unknown;
}): Promise<unknown> {
  const { accountId, cloudId, moduleKey, locale, timezone, extension } = fullContext();
  const response = await postJson(config.endpoints?.invoke ?? '/api/invoke', {
    moduleKey: config.moduleKey,
    functionKey: payload.functionKey,
    payload: payload.payload ?? {},
    ...(config.contextToken ? { contextToken: config.contextToken } : {}),
    context: { accountId, cloudId, localId, moduleKey, locale, timezone, extension },
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(
      typeof message === 'string' ? message : `invoke failed: ${response.status} ${response.statusText}`,
    );
  }
  // With metadata the real bridge wraps the answer as { body, metadata }.
  return payload.metadata ? { body, metadata: {} } : body;
}

async function fetchProduct(payload: FetchProductPayload): Promise<unknown> {
  if (payload.product !== 'jira')
    throw new Error(`forge-bridge-shim: only Jira is simulated, not ${payload.product}`);
  const init = payload.fetchRequestInit ?? {};
  const response = await postJson(config.endpoints?.requestJira ?? '/api/request-jira', {
    ...(config.contextToken ? { contextToken: config.contextToken } : {}),
    restPath: payload.restPath,
    method: (init.method ?? 'GET').toUpperCase(),
    headers: init.headers ?? [],
    body: init.body ?? null,
  });
  if (!response.ok) throw new Error(`requestJira failed in the local host: ${response.status}`);
  const relayed = (await response.json()) as {
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: string;
  };
  return { ...relayed, isAttachment: false };
}

/** Where a `NavigationLocation` points on a Jira site (the subset of targets a Jira app uses). */
function urlFor(location: NavigationPayload): string {
  if (location.url) return new URL(location.url, siteUrl + '/').toString();
  switch (location.target) {
    case 'issue':
      return `${siteUrl}/browse/${encodeURIComponent(location.issueKey ?? '')}`;
    case 'dashboard':
      return `${siteUrl}/jira/dashboards/${encodeURIComponent(location.dashboardId ?? '')}`;
    case 'userProfile':
      return `${siteUrl}/jira/people/${encodeURIComponent(location.accountId ?? '')}`;
    case 'projectSettingsDetails':
      return `${siteUrl}/jira/servicedesk/projects/${encodeURIComponent(location.projectKey ?? '')}/settings/details`;
    case 'module':
      return `${siteUrl}/jira/settings/apps/${encodeURIComponent(location.moduleKey ?? config.moduleKey)}`;
    default:
      throw new Error(`forge-bridge-shim: navigation target ${String(location.target)} is not supported`);
  }
}

function navigate(location: NavigationPayload): void {
  const url = urlFor(location);
  const newTab = location.type === 'new-tab';
  // In a frame the host navigates, as Forge's does: the frame may not navigate the top window itself.
  if (window.parent !== window) return postToParent({ type: 'forge-shim:navigate', url, newTab });
  if (newTab) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  window.location.assign(url);
}

type EventCallback = (payload?: unknown) => unknown;
const subscriptions = new Map<string, Set<EventCallback>>();

/** `events.on`: the callback runs for every event of that name another frame of the app emits. */
function subscribe(event: string, callback: EventCallback): { unsubscribe: () => void } {
  const callbacks = subscriptions.get(event) ?? new Set<EventCallback>();
  subscriptions.set(event, callbacks);
  callbacks.add(callback);
  return { unsubscribe: () => void callbacks.delete(callback) };
}

function deliver(event: string, payload: unknown): void {
  for (const callback of subscriptions.get(event) ?? []) void Promise.resolve(callback(payload));
}

/** Apply the colour mode the way the Forge runtime does: token CSS in `<head>`, theme attributes on `<html>`. */
async function applyTheme(): Promise<void> {
  const state = {
    colorMode,
    light: 'light',
    dark: 'dark',
    spacing: 'spacing',
    typography: 'typography',
  } as const;
  const styles = await getThemeStyles(state);
  for (const style of styles) {
    const id = `forge-shim-theme-${style.id}`;
    if (document.getElementById(id)) continue;
    const element = document.createElement('style');
    element.id = id;
    element.textContent = style.css;
    document.head.prepend(element);
  }
  for (const [name, value] of Object.entries(getThemeHtmlAttrs(state))) {
    document.documentElement.setAttribute(name, value);
  }
  document.documentElement.style.colorScheme = colorMode;
}

function observeHeight(): void {
  if (window.parent === window || typeof ResizeObserver === 'undefined') return;
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) postToParent({ type: 'forge-shim:resize', height: (last = height) });
  };
  new ResizeObserver(report).observe(document.documentElement);
}

const callBridge: CallBridge = async (method, payload) => {
  switch (method) {
    case 'invoke':
      return invoke(payload as { functionKey: string; payload?: unknown; metadata?: unknown });
    case 'getContext':
      return fullContext();
    case 'enableTheming':
      themingEnabled = true;
      await applyTheme();
      return undefined;
    case 'fetchProduct':
      return fetchProduct(payload as FetchProductPayload);
    case 'navigate':
      navigate(payload as NavigationPayload);
      return undefined;
    case 'getUrl':
      return urlFor(payload as NavigationPayload);
    case 'reload':
      window.location.reload();
      return undefined;
    case 'changeWindowTitle':
      document.title = typeof payload === 'string' ? payload : '';
      return undefined;
    case 'emitReadyEvent':
      return undefined;
    case 'emit': {
      const { event, payload: data } = payload as { event: string; payload?: unknown };
      if (window.parent !== window) postToParent({ type: 'forge-shim:emit', event, payload: data });
      return undefined;
    }
    case 'on': {
      const { event, callback } = payload as { event: string; callback: EventCallback };
      return subscribe(event, callback);
    }
    // The modal a portal request view action renders in is the host's: the host closes it.
    case 'close':
      if (!config.modal) return false;
      postToParent({ type: 'forge-shim:close' });
      return true;
    // A panel or admin page is not a modal: Forge answers false and the bridge raises its own error.
    case 'open':
    case 'onClose':
    case 'refresh':
    case 'submit':
      return false;
    default:
      throw new Error(`forge-bridge-shim: bridge method "${method}" is not supported by the local host`);
  }
};

globalThis.__bridge = { callBridge };

window.addEventListener('message', (event: MessageEvent<ParentToShimMessage>) => {
  if (event.source !== window.parent) return;
  const message = event.data;
  if (message?.type === 'forge-shim:event') return deliver(message.event, message.payload);
  if (message?.type !== 'forge-shim:set-theme') return;
  colorMode = message.colorMode;
  if (themingEnabled) void applyTheme();
});

// The host's modal closes on Escape (Forge's modals do by default); inside the frame the key never reaches it.
if (config.modal)
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) postToParent({ type: 'forge-shim:close' });
  });

observeHeight();
