/**
 * The panel's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8).
 */
import { invoke as bridgeInvoke, router, view } from '@forge/bridge';
import type {
  PanelView,
  PayloadOf,
  ResolverKey,
  ResolverResponse,
  ResultOf,
} from '../../../src/contract/resolvers';
import { ResolverFailure, unwrapResponse } from '../../shared/src/resolver-failure';

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

/** Everything the panel shows for the ticket it is open on (the ticket comes from the trusted context). */
export function loadPanel(): Promise<PanelView> {
  return invoke('getPanel', {});
}

/** What the UI needs from the host context; not for authorisation (Forge docs: app-context-security). */
export interface HostContext {
  locale: string;
  timeZone: string | undefined;
  siteUrl: string;
}

export async function loadHostContext(): Promise<HostContext> {
  const context = await view.getContext();
  return { locale: context.locale, timeZone: context.timezone, siteUrl: context.siteUrl };
}

/** Follow Jira's light/dark theme: the host sets `data-color-mode` and loads the token CSS. */
export function enableTheme(): Promise<void> {
  return view.theme.enable();
}

/** Open a ticket in a new tab; the iframe cannot navigate the top window itself. */
export function openIssue(issueKey: string): Promise<void> {
  return router.open({ target: 'issue', issueKey });
}
