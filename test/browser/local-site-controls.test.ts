/**
 * The local site's controls a first-time visitor needs: field editors (priority, Delivery version), "Reset demo",
 * Jira's `/browse/KEY` links, a favicon, and times in the viewer's own zone, in a real Chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  freshDemoBeforeEach,
  openPanelFrame,
  SCREENSHOTS,
  startWebSite,
  type WebSite,
} from '../support/web-site';

jest.setTimeout(120_000);

let w: WebSite;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const level of ['log', 'warn', 'error'] as const)
    jest.spyOn(console, level).mockImplementation(() => undefined);
  w = await startWebSite();
  // A viewer in New York: the host page and the panel show New York times.
  const context = await w.browser.newContext({
    viewport: { width: 1400, height: 1000 },
    timezoneId: 'America/New_York',
    locale: 'en-US',
  });
  page = await context.newPage();
});

freshDemoBeforeEach(() => w);

afterAll(async () => {
  await w?.close();
  jest.restoreAllMocks();
});

const panelOf = (key: string): Promise<Frame> =>
  openPanelFrame(page, `${w.server.url}/issue/${key}?as=agent&lang=en&theme=light`);

test('the favicon is served and /browse/KEY opens the issue', async () => {
  const icon = await page.request.get(`${w.server.url}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  await page.goto(`${w.server.url}/browse/${w.local.demo.delivery}?as=agent`);
  expect(new URL(page.url()).pathname).toBe(`/issue/${w.local.demo.delivery}`);
  await expect(page.locator('h1').innerText()).resolves.toContain('Delivery 14.21.3.1');
});

test('times on the host page are in the viewer’s zone, as in the panel', async () => {
  await panelOf(w.local.demo.clarification);
  const clock = page.getByTestId('clock').locator('time');
  const iso = await clock.getAttribute('datetime');
  const expected = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/New_York',
  }).format(new Date(iso!));
  await expect(clock.innerText()).resolves.toBe(expected);
});

test('setting P1 on a Software Defect shows the mismatch; CUSTOM shows in the panel', async () => {
  const key = w.local.demo.pendingPatch;
  await page.goto(`${w.server.url}/issue/${key}?as=agent&lang=en&theme=light`);
  await page.getByTestId('edit-fields').locator('summary').click();
  await page.getByTestId('edit-priority').selectOption('P1');
  await Promise.all([
    page.waitForNavigation(),
    page.getByTestId('edit-priority').locator('xpath=ancestor::form').getByRole('button').click(),
  ]);
  await page.getByTestId('edit-deliveryVersion').waitFor({ state: 'attached' });
  await page.getByTestId('edit-fields').locator('summary').click();
  await page.getByTestId('edit-deliveryVersion').fill('CUSTOM');
  await Promise.all([page.waitForNavigation(), page.getByTestId('edit-deliveryVersion').press('Enter')]);
  const panel = await panelOf(key);
  const text = await panel.locator('body').innerText();
  expect(text).toContain('Priority mismatch');
  expect(text).toContain('critical');
  expect(text).toMatch(/Delivery · CUSTOM/);
  await page.screenshot({ path: join(SCREENSHOTS, 'local-site-edit-fields.png'), fullPage: false });
});

test('reclassifying the clarification ticket changes its type, as the rules allow a Software Defect', async () => {
  const key = w.local.demo.clarification;
  await page.goto(`${w.server.url}/issue/${key}?as=agent&lang=en&theme=light`);
  await expect(page.getByTestId('issuetype').textContent()).resolves.toBe('Software Defect');
  await page.getByTestId('edit-fields').locator('summary').click();
  await page.getByTestId('edit-issuetype').selectOption('Non-Software Defect');
  await Promise.all([
    page.waitForNavigation(),
    page.getByTestId('edit-issuetype').locator('xpath=ancestor::form').getByRole('button').click(),
  ]);
  // The app judged the change (the events ran) and kept it: no revert, the status stays.
  await page.goto(`${w.server.url}/issue/${key}?as=agent&lang=en&theme=light`);
  await expect(page.getByTestId('issuetype').textContent()).resolves.toBe('Non-Software Defect');
  await expect(page.getByTestId('status').textContent()).resolves.toBe('Clarification required / On hold');
});

test('Reset demo brings every demo ticket back after the clock spoiled them', async () => {
  const key = w.local.demo.clarification;
  await page.goto(`${w.server.url}/issue/${key}?as=agent&lang=en&theme=light`);
  const press = (id: string) => Promise.all([page.waitForNavigation(), page.getByTestId(id).click()]);
  await press('advance-hour');
  await press('advance-10-days');
  await expect(page.getByTestId('status').textContent()).resolves.toBe('Closed');
  await press('reset-demo');
  await page.goto(`${w.server.url}/issue/${key}?as=agent&lang=en&theme=light`);
  await expect(page.getByTestId('status').textContent()).resolves.toBe('Clarification required / On hold');
  const panel = await panelOf(key);
  await expect(panel.getByTestId('next-step').innerText()).resolves.toMatch(/^Reminder 3 of 3 /);
});

test('an e-mail to support raises a request through the e-mail channel, which the app makes a Request', async () => {
  await page.goto(`${w.server.url}/issue/${w.local.demo.clarification}?as=agent&lang=en&theme=light`);
  await page.getByTestId('email-channel').locator('summary').click();
  await page.getByTestId('email-subject').fill('Invoice export shows the wrong currency');
  await page.getByTestId('email-body').fill('Since this morning every export is in USD.');
  await Promise.all([page.waitForNavigation(), page.getByTestId('email-send').click()]);
  const key = /\/issue\/(SD-\d+)/.exec(page.url())?.[1] ?? '';
  const site = w.local;
  expect(site.site.store.issue(key)?.channel).toBe('email');
  await expect(page.locator('h1').innerText()).resolves.toBe('Invoice export shows the wrong currency');
  await expect(page.getByTestId('issuetype').textContent()).resolves.toBe('Request');
});

test('Reset demo to a Saturday reports the demo outage on a weekend: on-call is alerted once, the customer told', async () => {
  await page.goto(`${w.server.url}/issue/${w.local.demo.outage}?as=agent&lang=en&theme=light`);
  await expect(page.getByTestId('walkthrough').innerText()).resolves.toContain('Walkthrough 3');
  await Promise.all([page.waitForNavigation(), page.getByTestId('reset-saturday').click()]);
  const site = w.local;
  expect(site.clock.now().getUTCDay()).toBe(6);
  expect(new URL(page.url()).pathname).toBe(`/issue/${site.demo.outage}`);
  await page.getByTestId('on-call-raised').waitFor();
  const alerts = site.site.opsAlerts.all();
  expect(alerts).toHaveLength(1);
  expect(alerts[0]?.payload.details?.['issueKey']).toBe(site.demo.outage);
  await expect(page.getByTestId('on-call-alerts').innerText()).resolves.toContain('P1');
  await expect(page.getByRole('region', { name: 'Issue' }).innerText()).resolves.toContain('Rufbereitschaft');
  await page.screenshot({ path: join(SCREENSHOTS, 'local-site-weekend-outage.png') });
});

test('a clock move that changes other demo tickets says so on the walkthrough, until Reset demo', async () => {
  const site = w.local;
  await page.goto(`${w.server.url}/issue/${site.demo.clarification}?as=agent&lang=en&theme=light`);
  await expect(page.getByTestId('demo-changed').count()).resolves.toBe(0);
  await Promise.all([page.waitForNavigation(), page.getByTestId('advance-10-days').click()]);
  const note = await page.getByTestId('demo-changed').innerText();
  expect(note).toContain(`${site.demo.resolved} Resolved → Closed`);
  await Promise.all([page.waitForNavigation(), page.getByTestId('reset-demo').click()]);
  await expect(page.getByTestId('demo-changed').count()).resolves.toBe(0);
});
