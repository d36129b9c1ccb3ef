import { previewSweep } from '../../src/app/sweep';
import { appDeps } from '../../src/entry/deps';
import { DAY, HOUR, startSweepSite, type SweepSite } from '../support/sweep-site';

const START = Date.parse('2026-11-02T08:30:00Z');

describe('previewSweep: what the next sweep would do', () => {
  let s: SweepSite;
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
    expect(s.appComments(key)).toHaveLength(0);
    expect(writes()).toEqual(before);
    expect(s.audit().filter((e) => e.action === 'reminder')).toHaveLength(0);
  });

  it('is empty for a project the app does not manage', async () => {
    expect(await previewSweep(appDeps('preview'), 'OTHER', new Date())).toEqual([]);
  });
});
