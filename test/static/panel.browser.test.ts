/**
 * The built issue panel in a real Chromium, through the bridge shim: every panel state in English and German,
 * light and dark, with screenshots under test-artifacts/screenshots/ and an axe-core scan per page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ShimConfig } from '../../sandbox/ui-bridge/host';
import { panelFixtures } from './fixtures/panel-views';
import { ensureUiBuilt, launchChromium, SCREENSHOTS, seriousA11yViolations } from './support/browser';
import { startUiServer, type InvokeCall } from './support/ui-server';
import { join } from 'node:path';

const SITE = 'https://example.atlassian.net';

function panelConfig(query: URLSearchParams): ShimConfig {
  const key = query.get('issue') ?? 'SD-101';
  return {
    moduleKey: 'process-panel',
    accountId: '5b10ac8d82e05b22cc7d4ef5',
    locale: query.get('locale') ?? 'en-US',
    timezone: 'Europe/Berlin',
    theme: query.get('theme') === 'dark' ? 'dark' : 'light',
    siteUrl: SITE,
    extension: {
      type: 'jira:issueContext',
      issue: { key, id: '10001', type: 'Service Request' },
      project: { key: key.split('-')[0] ?? 'SD', id: '10000', type: 'service_desk' },
    },
  };
}

function resolvePanel(call: InvokeCall): unknown {
  if (call.functionKey !== 'getPanel') throw new Error(`unexpected resolver ${call.functionKey}`);
  if (call.context.extension.type !== 'jira:issueContext') throw new Error('not an issue context');
  const fixture = panelFixtures[call.context.extension.issue.key];
  if (!fixture) throw new Error('no fixture');
  return fixture;
}

let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof startUiServer>>;

beforeAll(async () => {
  ensureUiBuilt();
  server = await startUiServer((_app, query) => panelConfig(query), resolvePanel);
  browser = await launchChromium();
  // A Jira issue-context panel is about 350 px wide.
  context = await browser.newContext({ viewport: { width: 352, height: 900 }, deviceScaleFactor: 1 });
  await context.route(`${SITE}/**`, (route) => route.fulfill({ status: 200, body: 'Jira' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPanel(issue: string, locale: string, theme: 'light' | 'dark'): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/panel/?issue=${issue}&locale=${locale}&theme=${theme}`);
  await page.locator('main').waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  expect(errors).toEqual([]);
  return page;
}

/** Visible texts that prove each state rendered its distinctive content, per language. */
const expectations: Record<string, { en: string[]; de: string[] }> = {
  'SD-101': {
    en: [
      '1 of 3 reminders sent',
      'P2',
      'P1 and P2 are for system availability',
      'Breached',
      'customer',
      'Attention',
    ],
    de: ['1 von 3 Erinnerungen gesendet', 'Systemverfügbarkeit', 'Überschritten', 'Zu beachten'],
  },
  'SD-102': {
    en: ['CUSTOM', "Built only for this customer's system", 'DEL-7', 'Planned', 'Chargeable'],
    de: ['CUSTOM', 'Nur für das System dieses Kunden', 'DEL-7', 'Kostenpflichtig'],
  },
  'SD-103': { en: ['Estimate expired', 'account manager'], de: ['Schätzung abgelaufen', 'Account Manager'] },
  'SD-106': {
    en: ['Dry run', 'Delivery Pending needs a Delivery version', 'No Delivery ticket includes this ticket'],
    de: ['Testmodus', 'fehlt die Auslieferungsversion', 'Noch kein Delivery-Ticket'],
  },
  'SD-107': {
    en: ['Resolved since', 'Closes automatically'],
    de: ['Gelöst seit', 'Wird automatisch geschlossen'],
  },
  'DEL-7': {
    en: ['Included tickets (2)', 'SD-88', 'Dedicated Cloud', '14.21.3.1'],
    de: ['Enthaltene Tickets (2)', 'SD-88', 'Cloud-Umgebung'],
  },
  'SD-104': {
    en: ['Nothing to show', 'not part of the support process'],
    de: ['nichts anzuzeigen', 'gehört nicht'],
  },
  'SD-105': {
    en: ['could not be loaded', 'Jira did not answer', 'Try again'],
    de: ['konnte nicht geladen', 'Erneut versuchen'],
  },
};

describe.each(['en-US', 'de-DE'] as const)('issue panel in %s', (locale) => {
  const language = locale.startsWith('de') ? 'de' : 'en';
  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    test.each(Object.keys(expectations))(
      '%s renders its state, is accessible and is screenshotted',
      async (issue) => {
        const page = await openPanel(issue, locale, theme);
        try {
          const text = await page.locator('body').innerText();
          for (const expected of expectations[issue]![language]) expect(text).toContain(expected);
          expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe(
            theme,
          );
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          // Nothing may overflow the narrow panel horizontally.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(352);
          await page.screenshot({
            path: join(SCREENSHOTS, `panel-${issue}-${language}-${theme}.png`),
            fullPage: true,
          });
          expect(await seriousA11yViolations(page)).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  });
});

test('dark theme really changes the surface colour', async () => {
  const light = await openPanel('SD-102', 'en-US', 'light');
  const dark = await openPanel('SD-102', 'en-US', 'dark');
  const bg = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg(light)).not.toBe(await bg(dark));
  await Promise.all([light.close(), dark.close()]);
});

test('the panel invokes getPanel once with the trusted context, and retry calls again', async () => {
  const before = server.calls.length;
  const page = await openPanel('SD-105', 'en-US', 'light');
  const mine = () =>
    server.calls.slice(before).filter((c) => c.context.extension.type === 'jira:issueContext');
  expect(mine()).toHaveLength(1);
  expect(mine()[0]).toMatchObject({ moduleKey: 'process-panel', functionKey: 'getPanel', payload: {} });
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: 'Try again' }).waitFor();
  expect(mine()).toHaveLength(2);
  await page.close();
});

test('a ticket link opens the issue in a new tab through the bridge router', async () => {
  const page = await openPanel('SD-102', 'en-US', 'light');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('link', { name: 'Open DEL-7' }).click(),
  ]);
  expect(popup.url()).toBe(`${SITE}/browse/DEL-7`);
  await Promise.all([popup.close(), page.close()]);
});

test('the Refresh button is reachable by keyboard and reloads the panel', async () => {
  const before = server.calls.length;
  const page = await openPanel('SD-107', 'en-US', 'light');
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await refresh.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await refresh.waitFor();
  expect(server.calls.length - before).toBe(2);
  await page.close();
});
