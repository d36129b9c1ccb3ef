import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

const REPO = join(__dirname, '..', '..', '..');
export const SCREENSHOTS = join(REPO, 'test-artifacts', 'screenshots');

/** Build the Custom UI apps unless `npm test` already did (the build takes well under a second). */
export function ensureUiBuilt(): void {
  const fresh = ['panel', 'admin'].every((app) =>
    existsSync(join(REPO, 'static', app, 'build', 'meta.json')),
  );
  if (!fresh || process.env.REBUILD_UI === '1') {
    execFileSync(process.execPath, [join(REPO, 'scripts', 'build-ui.mjs')], { stdio: 'inherit' });
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** Debian's Chromium, headless, with nothing talking to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = readFileSync(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Run axe-core in the page (or one of its frames) and return the serious and critical violations only. axe is
 * evaluated through the browser's devtools protocol, as an accessibility tool runs, so the page's content security
 * policy (which allows no inline script) does not apply to it.
 */
export async function seriousA11yViolations(page: Page | Frame): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // Colours are judged at rest. Atlaskit's primary Button, once enabled, turns its text white at once and fades
  // its background from grey to blue over 150 ms: measured inside that window it fails colour contrast
  // (test/static/axe-at-rest.browser.test.ts). Finite animations and transitions are awaited; spinners run forever.
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
