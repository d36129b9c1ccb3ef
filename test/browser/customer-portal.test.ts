/**
 * The customer portal on the local site (`npm start`, `?as=customer`): the app's portal request detail panel and
 * its two view actions, rendered through the same bridge shim as the agent panel, for the customer of the
 * request's organization, a customer of another organization and an agent; in English and German, light and
 * dark, axe-clean; "Escalate" and "Request a new estimate" clicked through their modal dialogs.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { FIELD, ORG, USER } from '../../sandbox/jira/seed/demo-ids';
import { CUSTOMER_STATE_KEY } from '../../src/domain/service/customer-state';
import { CONFIG_KEY } from '../../src/app/shared/config-repository';
import { seriousA11yViolations } from '../static/support/browser';
import { SCREENSHOTS as SHOTS, useWebSitePage, type WebSite } from '../support/web-site';

const DAY = 86_400_000;

jest.setTimeout(120_000);

let w: WebSite;
let page: Page;
/** A Globex request the test links into ACME's Delivery: the ACME customer must never see it listed. */
let globexTicket: string;

useWebSitePage((opened) => ({ site: w, page } = opened));

// Each test's fresh demo site gets the priority, the confidentiality and the Globex ticket the tests read.
beforeEach(async () => {
  const agent = w.local.site.actAs(USER.agentDach);
  const { pendingPatch, outage, delivery } = w.local.demo;
  await agent.edit(pendingPatch, { priority: { name: 'P3' } });
  await agent.edit(outage, { [FIELD.confidential]: { value: 'Yes' } });
  globexTicket = await w.local.site.actAs('customer-globex-1').createIssue({
    project: 'SD',
    issueType: 'Software Defect',
    summary: 'Globex: invoice totals rounded twice',
    fields: { [FIELD.organizations]: [{ id: ORG.globex }] },
  });
  await agent.request('POST', '/rest/api/3/issueLink', {
    type: { name: 'Delivery' },
    inwardIssue: { key: delivery },
    outwardIssue: { key: globexTicket },
  });
  await w.local.host.drain();
});

/** The loaded app frame with `testId`, or inside the element with `testId` (a modal dialog). */
async function frameOf(testId: string): Promise<Frame> {
  const element = page.getByTestId(testId);
  const isFrame = await element.evaluate((e) => e.tagName === 'IFRAME');
  const handle = await (isFrame ? element : element.locator('iframe')).elementHandle();
  const content = await handle?.contentFrame();
  if (!content) throw new Error(`${testId} has no frame`);
  await content.waitForFunction(
    () =>
      document.body !== null &&
      document.querySelector('[aria-busy="true"]') === null &&
      (document.body.textContent ?? '').length > 30,
  );
  return content;
}

type Viewer = 'customer' | 'customerOther' | 'agent';

async function openPortal(
  key: string,
  as: Viewer,
  lang: 'en' | 'de' = 'en',
  theme: 'light' | 'dark' = 'light',
): Promise<Frame> {
  const path = as === 'agent' ? 'portal' : 'issue';
  await page.goto(`${w.server.url}/${path}/${key}?as=${as}&lang=${lang}&theme=${theme}`);
  return frameOf('portal-frame');
}

/** Ids of the serious and critical axe-core violations in the page or frame. */
async function seriousViolations(target: Frame | Page): Promise<string[]> {
  return (await seriousA11yViolations(target)).map((v) => v.id);
}

const text = (frame: Frame) => frame.locator('body').innerText();

