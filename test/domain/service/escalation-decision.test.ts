import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { EMPTY_CUSTOMER_STATE, type CustomerState } from '../../../src/domain/service/customer-state';
import { escalationLadder, ladderStep, regionGroupOf } from '../../../src/domain/service/escalation';
import {
  decideEscalation,
  escalationKey,
  escalationOptions,
  withReplied,
} from '../../../src/domain/service/escalation-decision';
import { projectConfig } from '../timers/timer-fixtures';

const T = new Date('2026-11-30T09:00:00Z');
const HOUR = 3_600_000;
const hours = (n: number) => new Date(T.getTime() + n * HOUR);

/** A request escalated to `level`, the last level reached at T, every level told to the customer. */
function escalatedTo(level: number, replied = true): CustomerState {
  return {
    v: 1,
    escalations: Array.from({ length: level }, (_, i) => ({
      level: i + 1,
      reason: 'handling' as const,
      at: hours(i + 1 - level).toISOString(),
      group: 'dach' as const,
      ...(replied || i + 1 < level ? { repliedAt: hours(i + 1 - level).toISOString() } : {}),
    })),
  };
}

const click = (targetLevel: number, now = T, closed = false) => ({
  targetLevel,
  reason: 'productQuality' as const,
  group: 'international' as const,
  closed,
  now,
});

describe('decideEscalation (guide §4): one level at a time, the configured wait between levels', () => {
  // Expected by hand: current level, target, hours after the last escalation, closed → decision kind.
  it.each([
    [0, 1, 0, false, 'escalate'],
    [0, 2, 0, false, 'notNext'],
    [0, 1, 0, true, 'closed'],
    [1, 1, 30, false, 'alreadyDone'],
    [1, 2, 23.99, false, 'tooEarly'],
    [1, 2, 24, false, 'escalate'],
    [1, 3, 48, false, 'notNext'],
    [2, 1, 48, false, 'alreadyDone'],
    [4, 5, 24, false, 'escalate'],
    [5, 5, 24, false, 'alreadyDone'],
    [4, 5, 24, true, 'closed'],
  ])('at level %i, clicking level %i %f h later (closed: %s) → %s', (level, target, after, closed, kind) => {
    expect(
      decideEscalation(escalatedTo(level), click(target, hours(after), closed), defaultConfig).kind,
    ).toBe(kind);
  });

  it('refuses above the top of a shorter ladder', () => {
    const cfg = projectConfig({ escalation: { levels: defaultConfig.escalation.levels.slice(0, 2) } });
    expect(decideEscalation(escalatedTo(2), click(3, hours(48)), cfg)).toEqual({
      kind: 'topReached',
      currentLevel: 2,
    });
  });

  it('records level, reason, time and region group, not yet told to the customer', () => {
    const decision = decideEscalation(escalatedTo(1), click(2, hours(24)), defaultConfig);
    expect(decision).toMatchObject({
      kind: 'escalate',
      step: { level: 2, label: { en: 'Support team lead International' } },
      record: { level: 2, reason: 'productQuality', at: hours(24).toISOString(), group: 'international' },
    });
    if (decision.kind === 'escalate') expect(decision.state.escalations).toHaveLength(2);
  });

  it('records who escalated when the click names them', () => {
    const decision = decideEscalation(EMPTY_CUSTOMER_STATE, { ...click(1), by: 'customer-1' }, defaultConfig);
    expect(decision).toMatchObject({ kind: 'escalate', record: { level: 1, by: 'customer-1' } });
    const anonymous = decideEscalation(EMPTY_CUSTOMER_STATE, click(1), defaultConfig);
    expect(anonymous.kind === 'escalate' && 'by' in anonymous.record).toBe(false);
  });

  it('finishes a recorded level that was never told to the customer, whatever the wait', () => {
    expect(decideEscalation(escalatedTo(2, false), click(2, T), defaultConfig)).toMatchObject({
      kind: 'reply',
      record: { level: 2 },
    });
  });

  it('takes the wait from the configuration, including none', () => {
    const none = projectConfig({ escalation: { waitHoursBetweenLevels: 0 } });
    expect(decideEscalation(escalatedTo(1), click(2, T), none).kind).toBe('escalate');
    const long = projectConfig({ escalation: { waitHoursBetweenLevels: 72 } });
    expect(decideEscalation(escalatedTo(1), click(2, hours(71)), long).kind).toBe('tooEarly');
  });

  it('rejects a wait outside 0 … 8760 hours', () => {
    expect(() => projectConfig({ escalation: { waitHoursBetweenLevels: -1 } })).toThrow(
      'waitHoursBetweenLevels',
    );
    expect(() => projectConfig({ escalation: { waitHoursBetweenLevels: 1.5 } })).toThrow(
      'waitHoursBetweenLevels',
    );
  });
});

