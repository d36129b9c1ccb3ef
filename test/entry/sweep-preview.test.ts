import { USER } from '../../sandbox/jira/seed/demo-ids';
import { previewSweep } from '../../src/app/sweep';
import type { SweepPreviewView } from '../../src/contract/admin-views';
import { appDeps } from '../../src/entry/deps';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');

describe('previewSweep: what the next sweep would do', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('lists the due steps without writing anything', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 10 * DAY + 5 * 60_000));
    const writes = () =>
      ['editIssue', 'doTransition', 'setIssueProperty', 'addComment'].map(
        (op) => s.site.metrics.of(op).requests,
      );
    const before = writes();
    const preview = await previewSweep(appDeps('preview'), 'SD', new Date());
    expect(preview).toEqual([{ issueKey: key, action: 'reminder', dueAt: '2026-11-12T08:30:00.000Z' }]);
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(writes()).toEqual(before);
    expect(s.audit().filter((e) => e.action === 'reminder')).toHaveLength(0);
  });

  it('says when the next scheduled sweep runs: the last run plus the trigger interval, as the host schedules it', async () => {
    const preview = async () => {
      const result = await s.host.invokeResolver({
        moduleKey: 'process-admin',
        functionKey: 'previewSweep',
        payload: {},
        accountId: USER.admin,
      });
      return ((result.ok ? result.value : undefined) as { data?: SweepPreviewView }).data;
    };
    // No sweep has run yet: nothing to count from.
    expect((await preview())?.nextSweepAt).toBeNull();
    await s.advance(3 * HOUR + 20 * 60_000);
    const next = Date.parse((await preview())?.nextSweepAt ?? '');
    // The host fires the trigger at its scheduled instant; the run reads its clock a few simulated ms later.
    const scheduled = s.host.nextScheduledRun('process-sweep');
    expect(Math.abs(next - scheduled)).toBeLessThan(60_000);
    expect(next).toBeGreaterThan(Date.now());
  });

  it('lists what the sweeps of the 7 days after the next one will do, from the due index', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 5 * DAY));
    await s.advance(HOUR);
    const result = await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: 'previewSweep',
      payload: {},
      accountId: USER.admin,
    });
    const view = ((result.ok ? result.value : undefined) as { data?: SweepPreviewView }).data;
    expect(view?.items).toEqual([]);
    // Reminder 1 of 3 falls due on day 10, within the week after the next run; reminder 2 (day 20) does not.
    expect(view?.week).toEqual([
      {
        issueKey: key,
        kind: 'supportRequest',
        timer: 'clarification',
        action: 'remind',
        reminder: { number: 1, of: 3 },
        dueAt: '2026-11-12T08:30:00.000Z',
      },
    ]);
    const weekUntil = Date.parse(view?.weekUntil ?? '');
    expect(weekUntil - Date.parse(view?.nextSweepAt ?? '')).toBe(7 * DAY);
    expect(view?.weekTruncated).toBe(false);
  });

  it('is empty for a project the app does not manage', async () => {
    expect(await previewSweep(appDeps('preview'), 'OTHER', new Date())).toEqual([]);
  });
});
