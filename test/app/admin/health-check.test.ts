import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { getHealth } from '../../../src/app/admin/health-check';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import type { HealthCheck } from '../../../src/contract/admin-views';
import type { fakeJira } from '../panel/fake-jira';
import { adminDeps } from './admin-fixture';

type Table = Parameters<typeof fakeJira>[0];

/** The site's names, each answered by its endpoint; `levels` per project key (absent: 404). */
function site(
  options: {
    issueTypes?: string[];
    statuses?: string[];
    fields?: string[];
    linkTypes?: string[];
    projects?: Record<string, string>;
    levels?: Record<string, string[] | number>;
    desks?: string[];
  } = {},
): Table {
  const named = (names: string[] = []) => names.map((name, i) => ({ id: String(i + 1), name }));
  return [
    ['GET', /^\/rest\/api\/3\/issuetype$/, { status: 200, body: named(options.issueTypes) }],
    ['GET', /^\/rest\/api\/3\/status$/, { status: 200, body: named(options.statuses) }],
    [
      'GET',
      /^\/rest\/api\/3\/field$/,
      { status: 200, body: (options.fields ?? []).map((name, i) => ({ id: `customfield_${i}`, name })) },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/issueLinkType$/,
      {
        status: 200,
        body: {
          issueLinkTypes: (options.linkTypes ?? []).map((name, i) => ({
            id: String(i),
            name,
            inward: 'in',
            outward: 'out',
          })),
        },
      },
    ],
    [
      'GET',
      /^\/rest\/servicedeskapi\/servicedesk/,
      {
        status: 200,
        body: {
          values: (options.desks ?? []).map((key, i) => ({
            id: String(i),
            projectId: String(10000 + i),
            projectKey: key,
            projectName: key,
          })),
        },
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/project\/([A-Z]+)\/securitylevel$/,
      (match) => {
        const levels = options.levels?.[match[1]!];
        if (levels === undefined) return { status: 404, body: { errorMessages: ['no project'] } };
        if (typeof levels === 'number') return { status: levels, body: { errorMessages: ['refused'] } };
        return { status: 200, body: { levels: named(levels) } };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/project\/([A-Z]+)$/,
      (match) => {
        const name = options.projects?.[match[1]!];
        return name === undefined
          ? { status: 404, body: { errorMessages: ['no project'] } }
          : { status: 200, body: { id: '1', key: match[1], name } };
      },
    ],
  ];
}

function health(
  table: Table,
  projects: string[] = ['SUP'],
  admin = true,
  input: Record<string, unknown> = {},
) {
  const fixture = adminDeps({ admin, table });
  fixture.store.data.set(CONFIG_KEY, {
    version: 1,
    input: { projects, ...input },
    savedAt: '2026-11-01T00:00:00.000Z',
  });
  return fixture;
}

const stateOf = (checks: HealthCheck[], category: string, name: string) =>
  checks.filter((c) => c.category === category && c.name === name).map((c) => c.state);

describe('getHealth', () => {
  it('compares names as Jira does, ignoring case and blanks around them', async () => {
    const { deps } = health(
      site({ statuses: ['  oPEN  '], projects: { SUP: 'Support' }, levels: { SUP: [] } }),
    );
    const [project] = (await getHealth({}, deps)).projects;
    expect(stateOf(project?.checks ?? [], 'status', 'Open')).toEqual(['ok']);
  });

  it('checks a security level of two regions once', async () => {
    const region = { securityLevel: 'Support DACH', timeZone: 'Europe/Berlin', holidayRegion: 'DE-SL' };
    const { deps } = health(site({ projects: { SUP: 'Support' }, levels: { SUP: [] } }), ['SUP'], true, {
      regions: { regions: { saarbruecken: region, graz: region }, defaultRegion: 'saarbruecken' },
    });
    const checks = (await getHealth({}, deps)).projects[0]?.checks ?? [];
    expect(stateOf(checks, 'securityLevel', 'Support DACH')).toEqual(['missing']);
    const keys = checks.map((c) => `${c.category}:${c.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('explains how to fix what is missing or ambiguous, per category, and nothing for what is found', async () => {
    const { deps } = health(
      site({
        issueTypes: ['Delivery', 'delivery'],
        linkTypes: ['Delivery'],
        projects: { SUP: 'Support' },
        levels: { SUP: ['Support restricted'] },
      }),
    );
    const checks = (await getHealth({}, deps)).projects[0]?.checks ?? [];
    const fixOf = (category: string, name: string) =>
      checks.find((c) => c.category === category && c.name === name)?.fix;
    expect(stateOf(checks, 'issueType', 'Delivery')).toEqual(['ambiguous']);
    expect(fixOf('linkType', 'Delivery')).toBeNull();
    expect(fixOf('securityLevel', 'Support restricted')).toBeNull();
    const fixes = new Map<string, unknown>();
    for (const check of checks.filter((c) => c.state !== 'ok')) {
      expect(check.fix).not.toBeNull();
      // Every check of one category gets the same fix; two categories never share one.
      expect(fixes.get(check.category) ?? check.fix).toEqual(check.fix);
      fixes.set(check.category, check.fix);
    }
    expect(new Set([...fixes.values()].map((f) => JSON.stringify(f))).size).toBe(fixes.size);
    expect([...fixes.keys()].sort()).toEqual(['field', 'issueType', 'securityLevel', 'status']);
  });

  it('checks only the project asked for', async () => {
    const { deps, jira } = health(
      site({ projects: { SUP: 'Support', ABC: 'Alpha' }, levels: { SUP: [], ABC: [] } }),
      ['SUP'],
    );
    const view = await getHealth({ projectKey: 'ABC' }, deps);
    expect(view.projects.map((p) => [p.projectKey, p.projectName])).toEqual([['ABC', 'Alpha']]);
    expect(jira.requests.some((r) => r.path.startsWith('/rest/api/3/project/SUP'))).toBe(false);
  });

  it('checks the managed projects, or the service desks when none is managed', async () => {
    const table = site({ desks: ['ABC', 'XYZ'], projects: { SUP: 'Support' }, levels: {} });
    const managed = health(table, ['SUP']);
    expect((await getHealth(undefined, managed.deps)).projects.map((p) => p.projectKey)).toEqual(['SUP']);
    expect(managed.jira.requests.some((r) => r.path.startsWith('/rest/servicedeskapi'))).toBe(false);
    const none = health(table, []);
    expect((await getHealth({}, none.deps)).projects.map((p) => p.projectKey)).toEqual(['ABC', 'XYZ']);
  });

  it('names a project the admin cannot see by its key and reports all its levels missing', async () => {
    const { deps } = health(site({ levels: {} }));
    const view = await getHealth({}, deps);
    expect(view.checkedAt).toBe(deps.now.toISOString());
    const [project] = view.projects;
    expect(project?.projectName).toBe('SUP');
    const levels = project?.checks.filter((c) => c.category === 'securityLevel') ?? [];
    expect(levels.length).toBeGreaterThan(1);
    expect(levels.every((c) => c.state === 'missing')).toBe(true);
  });

  it('fails on any other refusal of the security levels', async () => {
    const { deps } = health(site({ projects: { SUP: 'Support' }, levels: { SUP: 403 } }));
    await expect(getHealth({}, deps)).rejects.toBeInstanceOf(JiraHttpError);
  });

  it('refuses unknown fields and callers without Jira admin rights', async () => {
    await expect(getHealth({ all: true }, health(site()).deps)).rejects.toBeInstanceOf(InvalidPayloadError);
    const { deps, jira } = health(site(), ['SUP'], false);
    await expect(getHealth({}, deps)).rejects.toBeInstanceOf(NotJiraAdminError);
    expect(jira.requests).toHaveLength(1);
  });
});
