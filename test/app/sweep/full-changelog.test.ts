import type { ChangelogHistory, JiraGateway } from '../../../src/app/ports/jira';
import { withStatusHistory } from '../../../src/app/sweep/full-changelog';
import { statusChangesOf, type SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { clarificationTicket, jiraTime } from './sweep-fakes';

/** Histories a search returns with each ticket. */
const SEARCHED = 40;
const CLARIFICATION = { id: '3', name: 'Clarification required / On hold' };
const IN_PROGRESS = { id: '4', name: 'In Progress' };
const START = Date.parse('2026-01-01T00:00:00Z');

type Status = { id?: string; name?: string };

/**
 * A changelog of `count` histories, one a minute; the ones `changes` names move the ticket to a status, the
 * others change its labels.
 */
function changelog(count: number, changes: Record<number, Status>): ChangelogHistory[] {
  return Array.from({ length: count }, (_, i) => {
    const to = changes[i];
    return {
      id: String(i),
      created: jiraTime(START + i * 60_000),
      items: [
        to === undefined
          ? { field: 'labels', toString: `label-${i}` }
          : { field: 'status', to: to.id ?? null, toString: to.name ?? null },
      ],
    };
  });
}

/** The Clarification ticket as the search returned it (its last 40 histories), on a site with all `histories`. */
function searched(histories: ChangelogHistory[]) {
  const calls: string[] = [];
  const jira = {
    changelogPage: async (key: string, startAt: number, maxResults: number) => {
      calls.push(`${key} ${startAt}+${maxResults}`);
      return { total: histories.length, histories: histories.slice(startAt, startAt + maxResults) };
    },
  } as unknown as JiraGateway;
  const recent = histories.slice(-SEARCHED);
  const ticket: SweepTicket = clarificationTicket(3, {
    statusChanges: statusChangesOf(recent),
    olderHistories: histories.length - recent.length,
  });
  return { jira, ticket, calls };
}

/** The statuses a ticket's known changes lead to, oldest first. */
const statusesOf = (ticket: SweepTicket) => ticket.statusChanges.map((c) => c.toStatusName);

describe('withStatusHistory: the status changes a rebuild needs', () => {
  it('reads nothing more when the searched histories show the entry and a change before it', async () => {
    const histories = changelog(100, { 70: IN_PROGRESS, 80: CLARIFICATION });
    const { jira, ticket, calls } = searched(histories);
    await expect(withStatusHistory(jira, ticket)).resolves.toBe(ticket);
    expect(calls).toEqual([]);
  });

  it('reads nothing when the search returned every history, even without the entry', async () => {
    const { jira, ticket, calls } = searched(changelog(30, {}));
    await expect(withStatusHistory(jira, ticket)).resolves.toBe(ticket);
    expect(calls).toEqual([]);
  });

  it('reads older histories, newest page first, when the entry is the only change searched', async () => {
    const histories = changelog(100, { 10: IN_PROGRESS, 80: CLARIFICATION });
    const { jira, ticket, calls } = searched(histories);
    const read = await withStatusHistory(jira, ticket);
    expect(calls).toEqual(['SUP-1 0+60']);
    expect(statusesOf(read)).toEqual([IN_PROGRESS.name, CLARIFICATION.name]);
    expect(read.olderHistories).toBe(0);
  });

  it('reads page after page backwards until the change before the entry is found', async () => {
    const histories = changelog(290, { 20: IN_PROGRESS, 30: CLARIFICATION, 260: CLARIFICATION });
    const { jira, ticket, calls } = searched(histories);
    const read = await withStatusHistory(jira, ticket);
    expect(calls).toEqual(['SUP-1 150+100', 'SUP-1 50+100', 'SUP-1 0+50']);
    expect(statusesOf(read)).toEqual([IN_PROGRESS.name, CLARIFICATION.name, CLARIFICATION.name]);
    expect(read.olderHistories).toBe(0);
  });

  it('stops at the page that holds the change before the entry', async () => {
    const histories = changelog(290, { 200: IN_PROGRESS, 260: CLARIFICATION });
    const { jira, ticket, calls } = searched(histories);
    const read = await withStatusHistory(jira, ticket);
    expect(calls).toEqual(['SUP-1 150+100']);
    expect(statusesOf(read)).toEqual([IN_PROGRESS.name, CLARIFICATION.name]);
    expect(read.olderHistories).toBe(150);
  });

  it('finds the entry where the status changed last, not an earlier visit to it', async () => {
    const histories = changelog(290, {
      20: IN_PROGRESS,
      210: CLARIFICATION,
      220: IN_PROGRESS,
      260: CLARIFICATION,
    });
    const { jira, ticket, calls } = searched(histories);
    await withStatusHistory(jira, ticket);
    expect(calls).toEqual(['SUP-1 150+100']);
  });

  it.each([
    ['its id (the status was renamed since)', { id: CLARIFICATION.id, name: 'Waiting for customer' }],
    ['its name (the history lacks the id)', { name: CLARIFICATION.name }],
  ])('recognises the entry into the current status by %s', async (_, entry) => {
    const histories = changelog(100, { 70: IN_PROGRESS, 80: entry });
    const { jira, ticket, calls } = searched(histories);
    await withStatusHistory(jira, ticket);
    expect(calls).toEqual([]);
  });

  it('does not take a change to another status for the entry', async () => {
    const histories = changelog(100, { 10: CLARIFICATION, 70: IN_PROGRESS, 80: { id: '9', name: 'Closed' } });
    const { jira, ticket, calls } = searched(histories);
    await withStatusHistory(jira, ticket);
    expect(calls).toEqual(['SUP-1 0+60']);
  });
});
