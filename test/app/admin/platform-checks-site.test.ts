import {
  checkCommentEvents,
  checkDueQuery,
  checkOnCall,
  checkRateLimitHeaders,
} from '../../../src/app/admin/platform-checks-site';
import type { AdminDeps } from '../../../src/app/admin/admin-access';
import { ConfigRepository, type LoadedConfig } from '../../../src/app/shared/config-repository';
import { recordCommentEvent, recordOnCallAnswer } from '../../../src/app/shared/platform-observations';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import type { ConfigError } from '../../../src/domain/config';
import { initialState } from '../../../src/domain/process-state';
import { adminDeps } from './admin-fixture';

const DUE = '2026-11-30T09:00:00.000Z';
const dueState = (nextDueAt?: string) => ({
  ...initialState(new Date('2026-11-20T09:00:00Z'), '3'),
  ...(nextDueAt === undefined ? {} : { nextDueAt }),
});

/** A site answering the due-ticket searches in turn with `answers`, recording the searches' bodies. */
function searchingSite(answers: unknown[][]) {
  const searches: { jql: string; fields: string[]; properties?: string[]; maxResults: number }[] = [];
  const fixture = adminDeps({
    table: [
      [
        'POST',
        /^\/rest\/api\/3\/search\/jql/,
        (_match, body) => {
          searches.push(body as { jql: string; fields: string[]; properties?: string[]; maxResults: number });
          return { status: 200, body: { issues: answers[searches.length - 1] ?? [], isLast: true } };
        },
      ],
    ],
  });
  return { ...fixture, searches };
}

describe('due-query check: Jira finds the app’s due time by date', () => {
  it('looks for the ticket due first, then for that ticket within a day of its due time', async () => {
    const ticket = { id: '10042', properties: { 'jsm-process-state': dueState(DUE) } };
    const { deps, searches } = searchingSite([[ticket], [{ id: '10042' }]]);
    const result = await checkDueQuery(deps);
    expect(searches.map((s) => s.jql)).toEqual([
      'processNextDue IS NOT EMPTY ORDER BY processNextDue ASC',
      'id = 10042 AND processNextDue >= "2026-11-29" AND processNextDue <= "2026-12-02"',
    ]);
    expect(searches[0]?.properties).toEqual(['jsm-process-state']);
    // One issue each, without its fields: the searches cost two points each.
    expect(searches.map((s) => [s.fields, s.maxResults])).toEqual([
      [[], 1],
      [[], 1],
    ]);
    expect(result).toMatchObject({ id: 'dueQuery', passed: true, costPoints: 4 });
    expect(result.detail.en).toContain(`(${DUE}) as a date`);
    expect(result.detail.de).toContain(`(${DUE}) als Datum`);
  });

  it('fails, costing three points, when the second search does not find the ticket', async () => {
    const ticket = { id: '10042', properties: { 'jsm-process-state': dueState(DUE) } };
    const { deps } = searchingSite([[ticket], []]);
    const result = await checkDueQuery(deps);
    expect(result).toMatchObject({ id: 'dueQuery', passed: false, costPoints: 3 });
    expect(result.detail.en).toContain(`does not find the app's due time (${DUE})`);
    expect(result.detail.de).toContain(`findet den Fälligkeitszeitpunkt der App (${DUE}) nicht`);
  });

  it.each([
    ['no ticket is due', []],
    ['the ticket found has no properties', [{ id: '10042' }]],
    ['the ticket found has no process state', [{ id: '10042', properties: {} }]],
    ['the ticket found has no due time', [{ id: '10042', properties: { 'jsm-process-state': dueState() } }]],
  ])('cannot be tried, and passes after one search, when %s', async (_when, first) => {
    const { deps, searches } = searchingSite([first, [{ id: '10042' }]]);
    const result = await checkDueQuery(deps);
    expect(searches).toHaveLength(1);
    expect(result).toMatchObject({ id: 'dueQuery', passed: true, costPoints: 2 });
    expect(result.detail.en).toContain('cannot be tried');
    expect(result.detail.de).toContain('noch nicht prüfen');
  });
});

describe('comment-events check: what comment events showed', () => {
  const AT = new Date('2026-11-25T14:37:12.000Z');

  it('says no comment event arrived yet', async () => {
    const { deps } = adminDeps();
    const result = await checkCommentEvents(deps);
    expect(result).toMatchObject({ id: 'commentEvents', passed: true, costPoints: 0 });
    expect(result.detail.en).toContain('No comment event has arrived yet');
    expect(result.detail.de).toContain('Noch kein Kommentar-Ereignis');
  });

  it.each([
    [
      true,
      'say whether a comment is public (last seen 2026-11-25 14:37 UTC)',
      'nennen die Sichtbarkeit (zuletzt',
    ],
    [
      false,
      'do not say whether a comment is public (last seen 2026-11-25 14:37 UTC)',
      'nennen die Sichtbarkeit nicht (zuletzt 2026-11-25 14:37 UTC)',
    ],
  ])(
    'when events carried the visibility (%s), says so with the minute last seen',
    async (carried, en, de) => {
      const { deps, store } = adminDeps();
      await recordCommentEvent(store, carried, AT);
      const result = await checkCommentEvents(deps);
      expect(result).toMatchObject({ id: 'commentEvents', passed: true, costPoints: 0 });
      expect(result.detail.en).toContain(en);
      expect(result.detail.de).toContain(de);
    },
  );
});

