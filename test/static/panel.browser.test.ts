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

/**
 * Per state and language: the first line exactly, texts visible while the details are folded, texts that appear
 * once they are unfolded, and texts that must not appear anywhere (alarms on done tickets, internal codes).
 */
interface Expectation {
  lead?: string;
  folded: string[];
  unfolded?: string[];
  absent?: string[];
}
const expectations: Record<string, { en: Expectation; de: Expectation }> = {
  'SD-101': {
    en: {
      lead: 'Reminder 2 of 3 on Nov 30, 9:00 AM · closes Dec 20',
      folded: [
        'Software Defect',
        'P2',
        'critical',
        'Priority mismatch',
        'Service time breached',
        'Attention',
        // The customer escalated twice: the ladder unfolds by itself, naming the level, reason, time and who.
        'escalated to level 2: Support team lead DACH',
        'Level 1 (Personal support contact), Nov 24, 2026, 11:00 AM, by Acme Contact 1: Handling of a ticket',
        'Level 2 (Support team lead DACH), Nov 26, 2026, 9:30 AM: Response or restoration time exceeded',
      ],
      unfolded: [
        '1 of 3 reminders sent',
        'Breached',
        'Your support contact',
        'Jonas Weber, Priya Nair',
        '1 day and 2 hours',
      ],
    },
    de: {
      lead: 'Erinnerung 2 von 3 am 30. Nov., 09:00 · schließt am 20. Dez.',
      folded: [
        'Software Defect',
        'kritischer Fehler',
        'Systemverfügbarkeit',
        'Zu beachten',
        'auf Stufe 2 eskaliert: Support-Teamleitung DACH',
        'von Acme Contact 1: Bearbeitung eines Tickets',
      ],
      unfolded: [
        '1 von 3 Erinnerungen gesendet',
        'Überschritten',
        'Ihr Support-Ansprechpartner',
        '1 Tag und 2 Stunden',
      ],
      absent: ['Softwarefehler'],
    },
  },
  'SD-102': {
    en: {
      lead: 'No automatic step pending',
      folded: ['Consulting Request', 'Delivery', 'CUSTOM'],
      unfolded: ["Built only for this customer's system", 'DEL-7', 'Planned', 'Chargeable'],
      // Nothing escalated: the ladder stays folded and no history is shown.
      absent: ['escalated to level', 'Escalated by the customer'],
    },
    de: {
      lead: 'Kein automatischer Schritt ausstehend',
      folded: ['Consulting Request', 'CUSTOM'],
      unfolded: ['Nur für das System dieses Kunden', 'DEL-7', 'Kostenpflichtig'],
    },
  },
  'SD-103': {
    en: {
      lead: 'Estimate expired; closing overdue: handled by the next sweep',
      folded: ['Estimate expired', 'account manager'],
      unfolded: ['overdue: handled by the next sweep'],
      absent: ['6 days ago'],
    },
    de: {
      lead: 'Schätzung abgelaufen; Schließen überfällig: erledigt der nächste Lauf',
      folded: ['Schätzung abgelaufen', 'Account Manager'],
      absent: ['vor 6 Tagen'],
    },
  },
  'SD-106': {
    en: {
      folded: ['Dry run', 'Delivery version missing', 'No Delivery ticket', 'major', 'not configured yet'],
      unfolded: ['Nobody configured'],
    },
    de: {
      folded: ['Testmodus', 'Auslieferungsversion fehlt', 'wesentlicher Fehler', 'noch nicht eingerichtet'],
    },
  },
  'SD-107': {
    en: { lead: 'Closes automatically on Dec 22, 1:00 PM', folded: [], unfolded: ['Resolved since'] },
    de: { lead: 'Wird am 22. Dez., 13:00 automatisch geschlossen', folded: [], unfolded: ['Gelöst seit'] },
  },
  'SD-108': {
    en: {
      lead: 'Closed: the app takes no further steps',
      folded: ['Non-Software Defect', 'Closed', 'critical'],
      unfolded: ['Met', 'Missed', 'On-call duty alerted'],
      absent: ['Attention', 'Breached', 'Running', 'Paused', 'Remaining', 'Overdue by'],
    },
    de: {
      lead: 'Geschlossen: Die App unternimmt nichts mehr',
      folded: ['Non-Software Defect'],
      unfolded: ['Eingehalten', 'Verfehlt', 'Rufbereitschaft alarmiert'],
      absent: ['Zu beachten', 'Überschritten', 'Läuft'],
    },
  },
  'SD-109': {
    en: {
      lead: 'Reminder 3 of 3 overdue: handled by the next sweep',
      folded: ['Support Request'],
      unfolded: ['2 of 3 reminders sent', 'overdue: handled by the next sweep', 'customer replied'],
      absent: ['days ago ·', 'closes'],
    },
    de: {
      lead: 'Erinnerung 3 von 3 überfällig: erledigt der nächste Lauf',
      folded: ['Support Request'],
      unfolded: ['überfällig: erledigt der nächste Lauf'],
    },
  },
  'DEL-7': {
    en: { folded: ['Included tickets (2)', 'SD-88', 'Dedicated Cloud', '14.21.3.1'] },
    de: { folded: ['Enthaltene Tickets (2)', 'SD-88', 'Cloud-Umgebung'] },
  },
  'SD-104': {
    en: { folded: ['Nothing to show', 'not part of the support process'] },
    de: { folded: ['nichts anzuzeigen', 'gehört nicht'] },
  },
  'SD-105': {
    en: { folded: ['could not be loaded', 'Jira did not answer', 'Try again'] },
    de: { folded: ['konnte nicht geladen', 'Erneut versuchen'] },
  },
  'SD-110': {
    en: { folded: ["Jira limited the app's requests; retrying in 30 s."], absent: ['did not answer'] },
    de: { folded: ['Jira hat die Anfragen der App begrenzt; neuer Versuch in 30 s.'] },
  },
};

