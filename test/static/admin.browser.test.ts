/**
 * The built admin page in Chromium through the bridge shim: settings render, the live text preview calls
 * `previewText`, save errors appear next to the field their path names, the other tabs load, FORBIDDEN
 * shows the administrators-only message, and axe finds nothing serious.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ShimConfig } from '../../sandbox/ui-bridge/host';
import type { ProcessSettings, SettingsError } from '../../src/contract/resolvers';
import { MESSAGE_KEYS } from '../../src/domain/texts/message-keys';
import { settingsView, siteCatalog } from './fixtures/admin-settings';
import { ensureUiBuilt, launchChromium, SCREENSHOTS, seriousA11yViolations } from './support/browser';
import { startUiServer, type InvokeCall } from './support/ui-server';

const ADMIN = 'admin-account';
const SITE = 'https://example.atlassian.net';
const AGENT = 'agent-account';

function adminConfig(query: URLSearchParams): ShimConfig {
  return {
    moduleKey: 'process-admin',
    accountId: query.get('as') === 'agent' ? AGENT : ADMIN,
    locale: query.get('locale') ?? 'en-US',
    timezone: 'Europe/Berlin',
    theme: query.get('theme') === 'dark' ? 'dark' : 'light',
    extension: { type: 'jira:adminPage' },
    siteUrl: SITE,
  };
}

/** The parked ticket the Health tab lists until the test retries it. */
const PARKED_ID = 't:SD:10001';
let parkedRetried = false;
/** The next sweep's time as the preview answers it; `null` before the first sweep. */
let nextSweep: string | null = '2026-11-27T10:00:00.000Z';

function resolveAdmin(call: InvokeCall): unknown {
  if (call.context.accountId !== ADMIN)
    return { error: { code: 'FORBIDDEN', message: 'not a Jira administrator' } };
  switch (call.functionKey) {
    case 'getSettings':
      return { data: settingsView };
    case 'getSiteCatalog':
      return { data: siteCatalog };
    case 'getOrganizationHealth':
      return {
        data: {
          organizations: [{ name: 'Globex Ltd', missing: ['language'] }],
          defaultRegion: 'dach',
          defaultLanguage: 'de',
        },
      };
    case 'previewText': {
      const { template, params } = call.payload as { template: string; params: Record<string, string> };
      const text = template.replace(/\{(\w+)\}/g, (_m: string, name: string) => params[name] ?? `{${name}}`);
      const unknownPlaceholders = [...template.matchAll(/\{(\w+)\}/g)]
        .map((x) => x[1])
        .filter((n) => !(n! in params));
      return { data: { text, unknownPlaceholders } };
    }
    case 'saveSettings': {
      // Like the real resolver, errors name the page's field: an unknown region time zone names its row, an
      // empty priority or link type wording names its box.
      const payload = call.payload as { settings?: ProcessSettings };
      const errors = payload.settings ? fieldErrors(payload.settings) : [];
      return {
        data: {
          ok: false,
          errors:
            errors.length > 0
              ? errors
              : [
                  {
                    path: 'timers.resolvedAutoCloseDays',
                    message: 'timers.resolvedAutoCloseDays: Too small: expected number to be >=1',
                    rule: { kind: 'tooSmall', limit: 1 },
                  },
                ],
        },
      };
    }
    case 'previewSettingsImpact': {
      // Like the real resolver: a shorter Resolved timer closes SD-107 on the next sweep and brings SD-109's
      // close forward; two tickets have no stored state; the next sweep's time is not known before the first
      // sweep, when the project is not indexed yet either.
      const payload = call.payload as { settings?: ProcessSettings };
      const days = payload.settings?.timers.resolvedAutoCloseDays ?? 50;
      const none = { count: 0, tickets: [] };
      return {
        data: {
          computedAt: '2026-11-27T09:00:00.000Z',
          nextSweepAt: days === 7 ? null : '2026-11-27T10:00:00.000Z',
          valid: days > 0,
          checked: 12,
          unknown: days < 50 ? { count: 2, tickets: ['SD-130', 'SD-131'] } : none,
          unindexedProjects: days === 7 ? ['SD'] : [],
          // A lower reminder count than SD-140 has had: it closes after its last reminder.
          pastReminderCount:
            (payload.settings?.timers.clarificationReminderCount ?? 3) < 3
              ? { count: 1, tickets: ['SD-140'] }
              : none,
          effects: {
            closeNextSweep: days < 50 ? { count: 1, tickets: ['SD-107'] } : none,
            remindNextSweep: none,
            earlier: days < 50 ? { count: 3, tickets: ['SD-109', 'SD-110', 'SD-111'] } : none,
            later:
              (payload.settings?.timers.clarificationReminderCount ?? 3) < 3
                ? { count: 1, tickets: ['SD-140'] }
                : none,
          },
        },
      };
    }
    case 'getHealth':
      return {
        data: {
          checkedAt: '2026-11-27T09:00:00.000Z',
          projects: [
            {
              projectKey: 'SD',
              projectName: 'Service Desk',
              checks: [
                {
                  category: 'status',
                  name: 'Delivery Pending',
                  state: 'missing',
                  fix: { en: 'Add the status to the workflow.', de: 'Status im Workflow ergänzen.' },
                },
                { category: 'field', name: 'Delivery version', state: 'ok', fix: null },
              ],
            },
          ],
        },
      };
    case 'previewSweep':
      return {
        data: {
          computedAt: '2026-11-27T09:00:00.000Z',
          nextSweepAt: nextSweep,
          items: [
            {
              issueKey: 'SD-101',
              timer: 'clarification',
              action: 'remind',
              reminder: { number: 2, of: 3 },
              dueAt: '2026-11-27T09:30:00.000Z',
            },
            {
              issueKey: 'SD-107',
              timer: 'resolved',
              action: 'close',
              reminder: null,
              dueAt: '2026-11-27T09:45:00.000Z',
            },
          ],
          estimatedPoints: 40,
          pointsBudgetPerHour: 2000,
          week: [
            {
              issueKey: 'SD-120',
              timer: 'resolved',
              action: 'close',
              reminder: null,
              dueAt: '2026-11-30T07:00:00.000Z',
            },
          ],
          weekUntil: '2026-12-04T10:00:00.000Z',
          unknown: { count: 1, tickets: ['SD-130'] },
          unindexedProjects: ['OPS'],
        },
      };
    case 'getActivity':
      return {
        data: {
          entries: [
            {
              id: 'x1',
              at: '2026-11-20T08:00:00.000Z',
              action: 'reminderSent',
              issueKey: 'SD-101',
              projectKey: 'SD',
              outcome: 'done',
              dryRun: true,
              summary: { en: 'Reminder 1 of 3', de: 'Erinnerung 1 von 3' },
            },
            {
              id: 'x2',
              at: '2026-11-19T16:30:00.000Z',
              action: 'settingsChanged',
              issueKey: null,
              projectKey: null,
              outcome: 'done',
              dryRun: false,
              summary: { en: 'Site settings saved', de: 'Site-Einstellungen gespeichert' },
              actorAccountId: 'acc-mara',
              changes: [
                { path: 'timers.resolvedAutoCloseDays', from: '50', to: '10' },
                { path: 'regions.regions.1.timeZone', from: 'Europe/London', to: 'Europe/Dublin' },
                {
                  path: 'texts.clarificationReminder.de',
                  from: 'Bitte antworten Sie…',
                  to: 'Wir warten auf…',
                },
              ],
              moreChanges: 2,
            },
          ],
          nextCursor: null,
        },
      };
    case 'getParkedItems':
      return {
        data: {
          maxAttempts: 5,
          items: parkedRetried
            ? []
            : [
                {
                  id: PARKED_ID,
                  kind: 'ticket',
                  issueKey: 'SD-1',
                  projectKey: 'SD',
                  subject: { en: 'Timer step of SD-1', de: 'Timer-Schritt von SD-1' },
                  reason: {
                    en: 'It fails on its own (doTransition: HTTP 403)',
                    de: 'Es scheitert an sich selbst (doTransition: HTTP 403)',
                  },
                  attempts: 5,
                  firstFailedAt: '2026-11-27T05:00:00.000Z',
                  lastFailedAt: '2026-11-27T09:00:00.000Z',
                  parkedAt: '2026-11-27T09:00:00.000Z',
                },
              ],
        },
      };
    case 'retryParkedItem':
      parkedRetried = true;
      return { data: { retried: true } };
    default:
      throw new Error(`unexpected resolver ${call.functionKey}`);
  }
}

