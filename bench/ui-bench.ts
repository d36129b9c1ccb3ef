/**
 * UI benchmark: the gzipped size of each Custom UI's initial JavaScript (the entry module and every
 * chunk it imports statically, as the browser must load before the first render), and the resolver calls, the
 * backend's Jira requests and the page's own Jira reads one panel load makes, measured by loading the real panel
 * in Chromium against the local site (after one load that keeps the agent's permission answer).
 * Budget: each Custom UI's (panel, admin page, portal panel) initial JS ≤ 200 KB gzip; no backend Jira request
 * per panel load (decision 0018).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startWebSite } from '../test/support/web-site';

export interface UiBenchResult {
  panelInitialJsGzipBytes: number;
  adminInitialJsGzipBytes: number;
  portalInitialJsGzipBytes: number;
  panelInitialJsFiles: number;
  panelResolverCallsPerLoad: number;
  /** Jira requests of the app's backend during one panel load (the resolver reads only the app's storage). */
  panelBackendJiraRequestsPerLoad: number;
  /** The page's own reads as the user through `@forge/bridge` `requestJira`, per load. */
  panelBridgeReadsPerLoad: number;
  /** Wall time from navigation to the rendered panel, median of the loads measured. */
  panelLoadMs: number;
  /** The budget of each Custom UI's initial JavaScript. */
  panelBudgetGzipBytes: number;
  withinBudget: boolean;
}

const BUDGET = 200 * 1024;
const STATIC_IMPORT = /(?:from|import)\s*["'](\.\.?\/[^"']+\.js)["']/g;

/** Gzipped bytes of `entry` and everything it imports statically (dynamic `import()` chunks load later). */
function initialJsGzipBytes(entry: string): { bytes: number; files: number } {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) if (match[1]) visit(resolve(dirname(file), match[1]));
  };
  visit(entry);
  const bytes = [...seen].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  return { bytes, files: seen.size };
}

/** Runs the UI benchmark; needs `npm run build:ui` first and Chromium at /usr/bin/chromium. */
export async function runUiBench(): Promise<UiBenchResult> {
  const root = resolve(__dirname, '..', 'static');
  const panel = initialJsGzipBytes(join(root, 'panel', 'build', 'index.js'));
  const admin = initialJsGzipBytes(join(root, 'admin', 'build', 'index.js'));
  const portal = initialJsGzipBytes(join(root, 'portal', 'build', 'index.js'));
  const largest = Math.max(panel.bytes, admin.bytes, portal.bytes);
  const restoreLog = console.log;
  console.log = () => undefined;
  const site = await startWebSite();
  try {
    const page = await site.browser.newPage();
    const keys = [site.local.demo.clarification, site.local.demo.pendingPatch, site.local.demo.delivery];
    const calls: number[] = [];
    const backend: number[] = [];
    const reads: number[] = [];
    const times: number[] = [];
    const load = async (key: string) => {
      await page.goto(`${site.server.url}/app/panel?issue=${key}&as=agent&lang=en&theme=light`);
      await page.waitForFunction(
        () => (document.body.textContent ?? '').length > 40 && !document.querySelector('[aria-busy="true"]'),
      );
    };
    await load(site.local.demo.clarification);
    for (const key of keys) {
      const before = site.server.invokes.length;
      const invocations = site.local.host.invocations.length;
      const bridge = site.server.bridgeRequests.length;
      const started = performance.now(); // the local site fakes Date
      await load(key);
      times.push(Math.round(performance.now() - started));
      await page.waitForTimeout(200);
      calls.push(site.server.invokes.length - before);
      backend.push(site.local.host.invocations.slice(invocations).flatMap((i) => i.requests).length);
      reads.push(site.server.bridgeRequests.length - bridge);
    }
    times.sort((a, b) => a - b);
    return {
      panelInitialJsGzipBytes: panel.bytes,
      adminInitialJsGzipBytes: admin.bytes,
      portalInitialJsGzipBytes: portal.bytes,
      panelInitialJsFiles: panel.files,
      panelResolverCallsPerLoad: Math.max(...calls),
      panelBackendJiraRequestsPerLoad: Math.max(...backend),
      panelBridgeReadsPerLoad: Math.max(...reads),
      panelLoadMs: times[Math.floor(times.length / 2)] ?? 0,
      panelBudgetGzipBytes: BUDGET,
      withinBudget: largest <= BUDGET && Math.max(...backend) === 0,
    };
  } finally {
    await site.close();
    console.log = restoreLog;
  }
}

if (require.main === module) {
  runUiBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`ui bench failed: ${String(error)}\n`);
      process.exit(1);
    });
}
