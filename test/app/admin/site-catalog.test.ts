import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { getSiteCatalog, type SiteReads } from '../../../src/app/admin/site-catalog';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import { holidayRegionCatalogue } from '../../../src/domain/calendar/holiday-regions';
import { adminDeps } from './admin-fixture';

const named = (...names: string[]) => names.map((name, i) => ({ id: String(i + 1), name }));

/** The pickers' reads over canned lists; `levels` by project key, `priorities` a list or the error Jira answers. */
function reads(
  options: {
    levels?: Record<string, { id: string; name: string }[] | Error>;
    priorities?: string[] | Error;
  } = {},
): SiteReads & { asked: string[] } {
  const asked: string[] = [];
  const answer = <T>(value: T | Error): Promise<T> =>
    value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
  return {
    asked,
    user: { getFields: () => Promise.resolve(named('Summary', 'Assignee', 'Summary')) },
    userMeta: {
      getIssueTypes: () => Promise.resolve(named('Request', 'Incident', 'Request')),
      getStatuses: () => Promise.resolve(named('Open', 'Done', 'Open', 'Closed')),
      getIssueLinkTypes: () =>
        Promise.resolve([
          { id: '2', name: 'Relates', outward: 'relates to', inward: 'relates to' },
          { id: '1', name: 'Blocks', outward: 'blocks', inward: 'is blocked by' },
        ]),
      getProjectSecurityLevels: (key: string) => {
        asked.push(key);
        return answer(options.levels?.[key] ?? []);
      },
    },
    directory: {
      getResolutions: () => Promise.resolve(['Won’t do', 'Done', 'Done']),
      getRequestTypes: () => Promise.resolve(['Report a bug', 'Ask a question']),
      getOrganizations: () => Promise.resolve(['Initech Pte', 'Acme GmbH', 'Acme GmbH']),
      getPriorities: () => answer(options.priorities ?? ['P2', 'P1', 'P2', 'P4']),
    },
  };
}

/** An admin on a site managing `projects`. */
function admin(projects: string[] = ['SUP'], isAdmin = true) {
  const fixture = adminDeps({ admin: isAdmin });
  fixture.store.data.set(CONFIG_KEY, {
    version: 1,
    input: { projects },
    savedAt: '2026-11-01T00:00:00.000Z',
  });
  return fixture.deps;
}

const refused = (status: number) => new JiraHttpError('getPriorities', status, '{}');

describe("getSiteCatalog: the lists of the admin page's pickers", () => {
  it('lists the names once each in alphabetical order, link types by name and priorities in the site order', async () => {
    const catalog = await getSiteCatalog(undefined, { admin: admin(), site: reads() });
    expect(catalog).toMatchObject({
      issueTypes: ['Incident', 'Request'],
      statuses: ['Closed', 'Done', 'Open'],
      fields: ['Assignee', 'Summary'],
      resolutions: ['Done', 'Won’t do'],
      linkTypes: [
        { name: 'Blocks', outward: 'blocks', inward: 'is blocked by' },
        { name: 'Relates', outward: 'relates to', inward: 'relates to' },
      ],
      requestTypes: ['Ask a question', 'Report a bug'],
      organizations: ['Acme GmbH', 'Initech Pte'],
      priorities: ['P2', 'P1', 'P4'],
    });
    expect(catalog.linkTypes[0]).not.toHaveProperty('id');
  });

  it("offers the security levels of every managed project's scheme, once each", async () => {
    const site = reads({
      levels: {
        SUP: named('Internal', 'Customer'),
        OPS: [
          { id: '9', name: 'Internal' },
          { id: '8', name: 'Board' },
        ],
      },
    });
    const catalog = await getSiteCatalog({}, { admin: admin(['SUP', 'OPS']), site });
    expect(site.asked).toEqual(['SUP', 'OPS']);
    expect(catalog.securityLevels).toEqual(['Board', 'Customer', 'Internal']);
  });

  it("offers the app's holiday calendars with both names", async () => {
    const catalog = await getSiteCatalog({}, { admin: admin(), site: reads() });
    const known = holidayRegionCatalogue();
    expect(catalog.holidayRegions).toHaveLength(known.length);
    expect(catalog.holidayRegions).toContainEqual({
      code: 'DE-SL',
      name: known.find((r) => r.code === 'DE-SL')?.name,
    });
  });

  it.each([401, 403, 404])(
    'offers no priorities and no security levels of a project when Jira answers %i to the admin',
    async (status) => {
      const site = reads({
        priorities: refused(status),
        levels: { SUP: refused(status), OPS: named('Board') },
      });
      const catalog = await getSiteCatalog({}, { admin: admin(['SUP', 'OPS']), site });
      expect(catalog.priorities).toEqual([]);
      expect(catalog.securityLevels).toEqual(['Board']);
    },
  );

  it.each([
    ['a server error', refused(500)],
    ['an error that is not an HTTP answer', new Error('network down')],
  ])('fails on %s reading the priorities', async (_what, error) => {
    const site = reads({ priorities: error });
    await expect(getSiteCatalog({}, { admin: admin(), site })).rejects.toBe(error);
  });

  it('fails on a server error reading a security scheme', async () => {
    const error = refused(502);
    await expect(
      getSiteCatalog({}, { admin: admin(['SUP']), site: reads({ levels: { SUP: error } }) }),
    ).rejects.toBe(error);
  });

  it('refuses someone who is not a Jira administrator before reading anything', async () => {
    const site = reads();
    await expect(getSiteCatalog({}, { admin: admin(['SUP'], false), site })).rejects.toBeInstanceOf(
      NotJiraAdminError,
    );
    expect(site.asked).toEqual([]);
  });

  it.each([
    ['a parameter', { projectKey: 'SUP' }],
    ['a value that is not a record', 'all'],
  ])('refuses a payload with %s', async (_what, payload) => {
    const site = reads();
    await expect(getSiteCatalog(payload, { admin: admin(), site })).rejects.toBeInstanceOf(
      InvalidPayloadError,
    );
    expect(site.asked).toEqual([]);
  });
});