function fieldErrors(settings: ProcessSettings): SettingsError[] {
  // The mock site refuses one level on a region row, as a level of another project's scheme would be refused.
  const row = settings.regions.regions.findIndex((r) => r.securityLevel === 'Support restricted');
  const names = [
    ...Object.entries(settings.names.priorities).map(([p, v]) => [`names.priorities.${p}`, v] as const),
    ...Object.entries(settings.names.deliveryLinkType).map(
      ([k, v]) => [`names.deliveryLinkType.${k}`, v] as const,
    ),
  ];
  const t = settings.timers;
  const lastReminder = t.clarificationReminderCount * t.clarificationReminderIntervalDays;
  return [
    // A rule between settings: the resolver names it with its figures, in English only.
    ...(lastReminder >= t.clarificationAutoCloseDays
      ? [
          {
            path: 'timers.clarificationAutoCloseDays',
            message: `timers.clarificationAutoCloseDays: ${t.clarificationReminderCount} reminders every ${t.clarificationReminderIntervalDays} days end on day ${lastReminder}, so closing on day ${t.clarificationAutoCloseDays} would come before or with the last reminder`,
            rule: {
              kind: 'closeBeforeLastReminder' as const,
              reminders: t.clarificationReminderCount,
              everyDays: t.clarificationReminderIntervalDays,
              lastReminderDay: lastReminder,
              closeDay: t.clarificationAutoCloseDays,
            },
          },
        ]
      : []),
    ...(row >= 0
      ? [
          {
            path: `regions.regions.${row}.securityLevel`,
            message: `regions.regions.${row}.securityLevel: is not a security level of the project`,
          },
        ]
      : []),
    ...names
      .filter(([, v]) => v.trim() === '')
      .map(([path]) => ({ path, message: `${path}: must not be empty` })),
  ];
}

/** The text of the last element `aria-describedby` of `field` points at (its error, after its hint). */
async function lastDescription(page: Page, field: ReturnType<Page['getByLabel']>): Promise<string> {
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  return page.locator(`[id="${describedBy.split(' ').pop()!}"]`).innerText();
}

let browser: Browser;
let server: Awaited<ReturnType<typeof startUiServer>>;

beforeAll(async () => {
  ensureUiBuilt();
  // The page reads a saver's display name and the pickers' people itself, as the viewing admin.
  const people = siteCatalog.people.map((p) => ({ ...p, accountType: 'atlassian', active: true }));
  server = await startUiServer(
    (_app, query) => adminConfig(query),
    resolveAdmin,
    (path) =>
      path === '/rest/api/3/user?accountId=acc-mara'
        ? { status: 200, body: { accountId: 'acc-mara', displayName: 'Mara Schneider' } }
        : path === '/rest/api/3/users/search?maxResults=1000'
          ? { status: 200, body: people }
          : { status: 404, body: { errorMessages: ['no such user'] } },
  );
  browser = await launchChromium();
});

