/**
 * The README's two walkthroughs, clicked through as a newcomer would: the Clarification ticket gets reminder 3
 * on "+1 hour" and is closed on "+10 days"; the planned Delivery moved to Delivered resolves or closes its tickets.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { openPanelFrame, SCREENSHOTS as SHOTS, useWebSitePage, type WebSite } from '../support/web-site';

jest.setTimeout(90_000);

let w: WebSite;
let page: Page;
useWebSitePage((opened) => ({ site: w, page } = opened));

const openIssue = (key: string): Promise<Frame> =>
  openPanelFrame(page, `${w.server.url}/issue/${key}?as=agent&lang=en&theme=light`);

const activity = () => page.getByRole('region', { name: 'Issue' }).innerText();

describe('walkthrough 1: clarification reminders and auto-close', () => {
  it('sends reminder 3 of 3 on +1 hour and closes the ticket on +10 days', async () => {
    const key = w.local.demo.clarification;
    let panel = await openIssue(key);
    await expect(page.getByTestId('walkthrough').innerText()).resolves.toContain('+1 hour');
    await expect(panel.locator('body').innerText()).resolves.toMatch(/2 of 3 reminders sent/);
    expect((await activity()).match(/Dies ist Erinnerung \d von 3/g)).toEqual([
      'Dies ist Erinnerung 1 von 3',
      'Dies ist Erinnerung 2 von 3',
    ]);

    await page.getByTestId('advance-hour').click();
    panel = await openIssue(key);
    await expect(panel.locator('body').innerText()).resolves.toMatch(/3 of 3 reminders sent/);
    await expect(activity()).resolves.toContain('Dies ist Erinnerung 3 von 3');
    await expect(page.getByTestId('status').innerText()).resolves.toMatch(/clarification/i);

    await page.getByTestId('advance-10-days').click();
    await openIssue(key);
    await expect(page.getByTestId('status').innerText()).resolves.toMatch(/closed/i);
    const closed = await activity();
    expect(closed).toMatch(/Resolution\s+\S+/);
    expect(closed).toContain('innerhalb von 40 Tagen keine Rückmeldung');
    await expect(page.getByTestId('audit').innerText()).resolves.toMatch(new RegExp(`${key}\\s+close`));
    await page.screenshot({ path: join(SHOTS, 'walkthrough-clarification-closed.png'), fullPage: true });
  });
});

describe('walkthrough 2: a Delivery resolves its tickets', () => {
  it('resolves the defect and consulting request, closes the customisation', async () => {
    const { delivery, pendingPatch, pendingCustom, pendingCustomisation } = w.local.demo;
    await openIssue(delivery);
    const table = await page.getByTestId('included-tickets').innerText();
    for (const key of [pendingPatch, pendingCustom, pendingCustomisation]) expect(table).toContain(key);

    await page
      .getByRole('form', { name: 'Workflow' })
      .getByRole('button', { name: /^Delivered/ })
      .click();
    const panel = await openIssue(delivery);
    await expect(panel.locator('body').innerText()).resolves.toMatch(/Included tickets \(3\)/);

    for (const key of [pendingPatch, pendingCustom]) {
      const ticketPanel = await openIssue(key);
      await expect(page.getByTestId('status').innerText()).resolves.toMatch(/resolved/i);
      await expect(activity()).resolves.toContain('mit Version 14.21.3.1 ausgeliefert');
      await expect(ticketPanel.locator('body').innerText()).resolves.toMatch(/Closes automatically/);
    }
    await openIssue(pendingCustomisation);
    await expect(page.getByTestId('status').innerText()).resolves.toMatch(/closed/i);
    await page.screenshot({ path: join(SHOTS, 'walkthrough-delivery-customisation.png'), fullPage: true });
  });
});
