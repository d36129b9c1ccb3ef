import { changeOf, occurrenceOf, type ChangeItem } from '../../../src/domain/events/issue-change';
import { event } from './rule-fixtures';

describe('changeOf: the changelog item of a field', () => {
  const status: ChangeItem = { field: 'status', fieldId: 'status', from: '1', to: '2', toString: null };
  const noId: ChangeItem = { field: 'Vertraulich', from: null, to: 'yes', toString: null };
  const sameNameOtherId: ChangeItem = {
    field: 'status',
    fieldId: 'customfield_10050',
    to: 'x',
    toString: null,
  };
  it.each<[string, ChangeItem[], string, string | undefined, ChangeItem | undefined]>([
    ['by its id', [noId, status], 'status', undefined, status],
    ['by its name where Jira sent no id', [status, noId], 'cf-conf', 'Vertraulich', noId],
    ['not by the name of an item that has another id', [sameNameOtherId], 'status', undefined, undefined],
    ['the first of two items', [status, { ...status, to: '3' }], 'status', undefined, status],
    ['none when the field did not change', [noId], 'status', undefined, undefined],
  ])('%s', (_name, items, fieldId, fieldName, expected) => {
    expect(changeOf(event({ items }), fieldId, fieldName)).toBe(expected);
  });
});

describe('occurrenceOf: one name for every delivery of one change', () => {
  it.each<[string, Parameters<typeof event>[0], string]>([
    ['an update: its history id', { kind: 'updated', changelogId: '10042' }, 'h10042'],
    [
      'a comment with a history id: the history id',
      { kind: 'commented', changelogId: '7', comment: { id: '55' } },
      'h7',
    ],
    [
      'a comment: its comment id',
      { kind: 'commented', changelogId: undefined, comment: { id: '55' } },
      'c55',
    ],
    ['a creation', { kind: 'created', changelogId: undefined }, 'created'],
  ])('%s', (_name, overrides, expected) => {
    expect(occurrenceOf(event(overrides))).toBe(expected);
  });
});
