import { configForProject, parseConfig } from '../../src/domain/config';
import {
  isOption,
  keyByName,
  kindOfTypeName,
  priorityOfName,
  sameName,
  statusOfName,
} from '../../src/domain/names';
import { STATUSES } from '../../src/domain/statuses';

function cfgOf(input: unknown) {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return configForProject(result.config, 'SUP');
}

/** Jira names as a site configured them, some differing from the defaults. */
const cfg = cfgOf({
  names: {
    kinds: { incident: 'Störung' },
    statuses: { resolved: 'Gelöst' },
    priorities: { P1: 'Highest', P2: 'High' },
    fieldValues: { yes: 'Ja', no: 'Nein' },
  },
});

describe('Jira names compare as Jira compares them: letter case and surrounding blanks ignored', () => {
  it.each([
    ['Resolved', 'Resolved', true],
    ['Resolved', 'resolved', true],
    ['RESOLVED', 'resolved', true],
    [' Resolved', 'resolved  ', true],
    ['Resolved', 'Resolve', false],
    ['In Progress', 'InProgress', false],
    ['In  Progress', 'In Progress', false],
    ['', ' ', true],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
    expect(sameName(b, a)).toBe(same);
  });
});

describe('a Jira name maps to its logical key, and nothing else does', () => {
  it.each([
    ['gelöst', 'resolved'],
    [' GELÖST ', 'resolved'],
    ['Open', 'open'],
    ['Clarification required / On hold', 'clarification'],
    ['Resolved', null],
    ['Unknown', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('keyByName(statuses, %j) → %j', (name, key) => {
    expect(keyByName(cfg.names.statuses, STATUSES, name)).toBe(key);
  });

  it.each([
    ['störung', 'incident'],
    ['Request', 'request'],
    ['Incident', undefined],
    [null, undefined],
  ])('kindOfTypeName(%j) → %j', (name, kind) => {
    expect(kindOfTypeName(cfg, name)).toBe(kind);
  });

  it.each([
    ['Gelöst ', 'resolved'],
    ['delivery pending', 'deliveryPending'],
    ['Done', undefined],
    [undefined, undefined],
  ])('statusOfName(%j) → %j', (name, status) => {
    expect(statusOfName(cfg, name)).toBe(status);
  });

  it.each([
    ['highest', 'P1'],
    ['High', 'P2'],
    ['P3', 'P3'],
    ['P1', undefined],
    ['Low', undefined],
    [null, undefined],
  ])('priorityOfName(%j) → %j', (name, priority) => {
    expect(priorityOfName(cfg, name)).toBe(priority);
  });
});

describe('a select value is the configured option when its name matches', () => {
  it.each([
    ['Ja', 'yes', true],
    [' ja', 'yes', true],
    ['Yes', 'yes', false],
    ['Nein', 'no', true],
    ['Ja', 'no', false],
    ['production', 'production', true],
    ['Non-Production', 'production', false],
    ['NON-PRODUCTION ', 'nonProduction', true],
    [null, 'yes', false],
    [undefined, 'no', false],
  ] as const)('isOption(%j, %s) → %s', (value, option, expected) => {
    expect(isOption(cfg, value, option)).toBe(expected);
  });
});
