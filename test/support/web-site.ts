/**
 * The `npm start` site started in-process on a free port for the browser tests, plus a headless Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLocalSite, type LocalSite } from '../../sandbox/web/local-site';
import { startWebServer, type WebServer } from '../../sandbox/web/server';
import { guardRun } from './honest-run';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the browser tests keep their screenshots (a CI artifact). */
export const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');

export interface WebSite {
  local: LocalSite;
  server: WebServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the local site, its web server on a free port and a headless browser. */
export async function startWebSite(): Promise<WebSite> {
  const app = (await import('../../src/index')) as Record<string, unknown>;
  const local = await createLocalSite({ app });
  guardRun(local.host, local.site);
  const server = await startWebServer(local, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    local,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      local.close();
    },
  };
}

/**
 * What every browser test file does first: the site, one desktop-sized page, the screenshot folder, and the
 * app's JSON logs kept out of the test output. Call `jest.restoreAllMocks()` and `close()` in `afterAll`.
 */
export async function openWebSitePage(): Promise<{ site: WebSite; page: Page }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const level of ['log', 'warn', 'error'] as const)
    jest.spyOn(console, level).mockImplementation(() => undefined);
  const site = await startWebSite();
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  return { site, page };
}