/** Words the customer must never read: internal codes, the audit, the guide's section signs. */
const NEVER = /undefined|NaN|\[object|§|audit|installBackfill|dryRun|level\d:/;

describe('the customer of the request organization', () => {
  const expected = {
    en: {
      next: 'Fix built: ships with version 14.21.3.1 in your next delivery',
      texts: ['P3', 'Priority', 'Delivery version', '14.21.3.1', 'has not been escalated', 'level 1'],
    },
    de: {
      next: 'Version 14.21.3.1',
      texts: ['P3', 'Priorität', 'Auslieferung mit Version', '14.21.3.1', 'nicht eskaliert', 'Stufe 1'],
    },
  } as const;

  for (const lang of ['en', 'de'] as const)
    for (const theme of ['light', 'dark'] as const)
      it(`sees what happens next, the priority with its meaning and the version (${lang}, ${theme})`, async () => {
        const panel = await openPortal(w.local.demo.pendingPatch, 'customer', lang, theme);
        const body = await text(panel);
        expect(await panel.getByTestId('portal-next-step').innerText()).toContain(expected[lang].next);
        for (const t of expected[lang].texts) expect(body).toContain(t);
        expect(body).not.toMatch(NEVER);
        expect(await panel.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await panel.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe(
          theme,
        );
        // Both action buttons of the view actions are there, titled in the page language.
        const escalate = lang === 'de' ? 'Eskalieren' : 'Escalate';
        await page.getByRole('button', { name: escalate, exact: true }).waitFor();
        expect(await seriousViolations(panel)).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `portal-${lang}-${theme}.png`) });
        await page
          .getByTestId('portal-frame')
          .screenshot({ path: join(SHOTS, `portal-panel-${lang}-${theme}.png`) });
      });

  it('reads CUSTOM in words', async () => {
    const panel = await openPortal(w.local.demo.pendingCustom, 'customer');
    await expect(panel.getByTestId('portal-version').innerText()).resolves.toBe(
      "CUSTOM: a change built only for your system. It ships with your next delivery, whatever that delivery's version.",
    );
    const de = await openPortal(w.local.demo.pendingCustom, 'customer', 'de');
    await expect(de.getByTestId('portal-version').innerText()).resolves.toContain(
      'CUSTOM: eine Änderung nur für Ihr System',
    );
  });

  it("sees the Delivery's tickets of their own organization only, linked, with the estimated date", async () => {
    const { delivery, pendingPatch, pendingCustom, pendingCustomisation } = w.local.demo;
    const panel = await openPortal(delivery, 'customer');
    const table = panel.getByTestId('portal-included');
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0]?.trim())).toEqual([
      pendingPatch,
      pendingCustom,
      pendingCustomisation,
    ]);
    expect(rows[0]).toContain('Software Defect');
    expect(rows[0]).toContain('Search ignores umlauts in supplier names');
    expect(await text(panel)).toContain('Estimated delivery date:');
    expect(await text(panel)).not.toContain(globexTicket);
    expect(await text(panel)).not.toContain('Globex');
    await page
      .getByTestId('portal-frame')
      .screenshot({ path: join(SHOTS, 'portal-panel-delivery-en-light.png') });
    // A ticket link opens that request in the portal, through the bridge router.
    await table.getByRole('link', { name: pendingCustom }).click();
    await page.waitForURL(new RegExp(`/issue/${pendingCustom}\\?as=customer`));
    await expect(frameOf('portal-frame').then(text)).resolves.toContain('CUSTOM');
  });

  it('reads the confidentiality setting in words when it is Yes', async () => {
    const panel = await openPortal(w.local.demo.outage, 'customer');
    await expect(panel.getByTestId('portal-confidential').innerText()).resolves.toContain(
      'only the support staff of your region see this request',
    );
    const other = await openPortal(w.local.demo.pendingPatch, 'customer');
    await expect(other.getByTestId('portal-confidential').count()).resolves.toBe(0);
  });
});

