/**
 * The manifest's customer portal modules on the local site: their extension context (what JSM gives a portal
 * module: the portal, the request key and type, the host page's address) and the language the app answers a
 * viewer in on one request, asked of the app itself through its `getPortal` resolver, loaded as the panel's page
 * loads it (the page's reads as the viewer).
 */
import { loadViewAsPage } from '../forge/page-view';
import type { ShimConfig } from '../ui-bridge/host';
import type { LocalSite } from './local-site';
import { PEOPLE } from './local-site';
import type { View } from './pages';

/** The portal modules of the manifest, all rendered by the `portal` resource. */
export const PORTAL_MODULES = new Map<
  string,
  'jiraServiceManagement:portalRequestDetailPanel' | 'jiraServiceManagement:portalRequestViewAction'
>([
  ['process-portal', 'jiraServiceManagement:portalRequestDetailPanel'],
  ['process-escalate', 'jiraServiceManagement:portalRequestViewAction'],
  ['process-new-estimate', 'jiraServiceManagement:portalRequestViewAction'],
]);

/** The Forge locale of a page language, as the module's context carries it. */
export function forgeLocale(lang: View['lang']): string {
  return lang === 'de' ? 'de-DE' : 'en-US';
}

/** The extension context of portal module `moduleKey` on request `key`, shown on a page at `origin`. */
export function portalExtension(
  local: LocalSite,
  moduleKey: string,
  key: string,
  origin: string,
): ShimConfig['extension'] {
  const issue = local.site.store.issue(key);
  const project = issue ? local.site.store.projects.get(issue.projectId) : undefined;
  return {
    type: PORTAL_MODULES.get(moduleKey) ?? 'jiraServiceManagement:portalRequestDetailPanel',
    portal: { id: Number(project?.serviceDeskId ?? 1) },
    request: { key, typeId: Number(issue?.requestTypeId ?? 0) },
    location: `${origin}/portal/${key}`,
  };
}

/**
 * The language the app speaks to `view.as` on request `key`: the one configured for the request's organization,
 * else the portal's locale (the view's language). The app decides, through the same resolver call its portal
 * panel makes; when it answers nothing usable (a refusal, an error) the portal's locale stands.
 */
export async function appPortalLanguage(
  local: LocalSite,
  view: View,
  key: string,
  origin: string,
): Promise<View['lang']> {
  const { result } = await loadViewAsPage(local.host, local.site, {
    moduleKey: 'process-portal',
    functionKey: 'getPortal',
    accountId: PEOPLE[view.as].accountId,
    extension: portalExtension(local, 'process-portal', key, origin),
    locale: forgeLocale(view.lang),
  });
  const language = result.ok
    ? (result.value as { data?: { language?: unknown } } | null)?.data?.language
    : null;
  return language === 'de' || language === 'en' ? language : view.lang;
}
