/**
 * The `npm start` site started in-process on a free port for the browser tests, plus a headless Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { createLocalSite, type LocalSite } from '../../sandbox/web/local-site';
import { startWebServer, type WebServer } from '../../sandbox/web/server';
import { launchChromium } from '../static/support/browser';
import { coldProcess } from './cold-process';
import { guardRun } from './honest-run';

/** Where the browser tests keep their screenshots (a CI artifact). */
export const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');

export interface WebSite {
  /** The demo site the server serves now ("Reset demo" and {@link WebSite.reset} replace it). */
  readonly local: LocalSite;
  server: WebServer;
  browser: Browser;
  /** Has the server serve a fresh demo site, as "Reset demo" does, on a cold app process. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the local site, its web server on a free port and a headless browser. Every demo site it builds (the
 * first one, and each "Reset demo") starts on a cold app process, so nothing an earlier site's visits left in the
 * app's process-wide caches reaches it.
 */
export async function startWebSite(): Promise<WebSite> {
  const app = (await import('../../src/index')) as Record<string, unknown>;
  let local: LocalSite | undefined;
  const make = async (start?: Date): Promise<LocalSite> => {
    coldProcess();
    local = await createLocalSite({ app, ...(start ? { now: start } : {}) });
    guardRun(local.host, local.site);
    return local;
  };
  const server = await startWebServer(await make(), 0, make);
  const browser = await launchChromium();
  return {
    get local(): LocalSite {
      if (!local) throw new Error('the web site has no demo site');
      return local;
    },
    server,
    browser,
    async reset() {
      // The "Reset demo" button's request: the server closes its site and serves the one `make` builds.
      const answer = await fetch(`${server.url}/do/reset`, { method: 'POST', redirect: 'manual' });
      if (answer.status !== 303)
        throw new Error(`Reset demo answered ${answer.status}: ${await answer.text()}`);
    },
    async close() {
      await browser.close();
      await server.close();
      local?.close();
    },
  };
}

/**
 * Collects what the browser refused under a page's content security policy (Chromium reports each refusal on the
 * console of the frame it happened in), so a test fails when an app page does something its policy forbids.
 */
export function policyRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refusals.push(message.text());
  });
  return refusals;
}

/**
 * What every browser test file does first: the site, one desktop-sized page, the screenshot folder, and the
 * app's JSON logs kept out of the test output.
 */
async function openWebSitePage(): Promise<{ site: WebSite; page: Page; refusals: string[] }> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const level of ['log', 'warn', 'error'] as const)
    jest.spyOn(console, level).mockImplementation(() => undefined);
  const site = await startWebSite();
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  return { site, page, refusals: policyRefusals(page) };
}

/**
 * Opens the site and its page in the test file's `beforeAll` and hands them to `use`; closes the site and
 * restores the console in its `afterAll`. Every test starts on a demo site no earlier test touched
 * ({@link freshDemoBeforeEach}). Every test of the file fails if the browser refused anything under a page's content security policy during it.
 *
 * @example
 * let w: WebSite;
 * let page: Page;
 * useWebSitePage((opened) => ({ site: w, page } = opened));
 */
export function useWebSitePage(use: (opened: { site: WebSite; page: Page }) => void): void {
  let site: WebSite | undefined;
  let refusals: string[] = [];
  beforeAll(async () => {
    const opened = await openWebSitePage();
    site = opened.site;
    refusals = opened.refusals;
    use({ site: opened.site, page: opened.page });
  });
  freshDemoBeforeEach(() => site);
  afterEach(() => {
    const seen = refusals.splice(0);
    expect(seen).toEqual([]);
  });
  afterAll(async () => {
    await site?.close();
    jest.restoreAllMocks();
  });
}

/**
 * Before every test of the file but the first (which gets the site as it was started), has the server serve a
 * fresh demo site: every test starts on a demo no earlier test touched, so the tests pass in any order.
 */
export function freshDemoBeforeEach(site: () => WebSite | undefined): void {
  let touched = false;
  beforeEach(async () => {
    if (touched) await site()?.reset();
    touched = true;
  });
}

/** Waits until an app frame has loaded: no region busy any more, and its text shown. */
async function loaded(frame: Frame): Promise<Frame> {
  await frame.waitForFunction(
    () =>
      document.querySelector('[aria-busy="true"]') === null && (document.body.textContent ?? '').length > 40,
  );
  return frame;
}

/** Opens an issue page at `url` and returns its issue panel's frame once loaded. */
export async function openPanelFrame(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  const panel = await (await page.getByTestId('panel-frame').elementHandle())?.contentFrame();
  if (!panel) throw new Error('no panel frame');
  return loaded(panel);
}
