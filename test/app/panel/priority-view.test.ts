import { priorityView } from '../../../src/app/panel/priority-view';

describe('priorityView: the guide’s priority with its category and meaning', () => {
  it('shows the level with its severity, category and meaning in both languages', () => {
    expect(priorityView('nonSoftwareDefect', 'P1')).toEqual({
      state: 'set',
      level: 'P1',
      label: { en: 'critical', de: 'kritischer Fehler' },
      category: 'systemAvailability',
      meaning: {
        en: 'The system environment cannot be reached, or problems with it prevent its use.',
        de: 'Auf die Systemumgebung kann nicht zugegriffen werden, oder Probleme mit der Systemumgebung verhindern ihre Nutzung.',
      },
      mismatch: false,
    });
  });

  it.each(['customisation', 'incident', 'delivery'] as const)('does not apply to a %s ticket', (kind) => {
    expect(priorityView(kind, 'P3')).toEqual({ state: 'notApplicable' });
  });

  it.each(['softwareDefect', 'nonSoftwareDefect'] as const)('says a %s has no priority yet', (kind) => {
    expect(priorityView(kind, null)).toEqual({ state: 'notSet' });
  });

  it.each([
    ['softwareDefect', 'P1', true],
    ['softwareDefect', 'P2', true],
    ['softwareDefect', 'P3', false],
    ['softwareDefect', 'P4', false],
    ['nonSoftwareDefect', 'P1', false],
    ['nonSoftwareDefect', 'P4', false],
  ] as const)('on an open %s, %s is a mismatch: %s', (kind, level, mismatch) => {
    expect(priorityView(kind, level)).toMatchObject({ state: 'set', level, mismatch });
  });

  it('raises no mismatch on a done ticket, where nobody changes the priority any more', () => {
    expect(priorityView('softwareDefect', 'P1', true)).toMatchObject({
      state: 'set',
      level: 'P1',
      mismatch: false,
    });
  });

  it('shows a usability priority with its own category and words', () => {
    expect(priorityView('softwareDefect', 'P4')).toMatchObject({
      label: { en: 'minor', de: 'leichter Fehler' },
      category: 'softwareUsability',
      meaning: { en: 'Any other fault that impairs use not at all or only slightly.' },
    });
  });
});
