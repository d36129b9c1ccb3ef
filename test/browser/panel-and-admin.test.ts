import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { contentPolicy } from '../../sandbox/web/content-policy';
import {
  openPanelFrame,
  policyRefusals,
  SCREENSHOTS as SHOTS,
  useWebSitePage,
  type WebSite,
} from '../support/web-site';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

jest.setTimeout(90_000);

let w: WebSite;
let page: Page;
useWebSitePage((opened) => ({ site: w, page } = opened));

async function frame(testId: string): Promise<Frame> {
  const handle = await page.getByTestId(testId).elementHandle();
  const content = await handle?.contentFrame();
  if (!content) throw new Error(`${testId} has no frame`);
  return content;
}

const openPanel = (key: string, lang: 'en' | 'de', theme: 'light' | 'dark'): Promise<Frame> =>
  openPanelFrame(page, `${w.server.url}/issue/${key}?as=agent&lang=${lang}&theme=${theme}`);

describe('issue panel in the local site', () => {
  const cases = ['clarification', 'resolved', 'estimate', 'pendingPatch', 'delivery', 'outage'] as const;

  it('renders every panel state in English and German, light and dark, with screenshots', async () => {
    for (const name of cases) {
      for (const lang of ['en', 'de'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          const panel = await openPanel(w.local.demo[name], lang, theme);
          const text = await panel.locator('body').innerText();
          expect(text).not.toMatch(/undefined|NaN|\[object/);
          await page.screenshot({ path: join(SHOTS, `panel-${name}-${lang}-${theme}.png`) });
        }
      }
    }
    const en = await openPanel(w.local.demo.clarification, 'en', 'light');
    await expect(en.locator('body').innerText()).resolves.toMatch(/3/);
    const de = await openPanel(w.local.demo.clarification, 'de', 'light');
    await expect(de.locator('html').getAttribute('lang')).resolves.not.toBe(null);
  });

  it('reads Jira from the page: a panel load costs the backend no Jira points', async () => {
    await openPanel(w.local.demo.pendingCustom, 'en', 'light');
    const invokes = w.server.invokes.length;
    const invocations = w.local.host.invocations.length;
    const reads = w.server.bridgeRequests.length;
    await openPanel(w.local.demo.pendingCustom, 'en', 'light');
    await page.waitForTimeout(300);
    const calls = w.server.invokes.slice(invokes);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.functionKey === 'getPanel' && c.moduleKey === 'process-panel')).toBe(true);
    const records = w.local.host.invocations.slice(invocations);
    expect(records.flatMap((r) => r.requests)).toEqual([]);
    const bridge = w.server.bridgeRequests.slice(reads);
    expect(bridge.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`)).toContain(
      `GET /rest/api/3/issue/${w.local.demo.pendingCustom} 200`,
    );
  });

  it("serves the panel with Forge's content security policy, which refuses an inline script the app did not ship", async () => {
    const response = await page.request.get(
      `${w.server.url}/app/panel?issue=${w.local.demo.clarification}&as=agent`,
    );
    const html = readFileSync(join(__dirname, '..', '..', 'static', 'panel', 'build', 'index.html'), 'utf8');
    expect(response.headers()['content-security-policy']).toBe(
      contentPolicy(html, w.local.host.manifest.permissions, w.server.url),
    );

    const other = await w.browser.newPage();
    const refusals = policyRefusals(other);
    const panel = await openPanelFrame(other, `${w.server.url}/issue/${w.local.demo.clarification}?as=agent`);
    const ran = await panel.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    await other.close();
    expect(ran).toBe(false);
    expect(refusals).toEqual([expect.stringContaining("script-src 'self'")]);
  });

  it('shows the panel to agents only; a customer calling the resolver directly gets FORBIDDEN', async () => {
    const key = w.local.demo.clarification;
    // A customer gets the request in the customer portal, with the app's portal panel instead of the agent panel.
    await page.goto(`${w.server.url}/issue/${key}?as=customer&lang=en&theme=light`);
    await expect(page.getByTestId('portal-frame').count()).resolves.toBe(1);
    await expect(page.getByTestId('panel-frame').count()).resolves.toBe(0);

    const direct = await w.local.host.invokeResolver({
      moduleKey: 'process-panel',
      functionKey: 'getPanel',
      payload: {},
      accountId: 'customer-acme-1',
      extension: { type: 'jira:issueContext', issue: { key }, project: { key: 'SD' } },
    });
    expect(direct).toEqual({ ok: true, value: { error: expect.objectContaining({ code: 'FORBIDDEN' }) } });
  });

  it('names the target status of transitions that share a name', async () => {
    await page.goto(`${w.server.url}/issue/${w.local.demo.clarification}?as=agent&lang=en&theme=light`);
    const labels = await page.getByRole('form', { name: 'Workflow' }).getByRole('button').allInnerTexts();
    const received = labels.filter((l) => l.startsWith('Clarification received'));
    expect(received.length).toBeGreaterThan(1);
    expect(new Set(received).size).toBe(received.length);
    expect(received.every((l) => l.includes(' → '))).toBe(true);
  });

  it('shows the reminders the sweep sends once the clock advances', async () => {
    await page.goto(`${w.server.url}/issue/${w.local.demo.clarification}?as=agent&lang=en&theme=light`);
    await page.getByTestId('advance-hour').click();
    await page.waitForLoadState('load');
    await expect(page.getByTestId('audit').innerText()).resolves.toContain(w.local.demo.clarification);
    await page.screenshot({ path: join(SHOTS, 'site-after-sweep.png') });
  });

  it('has no serious or critical accessibility violations in the panel', async () => {
    const panel = await openPanel(w.local.demo.clarification, 'en', 'light');
    await panel.evaluate(AXE);
    const violations = await panel.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });
});

describe('admin page in the local site', () => {
  it('refuses a non-admin with the permission message', async () => {
    await page.goto(`${w.server.url}/admin?as=agent&lang=en&theme=light`);
    const admin = await frame('admin-frame');
    await expect(admin.getByText('Only Jira administrators').first().waitFor()).resolves.toBeUndefined();
    await page.screenshot({ path: join(SHOTS, 'admin-forbidden.png') });
  });

  it('shows a validation error next to the field and saves nothing', async () => {
    await page.goto(`${w.server.url}/admin?as=admin&lang=en&theme=light`);
    const admin = await frame('admin-frame');
    const closeAfter = admin.getByLabel('Close after days in Resolved');
    await closeAfter.waitFor();
    await closeAfter.fill('0');
    await admin.getByRole('button', { name: 'Save' }).first().click();
    await closeAfter.and(admin.locator('[aria-invalid="true"]')).waitFor();
    await page.screenshot({ path: join(SHOTS, 'admin-validation.png'), fullPage: true });
    const axeTarget = admin;
    await axeTarget.evaluate(AXE);
    const violations = await axeTarget.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it("offers the site's security levels and priorities, and shows an emptied field's error beside it, from the real resolver", async () => {
    await page.goto(`${w.server.url}/admin?as=admin&lang=en&theme=light`);
    const admin = await frame('admin-frame');
    const regions = admin.getByRole('region', { name: 'Regions, organizations and languages' });
    // The zones are picked from the site's list: only what the site offers can be chosen.
    await expect(
      regions
        .getByLabel('Time zone')
        .nth(1)
        .evaluate((e) => e.tagName),
    ).resolves.toBe('SELECT');
    // Security levels from the managed projects' issue security scheme, priorities from the site's list.
    const levels = await regions.getByLabel('Security level').nth(1).locator('option').allInnerTexts();
    expect(levels).toEqual(expect.arrayContaining(['DACH support', 'International support']));
    const names = admin.getByRole('region', { name: 'Names on this site' });
    await expect(names.getByLabel('Jira priority for P1').locator('option').allInnerTexts()).resolves.toEqual(
      ['P1', 'P2', 'P3', 'P4'],
    );
    const outward = names.getByLabel('Outward description (Delivery → ticket)');
    await outward.fill('');
    await admin.getByRole('button', { name: 'Save' }).first().click();
    await outward.and(admin.locator('[aria-invalid="true"]')).waitFor();
    const describedBy = (await outward.getAttribute('aria-describedby')) ?? '';
    await expect(admin.locator(`[id="${describedBy.split(' ').pop()!}"]`).innerText()).resolves.toBe(
      'Must not be empty.',
    );
    // The summary names the field in words and links to it; focus is on the field.
    await admin.getByRole('link', { name: 'Outward description (Delivery → ticket)' }).waitFor();
    await expect(outward.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  });

  it.each([
    ['en', 'Run platform checks', 'Due-ticket search', 'Passed'],
    ['de', 'Plattform prüfen', 'Suche fälliger Tickets', 'Bestanden'],
  ] as const)(
    'runs the platform checks from the Health tab and reports each in words (%s)',
    async (lang, run, name, passed) => {
      await page.goto(`${w.server.url}/admin?as=admin&lang=${lang}&theme=dark`);
      const admin = await frame('admin-frame');
      await admin.getByRole('tab', { name: lang === 'en' ? 'Health' : 'Prüfung' }).click();
      await admin.getByRole('button', { name: run }).click();
      const row = admin.getByRole('row').filter({ hasText: name });
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain(passed);
      const checks = admin.getByRole('table').filter({ has: row });
      await expect(checks.getByRole('row').count()).resolves.toBe(7);
      await page.screenshot({ path: join(SHOTS, `admin-platform-checks-${lang}.png`), fullPage: true });
    },
  );

  it('enabling a project in the admin page makes the panel show its tickets', async () => {
    const setManaged = async (checked: boolean) => {
      await page.goto(`${w.server.url}/admin?as=admin&lang=en&theme=light`);
      const admin = await frame('admin-frame');
      const box = admin.getByRole('group', { name: 'Managed projects' }).getByLabel(/\(SD\)/);
      await box.waitFor();
      await box.setChecked(checked);
      await admin.getByRole('button', { name: 'Save' }).first().click();
      await admin.getByText('Settings saved.').waitFor();
    };
    await setManaged(false);
    let panel = await openPanel(w.local.demo.clarification, 'en', 'light');
    await panel.getByText('The support process is not enabled for this project').waitFor();

    await setManaged(true);
    panel = await openPanel(w.local.demo.clarification, 'en', 'light');
    await panel.getByText('Clarification timer').first().waitFor();
    await expect(panel.locator('body').innerText()).resolves.not.toContain('not enabled');
  });
});
