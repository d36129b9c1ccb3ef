import { CommentLanguages } from '../../../src/app/events/comment-language';
import type { EventDeps } from '../../../src/app/events/event-deps';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import type { Ticket } from '../../../src/domain/ticket';
import { NOW, projectConfig, ticket } from '../../domain/events/rule-fixtures';
import { ExpiringStore } from '../../support/memory-store';
import { keepAgentLocale } from '../../../src/app/shared/agent-locale';

const HOUR = 60 * 60 * 1000;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

/** A site whose users have the Jira `locales` (by account); every profile read is counted. */
function site(locales: Record<string, string | undefined | Error>, defaultLanguage = 'en') {
  const store = new ExpiringStore();
  const read: string[] = [];
  const warnings: { event: string; data: unknown }[] = [];
  const links = {
    async userLocale(accountId: string) {
      read.push(accountId);
      const locale = locales[accountId];
      if (locale instanceof Error) throw locale;
      return locale;
    },
  };
  const log = {
    warn: (event: string, data?: unknown) => warnings.push({ event, data }),
    info: () => undefined,
    error: () => undefined,
  };
  const deps = { store, links, log } as unknown as EventDeps;
  const config = projectConfig({ defaultLanguage, languageByOrganization: { ACME: 'de' } });
  const languages = (
    actorId: string | undefined,
    now = NOW,
    organizations = [{ id: '1', name: 'ACME' }],
    reporter: Pick<Ticket, 'reporterId' | 'reporterAccountType'> = {},
  ) => new CommentLanguages(deps, config, ticket({ organizations, ...reporter }), actorId, now);
  return { store, read, warnings, languages };
}

