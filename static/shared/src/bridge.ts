/**
 * The one place the static apps talk to the host through `@forge/bridge` (STYLE.md §8). Each app's `api.ts`
 * re-exports what it uses and adds its own calls, so views never import the bridge.
 */
import { invoke as bridgeInvoke, requestJira, view } from '@forge/bridge';
import type {
  PageRead,
  PageReadAnswer,
  PayloadOf,
  ResolverKey,
  ResolverResponse,
  ResultOf,
} from '../../../src/contract/resolvers';
import { ResolverFailure, unwrapResponse } from './resolver-failure';

/** Call a resolver of the contract; expected failures reject with a {@link ResolverFailure}. */
export async function invoke<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  let response: ResolverResponse<K>;
  try {
    response = (await bridgeInvoke(key, payload)) as ResolverResponse<K>;
  } catch (thrown) {
    throw ResolverFailure.from(thrown);
  }
  return unwrapResponse(response);
}

/** The signature of {@link invoke}, so views can be rendered against another implementation. */
export type Invoke = typeof invoke;

/** What the UI needs from the host context; not for authorisation (Forge docs: app-context-security). */
export interface HostContext {
  locale: string;
  timeZone: string | undefined;
  siteUrl: string;
}

/** Locale, time zone and site address of the user's view. */
export async function loadHostContext(): Promise<HostContext> {
  const context = await view.getContext();
  return { locale: context.locale, timeZone: context.timezone, siteUrl: context.siteUrl };
}

/** Follow Jira's light/dark theme: the host sets `data-color-mode` and loads the token CSS. */
export function enableTheme(): Promise<void> {
  return view.theme.enable();
}

/** Jira's rate-limit headers (`X-RateLimit-*`, `RateLimit*`, `Beta-RateLimit*`, `Retry-After`). */
const RATE_LIMIT_HEADER = /^(x-ratelimit-|ratelimit|beta-ratelimit|retry-after$)/i;

/** One read the resolver asked for, made as the user with `requestJira`. */
export async function readJiraAsUser(read: PageRead): Promise<PageReadAnswer> {
  const response = await requestJira(read.path, {
    method: read.method,
    headers: {
      Accept: 'application/json',
      ...(read.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(read.body === undefined ? {} : { body: read.body }),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (RATE_LIMIT_HEADER.test(name)) headers[name] = value;
  });
  return { status: response.status, body: await response.text(), headers };
}
