import type { IssueBean } from '../../../src/app/ports/jira';
import { TicketCosts } from '../../../src/app/sweep/ticket-cost';

/** A searched ticket with `embedded` histories in the search and `total` in all. */
function bean(embedded: number, total = embedded): IssueBean {
  const history = { id: '1', created: '2026-11-01T10:00:00.000+0000', items: [] };
  return {
    id: '10001',
    key: 'SD-1',
    changelog: { histories: Array.from({ length: embedded }, () => history), total },
  };
}

describe('what sweeping a ticket costs, before the points are spent', () => {
  it.each([
    ['a due ticket: its object and its write', 'due', 2],
    ['a ticket with a due time after a settings change', 'stamped', 2],
    ['a repair ticket before any was read: the 40 histories the search embeds at most', 'unstamped', 2 + 40],
  ] as const)('%s', (_name, phase, points) => {
    expect(new TicketCosts().perTicket(phase)).toBe(points);
  });

  it('sizes a page to the budget, keeping one point for the request', () => {
    const costs = new TicketCosts();
    expect(costs.pageSize('due', 21)).toBe(10);
    expect(costs.pageSize('unstamped', 85)).toBe(2);
    // Too little for a worst-case repair ticket: one ticket, to measure, while a due one would fit.
    expect(costs.pageSize('unstamped', 40)).toBe(1);
    expect(costs.pageSize('unstamped', 2)).toBe(0);
  });

  it('learns the histories and extras of the phase from the tickets it handled', () => {
    const costs = new TicketCosts();
    costs.observe('unstamped', bean(5), 1);
    expect(costs.perTicket('unstamped')).toBe(6 + 1);
    // A close with its proof (3 points beyond the write) raises what every later ticket of the phase expects.
    costs.observe('unstamped', bean(2), 4);
    expect(costs.perTicket('unstamped')).toBe(6 + 1 + 3);
    expect(costs.handling('unstamped', bean(2))).toBe(1 + 3);
    expect(costs.pageSize('unstamped', 40)).toBe(3);
    // The other phases keep their own figures.
    expect(costs.perTicket('due')).toBe(2);
  });

  it('expects the changelog page a ticket whose histories the search cut short will read', () => {
    const costs = new TicketCosts();
    expect(costs.handling('unstamped', bean(40, 70))).toBe(1 + 1 + 30);
    expect(costs.handling('unstamped', bean(40, 400))).toBe(1 + 1 + 100);
    expect(costs.handling('unstamped', bean(3))).toBe(1);
  });

  it('a ticket without a changelog is expected to cost its write alone', () => {
    expect(new TicketCosts().handling('due', { id: '10001', key: 'SD-1' })).toBe(1);
  });

  it('expects a ticket without a state one search share and its write', () => {
    expect(new TicketCosts().perTicket('stateless')).toBe(2);
  });

  it('reads one ticket to measure when the budget holds a due one but no worst-case repair ticket', () => {
    const costs = new TicketCosts();
    expect(costs.pageSize('unstamped', 3)).toBe(1);
    // Once a ticket of the phase was read, what it cost decides: a budget too small for one reads none.
    costs.observe('unstamped', bean(5), 1);
    expect(costs.pageSize('unstamped', 7)).toBe(0);
    expect(costs.pageSize('unstamped', 8)).toBe(1);
  });

  it('keeps the most a ticket of the phase has cost: a cheaper one later does not lower it', () => {
    const costs = new TicketCosts();
    costs.observe('unstamped', bean(5), 4);
    costs.observe('unstamped', bean(1), 1);
    expect(costs.perTicket('unstamped')).toBe(6 + 1 + 3);
  });

  it('a changelog page read as expected is no extra', () => {
    const costs = new TicketCosts();
    costs.observe('unstamped', bean(40, 70), 1 + 1 + 30);
    expect(costs.perTicket('unstamped')).toBe(41 + 1);
    expect(costs.handling('unstamped', bean(0))).toBe(1);
  });

  it('a ticket costing more beyond its write than any before raises what the phase expects to that', () => {
    const costs = new TicketCosts();
    costs.observe('unstamped', bean(5), 4);
    costs.observe('unstamped', bean(2), 6);
    expect(costs.perTicket('unstamped')).toBe(6 + 1 + 5);
  });

  it('learns from a ticket the search returned without a changelog', () => {
    const costs = new TicketCosts();
    costs.observe('due', { id: '10001', key: 'SD-1' }, 3);
    expect(costs.perTicket('due')).toBe(1 + 1 + 2);
  });
});
