/**
 * The admin page's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8).
 */
import { invoke as bridgeInvoke, view } from '@forge/bridge';
import type { PayloadOf, ResolverKey, ResolverResponse, ResultOf } from '../../../src/contract/resolvers';
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

/** The signature of {@link invoke}, so views can be rendered against another implementation. */
export type Invoke = typeof invoke;

/** Locale and time zone of the user; not for authorisation (Forge docs: app-context-security). */
export async function loadHostContext(): Promise<{ locale: string; timeZone: string | undefined }> {
  const context = await view.getContext();
  return { locale: context.locale, timeZone: context.timezone };
}

/** Follow Jira's light/dark theme. */
export function enableTheme(): Promise<void> {
  return view.theme.enable();
}
