import { indexedInstant } from '../../../src/domain/timers/indexed-instant';

/** Jira's documented `date` forms for an entity-property index: `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssTZ`. */
const DOCUMENTED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

describe('indexedInstant: the documented date form of an indexed property value', () => {
  it.each([
    ['2026-11-12T09:00:00.000Z', '2026-11-12T09:00:00Z'],
    ['2026-11-12T09:00:00.050Z', '2026-11-12T09:00:01Z'],
    ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00Z'],
  ])('%s is stored as %s (no milliseconds, never earlier than the instant)', (instant, stored) => {
    expect(indexedInstant(new Date(instant))).toBe(stored);
    expect(stored).toMatch(DOCUMENTED);
    expect(Date.parse(stored)).toBeGreaterThanOrEqual(Date.parse(instant));
  });
});
