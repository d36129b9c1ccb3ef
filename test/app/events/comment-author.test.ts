import { mayBeCustomer } from '../../../src/app/events/comment-author';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { IssueChangeEvent, IssueSnapshot } from '../../../src/domain/events/issue-change';
import { MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T10:00:00Z');
const HOUR = 60 * 60 * 1000;

const SNAPSHOT: IssueSnapshot = {
  summary: 'Login fails',
  typeId: 't-sr',
  typeName: 'Support Request',
  statusId: 's-wait',
  statusName: 'Waiting for customer',
  projectKey: 'SD',
  created: '2026-11-27T09:00:00.000+0000',
  updated: '2026-11-27T09:30:00.000+0000',
  reporterId: 'cust-1',
};

/** A comment event on SD-1 by `authorId`, with the payload's snapshot and without the comment's visibility. */
function commented(
  comment: Partial<NonNullable<IssueChangeEvent['comment']>> = {},
  overrides: Partial<IssueChangeEvent> = {},
): IssueChangeEvent {
  return {
    kind: 'commented',
    issueId: '10001',
    issueKey: 'SD-1',
    items: [],
    snapshot: SNAPSHOT,
    comment: { id: 'c1', authorId: 'agent-1', ...comment },
    ...overrides,
  };
}

/**
 * A site where `members` belong to some organization and `participants` are request participants of SD-1; it
 * counts every question asked and records every warning.
 */
function site(
  options: {
    members?: string[];
    participants?: string[];
    failing?: unknown;
    participantsFailing?: Error;
  } = {},
) {
  const store = new MemoryStore();
  const asked: string[] = [];
  const warnings: { event: string; data: unknown }[] = [];
  const links = {
    async isInAnyOrganization(accountId: string) {
      asked.push(`organizations:${accountId}`);
      // A gateway may reject with something that is not an Error; that case is tested too.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      if (options.failing !== undefined) return Promise.reject(options.failing);
      return (options.members ?? []).includes(accountId);
    },
    async isParticipant(issueKey: string, accountId: string) {
      asked.push(`participant:${issueKey}:${accountId}`);
      if (options.participantsFailing) throw options.participantsFailing;
      return issueKey === 'SD-1' && (options.participants ?? []).includes(accountId);
    },
  } as unknown as EventDeps['links'];
  const log = {
    warn: (event: string, data?: unknown) => warnings.push({ event, data }),
    info: () => undefined,
    error: () => undefined,
  };
  return { store, asked, warnings, deps: { store, links, log } };
}

describe('comment author: only a comment that cannot be the customer’s leaves the event', () => {
  const untold: { name: string; event: IssueChangeEvent }[] = [
    { name: 'an event without a comment', event: commented({}, { comment: undefined }) },
    { name: 'a comment without an author', event: commented({ authorId: undefined }) },
    { name: 'a payload without a snapshot', event: commented({}, { snapshot: undefined }) },
    { name: 'a comment the event says is public', event: commented({ isPublic: true }) },
    { name: 'a comment the event says is internal', event: commented({ isPublic: false }) },
    { name: 'a comment by a customer account', event: commented({ authorAccountType: 'customer' }) },
    { name: 'a comment by the reporter', event: commented({ authorId: 'cust-1' }) },
  ];
  it.each(untold)('$name may be the customer’s, without asking Jira', async ({ event }) => {
    const s = site();
    await expect(mayBeCustomer(s.deps, event, NOW)).resolves.toBe(true);
    expect(s.asked).toEqual([]);
  });

  it('a comment without an author on a ticket without a reporter is not asked about', async () => {
    const s = site();
    const event = commented({ authorId: undefined }, { snapshot: { ...SNAPSHOT, reporterId: undefined } });
    await expect(mayBeCustomer(s.deps, event, NOW)).resolves.toBe(true);
    expect(s.asked).toEqual([]);
  });

  it('an agent’s comment is asked about: organizations, then participants', async () => {
    const s = site();
    await expect(mayBeCustomer(s.deps, commented({ authorAccountType: 'atlassian' }), NOW)).resolves.toBe(
      false,
    );
    expect(s.asked).toEqual(['organizations:agent-1', 'participant:SD-1:agent-1']);
  });

  it('a member of an organization may be the customer; the participants are then not asked', async () => {
    const s = site({ members: ['agent-1'] });
    await expect(mayBeCustomer(s.deps, commented(), NOW)).resolves.toBe(true);
    expect(s.asked).toEqual(['organizations:agent-1']);
  });

  it('a request participant in no organization may be the customer', async () => {
    const s = site({ participants: ['agent-1'] });
    await expect(mayBeCustomer(s.deps, commented(), NOW)).resolves.toBe(true);
    expect(s.asked).toEqual(['organizations:agent-1', 'participant:SD-1:agent-1']);
  });

  it('a participant of another ticket is not the customer of this one', async () => {
    const s = site({ participants: ['agent-1'] });
    const event = commented({}, { issueKey: 'SD-2' });
    await expect(mayBeCustomer(s.deps, event, NOW)).resolves.toBe(false);
  });

  const kept: { name: string; hours: number; asked: number }[] = [
    { name: 'an hour later', hours: 1, asked: 1 },
    { name: 'just under 12 hours later', hours: 12 - 1 / 3600, asked: 1 },
    { name: '12 hours later', hours: 12, asked: 2 },
  ];
  it.each(kept)(
    '“in no organization” is kept 12 hours per author: $name asked $asked time(s)',
    async ({ hours, asked }) => {
      const s = site();
      await mayBeCustomer(s.deps, commented(), NOW);
      await mayBeCustomer(s.deps, commented(), new Date(NOW.getTime() + hours * HOUR));
      expect(s.asked.filter((q) => q === 'organizations:agent-1')).toHaveLength(asked);
      // The participants are a question of the ticket, asked at every comment.
      expect(s.asked.filter((q) => q.startsWith('participant:'))).toHaveLength(2);
    },
  );

  it('another author’s organizations are asked about on their own', async () => {
    const s = site({ members: ['agent-2'] });
    await expect(mayBeCustomer(s.deps, commented(), NOW)).resolves.toBe(false);
    await expect(mayBeCustomer(s.deps, commented({ authorId: 'agent-2' }), NOW)).resolves.toBe(true);
    expect(s.asked).toContain('organizations:agent-2');
  });

  it('a member of an organization is asked about again at the next comment', async () => {
    const s = site({ members: ['agent-1'] });
    await mayBeCustomer(s.deps, commented(), NOW);
    await mayBeCustomer(s.deps, commented(), NOW);
    expect(s.asked).toEqual(['organizations:agent-1', 'organizations:agent-1']);
  });

  const refusals: { name: string; failing: unknown; error: string }[] = [
    { name: 'an error', failing: new TypeError('fetch failed for agent-1'), error: 'TypeError' },
    { name: 'anything else', failing: 'agent-1 not found', error: 'unknown' },
  ];
  it.each(refusals)(
    'a question Jira refuses with $name leaves the comment as maybe the customer’s, logged without the account',
    async ({ failing, error }) => {
      const s = site({ failing });
      await expect(mayBeCustomer(s.deps, commented(), NOW)).resolves.toBe(true);
      expect(s.warnings).toEqual([{ event: 'commentAuthorCheckFailed', data: { issueId: '10001', error } }]);
    },
  );

  it('a participants list Jira refuses leaves the comment as maybe the customer’s', async () => {
    const s = site({ participantsFailing: new TypeError('fetch failed') });
    await expect(mayBeCustomer(s.deps, commented(), NOW)).resolves.toBe(true);
    expect(s.warnings).toEqual([
      { event: 'commentAuthorCheckFailed', data: { issueId: '10001', error: 'TypeError' } },
    ]);
  });
});
