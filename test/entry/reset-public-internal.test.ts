import { decideCustomerComment } from '../../src/domain/events/customer-comment-rule';
import { initialState } from '../../src/domain/process-state';
import { event, input, ticket } from '../domain/events/rule-fixtures';
import { DAY, startEventsSite, type LocalSite } from '../support/local-site';
import { indexedInstant } from '../../src/domain/timers/indexed-instant';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Only a PUBLIC comment by the customer side restarts a cycle (PROCESS.md §4). The reporter here is an agent who
 * raised the ticket for a customer: the same person's internal note must not restart it, the public comment must.
 */
describe('public versus internal comments when deciding a reset', () => {
  describe('the live rule, every combination', () => {
    const clarification = initialState(new Date('2026-11-20T10:00:00Z'), 's-open');
    const state = {
      ...clarification,
      timer: 'clarification' as const,
      nextDueAt: '2026-11-30T10:00:00Z',
    };
    it.each([
      [true, true, true],
      [true, false, false],
      [false, true, false],
      [false, false, false],
    ])('public %s, by the customer %s: restarts %s', (isPublic, byCustomer, restarts) => {
      const decided = decideCustomerComment(
        input(
          ticket({ statusId: 's-open' }),
          event({ kind: 'commented', comment: { id: 'c1', authorId: 'cust-1', isPublic } }),
          { byCustomer },
        ),
        state,
      );
      expect(decided.state.cycle).toBe(restarts ? state.cycle + 1 : state.cycle);
    });
  });

  /**
   * Forge does not document `jsdPublic` on comment events: by default the local site leaves it out and the app
   * reads the comment; a site that sends it saves that read. The rule holds under both.
   */
  describe.each([
    ['without jsdPublic in the event (default)', 'absent' as const, 1],
    ['with jsdPublic in the event', 'jsdPublic' as const, 0],
  ])('on the local site, %s', (_name, commentEventVisibility, reads) => {
    let s: LocalSite;
    beforeEach(async () => {
      s = await startEventsSite(undefined, { commentEventVisibility });
    });
    afterEach(() => {
      const failed = s.failedInvocations();
      s.close();
      expect(failed).toEqual([]);
    });

    it('the reporter’s internal note does not restart the cycle; their public comment does', async () => {
      const key = await s.agent.createIssue({
        project: 'SD',
        issueType: 'Support Request',
        summary: 'For ACME',
      });
      await s.settle();
      s.clock.advance(3_600_000);
      const enteredAt = Date.now();
      await s.agent.transition(key, { status: 'Clarification required / On hold' });
      await s.settle();
      s.clock.advance(4 * DAY);
      const internal = await s.measure(() =>
        s.agent.comment(key, 'Called the customer, waiting for the log.', { internal: true }),
      );
      expect(internal.byOperation.getComment ?? 0).toBe(reads);
      expect(s.state(key)).toMatchObject({
        cycleStartedAt: iso(enteredAt),
        nextDueAt: indexedInstant(new Date(enteredAt + 10 * DAY)),
      });
      s.clock.advance(DAY);
      const publicAt = Date.now();
      await s.agent.comment(key, 'Here is the log from the customer.');
      await s.settle();
      expect(s.state(key)).toMatchObject({
        cycleStartedAt: iso(publicAt),
        nextDueAt: indexedInstant(new Date(publicAt + 10 * DAY)),
        lastReset: { reason: 'customerComment' },
      });
    });
  });
});