// Each test starts with the parked ticket listed and no resolver call recorded: what a test finds in the
// calls is what it caused.
beforeEach(() => {
  parkedRetried = false;
  server.calls.length = 0;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openAdmin(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${server.url}/admin/?${query}`);
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  return page;
}

test.each([
  ['en-US', 'light'],
  ['de-DE', 'dark'],
] as const)(
  'settings render in %s/%s, with a live preview and no serious a11y violations',
  async (locale, theme) => {
    const page = await openAdmin(`locale=${locale}&theme=${theme}`);
    const reminder =
      locale === 'de-DE'
        ? 'Erinnerung während der Klärung (EN)'
        : 'Reminder while waiting for the customer (EN)';
    await page.getByLabel(reminder).fill('Please answer {issueKey} ({n}/{total}) {typo}');
    await page.getByText('Please answer SD-101 (2/3) {typo}').waitFor();
    await page
      .getByText(locale === 'de-DE' ? 'Unbekannter Platzhalter: typo' : 'Unknown placeholder: typo')
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `admin-settings-${locale}-${theme}.png`) });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  },
);

test.each([
  ['en-US', 'Close after days in Resolved', 'Must be at least 1.', 'Save'],
  ['de-DE', 'Schließen nach Tagen in „Gelöst“', 'Muss mindestens 1 sein.', 'Speichern'],
] as const)(
  'a save error in %s: in words beside its field, named by label in the summary, focus on the field',
  async (locale, label, problem, save) => {
    const page = await openAdmin(`locale=${locale}`);
    await page.getByRole('button', { name: save }).click();
    const field = page.getByLabel(label);
    await page.getByText(problem).first().waitFor();
    const describedBy = await field.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy!.split(' ').pop()!}"]`).innerText()).toBe(problem);
    // Focus moved to the field, which is not hidden behind the sticky save bar.
    await expect(field.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    const [fieldBox, barBox] = await Promise.all([
      field.boundingBox(),
      page.getByRole('button', { name: save }).boundingBox(),
    ]);
    expect(fieldBox!.y + fieldBox!.height).toBeLessThan(barBox!.y);
    // The summary names the field by its label and links to it; the config path never shows.
    const summary = page.getByRole('alert').filter({ has: page.getByRole('link', { name: label }) });
    await expect(summary.innerText()).resolves.toContain(`${label}: ${problem}`);
    expect(await page.getByText('timers.resolvedAutoCloseDays').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `admin-validation-${locale}.png`) });
    await page.getByRole('tab').first().focus();
    await summary.getByRole('link', { name: label }).click();
    await expect(field.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    const saved = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
    expect(saved?.payload).toMatchObject({ scope: 'site', expectedVersion: 7 });
    await page.close();
  },
);

test.each([
  [
    'en-US',
    'Reminders in Clarification',
    'Close after days in Clarification',
    '9 reminders every 10 days end on day 90; closing on day 40 would come before or with the last one. Close later or remind less often.',
  ],
  [
    'de-DE',
    'Erinnerungen in der Klärung',
    'Schließen nach Tagen in der Klärung',
    '9 Erinnerungen alle 10 Tage enden an Tag 90; ein Schließen an Tag 40 käme vor oder mit der letzten. Später schließen oder seltener erinnern.',
  ],
] as const)(
  'a rule between settings is worded in %s beside the field to change',
  async (locale, count, close, sentence) => {
    const page = await openAdmin(`locale=${locale}`);
    await page.getByLabel(count).fill('9');
    await page.getByRole('button', { name: locale === 'de-DE' ? 'Speichern' : 'Save' }).click();
    // The summary names the field by its label; the field itself says the sentence.
    await page
      .getByRole('listitem')
      .filter({ hasText: `${close}: ${sentence}` })
      .waitFor();
    await expect(lastDescription(page, page.getByLabel(close))).resolves.toBe(sentence);
    expect(await page.getByText('before or with the last reminder').count()).toBe(0);
    await page
      .getByRole('alert')
      .first()
      .screenshot({ path: join(SCREENSHOTS, `admin-rule-${locale}.png`) });
    await page.close();
  },
);

test('regions: security levels, zones, holidays and organizations are picked from lists; a refused level is shown on its row', async () => {
  const page = await openAdmin('locale=en-US');
  const regions = page.getByRole('region', { name: 'Regions, organizations and languages' });
  // The security levels are the site's, the holiday calendars the app's own, named in words with their code.
  await expect(
    regions.getByLabel('Security level').nth(1).locator('option').allInnerTexts(),
  ).resolves.toEqual(siteCatalog.securityLevels);
  const holidays = regions.getByLabel('Holidays (e.g. DE-SL)').nth(1);
  await expect(holidays.locator('option:checked').innerText()).resolves.toBe(
    'England (United Kingdom) · GB-ENG',
  );
  await holidays.selectOption('GB');
  await regions.getByLabel('Security level').nth(1).selectOption('Support restricted');
  await regions.getByLabel('Time zone').nth(1).selectOption('Europe/Dublin');
  const organization = regions.getByLabel('Organization (as named in JSM)').first();
  await expect(organization.locator('option').allInnerTexts()).resolves.toEqual(siteCatalog.organizations);
  await organization.selectOption('ACME AG');
  await regions.getByLabel('Language').first().selectOption('en');
  await regions.getByLabel('Fallback security level').selectOption('Support DACH');
  await regions.getByLabel(/Lift the restriction/).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('is not a security level').first().waitFor();
  const level = regions.getByLabel('Security level').nth(1);
  const describedBy = (await level.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`[id="${describedBy.split(' ').pop()!}"]`).innerText()).resolves.toContain(
    'is not a security level',
  );
  const save = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
  expect(save?.payload).toMatchObject({
    managedProjects: ['SD'],
    settings: {
      regions: {
        regions: [
          {},
          { securityLevel: 'Support restricted', timeZone: 'Europe/Dublin', holidayRegion: 'GB' },
        ],
        organizations: [{ organization: 'ACME AG', region: 'dach', language: 'en' }],
        fallbackSecurityLevel: 'Support DACH',
        liftRestrictionOnNo: true,
      },
    },
  });
  await page.close();
});

