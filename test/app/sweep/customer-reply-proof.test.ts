import { AuditLog } from '../../../src/app/shared/audit-log';
import { readStateWrite } from '../../../src/app/shared/state-write-marker';
import {
  customerReplySince,
  ProofIncompleteError,
  restartForReply,
} from '../../../src/app/sweep/customer-reply-proof';
import type { CommentFacts } from '../../../src/app/ports/jira';
import { PROCESS_STATE_KEY, type ProcessState } from '../../../src/domain/process-state';
import { MemoryStore } from '../../support/memory-store';
import {
  APP,
  DAY,
  ORGANIZATIONS_FIELD,
  clarificationTicket,
  comment,
  fakeSite,
  jiraTime,
  now,
  sweepContext,
  type Site,
} from './sweep-fakes';

const ticket = clarificationTicket(12);
const state = ticket.state as ProcessState;
/** The cycle began 12 days ago (entering Clarification). */
const cycleStart = new Date(state.cycleStartedAt);
const since = state.cycleStartedAt;
const daysIn = (days: number) => jiraTime(cycleStart.getTime() + days * DAY);

async function proof(site: Site, expectedOwn = 1, store = new MemoryStore(), fieldId?: string) {
  const fake = fakeSite(site);
  const ctx = sweepContext(store, fake, fieldId ? { organizationsFieldId: fieldId } : {});
  const reply = await customerReplySince(ctx, ticket, since, expectedOwn);
  return { reply, calls: fake.calls };
}

