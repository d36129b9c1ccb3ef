import { splitPeople } from '../../../src/app/admin/section-result';

describe('splitPeople: a comma-separated list of account ids as the list the domain stores', () => {
  it.each([
    ['one person', 'acc-1', ['acc-1']],
    [
      'several people, spaces around the commas trimmed',
      ' acc-1 , acc-2,acc-3 ',
      ['acc-1', 'acc-2', 'acc-3'],
    ],
    ['blank entries left out', 'acc-1,, ,acc-2,', ['acc-1', 'acc-2']],
    ['an empty text as nobody', '', []],
    ['only blanks and commas as nobody', ' , ,', []],
  ])('reads %s', (_what, text, people) => {
    expect(splitPeople(text)).toEqual(people);
  });
});
