import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * A state the sweep rebuilds from the changelog (a ticket waiting since before installation, or one whose status
 * event was lost) knows nothing of the comments written since the ticket entered its status. Its close is as
 * irreversible as any other: it takes the proof first.
 */
const START = '2026-11-02T08:30:00Z';

/** A public comment by `author` written `daysAgo` days ago, placed on the ticket without an event (none was seen). */
function writtenBeforeInstall(
  s: LocalSite,
  key: string,
  author: string,
  daysAgo: number,
  internal = false,
): void {
  const issue = s.site.store.issue(key);
  if (!issue) throw new Error(`no issue ${key}`);
  const created = new Date(Date.now() - daysAgo * DAY).toISOString();
  issue.comments.push({
    id: s.site.store.nextId('comment'),
    authorAccountId: author,
    body: {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Still broken' }] }],
    },
    created,
    updated: created,
    jsdPublic: !internal,
  });
}

/** A Support Request in Resolved for 60 days (Resolved closes after 50) when the app starts managing SD. */
function resolvedLongAgo(s: LocalSite): string {
  const [key] = insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.resolved, [Date.now() - 60 * DAY]);
  if (!key) throw new Error('no ticket');
  return key;
}

describe('the close of a rebuilt state takes the proof', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite(START);
    s.configure({ projects: [] });
  });
  afterEach(() => s.close());

  it('a customer reply written after the ticket entered Resolved, never seen as an event, restarts the cycle instead of the close', async () => {
    const key = resolvedLongAgo(s);
    writtenBeforeInstall(s, key, 'customer-acme-1', 20);
    s.configure({ projects: ['SD'] });
    await s.advance(3 * HOUR);
    expect(s.status(key)).toBe('Resolved');
    expect(s.state(key)).toMatchObject({ timer: 'resolved', lastReset: { reason: 'customerComment' } });
    // The cycle counts from the reply: 50 days after it, 30 days from now.
    s.jump(new Date(Date.now() + 29 * DAY));
    await s.advance(2 * HOUR);
    expect(s.status(key)).toBe('Resolved');
    s.jump(new Date(Date.now() + 1 * DAY));
    await s.advance(2 * HOUR);
    expect(s.status(key)).toBe('Closed');
  });

  it('an agent comment or an internal note since then is no reply: the ticket is closed at once', async () => {
    const key = resolvedLongAgo(s);
    writtenBeforeInstall(s, key, 'agent-dach-anna', 20);
    writtenBeforeInstall(s, key, 'customer-acme-1', 10, true);
    s.configure({ projects: ['SD'] });
    await s.advance(3 * HOUR);
    expect(s.status(key)).toBe('Closed');
    // The first page holds what a quiet cycle would (one comment); the next reads on to the end in one request.
    expect(s.site.metrics.of('getComments').requests).toBe(2);
  });
});
