import { classifyComment, isCustomerAuthor, type TicketParties } from '../../../src/domain/comments';

const parties: TicketParties = {
  reporter: 'reporter',
  participants: ['participant'],
  organizationMembers: ['colleague'],
};
const APP = 'app-account';

describe('isCustomerAuthor (PROCESS.md §4: reporter, participants, organization members)', () => {
  it.each([
    ['reporter', true],
    ['participant', true],
    ['colleague', true],
    ['agent', false],
    [APP, false],
    [undefined, false],
  ])('%s → %s', (author, expected) => {
    expect(isCustomerAuthor(author, parties, APP)).toBe(expected);
  });

  it('never counts the app, even if it were a participant', () => {
    expect(isCustomerAuthor(APP, { ...parties, participants: [APP] }, APP)).toBe(false);
  });
});

describe('classifyComment', () => {
  it.each([
    ['the app', { authorAccountId: APP, isPublic: true }, 'app'],
    ['an internal note', { authorAccountId: 'agent', isPublic: false }, 'internal'],
    ['an internal note by a customer account', { authorAccountId: 'reporter', isPublic: false }, 'internal'],
    ['a customer reply', { authorAccountId: 'colleague', isPublic: true }, 'customer'],
    ['an agent reply', { authorAccountId: 'agent', isPublic: true }, 'agent'],
  ] as const)('%s', (_name, comment, origin) => {
    expect(classifyComment(comment, parties, APP)).toBe(origin);
  });
});
