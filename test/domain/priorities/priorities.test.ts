import { configForProject, parseConfig } from '../../../src/domain/config';
import { KINDS } from '../../../src/domain/kinds';
import {
  PRIORITIES,
  PRIORITY_CATALOGUE,
  priorityFromName,
  priorityMismatch,
  serviceClocks,
} from '../../../src/domain/priorities';

function cfgOf(input: unknown = {}) {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return configForProject(result.config, 'SUP');
}

describe('priority catalogue (guide §3.1)', () => {
  it.each([
    ['P1', 'systemAvailability', 'critical', ['nonSoftwareDefect']],
    ['P2', 'systemAvailability', 'critical', ['nonSoftwareDefect']],
    ['P3', 'softwareUsability', 'major', ['softwareDefect', 'nonSoftwareDefect']],
    ['P4', 'softwareUsability', 'minor', ['softwareDefect', 'nonSoftwareDefect']],
  ] as const)('%s: %s, %s, applies to %j', (p, category, severity, kinds) => {
    expect(PRIORITY_CATALOGUE[p]).toMatchObject({ category, severity: { en: severity }, kinds });
    expect(PRIORITY_CATALOGUE[p].meaning.de.length).toBeGreaterThan(20);
  });
});

describe('priorityMismatch', () => {
  it('flags exactly P1/P2 on a Software Defect', () => {
    const mismatches = KINDS.flatMap((kind) =>
      PRIORITIES.filter((p) => priorityMismatch(kind, p)).map((p) => `${kind}/${p}`),
    );
    expect(mismatches).toEqual(['softwareDefect/P1', 'softwareDefect/P2']);
  });

  it('never flags a missing priority', () => {
    expect(priorityMismatch('softwareDefect', undefined)).toBe(false);
  });
});

describe('priorityFromName', () => {
  it.each([
    ['P1', 'P1'],
    ['p2', 'P2'],
    ['P3', 'P3'],
    ['P4', 'P4'],
    ['Highest', undefined],
    [undefined, undefined],
  ])('%s → %s', (name, priority) => {
    expect(priorityFromName(cfgOf(), name)).toBe(priority);
  });

  it('uses site names', () => {
    expect(priorityFromName(cfgOf({ names: { priorities: { P1: 'Kritisch' } } }), 'kritisch')).toBe('P1');
  });
});

describe('serviceClocks (PROCESS.md §5)', () => {
  const cfg = cfgOf({ priorities: { P1: { responseMinutes: 30, restorationMinutes: 240 } } });
  const createdAt = new Date('2026-11-27T08:00:00Z');
  const minutes = (n: number) => new Date(createdAt.getTime() + n * 60_000);

  it('runs the response clock from creation; the restoration clock waits for acceptance', () => {
    const clocks = serviceClocks({ createdAt }, 'P1', cfg, minutes(20));
    expect(clocks.response).toEqual({
      state: 'running',
      startedAt: createdAt.toISOString(),
      elapsedMinutes: 20,
      targetMinutes: 30,
      remainingMinutes: 10,
      breached: false,
    });
    expect(clocks.restoration).toEqual({ state: 'notStarted', elapsedMinutes: 0, breached: false });
  });

  it.each([
    [30, false],
    [31, true],
  ])('response after %i minutes against 30: breached=%s', (elapsed, breached) => {
    expect(serviceClocks({ createdAt }, 'P1', cfg, minutes(elapsed)).response.breached).toBe(breached);
  });

  it('stops the clocks at first response and resolution', () => {
    const clocks = serviceClocks(
      { createdAt, firstResponseAt: minutes(12), acceptedAt: minutes(15), resolvedAt: minutes(300) },
      'P1',
      cfg,
      minutes(1000),
    );
    expect(clocks.response).toMatchObject({ state: 'stopped', elapsedMinutes: 12, breached: false });
    expect(clocks.restoration).toMatchObject({
      state: 'stopped',
      elapsedMinutes: 285,
      breached: true,
      remainingMinutes: -45,
    });
  });

  it('has no target and is never breached when the site configured none', () => {
    const clocks = serviceClocks({ createdAt }, 'P3', cfg, minutes(10_000));
    expect(clocks.response).not.toHaveProperty('targetMinutes');
    expect(clocks.response.breached).toBe(false);
    expect(serviceClocks({ createdAt }, undefined, cfg, minutes(5)).response.elapsedMinutes).toBe(5);
  });
});