describe('the portal page around the modules', () => {
  const region = () => page.getByTestId('portal-request');

  it('speaks the customer profile’s German without ?lang, dates in the viewer’s locale and zone', async () => {
    const viewer = await w.browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'de-AT',
      timezoneId: 'Pacific/Auckland',
    });
    const tab = await viewer.newPage();
    try {
      await tab.goto(`${w.server.url}/issue/${w.local.demo.pendingPatch}?as=customer`);
      const frame = tab.getByTestId('portal-request');
      expect(await tab.evaluate(() => document.documentElement.lang)).toBe('de');
      expect(await tab.title()).toContain('Kundenportal');
      const words = await frame.innerText();
      for (const word of ['Kundenportal', 'Gestellt von', 'Erstellt am', 'Aktivität', 'Ihre Antwort'])
        expect(words).toContain(word);
      expect(words).not.toMatch(/Raised by|Created|Activity|No replies/);
      await tab.getByRole('button', { name: 'Antworten', exact: true }).waitFor();
      await tab.getByRole('button', { name: 'Eskalieren', exact: true }).waitFor();
      const created = frame.locator('time').first();
      const iso = (await created.getAttribute('datetime')) ?? '';
      const expected = new Intl.DateTimeFormat('de-AT', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Pacific/Auckland',
      }).format(new Date(iso));
      await expect(created.innerText()).resolves.toBe(expected);
      expect(await seriousViolations(tab)).toEqual([]);
      await tab.screenshot({ path: join(SHOTS, 'portal-frame-de-light.png') });
    } finally {
      await viewer.close();
    }
  });

  it('follows the language the app keeps for the organization, over ?lang, with the panel', async () => {
    const stored = w.local.host.kvs.get('kvs', CONFIG_KEY);
    const input = (stored?.value as { input: Record<string, unknown> }).input;
    const withGerman = { ...input, languageByOrganization: { 'Acme GmbH': 'de' } };
    const at = Date.now();
    w.local.host.kvs.put('kvs', CONFIG_KEY, {
      value: { version: 2, input: withGerman, savedAt: new Date(at).toISOString() },
      createdAt: at,
      updatedAt: at,
    });
    try {
      const panel = await openPortal(w.local.demo.pendingPatch, 'customer', 'en');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
      await expect(region().innerText()).resolves.toContain('Gestellt von');
      expect(await panel.evaluate(() => document.documentElement.lang)).toBe('de');
      await page.getByRole('button', { name: 'Eskalieren', exact: true }).waitFor();
    } finally {
      if (stored) w.local.host.kvs.put('kvs', CONFIG_KEY, stored);
    }
    await openPortal(w.local.demo.pendingPatch, 'customer', 'en');
    await expect(region().innerText()).resolves.toContain('Raised by');
  });

  it('refuses in the viewer’s language when the request is not theirs', async () => {
    await page.goto(`${w.server.url}/issue/${w.local.demo.clarification}?as=customerOther&lang=de`);
    await expect(page.getByTestId('portal-refused').innerText()).resolves.toContain(
      'nicht für Sie freigegeben',
    );
  });
});

describe('a customer of another organization', () => {
  it('gets the portal refusal and no app module', async () => {
    await page.goto(`${w.server.url}/issue/${w.local.demo.clarification}?as=customerOther&lang=en`);
    await expect(page.getByTestId('portal-refused').innerText()).resolves.toContain('not shared with you');
    await expect(page.getByTestId('portal-frame').count()).resolves.toBe(0);
    await expect(page.locator('body').innerText()).resolves.not.toContain('CSV');
  });

  it('is refused by the resolver even when a page renders the module on that request', async () => {
    await page.goto(
      `${w.server.url}/app/portal?issue=${w.local.demo.clarification}&module=process-portal&as=customerOther&lang=en`,
    );
    await page.getByText('This request is not available to you.').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('reminder');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('cannot borrow another user: the server takes the user from the context it minted, not the page', async () => {
    const key = w.local.demo.clarification;
    await page.goto(`${w.server.url}/app/portal?issue=${key}&module=process-portal&as=customerOther&lang=en`);
    await page.getByText('This request is not available to you.').waitFor();
    const forged = await page.evaluate(async (issueKey) => {
      const config = (window as unknown as { __FORGE_SHIM_CONFIG__: { contextToken: string } })
        .__FORGE_SHIM_CONFIG__;
      const post = (body: unknown) =>
        fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: await r.text() }));
      const context = { accountId: 'customer-acme-1', locale: 'en-US' };
      const token = config.contextToken;
      // The page claims to be ACME's contact and hands over the answer JSM would give them.
      const asked = await post({ functionKey: 'getPortal', payload: {}, contextToken: token, context });
      const readId = (JSON.parse(asked.body) as { data?: { reads?: { id: string }[] } }).data?.reads?.[0]?.id;
      const answers = {
        [readId ?? '']: { status: 200, body: JSON.stringify({ issueId: '1', issueKey }) },
      };
      return [
        await post({ functionKey: 'getPortal', payload: { answers }, contextToken: token, context }),
        await post({ functionKey: 'getPortal', payload: {}, context }),
      ];
    }, key);
    expect(forged[0]?.status).toBe(200);
    expect(forged[0]?.body).toContain('FORBIDDEN');
    expect(forged[1]?.status).toBe(401);
  });
});

