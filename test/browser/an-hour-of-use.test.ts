/**
 * An hour of clicking on the `npm start` site keeps working: panel views every simulated minute over the demo
 * tickets, the admin page and a customer comment every quarter of an hour, the hourly sweep on the way. Jira's
 * real burst limits apply and the clock moves only with the clicks and the REST calls (as with the page open but
 * no wall-time ticker), so a rate-limit window that never refilled would show as a 429 here.
 */
import type { Page } from 'playwright-core';
import { openPanelFrame, useWebSitePage, type WebSite } from '../support/web-site';

jest.setTimeout(600_000);

const MINUTE = 60_000;

let w: WebSite;
let page: Page;
useWebSitePage((opened) => ({ site: w, page } = opened));

async function panelText(key: string): Promise<string> {
  const panel = await openPanelFrame(page, `${w.server.url}/issue/${key}?as=agent&lang=en`);
  return panel.locator('body').innerText();
}

async function customerComment(key: string, minute: number): Promise<void> {
  const form = new URLSearchParams({
    as: 'customer',
    key,
    mode: 'customer',
    text: `Still there (${minute})`,
  });
  const answer = await fetch(`${w.server.url}/do/comment`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(answer.status).toBe(303);
}

it('serves an hour of panel views, admin visits and replies without a rate-limit wall', async () => {
  const tickets = Object.values(w.local.demo);
  const firstInvocation = w.local.host.invocations.length;
  const firstBridge = w.server.bridgeRequests.length;
  const startedAt = Date.now();
  for (let minute = 0; minute < 60; minute++) {
    const key = tickets[minute % tickets.length] ?? '';
    const text = await panelText(key);
    expect(text).not.toMatch(/limited the app's requests|did not answer in time|Something went wrong/i);
    if (minute % 15 === 0) {
      await page.goto(`${w.server.url}/admin?as=admin&lang=en`);
      await customerComment(w.local.demo.clarification, minute);
    }
    await w.local.advance(MINUTE);
  }
  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(60 * MINUTE);

  const ran = w.local.host.invocations.slice(firstInvocation);
  const limited = [
    ...ran.flatMap((r) => r.requests).filter((c) => c.status === 429),
    ...w.server.bridgeRequests.slice(firstBridge).filter((c) => c.status === 429),
  ];
  expect(limited).toEqual([]);
  // The hour's sweep ran, and every invocation of the hour ended well (the harness fails the test otherwise).
  expect(ran.filter((r) => r.kind === 'scheduled').length).toBeGreaterThanOrEqual(1);
  expect(ran.filter((r) => r.outcome !== 'ok' && r.outcome !== 'retry')).toEqual([]);
});
