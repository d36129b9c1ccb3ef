/**
 * The portal app's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8).
 */
import { events, router, view } from '@forge/bridge';
import type {
  EscalatePayload,
  EscalateResult,
  PortalView,
  RenewEstimateResult,
} from '../../../src/contract/resolvers';
import { invoke, readJiraAsUser } from '../../shared/src/bridge';
import { viewThroughPageReads } from '../../shared/src/page-reads';

export { enableTheme, loadHostContext } from '../../shared/src/bridge';

/**
 * What the panel shows for the request it is open on (the request comes from the trusted context). The page
 * reads the customer request as the user and hands the answers to the resolver, which computes the view.
 */
export function loadPortal(): Promise<PortalView> {
  return viewThroughPageReads((payload) => invoke('getPortal', payload), readJiraAsUser);
}

/** Raise the request one level; `targetLevel` is the level the customer saw as next. */
export function escalateRequest(payload: EscalatePayload): Promise<EscalateResult> {
  return invoke('escalate', payload);
}

/** Ask for a new estimate after the Customisation estimate expired. */
export function requestNewEstimate(): Promise<RenewEstimateResult> {
  return invoke('renewEstimate', {});
}

/** The manifest module this page renders: the panel or one of the two request actions. */
export async function loadModuleKey(): Promise<string> {
  const context = await view.getContext();
  return context.moduleKey;
}

/** Close the action's modal dialog (the portal reloads the request). */
export function closeDialog(): Promise<void> {
  return view.close();
}

/** The event the action dialogs emit after they changed the request; the panel reloads on it. */
const REQUEST_CHANGED = 'jsm-process:portal-request-changed';

/** Tell the app's other modules on the page (the detail panel) that the request changed. */
export function announceRequestChanged(): Promise<void> {
  return events.emit(REQUEST_CHANGED, {}).then(() => undefined);
}

/** Run `callback` whenever an action dialog changed the request; returns the unsubscribe function. */
export function onRequestChanged(callback: () => void): () => void {
  const subscription = events.on(REQUEST_CHANGED, () => Promise.resolve(callback()));
  return () => void subscription.then((s) => s.unsubscribe()).catch(() => undefined);
}

/** Open another request of the portal; the host navigates, as a Custom UI frame may not navigate the top window. */
export function openRequest(url: string): Promise<void> {
  return router.navigate(url);
}
