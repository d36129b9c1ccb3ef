import { compareIssueKeys } from '../../src/domain/issue-key-order';

describe('compareIssueKeys: the order of ORDER BY key ASC', () => {
  it.each([
    ['SD-9', 'SD-10', -1],
    ['SD-10', 'SD-9', 1],
    ['SD-7', 'SD-7', 0],
    ['AB-20', 'SD-1', -1],
    ['SD-1', 'AB-20', 1],
  ])('%s against %s: %i', (a, b, sign) => {
    expect(Math.sign(compareIssueKeys(a, b))).toBe(sign);
  });

  it('sorts by project, then by number, not by text', () => {
    expect(['SD-10', 'SD-9', 'AB-20', 'SD-100'].sort(compareIssueKeys)).toEqual([
      'AB-20',
      'SD-9',
      'SD-10',
      'SD-100',
    ]);
  });
});
