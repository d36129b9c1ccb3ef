import { ORG } from '../../sandbox/jira/seed/demo-ids';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

describe('hourly sweep: Resolved, estimate expiry, settings', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('closes a Resolved ticket after 50 days with a public comment, not a minute before', async () => {
    const key = await s.ticket('Support Request', []);
    await s.site.actAs('agent-dach-anna').transition(key, { status: 'Resolved', resolution: 'Done' });
    await s.advance(2 * HOUR);
    s.jump(at(50, -2 * HOUR));
    await s.until(at(50, -60_000));
    expect(s.status(key)).toBe('Resolved');
    await s.until(at(50, HOUR));
    expect(s.status(key)).toBe('Closed');
    expect(s.appCommentTexts(key)).toEqual([
      expect.stringContaining('innerhalb von 50 Tagen keine Rückmeldung zur Lösung'),
    ]);
  });

  it('sends the optional expiry notice and closes an estimate after 16 weeks', async () => {
    s.configure({ projects: ['SD'], timers: { estimate: { noticeBeforeDays: 14 } } });
    const key = await s.ticket('Customisation', ['Estimation in progress', 'Estimation available']);
    await s.advance(2 * HOUR);
    s.jump(at(98, -2 * HOUR));
    await s.until(at(98, -60_000));
    expect(s.appCommentTexts(key)).toHaveLength(0);
    await s.until(at(98, HOUR));
    expect(s.appCommentTexts(key)).toEqual([expect.stringContaining('läuft am 22.02.2027 ab')]);
    s.jump(at(112, -2 * HOUR));
    await s.until(at(112, -60_000));
    expect(s.status(key)).toBe('Estimation available');
    await s.until(at(112, HOUR));
    expect(s.status(key)).toBe('Closed');
    expect(s.appCommentTexts(key)[1]).toContain('nach 16 Wochen abgelaufen');
  });

  it('writes English texts for an organization configured so', async () => {
    s.configure({ projects: ['SD'], languageByOrganization: { 'Globex Ltd': 'en' } });
    const key = await s.ticket('Support Request', ['Clarification required / On hold'], {
      reporter: 'customer-globex-1',
    });
    const issue = s.site.store.issue(key);
    if (issue) issue.organizationIds = [ORG.globex];
    await s.advance(2 * HOUR);
    s.jump(at(10, -HOUR));
    await s.until(at(10, HOUR));
    expect(s.appCommentTexts(key)).toEqual([expect.stringContaining('This is reminder 1 of 3')]);
    expect(s.appCommentTexts(key)[0]).toContain('12 December 2026');
  });

  it('in dry-run writes nothing to tickets and records each would-be action once', async () => {
    s.configure({ projects: ['SD'], automation: { dryRun: true } });
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    s.jump(at(10, -HOUR));
    await s.until(at(10, 4 * HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.state(key)).toBeUndefined();
    const dryRuns = s.audit().filter((e) => e.outcome === 'dryRun' && e.action === 'reminder');
    expect(dryRuns).toHaveLength(1);
    expect(dryRuns[0]).toMatchObject({
      issueKey: key,
      idempotencyKey: expect.stringContaining(':reminder1'),
      detail: 'reminder1',
    });
  });

  it('leaves a project alone when automation is switched off for it', async () => {
    s.configure({ projects: ['SD'], projectOverrides: { SD: { automation: { enabled: false } } } });
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    s.jump(at(10, -HOUR));
    await s.until(at(10, 2 * HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.state(key)).toBeUndefined();
    expect(s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').requests).toBe(0);
  });
});