describe('proof before an irreversible step: a customer comment since the cycle began (ADR 0003)', () => {
  it('finds the reporter’s public comment written after the cycle began, with its id and time', async () => {
    const { reply, calls } = await proof({ comments: [comment('50', 'customer-1', daysIn(3))] });
    expect(reply).toEqual({ commentId: '50', at: new Date(cycleStart.getTime() + 3 * DAY) });
    // The reporter is the customer without asking Jira anything more.
    expect(calls).toEqual(['comments SUP-1 0+2', 'myself']);
  });

  it('a quiet ticket costs one request of as many comments as the cycle holds of the app’s own, plus one', async () => {
    const { reply, calls } = await proof({ comments: [] }, 2);
    expect(reply).toBeUndefined();
    expect(calls).toEqual(['comments SUP-1 0+3']);
  });

  it('a cycle with more comments than the proof reads proves nothing: it says so instead of “no reply”', async () => {
    const flood = Array.from({ length: 5_000 }, (_, i) => comment(String(1000 + i), APP, daysIn(1)));
    await expect(proof({ comments: flood }, 49)).rejects.toMatchObject({
      name: 'ProofIncompleteError',
      gap: 'proofIncomplete',
    });
    const justBelow = await proof({ comments: flood.slice(1) }, 49);
    expect(justBelow.reply).toBeUndefined();
  });

  it('never asks for more than 50 comments at once', async () => {
    const { calls } = await proof({ comments: [] }, 80);
    expect(calls).toEqual(['comments SUP-1 0+50']);
  });

  it('a comment written before the cycle began, or at its very start, proves nothing, and the reading stops there', async () => {
    const atStart = await proof({
      comments: [comment('40', 'customer-1', daysIn(-1)), comment('41', 'customer-1', daysIn(0))],
    });
    expect(atStart.reply).toBeUndefined();
    expect(atStart.calls).toEqual(['comments SUP-1 0+2']);
  });

  describe('a comment without a readable time cannot be placed in the cycle: never “no reply” because of it', () => {
    type Expected = { reply: string } | 'no reply' | 'cannot decide';
    // Comments oldest first, as written; the proof reads them newest first.
    it.each<[string, CommentFacts[], Expected]>([
      [
        'the reporter’s public comment without a time',
        [comment('40', 'customer-1', undefined)],
        'cannot decide',
      ],
      [
        'the reporter’s comment with an unreadable time',
        [comment('40', 'customer-1', 'yesterday')],
        'cannot decide',
      ],
      [
        'a participant’s public comment without a time',
        [comment('40', 'colleague-1', undefined)],
        'cannot decide',
      ],
      [
        'the reporter’s comment without a time above an older reply of the cycle',
        [comment('39', 'customer-1', daysIn(2)), comment('40', 'customer-1', undefined)],
        'cannot decide',
      ],
      [
        'the reporter’s comment without a time above one written before the cycle',
        [comment('39', 'customer-1', daysIn(-2)), comment('40', 'customer-1', undefined)],
        'cannot decide',
      ],
      ['the app’s own comment without a time', [comment('40', APP, undefined)], 'no reply'],
      ['an agent’s comment without a time', [comment('40', 'agent-1', undefined)], 'no reply'],
      ['an authorless comment without a time', [comment('40', undefined, undefined)], 'no reply'],
      [
        'the reporter’s internal note without a time above a reply of the cycle',
        [comment('39', 'customer-1', daysIn(2)), comment('40', 'customer-1', undefined, false)],
        { reply: '39' },
      ],
      [
        'the app’s comment without a time above a reply of the cycle',
        [comment('39', 'customer-1', daysIn(2)), comment('40', APP, undefined)],
        { reply: '39' },
      ],
      [
        'an agent’s comment without a time above one written before the cycle',
        [comment('39', 'customer-1', daysIn(-2)), comment('40', 'agent-1', undefined)],
        'no reply',
      ],
      [
        'the reporter’s comment without a time below one written before the cycle (never read)',
        [comment('39', 'customer-1', undefined), comment('40', 'customer-1', daysIn(-2))],
        'no reply',
      ],
    ])('%s', async (_name, comments, expected) => {
      const result = proof({ comments, participants: ['colleague-1'] }, comments.length);
      if (expected === 'cannot decide') {
        const error = await result.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ProofIncompleteError);
        expect(error).toMatchObject({ issueKey: 'SUP-1', gap: 'proofUntimedComment' });
      } else {
        const { reply } = await result;
        expect(reply?.commentId ?? 'no reply').toBe(expected === 'no reply' ? 'no reply' : expected.reply);
      }
    });
  });

  it('the reporter’s internal note is no reply; an older public comment of the cycle still is', async () => {
    const { reply } = await proof(
      {
        comments: [comment('50', 'customer-1', daysIn(2)), comment('51', 'customer-1', daysIn(4), false)],
      },
      2,
    );
    expect(reply?.commentId).toBe('50');
  });

  it('the app’s own comments (its reminders) are no reply, nor is a comment without an author', async () => {
    const { reply } = await proof(
      { comments: [comment('52', APP, daysIn(5)), comment('53', undefined, daysIn(6))] },
      2,
    );
    expect(reply).toBeUndefined();
  });

  it('the app’s own comments and authorless ones cost no customer checks; the app’s account is read once', async () => {
    const store = new MemoryStore();
    const site = { comments: [comment('52', APP, daysIn(5)), comment('53', undefined, daysIn(6))] };
    const first = await proof(site, 2, store);
    const second = await proof(site, 2, store);
    expect(first.calls).toEqual(['comments SUP-1 0+3', 'myself']);
    expect(second.calls).toEqual(['comments SUP-1 0+3']);
  });

  it('a request participant’s comment is a reply; an agent’s is not', async () => {
    const participant = await proof({
      comments: [comment('60', 'colleague-1', daysIn(3))],
      participants: ['colleague-1'],
    });
    expect(participant.reply?.commentId).toBe('60');
    const agent = await proof({
      comments: [comment('61', 'agent-1', daysIn(3))],
      participants: ['colleague-1'],
    });
    expect(agent.reply).toBeUndefined();
  });

  it('a member of an organization the ticket is shared with replies for the customer', async () => {
    const { reply, calls } = await proof(
      {
        comments: [comment('70', 'colleague-2', daysIn(3)), comment('71', 'agent-1', daysIn(4))],
        shared: [
          { id: '7', name: 'Acme' },
          { id: '8', name: 'Globex' },
        ],
        members: { '8': ['colleague-2'] },
      },
      2,
    );
    expect(reply?.commentId).toBe('70');
    // The organizations are read once, for the first comment by someone other than the reporter.
    expect(calls.filter((c) => c.startsWith('issue '))).toEqual([`issue SUP-1 ${ORGANIZATIONS_FIELD}`]);
    expect(calls).toContain('member? 7 agent-1');
  });

  it('uses the Organizations field id the sweep already knows, without reading the fields', async () => {
    const { reply, calls } = await proof(
      {
        comments: [comment('70', 'colleague-2', daysIn(3))],
        shared: [{ id: '8', name: 'Globex' }],
        members: { '8': ['colleague-2'] },
      },
      1,
      new MemoryStore(),
      ORGANIZATIONS_FIELD,
    );
    expect(reply?.commentId).toBe('70');
    expect(calls).not.toContain('fields');
  });

  it('on a site without an Organizations field only the reporter and participants count', async () => {
    const { reply, calls } = await proof({
      comments: [comment('70', 'colleague-2', daysIn(3))],
      hasOrganizationsField: false,
      shared: [{ id: '8', name: 'Globex' }],
      members: { '8': ['colleague-2'] },
    });
    expect(reply).toBeUndefined();
    expect(calls.filter((c) => c.startsWith('issue ') || c.startsWith('member?'))).toEqual([]);
  });

  it('an issue read without fields counts as no organizations', async () => {
    const fake = fakeSite({ comments: [comment('70', 'colleague-2', daysIn(3))] });
    fake.jira.getIssue = async (key: string) => ({ id: ticket.id, key });
    const ctx = sweepContext(new MemoryStore(), fake);
    await expect(customerReplySince(ctx, ticket, since, 1)).resolves.toBeUndefined();
    expect(fake.calls).toEqual(['comments SUP-1 0+2', 'myself', 'fields', 'participant? colleague-2']);
  });

  it('an unreadable Organizations field counts as no organizations', async () => {
    const { reply } = await proof({
      comments: [comment('70', 'colleague-2', daysIn(3))],
      shared: 'not a list',
      members: { '8': ['colleague-2'] },
    });
    expect(reply).toBeUndefined();
  });

  it('reads on, page by page, past the app’s reminders to the customer’s reply', async () => {
    const { reply, calls } = await proof({
      comments: [
        comment('80', 'customer-1', daysIn(1)),
        comment('81', APP, daysIn(7)),
        comment('82', APP, daysIn(10)),
      ],
    });
    expect(reply?.commentId).toBe('80');
    // Each page after the first starts at the oldest comment already read (a deleted comment would show there).
    expect(calls.filter((c) => c.startsWith('comments'))).toEqual([
      'comments SUP-1 0+2',
      'comments SUP-1 1+4',
    ]);
  });

  it('finds a customer reply behind more comments than the first pages hold', async () => {
    const agents = Array.from({ length: 60 }, (_, i) => comment(String(200 + i), 'agent-1', daysIn(2)));
    const { reply, calls } = await proof({
      comments: [comment('80', 'customer-1', daysIn(1)), ...agents, comment('81', APP, daysIn(10))],
    });
    expect(reply?.commentId).toBe('80');
    expect(calls.filter((c) => c.startsWith('comments'))).toEqual([
      'comments SUP-1 0+2',
      'comments SUP-1 1+4',
      'comments SUP-1 4+8',
      'comments SUP-1 11+16',
      'comments SUP-1 26+32',
      'comments SUP-1 57+50',
    ]);
  });

  it('after the first page, reads on in pages twice as large, up to 50, never past the comments it proves at most', async () => {
    const flood = Array.from({ length: 5_000 }, (_, i) => comment(String(1000 + i), APP, daysIn(1)));
    const { calls } = await proof({ comments: flood.slice(1) }, 1).catch(() => ({ calls: [] as string[] }));
    const pages = calls.filter((c) => c.startsWith('comments'));
    expect(pages.slice(4, 7)).toEqual([
      'comments SUP-1 26+32',
      'comments SUP-1 57+50',
      'comments SUP-1 106+50',
    ]);
    // The last page ends at the 5,000th comment, exactly.
    const [start, size] = (pages.at(-1) ?? '').split(' ')[2]!.split('+').map(Number);
    expect(start! + size!).toBe(5_000);
  });

  describe('comments deleted or added while the proof reads them', () => {
    /** A proof during which `change` edits the ticket's comments (oldest first) right after its `afterPage`th page. */
    async function proofWhile(
      comments: CommentFacts[],
      afterPage: number,
      change: (c: CommentFacts[]) => void,
    ) {
      let pages = 0;
      const fake = fakeSite({
        comments,
        afterCommentsPage: () => {
          pages += 1;
          if (pages === afterPage) change(comments);
        },
      });
      const reply = await customerReplySince(sweepContext(new MemoryStore(), fake), ticket, since, 1);
      return { reply, pages: fake.calls.filter((c) => c.startsWith('comments')) };
    }

    /** The customer's reply, then agents' comments, newest last: the reply is on the third page. */
    const busyCycle = () => [
      comment('80', 'customer-1', daysIn(1)),
      ...Array.from({ length: 6 }, (_, i) => comment(String(200 + i), 'agent-1', daysIn(2))),
    ];

    it('a comment deleted from a page already read does not hide the reply behind it: the proof reads again', async () => {
      const { reply, pages } = await proofWhile(busyCycle(), 2, (c) => c.splice(c.length - 1, 1));
      expect(reply?.commentId).toBe('80');
      expect(pages).toEqual([
        'comments SUP-1 0+2',
        'comments SUP-1 1+4',
        'comments SUP-1 4+8',
        'comments SUP-1 0+2',
        'comments SUP-1 1+4',
        'comments SUP-1 4+8',
      ]);
    });

    it('comments added meanwhile push the list down: the proof goes on from the oldest comment it read', async () => {
      const { reply, pages } = await proofWhile(busyCycle(), 1, (c) =>
        c.push(comment('300', 'agent-1', daysIn(3)), comment('301', 'agent-1', daysIn(3))),
      );
      expect(reply?.commentId).toBe('80');
      // Page 2 finds the oldest comment read two places further down and reads on behind it.
      expect(pages).toEqual(['comments SUP-1 0+2', 'comments SUP-1 1+4', 'comments SUP-1 4+8']);
    });

    it('a customer reply written while the proof reads is judged where the next page reaches it', async () => {
      const quiet = [comment('79', APP, daysIn(-1)), ...busyCycle().slice(1)];
      const { reply } = await proofWhile(quiet, 1, (c) =>
        c.push(
          comment('300', 'customer-1', daysIn(3)),
          comment('301', 'agent-1', daysIn(3)),
          comment('302', 'agent-1', daysIn(3)),
        ),
      );
      expect(reply?.commentId).toBe('300');
    });

    it('comments deleted on every reading: no proof, and the step is tried again shortly', async () => {
      const comments = busyCycle();
      const fake = fakeSite({
        comments,
        afterCommentsPage: (startAt) => startAt === 0 && void comments.pop(),
      });
      const ctx = sweepContext(new MemoryStore(), fake);
      await expect(customerReplySince(ctx, ticket, since, 1)).rejects.toMatchObject({ gap: 'proofShifting' });
      expect(fake.calls.filter((c) => c === 'comments SUP-1 0+2')).toHaveLength(3);
    });
  });

  it('stops after a page shorter than asked for: there is nothing older', async () => {
    const { calls } = await proof({ comments: [comment('81', APP, daysIn(7))] });
    expect(calls.filter((c) => c.startsWith('comments'))).toEqual(['comments SUP-1 0+2']);
  });
});

