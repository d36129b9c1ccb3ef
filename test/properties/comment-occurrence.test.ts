/**
 * Every app comment carries the occurrence it was posted for (its idempotency key, as a comment property set with
 * the comment), and the site invariant "every app comment is posted at most once per occurrence" is exact: it
 * finds a second comment of one occurrence and a comment that names none, with nothing in between that excuses it.
 */
import { USER } from '../../sandbox/jira/seed/demo-ids';
import { configForProject, parseConfig } from '../../src/domain/config';
import { OCCURRENCE_PROPERTY } from '../../src/adapters/jira/jira-gateway';
import { DEMO_CONFIG, startEventsSite, type LocalSite } from '../support/local-site';
import { invariantViolations } from '../support/site-invariants';

const parsed = parseConfig(DEMO_CONFIG);
if (!parsed.ok) throw new Error('the demo configuration is valid');
const config = configForProject(parsed.config, 'SD');

describe('app comments and their occurrences', () => {
  let s: LocalSite;
  let key: string;
  beforeEach(async () => {
    s = await startEventsSite();
    // A Support Request moved to In Progress from Open: forbidden, no way back, so an internal warning.
    key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.settle();
    await s.agent.transition(key, { status: 'In Progress' });
    await s.settle();
  });
  afterEach(() => s.close());

  const appComments = () =>
    (s.site.store.issue(key)?.comments ?? []).filter((c) => c.authorAccountId === USER.app);

  it('each app comment names the occurrence it was posted for', () => {
    const [note] = appComments();
    const id = s.site.store.issue(key)?.id ?? '';
    expect(note?.properties?.[OCCURRENCE_PROPERTY]).toEqual({
      key: expect.stringMatching(new RegExp(`^${id}:revertStatus:\\d+$`)),
    });
    expect(invariantViolations({ s, config })).toEqual([]);
  });

  it('a second comment of the same occurrence breaks the invariant, whatever happened in between', async () => {
    const [note] = appComments();
    await s.agent.comment(key, 'Looking into it.');
    await s.settle();
    s.site.store.issue(key)?.comments.push({ ...note!, id: '99001' });
    const occurrence = (note?.properties?.[OCCURRENCE_PROPERTY] as { key: string }).key;
    expect(invariantViolations({ s, config })).toEqual([
      `${key} comment 99001: occurrence ${occurrence} already has ${key} comment ${note?.id ?? ''}`,
    ]);
  });

  it('an app comment that names no occurrence breaks the invariant', () => {
    const [note] = appComments();
    const { properties: _, ...bare } = note!;
    s.site.store.issue(key)?.comments.push({ ...bare, id: '99002' });
    expect(invariantViolations({ s, config })).toEqual([
      `${key} comment 99002: an app comment that names no occurrence`,
    ]);
  });
});
