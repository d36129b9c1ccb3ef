import { cameByEmail, searchByEmailChannel } from '../../../src/app/events/email-channel';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { IssueBean, SearchRequest } from '../../../src/app/ports/jira';
import { JiraHttpError, UpstreamError } from '../../../src/app/ports/jira-errors';

/**
 * A site whose e-mail channel search finds the tickets `byEmail` (by id) and honours the fields asked for; or, with
 * `refusal`, one that answers every search with it.
 */
function site(byEmail: string[], refusal?: Error) {
  const searches: SearchRequest[] = [];
  const warnings: { event: string; data: unknown }[] = [];
  const jira = {
    async search(request: SearchRequest) {
      searches.push(request);
      if (refusal) throw refusal;
      const id = /^id = (\d+) AND "request-channel-type" = email$/.exec(request.jql)?.[1];
      const issues: IssueBean[] = byEmail
        .filter((candidate) => candidate === id)
        .map((found) => ({ id: found, key: `SD-${found}`, fields: {} }));
      return { issues };
    },
  };
  const log = {
    warn: (event: string, data?: unknown) => warnings.push({ event, data }),
    info: () => undefined,
    error: () => undefined,
  };
  return { searches, warnings, deps: { jira, log } as unknown as EventDeps };
}

describe('e-mail channel: a ticket raised by e-mail is found by one reconciled search of it alone', () => {
  it('a ticket raised by e-mail is found, with what the read asks for', async () => {
    const s = site(['10001']);
    const read = { fields: ['summary', 'status'], properties: ['process-state'] };
    await expect(searchByEmailChannel(s.deps, '10001', read)).resolves.toMatchObject({ id: '10001' });
    expect(s.searches).toEqual([
      {
        jql: 'id = 10001 AND "request-channel-type" = email',
        maxResults: 1,
        fields: ['summary', 'status'],
        properties: ['process-state'],
        reconcileIssues: [10001],
      },
    ]);
  });

  it('a search without a read asks for no fields', async () => {
    const s = site(['10001']);
    await searchByEmailChannel(s.deps, '10001');
    expect(s.searches).toEqual([
      { jql: 'id = 10001 AND "request-channel-type" = email', maxResults: 1, reconcileIssues: [10001] },
    ]);
  });

  it('a ticket raised otherwise is not found', async () => {
    const s = site(['10002']);
    await expect(searchByEmailChannel(s.deps, '10001')).resolves.toBeNull();
    await expect(cameByEmail(s.deps, '10001')).resolves.toBe(false);
  });

  it('a ticket raised by e-mail came by e-mail', async () => {
    const s = site(['10001']);
    await expect(cameByEmail(s.deps, '10001')).resolves.toBe(true);
  });

  it('a site that does not know the clause cannot say, which is logged and counts as not by e-mail', async () => {
    const s = site([], new JiraHttpError('search', 400, 'Field request-channel-type does not exist'));
    await expect(searchByEmailChannel(s.deps, '10001')).resolves.toBeUndefined();
    await expect(cameByEmail(s.deps, '10001')).resolves.toBe(false);
    expect(s.warnings).toEqual([
      { event: 'events.emailChannelUnknown', data: { issueId: '10001' } },
      { event: 'events.emailChannelUnknown', data: { issueId: '10001' } },
    ]);
  });

  it.each([new JiraHttpError('search', 403, 'forbidden'), new UpstreamError('search', 'timeout')])(
    'any other failure (%p) is the caller’s to handle',
    async (refusal) => {
      const s = site([], refusal);
      await expect(searchByEmailChannel(s.deps, '10001')).rejects.toBe(refusal);
      expect(s.warnings).toEqual([]);
    },
  );
});