describe('comment languages: customers get their organization’s language, agents their own', () => {
  it.each([
    { name: 'an organization with a language', organizations: [{ id: '1', name: 'ACME' }], language: 'de' },
    { name: 'an organization without one', organizations: [{ id: '2', name: 'Globex' }], language: 'en' },
    { name: 'no organization', organizations: [], language: 'en' },
    {
      name: 'several organizations, the first deciding',
      organizations: [
        { id: '1', name: 'ACME' },
        { id: '2', name: 'Globex' },
      ],
      language: 'de',
    },
  ])('a ticket of $name is answered in “$language”', ({ organizations, language }) => {
    const s = site({});
    expect(s.languages(undefined, NOW, organizations).customer()).toBe(language);
  });

  it.each([
    { locale: 'de_DE', projectLanguage: 'en', language: 'de' },
    { locale: 'DE_AT', projectLanguage: 'en', language: 'de' },
    { locale: 'en_US', projectLanguage: 'de', language: 'en' },
    { locale: 'en', projectLanguage: 'de', language: 'en' },
    { locale: 'fr_FR', projectLanguage: 'en', language: 'en' },
    { locale: 'fr_FR', projectLanguage: 'de', language: 'de' },
    { locale: undefined, projectLanguage: 'de', language: 'de' },
  ])(
    'an agent whose profile says $locale in a project writing “$projectLanguage” gets notes in “$language”',
    async ({ locale, projectLanguage, language }) => {
      const s = site({ 'agent-1': locale }, projectLanguage);
      await expect(s.languages('agent-1').internal()).resolves.toBe(language);
      expect(s.warnings).toEqual([]);
    },
  );

  it.each([
    {
      who: 'the reporter, a customer account',
      reporter: { reporterId: 'customer-1', reporterAccountType: 'customer' },
      language: 'en',
      reads: [],
    },
    {
      who: 'the reporter, an agent’s account',
      reporter: { reporterId: 'customer-1', reporterAccountType: 'atlassian' },
      language: 'de',
      reads: ['customer-1'],
    },
    {
      who: 'the reporter, whose account type the read did not say',
      reporter: { reporterId: 'customer-1' },
      language: 'de',
      reads: ['customer-1'],
    },
    {
      who: 'not the reporter, a customer account',
      reporter: { reporterId: 'customer-2', reporterAccountType: 'customer' },
      language: 'de',
      reads: ['customer-1'],
    },
  ])(
    'a note on what $who did is in “$language”, read from the profile: $reads',
    async ({ reporter, language, reads }) => {
      const s = site({ 'customer-1': 'de_DE' });
      await expect(s.languages('customer-1', NOW, [], reporter).internal()).resolves.toBe(language);
      expect(s.read).toEqual(reads);
    },
  );

  it('an event without an actor gets notes in the project’s language, reading no profile', async () => {
    const s = site({});
    await expect(s.languages(undefined).internal()).resolves.toBe('en');
    expect(s.read).toHaveLength(0);
  });

  it('one ticket’s notes read the profile once', async () => {
    const s = site({ 'agent-1': 'de_DE' });
    const languages = s.languages('agent-1');
    await languages.internal();
    await expect(languages.internal()).resolves.toBe('de');
    expect(s.read).toEqual(['agent-1']);
  });

  it.each([
    { name: 'an hour later', hours: 1, reads: 1 },
    { name: 'just under a day later', hours: 24 - 1 / 3600, reads: 1 },
    { name: 'a day later', hours: 24, reads: 2 },
  ])(
    'an agent’s locale is kept a day: $name the profile was read $reads time(s)',
    async ({ hours, reads }) => {
      const s = site({ 'agent-1': 'de_DE' });
      await s.languages('agent-1').internal();
      await expect(s.languages('agent-1', later(hours)).internal()).resolves.toBe('de');
      expect(s.read).toHaveLength(reads);
    },
  );

  it('another ticket’s note at the same moment uses the kept locale', async () => {
    const s = site({ 'agent-1': 'de_DE' });
    await s.languages('agent-1').internal();
    await expect(s.languages('agent-1').internal()).resolves.toBe('de');
    expect(s.read).toEqual(['agent-1']);
  });

  it('a profile without a locale is kept too', async () => {
    const s = site({ 'agent-1': undefined });
    await s.languages('agent-1').internal();
    await expect(s.languages('agent-1', later(1)).internal()).resolves.toBe('en');
    expect(s.read).toEqual(['agent-1']);
  });

  it('a locale kept at a later time than now (a clock gone back) is read again', async () => {
    const s = site({ 'agent-1': 'de_DE' });
    await s.languages('agent-1', later(1)).internal();
    await s.languages('agent-1', NOW).internal();
    expect(s.read).toEqual(['agent-1', 'agent-1']);
  });

  it('a kept record of another shape is read again', async () => {
    const s = site({ 'agent-1': 'de_DE' });
    await s.store.set('events:agentLocale:agent-1', { at: NOW.toISOString(), locale: 7 });
    await expect(s.languages('agent-1').internal()).resolves.toBe('de');
    expect(s.read).toEqual(['agent-1']);
  });

  it.each([
    { locale: 'de-DE', language: 'de' },
    { locale: 'en-GB', language: 'en' },
  ])(
    'a locale $locale kept by the agent’s panel view this morning gives “$language” with no read of the profile',
    async ({ locale, language }) => {
      const s = site({ 'agent-1': 'fr_FR' }, 'de');
      await keepAgentLocale(s.store, 'agent-1', locale, later(-8), true);
      await expect(s.languages('agent-1').internal()).resolves.toBe(language);
      expect(s.read).toEqual([]);
    },
  );

  it('a locale a panel view kept more than a day ago is read again from the profile', async () => {
    const s = site({ 'agent-1': 'en_US' }, 'de');
    await keepAgentLocale(s.store, 'agent-1', 'de-DE', later(-25));
    await expect(s.languages('agent-1').internal()).resolves.toBe('en');
    expect(s.read).toEqual(['agent-1']);
  });

  it('each agent’s locale is kept on its own, and the storage drops it after a day', async () => {
    const s = site({ 'agent-1': 'de_DE', 'agent-2': 'en_GB' });
    await s.languages('agent-1').internal();
    await expect(s.languages('agent-2').internal()).resolves.toBe('en');
    expect(s.read).toEqual(['agent-1', 'agent-2']);
    s.store.advanceDays(1);
    expect(s.store.data.size).toBe(0);
  });

  it('a storage that refuses to keep the locale still gives the agent’s language', async () => {
    const s = site({ 'agent-1': 'de_DE' });
    s.store.set = () => Promise.reject(new Error('KVS unavailable'));
    await expect(s.languages('agent-1').internal()).resolves.toBe('de');
    expect(s.warnings).toEqual([]);
  });

  it.each([
    { name: 'an HTTP refusal', failure: new JiraHttpError('userLocale', 404, 'agent-1'), code: 'HTTP 404' },
    { name: 'a network failure', failure: new TypeError('fetch agent-1'), code: 'TypeError' },
  ])(
    'a profile unreadable by $name gives the project’s language, logged as a code',
    async ({ failure, code }) => {
      const s = site({ 'agent-1': failure });
      const languages = s.languages('agent-1');
      await expect(languages.internal()).resolves.toBe('en');
      expect(s.warnings).toEqual([
        { event: 'events.agentLocaleUnavailable', data: { issueId: '10001', error: code } },
      ]);
      // The fallback serves the ticket’s further notes.
      await languages.internal();
      expect(s.read).toEqual(['agent-1']);
    },
  );
});