test.each([
  [
    'en-US',
    '10',
    'Close after days in Resolved',
    'What would this change?',
    '1 ticket would be closed by the next sweep: SD-107',
    '3 tickets would get their next reminder or close earlier: SD-109, SD-110, SD-111',
    /Judged at the next sweep, .*2026/,
    /Not known for 2 tickets with a running timer, not counted above: .*: SD-130, SD-131/,
  ],
  [
    'de-DE',
    '7',
    'Schließen nach Tagen in „Gelöst“',
    'Was würde sich ändern?',
    '1 Ticket würde beim nächsten Lauf geschlossen: SD-107',
    '3 Tickets bekämen die nächste Erinnerung oder das Schließen früher: SD-109, SD-110, SD-111',
    /noch nicht bekannt/,
    /Nicht bekannt für 2 Tickets mit laufendem Timer, oben nicht mitgezählt: .*: SD-130, SD-131[\s\S]*Nicht enthalten: Tickets aus SD, die die App noch nicht erfasst hat/,
  ],
] as const)(
  'before saving (%s), the admin sees what the change would do to open tickets, with ticket links',
  async (locale, days, label, button, closes, earlier, sweep, unknown) => {
    const page = await openAdmin(`locale=${locale}`);
    await page.getByLabel(label, { exact: true }).fill(days);
    const saves = server.calls.filter((c) => c.functionKey === 'saveSettings').length;
    await page.getByRole('button', { name: button }).click();
    const summary = page.getByRole('status').filter({ hasText: closes });
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toContain(earlier);
    await expect(summary.innerText()).resolves.toMatch(sweep);
    await expect(summary.innerText()).resolves.toMatch(unknown);
    await expect(summary.getByRole('link', { name: /SD-107/ }).getAttribute('href')).resolves.toBe(
      `${SITE}/browse/SD-107`,
    );
    // The check sends what a save would send, and saves nothing.
    const check = server.calls.filter((c) => c.functionKey === 'previewSettingsImpact').pop();
    expect(check?.payload).toMatchObject({
      scope: 'site',
      settings: { timers: { resolvedAutoCloseDays: Number(days) } },
    });
    expect(server.calls.filter((c) => c.functionKey === 'saveSettings')).toHaveLength(saves);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await summary.screenshot({ path: join(SCREENSHOTS, `admin-impact-${locale}.png`) });
    // An edit makes the answer stale: it goes.
    await page.getByLabel(label, { exact: true }).fill('40');
    await expect(summary.count()).resolves.toBe(0);
    await page.close();
  },
);

test.each([
  [
    'en-US',
    'Reminders in Clarification',
    'What would this change?',
    'One ticket has already had more reminders than the new count: it gets no further reminder and closes one reminder interval after its last reminder, or on the configured close day if that is later: SD-140',
  ],
  [
    'de-DE',
    'Erinnerungen in der Klärung',
    'Was würde sich ändern?',
    'Ein Ticket hat schon mehr Erinnerungen erhalten als die neue Anzahl: Es bekommt keine weitere Erinnerung und wird ein Erinnerungsintervall nach der letzten Erinnerung geschlossen, oder am eingestellten Schließtag, wenn der später liegt: SD-140',
  ],
] as const)(
  'before lowering the reminder count (%s), the admin reads which waiting tickets it concerns and what happens to them',
  async (locale, label, button, text) => {
    const page = await openAdmin(`locale=${locale}`);
    await page.getByLabel(label, { exact: true }).fill('1');
    await page.getByRole('button', { name: button }).click();
    const summary = page.getByRole('status').filter({ hasText: 'SD-140' });
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toContain(text);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  },
);

test("calendar: the holiday country and its state are picked from the app's calendars, named in German", async () => {
  const page = await openAdmin('locale=de-DE');
  const calendar = page.getByRole('region', { name: 'Kalender und Feiertage' });
  const country = calendar.getByLabel('Feiertage: Land (z. B. DE)');
  const state = calendar.getByLabel('Feiertage: Region (optional, z. B. SL)');
  await expect(country.locator('option:checked').innerText()).resolves.toBe('Deutschland · DE');
  // Only the chosen country's states, and the country's own holidays alone as the first choice.
  await expect(state.locator('option').allInnerTexts()).resolves.toEqual([
    '— das ganze Land —',
    'Bayern (Deutschland) · BY',
    'Saarland (Deutschland) · SL',
  ]);
  await expect(state.inputValue()).resolves.toBe('SL');
  // Another country starts with its country-wide holidays.
  await country.selectOption('AT');
  await expect(state.inputValue()).resolves.toBe('');
  await state.selectOption('6');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('alert').first().waitFor();
  const save = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
  expect(save?.payload).toMatchObject({
    settings: { calendar: { holidayCountry: 'AT', holidayRegion: '6' } },
  });
  await page.close();
});

