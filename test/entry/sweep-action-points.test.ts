import { HOUR, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * What one timer step costs on the local site, counted per operation: the ticket's object in the due search (its
 * base point belongs to the sweep), the step's one write, and the proof before a close. What an installation reads
 * once and keeps (the app's account id, the close transition) is not the step's. Decision record 0024 says why the
 * close stays above 2 points.
 */
interface StepPoints {
  /** Objects the due search returned (its points less 1 per request). */
  readonly searched: number;
  readonly write: number;
  readonly proof: number;
}

const action = (p: StepPoints) => p.searched + p.write + p.proof;

/** The points of the step due at the ticket's `nextDueAt`, from two hours before it to two hours after. */
async function nextStep(s: LocalSite, key: string): Promise<StepPoints> {
  const of = (op: string) => s.site.metrics.of(op);
  const read = () => ({
    searched:
      of('searchAndReconsileIssuesUsingJqlPost').points - of('searchAndReconsileIssuesUsingJqlPost').requests,
    write: of('editIssue').points + of('doTransition').points,
    proof: of('getComments').points,
  });
  const due = Date.parse(String(s.state(key)?.nextDueAt));
  s.jump(new Date(due - 2 * HOUR));
  const before = read();
  await s.until(new Date(due + 2 * HOUR));
  const after = read();
  return {
    searched: after.searched - before.searched,
    write: after.write - before.write,
    proof: after.proof - before.proof,
  };
}

describe('points per timer step', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('a quiet reminder costs 2: its object in the due search and its one write, no proof', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(3 * HOUR);
    const step = await nextStep(s, key);
    expect(s.appCommentTexts(key)).toHaveLength(1);
    expect(step).toEqual({ searched: 1, write: 1, proof: 0 });
    expect(action(step)).toBeLessThanOrEqual(2);
  });

  it('the close of a quiet Resolved cycle costs 2 and its proof: one request and the comment before the cycle', async () => {
    const key = await s.ticket('Support Request', []);
    await s.agent.comment(key, 'The fix is installed.');
    await s.agent.transition(key, { status: 'Resolved', resolution: 'Done' });
    await s.host.drain();
    await s.advance(3 * HOUR);
    const step = await nextStep(s, key);
    expect(s.status(key)).toBe('Closed');
    expect(step).toEqual({ searched: 1, write: 1, proof: 2 });
  });
});