describe('escalationOptions', () => {
  it.each([
    [EMPTY_CUSTOMER_STATE, false, T, { currentLevel: 0, nextLevel: 1, allowedFrom: null }],
    [escalatedTo(1), false, T, { currentLevel: 1, nextLevel: 2, allowedFrom: hours(24).toISOString() }],
    [escalatedTo(1), false, hours(25), { currentLevel: 1, nextLevel: 2, allowedFrom: null }],
    [escalatedTo(5), false, hours(25), { currentLevel: 5, nextLevel: null, allowedFrom: null }],
    [escalatedTo(1), true, hours(25), { currentLevel: 1, nextLevel: null, allowedFrom: null }],
  ])('%#', (state, closed, now, expected) => {
    expect(escalationOptions(state, closed, now, defaultConfig)).toEqual(expected);
  });
});

describe('level 2 by region group', () => {
  it.each([
    ['saarbruecken', 'dach'],
    ['graz', 'dach'],
    ['sibiu', 'international'],
    ['london', 'international'],
    ['singapore', 'international'],
    ['melbourne', 'international'],
    [undefined, 'international'],
    ['toString', 'international'],
  ])('region %s belongs to %s', (region, group) => {
    expect(regionGroupOf(defaultConfig, region)).toBe(group);
  });

  it('names and mentions the group lead on level 2 and the level people elsewhere', () => {
    const cfg = projectConfig({
      escalation: {
        levels: [
          { level: 1, label: { de: 'A', en: 'A' }, people: ['p1'] },
          {
            level: 2,
            label: { de: 'B', en: 'B' },
            people: ['fallback'],
            byGroup: {
              dach: { people: ['lead-dach'] },
              international: { label: { de: 'BI', en: 'BI' }, people: [] },
            },
          },
        ],
      },
    });
    expect(ladderStep(cfg, 1, 'dach')).toEqual({ level: 1, label: { de: 'A', en: 'A' }, people: ['p1'] });
    expect(ladderStep(cfg, 2, 'dach')).toEqual({
      level: 2,
      label: { de: 'B', en: 'B' },
      people: ['lead-dach'],
    });
    expect(ladderStep(cfg, 2, 'international')).toEqual({
      level: 2,
      label: { de: 'BI', en: 'BI' },
      people: ['fallback'],
    });
    expect(ladderStep(cfg, 3, 'dach')).toBeUndefined();
  });

  it.each([
    ['dach', 'Support team lead DACH'],
    ['international', 'Support team lead International'],
  ] as const)('the whole ladder for a %s customer names level 2 %s', (group, level2) => {
    expect(escalationLadder(defaultConfig, group).map((step) => [step.level, step.label.en])).toEqual([
      [1, 'Personal support contact'],
      [2, level2],
      [3, 'Head of Support'],
      [4, 'Head of Customer Services'],
      [5, 'Board'],
    ]);
  });
});

describe('bookkeeping', () => {
  it('names one occurrence by ticket and target level', () => {
    expect(escalationKey('10042', 2)).toBe('10042:escalation:2');
  });

  it('marks only the given level as told', () => {
    const state = withReplied(escalatedTo(2, false), 2, hours(1));
    expect(state.escalations.map((r) => r.repliedAt)).toEqual([
      hours(-1).toISOString(),
      hours(1).toISOString(),
    ]);
  });

  it('keeps the first time a level was told, and leaves other levels untold', () => {
    const [first, second] = escalatedTo(2).escalations;
    const { repliedAt: _, ...untold } = first!;
    const state = withReplied({ v: 1, escalations: [untold, second!] }, 2, hours(5));
    expect(state.escalations.map((r) => r.repliedAt)).toEqual([undefined, second!.repliedAt]);
  });
});