/** Words the panel must never show: guide references and the app's internal codes. */
const NEVER = /§|guide|Leitfaden|reminder\d|installBackfill|resolved:\d|App activity:/;

/** Unfold every detail section (the keyboard test below unfolds one the way an agent would). */
async function unfoldAll(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

describe.each(['en-US', 'de-DE'] as const)('issue panel in %s', (locale) => {
  const language = locale.startsWith('de') ? 'de' : 'en';
  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    test.each(Object.keys(expectations))(
      '%s renders its state, is accessible and is screenshotted',
      async (issue) => {
        const page = await openPanel(issue, locale, theme);
        try {
          const expected = expectations[issue]![language];
          if (expected.lead) expect(await page.getByTestId('next-step').innerText()).toBe(expected.lead);
          const folded = await page.locator('body').innerText();
          for (const text of expected.folded) expect(folded).toContain(text);
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
          await unfoldAll(page);
          const unfolded = await page.locator('body').innerText();
          for (const text of expected.unfolded ?? []) expect(unfolded).toContain(text);
          for (const text of expected.absent ?? []) expect(unfolded).not.toContain(text);
          expect(unfolded).not.toMatch(NEVER);
          // Every message appears once: no line of the panel repeats another.
          const lines = unfolded
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.length > 30);
          expect(lines.filter((line, i) => lines.indexOf(line) !== i)).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(352);
          await page.screenshot({
            path: join(SCREENSHOTS, `panel-${issue}-${language}-${theme}-unfolded.png`),
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

test('dates and numbers follow the user’s locale: en-GB is not en-US', async () => {
  const gb = await openPanel('SD-101', 'en-GB', 'light');
  expect(await gb.getByTestId('next-step').innerText()).toBe(
    'Reminder 2 of 3 on 30 Nov, 09:00 · closes 20 Dec',
  );
  await gb.close();
});

test('a rate-limited panel says so and retries by itself after Retry-After', async () => {
  const page = await context.newPage();
  await page.clock.install();
  const before = server.calls.length;
  await page.goto(`${server.url}/panel/?issue=SD-110&locale=en-US&theme=light`);
  await page.getByText("Jira limited the app's requests; retrying in 30 s.").waitFor();
  const calls = () => server.calls.slice(before).filter((c) => c.functionKey === 'getPanel').length;
  expect(calls()).toBe(1);
  await page.clock.runFor(31_000);
  await page.waitForFunction(() => document.body.innerText.includes('retrying'));
  expect(calls()).toBe(2);
  await page.close();
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

test('details unfold from the keyboard, and a ticket link opens the issue through the bridge router', async () => {
  const page = await openPanel('SD-102', 'en-US', 'light');
  const link = page.getByRole('link', { name: 'Open DEL-7' });
  expect(await link.isVisible()).toBe(false);
  await page.locator('summary', { hasText: 'Delivery' }).focus();
  await page.keyboard.press('Enter');
  await link.waitFor();
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

test.each(['SD-102', 'SD-101'])(
  'keyboard walk of %s: every control is reached by Tab, shows focus and has a name',
  async (issue) => {
    const page = await openPanel(issue, 'en-US', 'light');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const controls = await page.evaluate(() => {
      const focusable = document.querySelectorAll<HTMLElement>(
        'a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])',
      );
      return [...focusable]
        .filter((e) => !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0)
        .map((e, i) => {
          e.dataset.walk = String(i);
          return String(i);
        });
    });
    expect(controls.length).toBeGreaterThan(1);
    const reached = new Set<string>();
    const problems: string[] = [];
    await page.locator('body').focus();
    for (let step = 0; step < controls.length + 5; step++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
        const label = el.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
        const name = (el.getAttribute('aria-label') ?? '') + labelledBy + label + (el.textContent ?? '');
        const style = getComputedStyle(el);
        const ring =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          (style.boxShadow !== 'none' && style.boxShadow !== '');
        return {
          walk: el.dataset.walk ?? `unlisted ${el.tagName}`,
          name: name.trim(),
          ring,
          tag: el.tagName,
        };
      });
      if (!stop) continue;
      reached.add(stop.walk);
      if (stop.name === '') problems.push(`no name: ${stop.tag} ${stop.walk}`);
      if (!stop.ring) problems.push(`no visible focus: ${stop.tag} ${stop.name}`);
    }
    expect(controls.filter((c) => !reached.has(c))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  },
);