test('priority names and the Delivery link type are editable, with the guide meaning and errors beside them', async () => {
  const page = await openAdmin('locale=en-US');
  const names = page.getByRole('region', { name: 'Names on this site' });
  const p1 = names.getByLabel('Jira priority for P1');
  await expect(p1.inputValue()).resolves.toBe('Highest');
  // The guide's meaning is the field's description, so a screen reader reads it with the box.
  await expect(lastDescription(page, p1)).resolves.toMatch(/^Critical: the system cannot be reached/);
  // The priorities are the site's own (Jira's priority suggestions), in the site's order.
  await expect(names.getByLabel('Jira priority for P4').locator('option').allInnerTexts()).resolves.toEqual(
    siteCatalog.priorities,
  );
  await names.getByLabel('Jira priority for P4').selectOption('Lowest');
  // A link type picked from the site brings its own wording; the wording stays editable.
  await names.getByLabel('Link type name').selectOption('Shipment');
  await expect(names.getByLabel('Inward description (ticket → Delivery)').inputValue()).resolves.toBe(
    'is delivered by',
  );
  await names.getByLabel('Outward description (Delivery → ticket)').fill('delivers');
  await names.getByLabel('Inward description (ticket → Delivery)').fill('');
  await names.getByLabel('Resolution on automatic close').selectOption('Fixed');
  await names.screenshot({ path: join(SCREENSHOTS, 'admin-names-pickers-en.png') });
  await expect(
    names.getByLabel('Clarification required / On hold', { exact: true }).locator('option').allInnerTexts(),
  ).resolves.toEqual(siteCatalog.statuses);
  await names.getByLabel('Answer "Yes"').fill('Ja');
  await page.getByRole('button', { name: 'Save' }).click();
  const inward = names.getByLabel('Inward description (ticket → Delivery)');
  await page.getByText('must not be empty').first().waitFor();
  await expect(lastDescription(page, inward)).resolves.toBe('must not be empty');
  await expect(inward.getAttribute('aria-invalid')).resolves.toBe('true');
  const save = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
  expect(save?.payload).toMatchObject({
    settings: {
      names: {
        priorities: { P1: 'Highest', P2: 'High', P3: 'Medium', P4: 'Lowest' },
        deliveryLinkType: { name: 'Shipment', outward: 'delivers', inward: '' },
        resolutionOnClose: 'Fixed',
        customValue: 'CUSTOM',
        fieldValues: { yes: 'Ja', no: 'No' },
      },
    },
  });
  await page.close();
});

test('estimate notice, ladder names and the pause switch reach the save', async () => {
  const page = await openAdmin('locale=de-DE');
  await page.getByLabel('Jira-Priorität für P3').waitFor();
  await page.getByLabel('Tage vor Ablauf einer Schätzung benachrichtigen').fill('14');
  await page.getByLabel('Name der Stufe 5 (EN)').fill('Executive board');
  expect(await page.getByText('Alle Automatisierung ist angehalten').count()).toBe(0);
  await page.getByLabel('Alle Automatisierung anhalten').check({ force: true });
  await page.getByText('Alle Automatisierung ist angehalten').waitFor();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page
    .getByText(/Must be at least 1\.|Muss mindestens 1 sein\./)
    .first()
    .waitFor();
  const save = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
  expect(save?.payload).toMatchObject({
    scope: 'site',
    automationEnabled: false,
    settings: {
      dryRun: false,
      timers: { estimateNoticeBeforeDays: 14 },
      escalation: { labels: [{}, {}, {}, {}, { de: 'Vorstand', en: 'Executive board' }] },
    },
  });
  // In a project's scope the warning says where to resume.
  await page.getByLabel('Einstellungen für').selectOption('SD');
  await page.getByText('Zum Fortfahren wählen Sie').waitFor();
  await page.close();
});

test('the escalation ladder names people by display name and saves their account ids', async () => {
  const page = await openAdmin('locale=en-US');
  const ladder = page.getByRole('region', { name: 'Escalation ladder' });
  await ladder.locator('li', { hasText: 'Mara Schneider' }).waitFor();
  // A person the site no longer lists is shown by id and can be removed.
  await ladder.getByRole('button', { name: 'Remove acc-gone from 3. Head of support' }).click();
  await ladder.getByLabel('4. Head of customer services').selectOption({ label: 'Tom Fischer' });
  await ladder.locator('li', { hasText: 'Tom Fischer' }).waitFor();
  expect(await ladder.locator('li', { hasText: 'acc-' }).count()).toBe(0);
  await ladder.getByLabel('Hours between two escalations').fill('48');
  await ladder.getByRole('button', { name: 'Add region' }).click();
  await ladder.getByLabel('Region id').nth(1).fill('vienna');
  // After an estimate expired: a note for the account managers, picked by name.
  const timers = page.getByRole('region', { name: 'Timers' });
  await timers.getByLabel('"Request a new estimate" does').selectOption('accountManagerNote');
  await timers.getByLabel('Account managers').selectOption({ label: 'Priya Nair' });
  await ladder.screenshot({ path: join(SCREENSHOTS, 'admin-escalation-en.png') });
  await page.getByRole('button', { name: 'Save' }).click();
  await page
    .getByText(/Must be at least 1\.|Muss mindestens 1 sein\./)
    .first()
    .waitFor();
  const save = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
  expect(save?.payload).toMatchObject({
    settings: {
      escalation: {
        personalContact: 'acc-mara',
        departmentHead: 'acc-elena',
        customerServicesHead: 'acc-tom',
        waitHoursBetweenLevels: 48,
        regionGroups: [
          { region: 'dach', group: 'dach' },
          { region: 'vienna', group: 'dach' },
        ],
      },
      timers: { estimateRenewal: { mode: 'accountManagerNote', accountManagers: 'acc-priya' } },
    },
  });
  await page.close();
});

test('on-call offers nobody, Opsgenie or a webhook, and every message is editable', async () => {
  const page = await openAdmin('locale=en-US');
  const mode = page.getByLabel('Alert for severe faults on weekends and holidays');
  const options = await mode.locator('option').allInnerTexts();
  expect(options).toEqual(['Nobody', 'An Opsgenie team or responder', 'A webhook']);
  await expect(page.getByLabel('Opsgenie team or responder').inputValue()).resolves.toBe('support-on-call');
  await mode.selectOption('webhook');
  await page.getByLabel('Webhook URL').fill('https://oncall.example.com/hook');
  const texts = page.getByRole('region', { name: 'Customer messages' });
  await expect(texts.locator('details').count()).resolves.toBe(MESSAGE_KEYS.length);
  await texts.getByText('Priority does not fit the type').click();
  await texts.getByText('{ticketKey} {priority} {type}').waitFor();
  await texts.getByLabel('Priority does not fit the type (DE)').waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  const save = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
  expect(save?.payload).toMatchObject({
    settings: { onCall: { mode: 'webhook', target: 'https://oncall.example.com/hook' } },
  });
  await page.close();
});

