import { configForProject, parseConfig } from '../../../src/domain/config';
import { customerRegion, supportRegion } from '../../../src/domain/service/customer-region';
import { isSevereFault, supportTime, type FaultFacts } from '../../../src/domain/service/support-hours';

function cfgOf(input: unknown = {}) {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return configForProject(result.config, 'SUP');
}

const cfg = cfgOf({
  regions: { organizations: { 'Muster GmbH': 'saarbruecken', 'Aussie Pty': 'melbourne' } },
});
const region = (id: string) => {
  const found = cfg.regions.regions[id];
  if (!found) throw new Error(`no region ${id}`);
  return found;
};

describe('isSevereFault (guide §1.1.1, §3.1; PROCESS.md §1, §5)', () => {
  const down: FaultFacts = { kind: 'incident', affectedSystem: 'Production', systemReachable: 'No' };
  it.each([
    ['an unreachable production Incident', down, true],
    ['option values compared as Jira compares names', { ...down, affectedSystem: ' production ' }, true],
    ['a reachable production Incident', { ...down, systemReachable: 'Yes' }, false],
    ['an unreachable non-production Incident', { ...down, affectedSystem: 'Non-Production' }, false],
    ['an Incident rated P1', { kind: 'incident', priority: 'P1' }, true],
    ['a Non-Software Defect rated P1', { kind: 'nonSoftwareDefect', priority: 'P1' }, true],
    ['a Non-Software Defect rated P2', { kind: 'nonSoftwareDefect', priority: 'P2' }, true],
    ['a Non-Software Defect rated P3', { kind: 'nonSoftwareDefect', priority: 'P3' }, false],
    // P1/P2 are availability priorities of a Non-Software Defect; on any other kind they are no severe fault.
    ['a Software Defect rated P1', { kind: 'softwareDefect', priority: 'P1' }, false],
    ['a Request rated P2', { kind: 'request', priority: 'P2' }, false],
    ['a Request with production down', { ...down, kind: 'request' }, false],
    ['a ticket of an unknown type', { ...down, kind: undefined }, false],
  ] as const)('%s → %s', (_name, facts, severe) => {
    expect(isSevereFault(facts, cfg)).toBe(severe);
  });
});

describe('supportTime: around the clock on working days of the region (guide §1.1.1)', () => {
  const saturday = new Date('2026-11-28T10:00:00Z');
  const friday = new Date('2026-11-27T10:00:00Z');
  it.each([
    ['Saarbrücken on a Friday', 'saarbruecken', friday, { working: true }],
    [
      'Saarbrücken on a Saturday: from Monday 00:00 Berlin',
      'saarbruecken',
      saturday,
      { working: false, nextWorkingDay: new Date('2026-11-29T23:00:00.000Z') },
    ],
    // 2026-11-02T20:00Z is already Tuesday 3 November in Melbourne: Melbourne Cup day.
    [
      'Melbourne on Melbourne Cup day',
      'melbourne',
      new Date('2026-11-02T20:00:00Z'),
      { working: false, nextWorkingDay: new Date('2026-11-03T13:00:00.000Z') },
    ],
    ['Saarbrücken at the same instant', 'saarbruecken', new Date('2026-11-02T20:00:00Z'), { working: true }],
  ] as const)('%s', (_name, id, at, expected) => {
    expect(supportTime(at, region(id), cfg)).toEqual(expected);
  });
});

describe('customer and support region (guide §2.2.1 "Share with")', () => {
  it.each([
    [
      'the first mapped organization',
      ['Unknown Corp', 'Aussie Pty', 'Muster GmbH'],
      'melbourne',
      'melbourne',
    ],
    ['no mapped organization', ['Unknown Corp'], undefined, 'saarbruecken'],
    ['no organization', [], undefined, 'saarbruecken'],
    ['an organization named like an inherited property', ['constructor'], undefined, 'saarbruecken'],
  ] as const)('%s', (_name, organizations, customer, support) => {
    expect(customerRegion(organizations, cfg)?.regionId).toBe(customer);
    expect(supportRegion(organizations, cfg)?.regionId).toBe(support);
  });
  it('passes over an organization mapped to a region that does not exist, to the next one', () => {
    // Validation refuses such a mapping (consistency rules); a region removed under a stored mapping still
    // must not become "the customer's region" with no time zone or holidays.
    const dangling = {
      ...cfg,
      regions: { ...cfg.regions, organizations: { 'Ghost Ltd': 'atlantis', 'Aussie Pty': 'melbourne' } },
    };
    expect(customerRegion(['Ghost Ltd', 'Aussie Pty'], dangling)).toEqual({
      regionId: 'melbourne',
      region: region('melbourne'),
      organization: 'Aussie Pty',
    });
    expect(customerRegion(['Ghost Ltd'], dangling)).toBeUndefined();
    expect(supportRegion(['Ghost Ltd'], dangling)?.regionId).toBe('saarbruecken');
  });
});
