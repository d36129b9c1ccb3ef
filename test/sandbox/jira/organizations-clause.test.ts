import { CUSTOMERS, ORG } from '../../../sandbox/jira/seed/demo-ids';
import { harness } from './site-harness';

/**
 * The JSM Organizations clause, as documented: `Organizations = "organization name"`. Atlassian's docs say
 * nothing of matching an organization's id there, so the local site takes the strict reading: names match, ids
 * never do (an app that searched by id would find nothing on a site that reads it so).
 */
describe('JQL: the Organizations clause matches organization names only', () => {
  const h = harness({ seed: { seed: 7 }, searchFieldLagMs: 0 });
  const keysFor = async (jql: string) =>
    (
      (await h.call('POST', '/rest/api/3/search/jql', { jql, fields: ['key'] })).json.issues as {
        key: string;
      }[]
    ).map((i) => i.key);
  let key = '';
  const acmeName = () => h.site.store.organizations.get(ORG.acme)?.name ?? '';

  beforeAll(async () => {
    key = await h.site.actAs(CUSTOMERS.acme[0] ?? '').createIssue({
      project: 'SD',
      issueType: 'Request',
      summary: 'Which organization?',
    });
  });

  it.each([
    ['by name, =', () => `cf[10002] = "${acmeName()}"`, true],
    ['by name, in', () => `cf[10002] in ("Nobody Ltd", "${acmeName()}")`, true],
    ['by name, field name', () => `Organizations = "${acmeName()}"`, true],
    ['by id, =', () => `cf[10002] = ${ORG.acme}`, false],
    ['by id as text', () => `cf[10002] = "${ORG.acme}"`, false],
    ['by id, in', () => `cf[10002] in (${ORG.acme})`, false],
    ['another name', () => `cf[10002] = "Nobody Ltd"`, false],
  ])('%s', async (_name, jql, found) => {
    expect(acmeName()).not.toBe('');
    expect((await keysFor(`project = SD AND ${jql()}`)).includes(key)).toBe(found);
  });
});
