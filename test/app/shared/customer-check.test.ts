import type { AppDeps } from '../../../src/app/deps';
import { isCustomer } from '../../../src/app/shared/customer-check';

/** SD-7 (issue 10007), reported by `cust-1` and shared with organizations 3 and 4 unless told otherwise. */
const TICKET = {
  id: '10007',
  key: 'SD-7',
  reporterId: 'cust-1',
  organizations: [{ id: '3' }, { id: '4' }],
};

/**
 * A site where `participants` are request participants of SD-7 and `members` maps an organization id to its
 * members; it records every question asked, in order, and every warning. `failing` makes the question of that
 * name (`participant` or `organization:<id>`) reject with the given value.
 */
function site(
  options: {
    participants?: string[];
    members?: Record<string, string[]>;
    failing?: Record<string, unknown>;
  } = {},
) {
  const asked: string[] = [];
  const warnings: { event: string; data: unknown }[] = [];
  const fail = (question: string) => {
    const failing = options.failing ?? {};
    // A gateway may reject with something that is not an Error; that case is tested too.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return question in failing ? Promise.reject(failing[question]) : undefined;
  };
  const links = {
    async isParticipant(issueKey: string, accountId: string) {
      asked.push(`participant:${issueKey}:${accountId}`);
      return (
        (await fail('participant')) ??
        (issueKey === 'SD-7' && (options.participants ?? []).includes(accountId))
      );
    },
    async isOrganizationMember(organizationId: string, accountId: string) {
      asked.push(`organization:${organizationId}:${accountId}`);
      return (
        (await fail(`organization:${organizationId}`)) ??
        (options.members?.[organizationId] ?? []).includes(accountId)
      );
    },
  } as unknown as AppDeps['links'];
  const log = {
    warn: (event: string, data?: unknown) => warnings.push({ event, data }),
    info: () => undefined,
    error: () => undefined,
  };
  return { asked, warnings, deps: { links, log } };
}

describe('customer check: the reporter, a request participant or a member of a shared organization', () => {
  it('the reporter is the customer without asking Jira anything', async () => {
    const { deps, asked } = site();
    await expect(isCustomer(deps, TICKET, 'cust-1')).resolves.toBe(true);
    expect(asked).toEqual([]);
  });

  it('a request participant of this ticket is the customer; the organizations are not asked then', async () => {
    const { deps, asked } = site({ participants: ['part-1'], members: { '3': ['part-1'] } });
    await expect(isCustomer(deps, TICKET, 'part-1')).resolves.toBe(true);
    expect(asked).toEqual(['participant:SD-7:part-1']);
  });

  it('a member of a later shared organization is the customer: the questions run in order and stop at the yes', async () => {
    const { deps, asked } = site({ members: { '3': ['other'], '4': ['member-1'] } });
    await expect(isCustomer(deps, TICKET, 'member-1')).resolves.toBe(true);
    expect(asked).toEqual([
      'participant:SD-7:member-1',
      'organization:3:member-1',
      'organization:4:member-1',
    ]);
  });

  it('the first shared organization saying yes spares asking the next one', async () => {
    const { deps, asked } = site({ members: { '3': ['member-1'], '4': ['member-1'] } });
    await expect(isCustomer(deps, TICKET, 'member-1')).resolves.toBe(true);
    expect(asked).toEqual(['participant:SD-7:member-1', 'organization:3:member-1']);
  });

  it('someone every question answers no to is not the customer, after asking each one once', async () => {
    const { deps, asked, warnings } = site({
      participants: ['part-1'],
      members: { '3': ['m3'], '4': ['m4'] },
    });
    await expect(isCustomer(deps, TICKET, 'agent-1')).resolves.toBe(false);
    expect(asked).toEqual(['participant:SD-7:agent-1', 'organization:3:agent-1', 'organization:4:agent-1']);
    expect(warnings).toEqual([]);
  });

  it('a member of an organization the ticket is not shared with is not the customer', async () => {
    const { deps, asked } = site({ members: { '9': ['member-9'] } });
    await expect(isCustomer(deps, { ...TICKET, organizations: [] }, 'member-9')).resolves.toBe(false);
    expect(asked).toEqual(['participant:SD-7:member-9']);
  });

  it('a ticket without a reporter still asks whether the person is a participant', async () => {
    const { deps } = site({ participants: ['part-1'] });
    await expect(isCustomer(deps, { ...TICKET, reporterId: undefined }, 'part-1')).resolves.toBe(true);
  });
});

describe('customer check: an error while asking counts as “not the customer”', () => {
  it('a failing question answers no, asks nothing further and logs the error’s name with the issue id', async () => {
    const { deps, asked, warnings } = site({
      members: { '4': ['member-1'] },
      failing: { 'organization:3': new TypeError('socket hang up') },
    });
    await expect(isCustomer(deps, TICKET, 'member-1')).resolves.toBe(false);
    expect(asked).toEqual(['participant:SD-7:member-1', 'organization:3:member-1']);
    expect(warnings).toEqual([
      { event: 'customerCheckFailed', data: { issueId: '10007', error: 'TypeError' } },
    ]);
  });

  it('a rejection that is not an Error is logged as unknown, without its content', async () => {
    const { deps, warnings } = site({ failing: { participant: 'cust-1@example.com' } });
    await expect(isCustomer(deps, TICKET, 'part-1')).resolves.toBe(false);
    expect(warnings).toEqual([
      { event: 'customerCheckFailed', data: { issueId: '10007', error: 'unknown' } },
    ]);
  });
});