test('a project the app does not manage says how to enable it', async () => {
  const page = await openAdmin('locale=en-US');
  const managed = page.getByRole('group', { name: 'Managed projects' });
  await expect(managed.getByLabel('Service Desk (SD)').isChecked()).resolves.toBe(true);
  await expect(managed.getByLabel('Deliveries (DEL)').isChecked()).resolves.toBe(false);
  await page.getByLabel('Settings for').selectOption('DEL');
  await page.getByText('The app does not manage DEL yet').waitFor();
  await page.getByRole('button', { name: 'Enable DEL…' }).click();
  await expect(page.getByLabel('Settings for').inputValue()).resolves.toBe('site');
  await expect(managed.getByLabel('Deliveries (DEL)').isChecked()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Save' }).click();
  await page
    .getByText(/Must be at least 1\.|Muss mindestens 1 sein\./)
    .first()
    .waitFor();
  const save = server.calls.filter((c) => c.functionKey === 'saveSettings').pop();
  expect(save?.payload).toMatchObject({ scope: 'site', managedProjects: ['DEL', 'SD'] });
  await page.close();
});

test('a project follows the site until a section is overridden', async () => {
  const page = await openAdmin('locale=en-US');
  await page.getByLabel('Settings for').selectOption('DEL');
  await expect(page.getByLabel('Close after days in Resolved').isDisabled()).resolves.toBe(true);
  await page
    .getByRole('region', { name: 'Timers' })
    .getByLabel('Override the site defaults for this project')
    .check({ force: true });
  await expect(page.getByLabel('Close after days in Resolved').isDisabled()).resolves.toBe(false);
  await page.close();
});

test.each([
  [
    'en-US',
    'Activity',
    'Site settings saved · saved by Mara Schneider',
    'Kind',
    'Apply filters',
    [
      'Any',
      'Reminders',
      'Automatic closes',
      'Timer restarts and stops',
      'Flagged and reverted changes',
      'Deliveries',
      'Customer requests (escalations, new estimates)',
      'Security levels',
      'On-call alerts',
      'Settings changes',
      'Set-aside items',
      'Other app activity',
    ],
    [
      'Timers › Close after days in Resolved: 50 → 10',
      'Regions, organizations and languages › Time zone, row 2: Europe/London → Europe/Dublin',
      'Customer messages › ',
      'and 2 more settings',
    ],
  ],
  [
    'de-DE',
    'Aktivität',
    'Site-Einstellungen gespeichert · gespeichert von Mara Schneider',
    'Art',
    'Filter anwenden',
    [
      'Alle',
      'Erinnerungen',
      'Automatische Schließungen',
      'Timer-Neustarts und -Stopps',
      'Markierte und zurückgesetzte Änderungen',
      'Auslieferungen',
      'Kundenanliegen (Eskalationen, neue Schätzungen)',
      'Sicherheitsstufen',
      'Bereitschaftsalarme',
      'Einstellungsänderungen',
      'Zurückgestellte Einträge',
      'Sonstige App-Aktivität',
    ],
    ['Fristen › Schließen nach Tagen in „Gelöst“: 50 → 10', 'und 2 weitere Einstellungen'],
  ],
] as const)(
  'activity (%s): a settings save says who saved it, by display name, and what changed, old → new; filter by kind',
  async (locale, tab, who, kindLabel, apply, kinds, lines) => {
    const page = await openAdmin(`locale=${locale}`);
    await page.getByRole('tab', { name: tab }).click();
    const row = page.getByRole('row').filter({ hasText: who });
    await row.waitFor();
    const text = await row.innerText();
    for (const line of lines) expect(text).toContain(line);
    // The old value is marked as removed, the new one as inserted.
    await expect(row.locator('del').first().innerText()).resolves.toBe('50');
    await expect(row.locator('ins').first().innerText()).resolves.toBe('10');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await row.screenshot({ path: join(SCREENSHOTS, `admin-activity-settings-diff-${locale}.png`) });
    // The kind filter offers the kinds in words and asks the resolver for that kind.
    const kind = page.getByLabel(kindLabel, { exact: true });
    await expect(kind.locator('option').allInnerTexts()).resolves.toEqual(kinds);
    await kind.selectOption({ label: kinds[9] });
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/invoke')),
      page.getByRole('button', { name: apply }).click(),
    ]);
    expect(server.calls.filter((c) => c.functionKey === 'getActivity').pop()?.payload).toMatchObject({
      kind: 'settings',
    });
    await page.close();
  },
);