describe('restart for a reply the proof found, as the event rule would have', () => {
  const reply = { commentId: '50', at: new Date(cycleStart.getTime() + 3 * DAY) };

  it('announces the write, then stores the restarted cycle alone and audits it', async () => {
    const store = new MemoryStore();
    const site = fakeSite({ comments: [] });
    await restartForReply(sweepContext(store, site), ticket, state, reply);
    const written = site.property() as ProcessState;
    expect(site.calls).toEqual([`setProperty SUP-1 ${PROCESS_STATE_KEY}`]);
    expect(written.cycle).toBe(state.cycle + 1);
    expect(written.cycleStartedAt).toBe(reply.at.toISOString());
    expect(written.updatedAt).toBe(now.toISOString());
    expect(written.done).toContain('10001:customerComment:50');
    await expect(readStateWrite(store, ticket.id, 'sweep')).resolves.toEqual({
      updatedAt: now.toISOString(),
      writer: '10001:reset:50',
    });
    await expect(new AuditLog(store).forIssue(ticket.id)).resolves.toEqual([
      expect.objectContaining({ action: 'timerReset', outcome: 'done', detail: 'customerReplyFound' }),
    ]);
  });

  it('writes nothing when the reply already restarted the cycle (the event came first)', async () => {
    const store = new MemoryStore();
    const first = fakeSite({ comments: [] });
    await restartForReply(sweepContext(store, first), ticket, state, reply);
    const again = fakeSite({ comments: [] });
    await restartForReply(sweepContext(store, again), ticket, first.property() as ProcessState, reply);
    expect(again.calls).toEqual([]);
  });
});
