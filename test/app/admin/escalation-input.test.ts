import { escalationInput } from '../../../src/app/admin/escalation-input';
import { settingsView } from '../../../src/app/admin/settings-view';
import { settingsSchema } from '../../../src/domain/config';
import { DEFAULT_LADDER } from '../../../src/domain/config/service-schema';

const base = settingsSchema.parse({});
const page = settingsView(base).escalation;

/** The stored escalation the page's section writes. */
function written(e: typeof page, stored = base) {
  const result = escalationInput(e, stored);
  if (!('fragment' in result)) throw new Error(JSON.stringify(result.problems));
  return result.fragment.escalation as {
    levels: { level: number; label: { de: string; en: string }; people: string[]; byGroup?: unknown }[];
    waitHoursBetweenLevels: number;
    regionGroups: Record<string, string>;
  };
}

describe('escalationInput', () => {
  it('writes the five levels in order, both team leads on level 2 and split by region group there', () => {
    const { levels } = written({
      ...page,
      personalContact: 'p1, p2',
      teamLeadInternational: 'i1, i2',
      teamLeadDach: ' d1 ',
      departmentHead: 'h1',
      customerServicesHead: 'c1',
      board: 'b1,, b2',
    });
    expect(levels.map((l) => [l.level, l.people])).toEqual([
      [1, ['p1', 'p2']],
      [2, ['i1', 'i2', 'd1']],
      [3, ['h1']],
      [4, ['c1']],
      [5, ['b1', 'b2']],
    ]);
    const stored = DEFAULT_LADDER[1]?.byGroup;
    expect(levels[1]?.byGroup).toEqual({
      international: { label: stored?.international.label, people: ['i1', 'i2'] },
      dach: { label: stored?.dach.label, people: ['d1'] },
    });
    expect(levels.filter((l) => 'byGroup' in l).map((l) => l.level)).toEqual([2]);
  });

  it('leaves the region groups of level 2 unnamed when the stored ladder names none', () => {
    const stored = settingsSchema.parse({
      escalation: {
        levels: [
          { level: 1, label: { de: 'Kontakt', en: 'Contact' }, people: [] },
          { level: 2, label: { de: 'Teamleitung', en: 'Team lead' }, people: ['x'] },
        ],
      },
    });
    const { levels } = written({ ...page, teamLeadInternational: 'i1', teamLeadDach: 'd1' }, stored);
    expect(levels[1]?.byGroup).toEqual({ international: { people: ['i1'] }, dach: { people: ['d1'] } });
  });

  it('writes the team leads of level 2 by region group when the stored ladder ends before level 2', () => {
    const stored = settingsSchema.parse({
      escalation: { levels: [{ level: 1, label: { de: 'Kontakt', en: 'Contact' }, people: [] }] },
    });
    const { levels } = written({ ...page, teamLeadInternational: 'i1', teamLeadDach: 'd1' }, stored);
    expect(levels[1]?.byGroup).toEqual({ international: { people: ['i1'] }, dach: { people: ['d1'] } });
  });

  it('names each level as the page does, in both languages', () => {
    const labels = page.labels.map((l, i) => ({ de: `${l.de} ${i}`, en: `${l.en} ${i}` }));
    const { levels } = written({ ...page, labels });
    expect(levels.map((l) => l.label)).toEqual(labels);
  });

  it('keeps the stored name of a level the page gives none, and names one stored nowhere by its number', () => {
    const stored = settingsSchema.parse({
      escalation: {
        levels: [
          { level: 1, label: { de: 'Eins', en: 'One' }, people: [] },
          { level: 2, label: { de: 'Zwei', en: 'Two' }, people: [] },
        ],
      },
    });
    const { levels } = written({ ...page, labels: [{ de: 'Erste', en: 'First' }] }, stored);
    expect(levels.map((l) => l.label)).toEqual([
      { de: 'Erste', en: 'First' },
      { de: 'Zwei', en: 'Two' },
      { de: 'Stufe 3', en: 'Level 3' },
      { de: 'Stufe 4', en: 'Level 4' },
      { de: 'Stufe 5', en: 'Level 5' },
    ]);
  });

  it('writes the region groups by trimmed region, leaving out rows without one', () => {
    const { regionGroups, waitHoursBetweenLevels } = written({
      ...page,
      waitHoursBetweenLevels: 12,
      regionGroups: [
        { region: ' graz ', group: 'international' },
        { region: '  ', group: 'dach' },
        { region: 'linz', group: 'dach' },
      ],
    });
    expect(regionGroups).toEqual({ graz: 'international', linz: 'dach' });
    expect(waitHoursBetweenLevels).toBe(12);
  });
});
