import { settingChanges } from '../../../src/app/admin/settings-changes';

describe('settingChanges', () => {
  it('lists nothing for equal settings, whatever their key order', () => {
    expect(settingChanges({ a: 1, b: { c: 'x', d: [1, 2] } }, { b: { d: [1, 2], c: 'x' }, a: 1 })).toEqual(
      [],
    );
  });

  it.each([
    ['a number', 50, 10, '50', '10'],
    ['a flag', true, false, 'true', 'false'],
    ['a text', 'Done', 'Closed', 'Done', 'Closed'],
    ['a text emptied', 'Done', '', 'Done', '—'],
    ['a value set', null, 30, '—', '30'],
    ['a list of plain values', [1, 2, 3], [1, 2, 3, 4, 5], '1, 2, 3', '1, 2, 3, 4, 5'],
    ['a list emptied', ['SUP'], [], 'SUP', '—'],
    ['a text with its blanks collapsed', 'a\n\n  b', 'a  c', 'a b', 'a c'],
    ['a text without the blanks around it', '\n Hello \n', ' Hi', 'Hello', 'Hi'],
  ])('shows %s as short text', (_name, from, to, shownFrom, shownTo) => {
    expect(settingChanges({ timers: { value: from } }, { timers: { value: to } })).toEqual([
      { path: 'timers.value', from: shownFrom, to: shownTo },
    ]);
  });

  it('shortens a long text to sixty characters, the last an ellipsis', () => {
    const long = 'x'.repeat(61);
    const [change] = settingChanges({ text: 'x'.repeat(60) }, { text: long });
    expect(change).toEqual({ path: 'text', from: 'x'.repeat(60), to: `${'x'.repeat(59)}…` });
  });

  it('shortens a long list as one text', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `PROJECT${i}`);
    const [change] = settingChanges({ projects: [] }, { projects: keys });
    expect(change?.to).toBe(`${keys.join(', ').slice(0, 59)}…`);
  });

  it('names a row of a table by its index and compares it field by field', () => {
    const row = (timeZone: string) => ({ region: 'graz', timeZone });
    expect(
      settingChanges(
        { regions: { regions: [row('Europe/Berlin'), row('Europe/Vienna')] } },
        { regions: { regions: [row('Europe/Berlin'), row('Europe/Rome')] } },
      ),
    ).toEqual([{ path: 'regions.regions.1.timeZone', from: 'Europe/Vienna', to: 'Europe/Rome' }]);
  });

  it('lists a removed row after the settings of the new version', () => {
    expect(
      settingChanges(
        { groups: [{ region: 'graz' }, { region: 'linz' }], wait: 24 },
        { groups: [{ region: 'graz' }], wait: 48 },
      ),
    ).toEqual([
      { path: 'wait', from: '24', to: '48' },
      { path: 'groups.1.region', from: 'linz', to: '—' },
    ]);
  });

  it.each([
    {
      name: 'the first row of an empty table',
      before: { groups: [], wait: 24 },
      after: { groups: [{ region: 'graz' }], wait: 24 },
      changes: [{ path: 'groups.0.region', from: '—', to: 'graz' }],
    },
    {
      name: 'the last row of a table',
      before: { groups: [{ region: 'graz' }] },
      after: { groups: [] },
      changes: [{ path: 'groups.0.region', from: 'graz', to: '—' }],
    },
    {
      name: 'a cleared setting that was empty',
      before: { holiday: '' },
      after: { holiday: null },
      changes: [],
    },
  ])('lists $name by its fields alone', ({ before, after, changes }) => {
    expect(settingChanges(before, after)).toEqual(changes);
  });

  it('lists a table emptied of plain values as its list', () => {
    expect(settingChanges({ days: [1, 2] }, { days: [] })).toEqual([{ path: 'days', from: '1, 2', to: '—' }]);
  });

  it('compares a list holding any table row row by row', () => {
    expect(settingChanges({ mixed: [1, { region: 'graz' }] }, { mixed: [1, { region: 'linz' }] })).toEqual([
      { path: 'mixed.1.region', from: 'graz', to: 'linz' },
    ]);
  });

  it('shows a list of lists per inner list', () => {
    expect(settingChanges({ grid: [[1], [2]] }, { grid: [[1], [2, 3]] })).toEqual([
      { path: 'grid.1', from: '2', to: '2, 3' },
    ]);
  });
});
