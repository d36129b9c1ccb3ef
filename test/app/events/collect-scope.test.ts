import { collectScope } from '../../../src/app/events/delivery/collect-scope';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { FieldIds } from '../../../src/domain/ticket';
import { projectConfig } from '../../domain/events/rule-fixtures';

const ORGANIZATIONS = 'customfield_10002';
const IDS: FieldIds = { organizations: ORGANIZATIONS };
const config = projectConfig();

/** An issue link as Jira lists it on the Delivery: `outward` when the Delivery is the link's source. */
function jiraLink(otherId: string, options: { type?: string; outward?: boolean } = {}) {
  const other = { id: otherId, key: `SD-${otherId}` };
  return {
    id: `l${otherId}`,
    type: { name: options.type ?? 'Delivery' },
    ...((options.outward ?? true) ? { outwardIssue: other } : { inwardIssue: other }),
  };
}

/** A site holding the Delivery `d1` with `fields`; every read of it is recorded. */
function site(fields: Record<string, unknown> | undefined) {
  const reads: { key: string; fields: string[] }[] = [];
  const jira = {
    async getIssue(key: string, options: { fields: string[] }) {
      reads.push({ key, fields: options.fields });
      return { id: key, key: 'DL-1', fields };
    },
  };
  return { reads, deps: { jira } as unknown as EventDeps };
}

const organizations = (...names: string[]) => names.map((name, i) => ({ id: String(i + 1), name }));

describe('collect scope: a Delivery’s collect run sees only its customers’ and its linked tickets', () => {
  it('the Delivery is read once, with only its links and organizations', async () => {
    const s = site({ issuelinks: [], [ORGANIZATIONS]: organizations('ACME') });
    await collectScope(s.deps, config, IDS, 'd1');
    expect(s.reads).toEqual([{ key: 'd1', fields: ['issuelinks', ORGANIZATIONS] }]);
  });

  it.each([
    { name: 'no organization field', ids: {} },
    { name: 'an organization field JQL cannot name by id', ids: { organizations: 'organizations' } },
  ])('a site with $name searches every waiting ticket, without reading the Delivery', async ({ ids }) => {
    const s = site({ issuelinks: [jiraLink('20001')], [ORGANIZATIONS]: organizations('ACME') });
    await expect(collectScope(s.deps, config, ids, 'd1')).resolves.toEqual({ kind: 'search', where: '' });
    expect(s.reads).toEqual([]);
  });

  it.each([
    {
      name: 'its customers and its linked tickets',
      fields: {
        issuelinks: [jiraLink('20001'), jiraLink('20002')],
        [ORGANIZATIONS]: organizations('ACME', 'Say "Hi" GmbH'),
      },
      where: ' AND (cf[10002] in ("ACME", "Say \\"Hi\\" GmbH") OR id in (20001,20002))',
    },
    {
      name: 'its customers only',
      fields: { issuelinks: [], [ORGANIZATIONS]: organizations('ACME') },
      where: ' AND (cf[10002] in ("ACME"))',
    },
    {
      name: 'its linked tickets only',
      fields: { issuelinks: [jiraLink('20001')], [ORGANIZATIONS]: [] },
      where: ' AND (id in (20001))',
    },
    {
      name: 'the tickets it ships, not other links',
      fields: {
        issuelinks: [
          jiraLink('20001'),
          jiraLink('20002', { outward: false }),
          jiraLink('20003', { type: 'Relates' }),
        ],
      },
      where: ' AND (id in (20001))',
    },
  ])('a Delivery with $name is searched for them', async ({ fields, where }) => {
    const s = site(fields);
    await expect(collectScope(s.deps, config, IDS, 'd1')).resolves.toEqual({ kind: 'search', where });
  });

  it.each([
    { name: 'no customer and no linked ticket', fields: { issuelinks: [], [ORGANIZATIONS]: [] } },
    { name: 'no fields at all', fields: undefined },
    {
      name: 'only links it does not ship by',
      fields: { issuelinks: [jiraLink('20001', { outward: false })] },
    },
  ])('a Delivery with $name has no ticket to collect', async ({ fields }) => {
    const s = site(fields);
    await expect(collectScope(s.deps, config, IDS, 'd1')).resolves.toEqual({ kind: 'none' });
  });

  it.each([
    { links: 100, named: true },
    { links: 101, named: false },
  ])('a Delivery linking $links tickets names them: $named', async ({ links, named }) => {
    const issuelinks = Array.from({ length: links }, (_, i) => jiraLink(String(20000 + i)));
    const s = site({ issuelinks, [ORGANIZATIONS]: organizations('ACME') });
    const scope = await collectScope(s.deps, config, IDS, 'd1');
    if (named)
      expect(scope).toMatchObject({ kind: 'search', where: expect.stringContaining('id in (20000,') });
    else expect(scope).toEqual({ kind: 'search', where: '' });
  });
});
