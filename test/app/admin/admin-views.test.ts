import { getActivity } from '../../../src/app/admin/activity';
import { getHealth } from '../../../src/app/admin/health-check';
import { previewText } from '../../../src/app/admin/preview-text';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import { adminDeps } from './admin-fixture';

const entry = (at: string, action: string, issue = '1', projectKey = 'SUP'): AuditEntry => ({
  at,
  projectKey,
  issueKey: `${projectKey}-${issue}`,
  issueId: `100${issue}`,
  action,
  outcome: 'done',
  source: 'sweep',
  idempotencyKey: `${issue}:${action}:${at}`,
});

describe('admin views', () => {
  it('previews a typed template with samples and lists unknown placeholders', async () => {
    const { deps } = adminDeps();
    const result = await previewText(
      {
        messageKey: 'clarificationReminder',
        language: 'en',
        template: 'Reminder {reminderNumber} on {issueKy}',
        params: { reminderNumber: '2' },
      },
      deps,
    );
    expect(result).toEqual({ text: 'Reminder 2 on {issueKy}', unknownPlaceholders: ['issueKy'] });
    const saved = await previewText(
      { messageKey: 'resolvedClose', language: 'de', params: { closeAfterDays: '50' } },
      deps,
    );
    expect(saved.text).toContain('innerhalb von 50 Tagen');
    expect(saved.unknownPlaceholders).toEqual([]);
  });

  it('checks configured names against the site and explains how to fix what is missing', async () => {
    const { deps, store } = adminDeps({
      table: [
        ['GET', /^\/rest\/api\/3\/issuetype$/, { status: 200, body: [{ id: '1', name: 'Software Defect' }] }],
        [
          'GET',
          /^\/rest\/api\/3\/status$/,
          {
            status: 200,
            body: [
              { id: '1', name: 'open' },
              { id: '2', name: 'Resolved' },
              { id: '3', name: 'RESOLVED' },
            ],
          },
        ],
        [
          'GET',
          /^\/rest\/api\/3\/field$/,
          { status: 200, body: [{ id: 'customfield_1', name: 'Delivery version' }] },
        ],
        [
          'GET',
          /^\/rest\/api\/3\/issueLinkType$/,
          {
            status: 200,
            body: {
              issueLinkTypes: [{ id: '1', name: 'Delivery', inward: 'is shipped in', outward: 'ships' }],
            },
          },
        ],
        [
          'GET',
          /^\/rest\/api\/3\/project\/SUP$/,
          { status: 200, body: { id: '10000', key: 'SUP', name: 'Support' } },
        ],
        [
          'GET',
          /^\/rest\/api\/3\/project\/SUP\/securitylevel$/,
          { status: 200, body: { levels: [{ id: '1', name: 'Support Graz' }] } },
        ],
      ],
    });
    store.data.set(CONFIG_KEY, {
      version: 1,
      input: { projects: ['SUP'] },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const view = await getHealth({}, deps);
    const checks = view.projects[0]?.checks ?? [];
    const state = (category: string, name: string) =>
      checks.find((c) => c.category === category && c.name === name)?.state;
    expect(view.projects[0]?.projectName).toBe('Support');
    expect(state('issueType', 'Software Defect')).toBe('ok');
    expect(state('issueType', 'Delivery')).toBe('missing');
    expect(state('status', 'Open')).toBe('ok');
    expect(state('status', 'Resolved')).toBe('ambiguous');
    expect(state('field', 'Delivery version')).toBe('ok');
    expect(state('linkType', 'Delivery')).toBe('ok');
    expect(state('securityLevel', 'Support Graz')).toBe('ok');
    expect(state('securityLevel', 'Support London')).toBe('missing');
    expect(checks.find((c) => c.state === 'missing')?.fix?.de).toBeTruthy();
    expect(checks.filter((c) => c.state === 'ok').every((c) => c.fix === null)).toBe(true);
  });

  it('pages the activity log newest first with action and date filters, without gaps or repeats', async () => {
    const { deps, store } = adminDeps();
    store.data.set(CONFIG_KEY, {
      version: 1,
      input: { projects: ['SUP'] },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const days = Array.from(
      { length: 9 },
      (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
    );
    for (const [i, at] of days.entries())
      await deps.app.audit.append(entry(at, i % 3 === 0 ? 'close' : 'reminder', String(i)));

    const first = await getActivity({ limit: 4 }, deps);
    expect(first.entries.map((e) => e.at)).toEqual(days.slice(5).reverse());
    const second = await getActivity({ limit: 4, cursor: first.nextCursor ?? undefined }, deps);
    expect(second.entries.map((e) => e.at)).toEqual(days.slice(1, 5).reverse());
    const third = await getActivity({ limit: 4, cursor: second.nextCursor ?? undefined }, deps);
    expect(third.entries.map((e) => e.at)).toEqual([days[0]]);
    expect(third.nextCursor).toBeNull();

    const closes = await getActivity({ action: 'autoClosed', from: days[2], to: days[7] }, deps);
    expect(closes.entries.map((e) => e.issueKey)).toEqual(['SUP-6', 'SUP-3']);
    expect(closes.entries[0]?.summary.de).toBe('Ticket automatisch geschlossen');
  });

  it('filters the activity by one ticket, in any case, within its project only', async () => {
    const { deps, store } = adminDeps();
    store.data.set(CONFIG_KEY, {
      version: 1,
      input: { projects: ['SUP', 'OPS'] },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    await deps.app.audit.append(entry('2026-11-10T08:00:00.000Z', 'reminder', '3'));
    await deps.app.audit.append(entry('2026-11-11T08:00:00.000Z', 'reminder', '30'));
    await deps.app.audit.append(entry('2026-11-12T08:00:00.000Z', 'close', '3'));
    const ticket = await getActivity({ issueKey: ' sup-3 ' }, deps);
    expect(ticket.entries.map((e) => [e.issueKey, e.action])).toEqual([
      ['SUP-3', 'autoClosed'],
      ['SUP-3', 'reminderSent'],
    ]);
    await expect(getActivity({ issueKey: 'SUP-3', projectKey: 'OPS' }, deps)).resolves.toMatchObject({
      entries: [],
    });
    await expect(getActivity({ issueKey: 'SUP 3' }, deps)).rejects.toThrow('not a ticket key');
  });

  it('merges the projects and the site-wide entries newest first across pages', async () => {
    const { deps, store } = adminDeps();
    store.data.set(CONFIG_KEY, {
      version: 1,
      input: { projects: ['SUP', 'OPS'] },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const at = (day: number, hour: number) =>
      `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    // Interleaved in time: SUP on even hours, OPS on odd hours, one settings save in between.
    const expected: string[] = [];
    for (let hour = 0; hour < 12; hour += 1) {
      const project = hour % 2 === 0 ? 'SUP' : 'OPS';
      await deps.app.audit.append(entry(at(20, hour), 'reminder', String(hour), project));
      expected.push(`${project}-${hour}`);
    }
    await deps.app.audit.append({
      at: at(20, 5).replace(':00:00', ':30:00'),
      projectKey: '',
      issueKey: '',
      issueId: '',
      action: 'settingsSaved',
      outcome: 'done',
      source: 'admin',
      detail: 'version 2',
      idempotencyKey: 'settings:v2',
      actorAccountId: 'admin-1',
      changes: [{ path: 'timers.resolvedAutoCloseDays', from: '50', to: '10' }],
    });
    expected.splice(6, 0, 'site');
    expected.reverse();

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await getActivity({ limit: 5, ...(cursor ? { cursor } : {}) }, deps);
      seen.push(...result.entries.map((e) => e.issueKey ?? 'site'));
      const times = result.entries.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(expected);

    const saves = await getActivity({ action: 'settingsChanged' }, deps);
    expect(saves.entries.map((e) => [e.projectKey, e.summary.en])).toEqual([
      [null, 'Site settings saved — version 2'],
    ]);
    // The kind filter: the settings saves alone, and every reminder entry without the save.
    const settings = await getActivity({ kind: 'settings' }, deps);
    expect(settings.entries.map((e) => e.action)).toEqual(['settingsChanged']);
    const reminders = await getActivity({ kind: 'reminders', limit: 200 }, deps);
    expect(reminders.entries).toHaveLength(expected.length - 1);
    expect(new Set(reminders.entries.map((e) => e.action))).toEqual(new Set(['reminderSent']));
    // Who saved travels as the account id (the page reads the name), with what changed.
    expect(saves.entries[0]).toMatchObject({
      actorAccountId: 'admin-1',
      changes: [{ path: 'timers.resolvedAutoCloseDays', from: '50', to: '10' }],
    });
    await expect(getActivity({ cursor: 'not-a-cursor' }, deps)).rejects.toThrow(/cursor/);
  });
});
