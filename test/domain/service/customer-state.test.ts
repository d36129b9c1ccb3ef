import {
  currentLevel,
  EMPTY_CUSTOMER_STATE,
  parseCustomerState,
} from '../../../src/domain/service/customer-state';

const escalated = {
  v: 1,
  escalations: [
    { level: 1, reason: 'handling', at: '2026-11-30T09:00:00.000Z', group: 'dach' },
    {
      level: 2,
      reason: 'handling',
      at: '2026-11-30T13:00:00.000Z',
      group: 'dach',
      repliedAt: '2026-11-30T13:01:00.000Z',
    },
    { level: 3, reason: 'handling', at: '2026-11-30T17:00:00.000Z', group: 'dach', by: 'cust-1' },
  ],
  renewal: { at: '2026-11-30T09:00:00.000Z', mode: 'newRequest', requestKey: 'SD-7' },
};

describe('parseCustomerState: the stored escalations and renewal of a request (guide §4)', () => {
  it('reads a stored state as it is', () => {
    const state = parseCustomerState(escalated);
    expect(state).toEqual(escalated);
    expect(currentLevel(state)).toBe(3);
  });

  // An absent or unreadable property is a request nobody has escalated.
  it.each<[string, unknown]>([
    ['absent', undefined],
    ['another version', { ...escalated, v: 2 }],
    ['a level beyond the ladder', { v: 1, escalations: [{ ...escalated.escalations[0], level: 6 }] }],
    ['an unknown field', { ...escalated, note: 'x' }],
    ['more than five records', { v: 1, escalations: Array(6).fill(escalated.escalations[0]) }],
  ])('%s: the empty state', (_case, stored) => {
    expect(parseCustomerState(stored)).toBe(EMPTY_CUSTOMER_STATE);
    expect(currentLevel(parseCustomerState(stored))).toBe(0);
  });
});