test.each([
  [
    'en-US',
    'Next sweep',
    /The 7 days after it, until Dec 4, 2026/,
    /^Next sweep: not known yet\./,
    /^Not listed: one ticket that may fall due in this time, whose timer state the app holds no current copy of .*: SD-130$/,
    /^Not included: tickets of OPS, which the app has not indexed yet/,
  ],
  [
    'de-DE',
    'Nächster Lauf',
    /Die 7 Tage danach, bis 04\.12\.2026/,
    /^Nächster Lauf: noch nicht bekannt\./,
    /^Nicht aufgeführt: ein Ticket, das in dieser Zeit fällig werden kann; die App hat keine aktuelle Kopie seines Timer-Stands .*: SD-130$/,
    /^Nicht enthalten: Tickets aus OPS, die die App noch nicht erfasst hat/,
  ],
] as const)(
  'next sweep (%s): the coming week after it, "not known yet" before the first sweep, and what it cannot know',
  async (locale, tab, week, unknown, notKnown, unindexed) => {
    nextSweep = null;
    try {
      const page = await openAdmin(`locale=${locale}`);
      await page.getByRole('tab', { name: tab }).click();
      const panel = page.getByRole('tabpanel');
      const table = panel.getByRole('table').filter({ has: page.locator('caption', { hasText: week }) });
      await table.waitFor();
      await expect(table.getByRole('row').nth(1).innerText()).resolves.toContain('SD-120');
      await expect(panel.innerText()).resolves.toMatch(new RegExp(unknown.source, 'm'));
      await expect(panel.innerText()).resolves.toMatch(new RegExp(notKnown.source, 'm'));
      await expect(panel.innerText()).resolves.toMatch(new RegExp(unindexed.source, 'm'));
      const link = panel.getByRole('link', {
        name: locale === 'en-US' ? 'Open SD-130 in Jira' : 'SD-130 in Jira öffnen',
      });
      await expect(link.getAttribute('href')).resolves.toBe(`${SITE}/browse/SD-130`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await panel.screenshot({ path: join(SCREENSHOTS, `admin-next-sweep-week-${locale}.png`) });
      await page.close();
    } finally {
      nextSweep = '2026-11-27T10:00:00.000Z';
    }
  },
);

test('health, next sweep and activity tabs load their views', async () => {
  const page = await openAdmin('locale=en-US');
  await page.getByRole('tab', { name: 'Health' }).click();
  await page.getByText('Add the status to the workflow.').waitFor();
  // An organization without a language: its customers would read German.
  const organizations = page.getByRole('table', { name: 'Organizations without a region or language' });
  await expect(organizations.getByRole('row').nth(1).innerText()).resolves.toMatch(/Globex Ltd\s+language/);
  await page.getByText('texts in German').waitFor();
  // The ticket set aside after five failures: what, why, when, and its Retry button.
  const parked = page.getByRole('table', { name: 'Set aside after failures' });
  await expect(parked.getByRole('row').nth(1).innerText()).resolves.toMatch(
    /Timer step of SD-1\s+It fails on its own \(doTransition: HTTP 403\)\s+5\s+Nov 27, 2026/,
  );
  await page.getByRole('tabpanel').screenshot({ path: join(SCREENSHOTS, 'admin-health-en.png') });
  await parked.getByRole('button', { name: 'Retry: Timer step of SD-1' }).click();
  await page.getByText('Retried: it runs again.').waitFor();
  await page.getByText('Nothing is set aside.').waitFor();
  const retry = server.calls.filter((c) => c.functionKey === 'retryParkedItem');
  expect(retry.map((c) => c.payload)).toEqual([{ id: PARKED_ID }]);
  await page.getByRole('tab', { name: 'Next sweep' }).click();
  await page.getByRole('tabpanel').getByText('reminder 2 of 3').waitFor();
  await page.getByRole('tab', { name: 'Activity' }).click();
  await page.getByLabel('Project', { exact: true }).selectOption('SD');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByLabel('Ticket', { exact: true }).fill(' sd-101 ');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Reminder 1 of 3').waitFor();
  const activity = server.calls.filter((c) => c.functionKey === 'getActivity').pop();
  expect(activity?.payload).toMatchObject({ projectKey: 'SD', issueKey: 'SD-101', limit: 50 });
  // The ticket key is a link to the issue, opened through the bridge router.
  await page.context().route(`${SITE}/**`, (route) => route.fulfill({ status: 200, body: 'Jira' }));
  const link = page.getByRole('link', { name: 'Open SD-101 in Jira' });
  await expect(link.getAttribute('href')).resolves.toBe(`${SITE}/browse/SD-101`);
  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  expect(popup.url()).toBe(`${SITE}/browse/SD-101`);
  await popup.close();
  await page.screenshot({ path: join(SCREENSHOTS, 'admin-activity-en-light.png') });
  await page.close();
});

test('a non-administrator sees the administrators-only message', async () => {
  const page = await openAdmin('as=agent&locale=en-US');
  await page.getByText('Only Jira administrators can see and change').waitFor();
  expect(await page.getByRole('tab').count()).toBe(0);
  await page.close();
});

test('the section list jumps to a section from the keyboard; Tab continues inside it', async () => {
  const page = await openAdmin('locale=de-DE');
  const nav = page.getByRole('navigation', { name: 'Abschnitte' });
  await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual(
    expect.arrayContaining(['Automatisierung', 'Fristen', 'Eskalationsstufen']),
  );
  await nav.getByRole('link', { name: 'Eskalationsstufen' }).focus();
  await page.screenshot({
    path: join(SCREENSHOTS, 'admin-sections-de.png'),
    clip: { x: 0, y: 0, width: 1100, height: 300 },
  });
  await page.keyboard.press('Enter');
  const section = page.getByRole('region', { name: 'Eskalationsstufen' });
  await expect(section.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  const [box, bar] = await Promise.all([section.boundingBox(), page.getByTestId('save-bar').boundingBox()]);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeLessThan(bar!.y);
  await page.keyboard.press('Tab');
  await expect(section.evaluate((e) => e.contains(document.activeElement))).resolves.toBe(true);
  await page.close();
});

/** One focus stop of a keyboard walk: which control, whether its focus is visible, whether the save bar hides it. */
interface FocusStop {
  id: string;
  ring: boolean;
  covered: boolean;
}

/** Where the focus is now: a control name, whether its focus ring shows, whether the sticky save bar covers it. */
function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(async () => {
    // Focus styles fade in: judged once their transitions have ended.
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const probe = document.createElement('div');
    probe.style.border = '1px solid var(--ds-border-focused)';
    document.body.append(probe);
    const focusColor = getComputedStyle(probe).borderColor;
    probe.remove();
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '') ||
      // Atlaskit text fields draw the ring on their wrapper while the input inside has focus.
      (el.parentElement !== null && getComputedStyle(el.parentElement).boxShadow !== 'none') ||
      (el.parentElement !== null && getComputedStyle(el.parentElement).outlineStyle !== 'none') ||
      // Atlaskit toggles colour their track's border with the focus token.
      (el.parentElement?.tagName === 'LABEL' &&
        getComputedStyle(el.parentElement).borderColor === focusColor);
    const box = el.getBoundingClientRect();
    const bar = document.querySelector('[data-testid="save-bar"]');
    const barTop = bar?.getBoundingClientRect().top ?? Infinity;
    const isBar = bar?.contains(el) ?? false;
    return {
      id: `${el.tagName}#${el.id}:${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30) ?? ''}`,
      ring,
      // A control partly under the bar counts; a whole tab panel taking focus is taller than any view.
      covered: !isBar && box.height < 200 && box.top < barTop && box.bottom > barTop,
    };
  });
}

