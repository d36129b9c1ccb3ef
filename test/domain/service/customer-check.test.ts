import { customerChecks } from '../../../src/domain/service/customer-check';

describe('customerChecks (PROCESS.md §4): reporter, participant, member of a shared organization', () => {
  it.each([
    ['the reporter needs no question', { reporterId: 'a', organizations: [{ id: '7' }] }, 'a', true],
    [
      'anyone else: participant first, then each shared organization',
      { reporterId: 'a', organizations: [{ id: '7' }, { id: '9' }] },
      'b',
      [
        { kind: 'participant' },
        { kind: 'organizationMember', organizationId: '7' },
        { kind: 'organizationMember', organizationId: '9' },
      ],
    ],
    [
      'no reporter, no organization: only the participant check',
      { organizations: [] },
      'b',
      [{ kind: 'participant' }],
    ],
  ] as const)('%s', (_name, ticket, accountId, expected) => {
    expect(customerChecks(ticket, accountId)).toEqual(expected);
  });
});
