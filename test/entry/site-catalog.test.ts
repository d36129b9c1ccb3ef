import { USER } from '../../sandbox/jira/seed/demo-ids';
import type { OrganizationHealthView, SiteCatalogView } from '../../src/contract/admin-views';
import { startEventsSite, type LocalSite } from '../support/local-site';

describe('getSiteCatalog: the names the admin page offers in its pickers, read from the site', () => {
  let s: LocalSite;
  beforeAll(async () => {
    s = await startEventsSite();
  });
  afterAll(() => s.close());

  const call = async (accountId: string, payload: unknown = {}) =>
    (await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: 'getSiteCatalog',
      payload,
      accountId,
    })) as { ok: true; value: { data?: SiteCatalogView; error?: { code: string } } };

  it('lists types, statuses, fields, link types, request types and organizations as the site names them', async () => {
    const catalog = (await call(USER.admin)).value.data;
    expect(catalog).toBeDefined();
    expect(catalog?.issueTypes).toEqual(expect.arrayContaining(['Incident', 'Request', 'Delivery']));
    expect(catalog?.statuses.length).toBeGreaterThan(3);
    expect(catalog?.fields).toEqual(expect.arrayContaining(['Summary']));
    expect(catalog?.resolutions).toEqual(expect.arrayContaining(['Done', 'Duplicate']));
    expect(catalog?.linkTypes).toEqual(
      expect.arrayContaining([{ name: 'Relates', outward: 'relates to', inward: 'relates to' }]),
    );
    expect(catalog?.requestTypes.length).toBeGreaterThan(0);
    expect(catalog?.organizations).toEqual(['Acme GmbH', 'Globex Ltd', 'Initech Pte']);
  });

  it('offers people by display name: staff only, no customers, no apps', async () => {
    const people = (await call(USER.admin)).value.data?.people ?? [];
    const names = people.map((p) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['Anna Becker', 'Oliver Smith', 'Mei Tan', 'Sarah Admin']));
    expect(names.some((n) => n.includes('Contact'))).toBe(false);
    expect(names).not.toContain('JSM Process Automation');
    expect(people.find((p) => p.displayName === 'Anna Becker')?.accountId).toBe(USER.agentDach);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('reads priority names back from the HTML Jira suggests them as', async () => {
    const odd = { id: '99', name: 'Sehr hoch & "dringend" <P0>' };
    s.site.store.priorities.set(odd.id, odd);
    try {
      expect((await call(USER.admin)).value.data?.priorities).toEqual(['P1', 'P2', 'P3', 'P4', odd.name]);
    } finally {
      s.site.store.priorities.delete(odd.id);
    }
  });

  it("offers the site priorities, the managed projects' security levels and the app's holiday calendars", async () => {
    const catalog = (await call(USER.admin)).value.data;
    expect(catalog?.priorities).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(catalog?.securityLevels).toEqual(
      expect.arrayContaining(['DACH support', 'International support']),
    );
    expect(catalog?.securityLevels).toEqual(
      [...(catalog?.securityLevels ?? [])].sort((a, b) => a.localeCompare(b)),
    );
    const codes = catalog?.holidayRegions.map((r) => r.code) ?? [];
    // The six support sites' calendars (guide §1.1.1), each named in both languages.
    expect(codes).toEqual(expect.arrayContaining(['DE-SL', 'AT-6', 'RO', 'GB-ENG', 'SG', 'AU-VIC']));
    expect(catalog?.holidayRegions.find((r) => r.code === 'DE-SL')?.name).toEqual({
      en: 'Saarland (Germany)',
      de: 'Saarland (Deutschland)',
    });
    // Only what the settings accept: a code the validation refuses is never offered.
    expect(codes).not.toContain('CK-Aitutaki');
  });

  it('refuses an agent who is not a Jira administrator', async () => {
    expect((await call(USER.agentDach)).value.error?.code).toBe('FORBIDDEN');
  });

  it('refuses a payload it does not know', async () => {
    expect((await call(USER.admin, { extra: 1 })).value.error?.code).toBe('INVALID');
  });
});

describe('getOrganizationHealth: organizations the settings leave to the fallbacks', () => {
  let s: LocalSite;
  beforeAll(async () => {
    s = await startEventsSite();
  });
  afterAll(() => s.close());

  it('names each site organization without a region or language, and refuses a non-admin', async () => {
    const call = async (accountId: string) =>
      (await s.host.invokeResolver({
        moduleKey: 'process-admin',
        functionKey: 'getOrganizationHealth',
        payload: {},
        accountId,
      })) as { ok: true; value: { data?: OrganizationHealthView; error?: { code: string } } };
    const view = (await call(USER.admin)).value.data;
    // The test site maps regions for ACME and Globex but no languages: Globex's English-speaking customers
    // would read the default German, which is what the admin is told.
    expect(view).toEqual({
      organizations: [
        { name: 'Acme GmbH', missing: ['language'] },
        { name: 'Globex Ltd', missing: ['language'] },
        { name: 'Initech Pte', missing: ['region', 'language'] },
      ],
      defaultRegion: 'saarbruecken',
      defaultLanguage: 'de',
    });
    expect((await call(USER.agentDach)).value.error?.code).toBe('FORBIDDEN');
  });
});