/**
 * Presses Tab `steps` times from the current focus; the controls it reached, in order (each once), and every
 * stop whose focus does not show or that the save bar hides.
 */
async function keyboardWalk(page: Page, steps: number): Promise<{ seen: string[]; problems: string[] }> {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (let step = 0; step < steps; step++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (!stop) continue;
    seen.add(stop.id);
    if (!stop.ring) problems.push(`no visible focus: ${stop.id}`);
    if (stop.covered) problems.push(`under the save bar: ${stop.id}`);
  }
  return { seen: [...seen], problems };
}

test('keyboard walk: every stop on the settings tab shows focus and is not hidden behind the save bar', async () => {
  const page = await openAdmin('locale=en-US');
  await page.getByRole('tab', { name: 'Settings' }).focus();
  const { seen, problems } = await keyboardWalk(page, 120);
  expect(seen.length).toBeGreaterThan(60);
  expect(problems).toEqual([]);
  await page.close();
});

/** Axe finds nothing serious and every Tab stop from the current focus shows focus outside the save bar. */
async function sweepState(page: Page, state: string, steps: number): Promise<string[]> {
  const violations = (await seriousA11yViolations(page)).map((v) => `${state}: axe ${v.id}`);
  const { seen, problems } = await keyboardWalk(page, steps);
  return [
    ...violations,
    ...problems.map((p) => `${state}: ${p}`),
    ...(seen.length === 0 ? [`${state}: no stop`] : []),
  ];
}

/** The focused element's accessible name or text (for asserting where focus is). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });

test.each([['en-US'], ['de-DE']] as const)(
  'keyboard and axe sweep (%s) of the newer controls: pickers, impact check, errors, next sweep week, activity filter and diff',
  async (locale) => {
    const en = locale === 'en-US';
    const page = await openAdmin(`locale=${locale}`);
    const problems: string[] = [];
    // Settings at rest: every control of every section, to the save bar.
    await page.getByRole('tab', { name: en ? 'Settings' : 'Einstellungen' }).focus();
    problems.push(...(await sweepState(page, 'settings', 180)));

    // A picker in use: a person added to an escalation level shows a remove button, reached by Tab.
    const ladder = page.getByRole('region', { name: en ? 'Escalation ladder' : 'Eskalationsstufen' });
    const add = ladder.getByRole('combobox').first();
    await add.focus();
    await add.selectOption({ index: 1 });
    problems.push(...(await sweepState(page, 'person added', 30)));

    // The impact check: focus stays on its button while it runs and after it answers; its links come next.
    const days = page.getByLabel(en ? 'Close after days in Resolved' : 'Schließen nach Tagen in „Gelöst“', {
      exact: true,
    });
    await days.fill('10');
    const check = page.getByRole('button', {
      name: en ? 'What would this change?' : 'Was würde sich ändern?',
    });
    await check.focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('status').filter({ has: page.getByRole('link', { name: /SD-107/ }) });
    await summary.waitFor();
    await expect(focusedName(page)).resolves.toBe(en ? 'What would this change?' : 'Was würde sich ändern?');
    await page.keyboard.press('Shift+Tab');
    await expect(summary.evaluate((e) => e.contains(document.activeElement))).resolves.toBe(true);
    problems.push(...(await sweepState(page, 'impact shown', 40)));

    // Validation errors: focus on the summary, each item leads to its field, which the save bar does not cover.
    await days.fill('0');
    await page.getByRole('button', { name: en ? 'Save' : 'Speichern' }).click();
    const errors = page.getByRole('alert').first();
    await errors.waitFor();
    problems.push(...(await sweepState(page, 'errors shown', 40)));
    const item = errors.getByRole('link').first();
    await item.focus();
    await page.keyboard.press('Enter');
    await expect(days.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    const stop = await focusStop(page);
    expect(stop?.covered).toBe(false);

    // Next sweep: the coming week's table, its ticket links.
    await page.getByRole('tab', { name: en ? 'Next sweep' : 'Nächster Lauf' }).click();
    await page.getByRole('tabpanel').getByRole('table').first().waitFor();
    await page.getByRole('tab', { name: en ? 'Next sweep' : 'Nächster Lauf' }).focus();
    problems.push(...(await sweepState(page, 'next sweep', 40)));

    // Activity: the kind filter set to settings changes, the settings diff shown.
    await page.getByRole('tab', { name: en ? 'Activity' : 'Aktivität' }).click();
    const kind = page.getByLabel(en ? 'Kind' : 'Art', { exact: true });
    await kind.selectOption('settings');
    await page.getByRole('button', { name: en ? 'Apply filters' : 'Filter anwenden' }).click();
    await page.locator('del').first().waitFor();
    await page.getByRole('tab', { name: en ? 'Activity' : 'Aktivität' }).focus();
    problems.push(...(await sweepState(page, 'activity', 40)));
    expect(problems).toEqual([]);
    await page.close();
  },
  180_000,
);
