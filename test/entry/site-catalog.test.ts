import {
  invokeThroughPage,
  loadViewAsPage,
  readAsPage,
  type PageReadRecord,
} from '../../sandbox/forge/page-view';
import { USER } from '../../sandbox/jira/seed/demo-ids';
import type { OrganizationHealthView, SiteCatalogView } from '../../src/contract/admin-views';
import type { Invoke } from '../../static/admin/src/api';
import { loadSiteCatalog } from '../../static/admin/src/site-catalog';
import { startEventsSite, type LocalSite } from '../support/local-site';

describe('getSiteCatalog: the names the admin page offers in its pickers, read from the site', () => {
  let s: LocalSite;
  beforeAll(async () => {
    s = await startEventsSite();
  });
  afterAll(() => s.close());

  /** The catalog as the admin page loads it: the resolver's lists from the page's reads, the people read by the page. */
  const call = async (
    accountId: string,
  ): Promise<{ value: { data?: SiteCatalogView; error?: { code: string } } }> => {
    let error: { code: string } | undefined;
    const invoke = (async (functionKey: string, payload: unknown) => {
      const result = await s.host.invokeResolver({
        moduleKey: 'process-admin',
        functionKey,
        payload,
        accountId,
        extension: { type: 'jira:adminPage' },
      });
      const value = (result.ok ? result.value : {}) as { data?: unknown; error?: { code: string } };
      error = value.error;
      if (value.error) throw new Error(value.error.code);
      return value.data;
    }) as Invoke;
    try {
      return { value: { data: await loadSiteCatalog(invoke, readAsPage(s.site, accountId, [])) } };
    } catch {
      return { value: error ? { error } : {} };
    }
  };

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
    const result = await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: 'getSiteCatalog',
      payload: { extra: 1 },
      accountId: USER.admin,
    });
    expect(result).toMatchObject({ ok: true, value: { error: { code: 'INVALID' } } });
  });

  it('reads no Jira in the backend once the admin check is kept: the page reads every list as the admin', async () => {
    await call(USER.admin);
    const before = s.host.invocations.length;
    const reads: PageReadRecord[] = [];
    const { result } = await loadViewAsPage(s.host, s.site, {
      moduleKey: 'process-admin',
      functionKey: 'getSiteCatalog',
      accountId: USER.admin,
      extension: { type: 'jira:adminPage' },
    });
    reads.push(
      ...(
        await loadViewAsPage(s.host, s.site, {
          moduleKey: 'process-admin',
          functionKey: 'getHealth',
          accountId: USER.admin,
          extension: { type: 'jira:adminPage' },
        })
      ).reads,
    );
    expect(result).toMatchObject({ ok: true, value: { data: { priorities: ['P1', 'P2', 'P3', 'P4'] } } });
    expect(s.host.invocations.slice(before).flatMap((i) => i.requests)).toEqual([]);
    expect(reads.map((r) => r.path)).toEqual(expect.arrayContaining(['/rest/api/3/field']));
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
      (await invokeThroughPage(s.host, s.site, {
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
