/**
 * The content security policy of a Custom UI page, computed as Forge computes it: `@forge/csp` (the code the
 * Forge CLI and platform use) reads the app's own `index.html` (hashes of its inline scripts) and the manifest's
 * `permissions.content` and `permissions.external`, and returns the directives Forge serves with the page. The
 * local site serves its pages with that policy, so a page that runs an undeclared script, inline style or host
 * fails here as it fails in Jira.
 */
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import type { Permissions } from '@forge/manifest';
import { load } from 'cheerio/slim';

const processing = new CSPProcessingService({ info: () => undefined }, load);
const injection = new CSPInjectionService();

/**
 * The `Content-Security-Policy` header value for a page whose shipped HTML is `indexHtml`, served to a site at
 * `siteOrigin`. Forge's `report-uri` (Atlassian's collector) is left out: the local site reports nothing away.
 *
 * @example
 * contentPolicy(await readFile('static/panel/build/index.html', 'utf8'), manifest.permissions, 'http://127.0.0.1:8080')
 * // "default-src 'self' …; style-src 'self' … 'unsafe-inline'; … sandbox allow-… allow-scripts"
 */
export function contentPolicy(indexHtml: string, permissions: Permissions, siteOrigin: string): string {
  const details = processing.getCspDetails(indexHtml, permissions);
  return injection
    .getInjectableCSP({ existingCSPDetails: details, microsEnv: 'prod', hostname: siteOrigin })
    .filter((directive) => !directive.startsWith('report-uri '))
    .join('; ');
}