describe('an agent', () => {
  it('sees the same customer view in the portal', async () => {
    const panel = await openPortal(w.local.demo.pendingPatch, 'agent');
    await expect(panel.getByTestId('portal-next-step').innerText()).resolves.toContain(
      'ships with version 14.21.3.1',
    );
    expect(await seriousViolations(panel)).toEqual([]);
  });
});

describe('the view actions', () => {
  it('escalates once through the Escalate dialog; the panel follows and the customer is told', async () => {
    const key = w.local.demo.clarification;
    const panel = await openPortal(key, 'customer');
    await page.getByTestId('action-process-escalate').click();
    const modal = page.getByTestId('modal-process-escalate');
    await modal.waitFor();
    const dialog = await frameOf('modal-process-escalate');
    await dialog.getByRole('heading', { name: 'Escalate to level 1: Personal support contact' }).waitFor();
    await dialog.getByTestId('reason-serviceTimeExceeded').check();
    await dialog.getByTestId('escalate-text').fill('No answer for a week, and production is waiting.');
    // The text enables the submit button, whose background fades in; axe judges it once the fade is over.
    await dialog.getByTestId('escalate-submit').and(dialog.locator(':enabled')).waitFor();
    expect(await seriousViolations(dialog)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'portal-escalate-en-light.png') });
    await modal.screenshot({ path: join(SHOTS, 'portal-escalate-dialog-en-light.png') });

    await dialog.getByTestId('escalate-submit').click();
    await dialog.getByTestId('escalate-result').waitFor();
    await expect(dialog.getByTestId('escalate-result').innerText()).resolves.toContain(
      'Escalated to level 1. Personal support contact now looks after your request.',
    );
    // The detail panel reloads on the event the dialog emitted.
    await panel.getByText('Escalated to level 1').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // view.close() reaches the host by a message: the dialog goes shortly after the click.
    await modal.waitFor({ state: 'detached' });
    await page
      .getByTestId('portal-frame')
      .screenshot({ path: join(SHOTS, 'portal-panel-escalated-en-light.png') });

    const stored = w.local.site.store.issue(key)?.properties[CUSTOMER_STATE_KEY] as {
      escalations: { level: number; reason: string }[];
    };
    expect(stored.escalations).toEqual([
      expect.objectContaining({ level: 1, reason: 'serviceTimeExceeded' }),
    ]);
    // The customer reads the public reply; the internal note to the level's people is not in the portal.
    await page.reload();
    const activity = await page.getByRole('region', { name: 'Request' }).innerText();
    expect(activity).toContain('level 1');
    expect(activity).not.toContain('No answer for a week');
    const internal = w.local.site.store.issue(key)?.comments.filter((c) => !c.jsdPublic) ?? [];
    expect(JSON.stringify(internal.at(-1)?.body)).toContain('No answer for a week');
  });

  it('requests a new estimate once after the estimate expired', async () => {
    const key = w.local.demo.estimate;
    await w.local.advance(2 * DAY);
    const panel = await openPortal(key, 'customer');
    await page.getByTestId('action-process-new-estimate').click();
    const dialog = await frameOf('modal-process-new-estimate');
    await dialog.getByText('The estimate for this request has expired.').waitFor();
    await dialog.getByTestId('renewal-submit').click();
    await dialog.getByTestId('renewal-result').waitFor();
    expect(await seriousViolations(dialog)).toEqual([]);
    const requestKey = /request (SD-\d+)/.exec(await dialog.getByTestId('renewal-result').innerText())?.[1];
    expect(requestKey).toBeDefined();
    // The dialog closes from its own button through view.close().
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('modal-process-new-estimate').waitFor({ state: 'detached' });
    await expect(text(panel)).resolves.toBeDefined();

    await page.getByTestId('action-process-new-estimate').click();
    const again = await frameOf('modal-process-new-estimate');
    await expect(again.getByTestId('renewal-result').innerText()).resolves.toContain(requestKey ?? '');
    await expect(again.getByTestId('renewal-submit').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('modal-process-new-estimate').waitFor({ state: 'detached' });
  });
});