describe('on-call check: how the on-call route answered', () => {
  const AT = new Date('2026-11-25T14:37:12.000Z');
  const webhook = { ...defaultConfig, onCall: { mode: 'webhook' as const, target: 'https://x.example' } };

  /** Admin dependencies whose configuration loads as `loaded`. */
  function withConfig(loaded: Partial<LoadedConfig>) {
    const fixture = adminDeps();
    const config = new ConfigRepository(fixture.store);
    config.load = () => Promise.resolve({ config: webhook, version: 1, input: {}, ...loaded });
    const deps: AdminDeps = { ...fixture.deps, app: { ...fixture.deps.app, config } };
    return { ...fixture, deps };
  }

  it('fails, as advisory, naming where and why each stored webhook is refused', async () => {
    const refused: ConfigError[] = [
      { path: 'onCall.target', message: 'not https', rule: { kind: 'httpsUrl' } },
      {
        path: 'projectOverrides.SUP.onCall.target',
        message: 'host',
        rule: { kind: 'egress', hosts: ['a.example', 'b.example'] },
      },
      { path: 'projectOverrides.OPS.onCall.target', message: 'host', rule: { kind: 'egress', hosts: [] } },
    ];
    const { deps } = withConfig({ onCallRefused: refused });
    const result = await checkOnCall(deps);
    expect(result).toMatchObject({ id: 'onCall', passed: false, advisory: true, costPoints: 0 });
    expect(result.detail.en).toContain(
      'refused (site settings: it is not a full https:// address without user name or password; ' +
        'project SUP: its host is not declared as egress of this installation (declared: a.example, b.example); ' +
        'project OPS: its host is not declared as egress of this installation (declared: –))',
    );
    expect(result.detail.de).toContain(
      'abgelehnt (Site-Einstellungen: sie ist keine vollständige https://-Adresse ohne Benutzername und Passwort; ' +
        'Projekt SUP: ihr Host ist für diese Installation nicht als Egress freigegeben (freigegeben: a.example, b.example); ' +
        'Projekt OPS: ihr Host ist für diese Installation nicht als Egress freigegeben (freigegeben: –))',
    );
  });

  it('names a refused webhook without a rule as not a full https address', async () => {
    const { deps } = withConfig({ onCallRefused: [{ path: 'onCall.target', message: 'bad' }] });
    const result = await checkOnCall(deps);
    expect(result.detail.en).toContain('(site settings: it is not a full https:// address');
  });

  it('passes when on-call alerts are switched off, even after a refused alert', async () => {
    const { deps, store } = withConfig({ config: defaultConfig, onCallRefused: [] });
    await recordOnCallAnswer(store, false, 'HTTP 503', AT);
    const result = await checkOnCall(deps);
    expect(result).toEqual({
      id: 'onCall',
      passed: true,
      costPoints: 0,
      detail: { en: 'On-call alerts are switched off.', de: 'Bereitschafts-Alarme sind ausgeschaltet.' },
    });
  });

  it('passes until the first alert is sent', async () => {
    const { deps } = withConfig({});
    const result = await checkOnCall(deps);
    expect(result).toMatchObject({ id: 'onCall', passed: true, costPoints: 0 });
    expect(result).not.toHaveProperty('advisory');
    expect(result.detail.en).toContain('No on-call alert has been sent yet');
    expect(result.detail.de).toContain('Noch kein Bereitschafts-Alarm gesendet');
  });

  it('passes when the route accepted the last alert, with the minute it was sent', async () => {
    const { deps, store } = withConfig({});
    await recordOnCallAnswer(store, true, 'accepted', AT);
    const result = await checkOnCall(deps);
    expect(result).toMatchObject({ id: 'onCall', passed: true, costPoints: 0 });
    expect(result.detail.en).toBe('The on-call route accepted the last alert (2026-11-25 14:37 UTC).');
    expect(result.detail.de).toBe(
      'Der Bereitschaftsweg hat den letzten Alarm angenommen (2026-11-25 14:37 UTC).',
    );
  });

  it('fails when the route refused the last alert, with the minute and the answer', async () => {
    const { deps, store } = withConfig({});
    await recordOnCallAnswer(store, false, 'HTTP 503', AT);
    const result = await checkOnCall(deps);
    expect(result).toMatchObject({ id: 'onCall', passed: false, costPoints: 0 });
    expect(result).not.toHaveProperty('advisory');
    expect(result.detail.en).toContain('refused the last alert (2026-11-25 14:37 UTC: HTTP 503)');
    expect(result.detail.de).toContain('abgelehnt (2026-11-25 14:37 UTC: HTTP 503)');
  });
});

describe('rate-limit-headers check: the headers Jira sent on the checks’ calls', () => {
  it('says none were sent', () => {
    const { deps } = adminDeps();
    const result = checkRateLimitHeaders(deps);
    expect(result).toMatchObject({ id: 'rateLimitHeaders', passed: true, costPoints: 0 });
    expect(result.detail.en).toContain('Jira sent no rate-limit headers');
    expect(result.detail.de).toContain('keine Rate-Limit-Header gesendet');
  });

  it('names the headers sent', () => {
    const { deps } = adminDeps();
    deps.app.stats.recordRateLimitHeaders({ 'x-ratelimit-limit': '100', 'retry-after': '5' });
    const result = checkRateLimitHeaders(deps);
    expect(result).toMatchObject({ id: 'rateLimitHeaders', passed: true, costPoints: 0 });
    expect(result.detail.en).toContain('Jira sent these rate-limit headers: x-ratelimit-limit, retry-after.');
    expect(result.detail.de).toContain('Rate-Limit-Header gesendet: x-ratelimit-limit, retry-after.');
  });
});
