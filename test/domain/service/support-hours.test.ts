import { configForProject, parseConfig } from '../../../src/domain/config';
import {
  isSevere,
  isWorkingTime,
  needsOnCallAlert,
  outOfHoursActions,
  regionFor,
  type IntakeFacts,
} from '../../../src/domain/service';

function cfgOf(input: unknown = {}) {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return configForProject(result.config, 'SUP');
}

const cfg = cfgOf({
  onCall: { mode: 'opsgenie', target: 'support-on-call' },
  regions: { organizations: { 'Muster GmbH': 'saarbruecken', 'Aussie Pty': 'melbourne' } },
});

const saturday = new Date('2026-11-28T10:00:00Z');
const friday = new Date('2026-11-27T10:00:00Z');
const productionDown: IntakeFacts = {
  ticketId: '10001',
  ticketKey: 'SUP-1',
  kind: 'incident',
  affectedSystem: 'Production',
  systemReachable: 'No',
  organization: 'Muster GmbH',
  createdAt: saturday,
};

describe('isWorkingTime: around the clock on working days of the region (guide §1.1.1)', () => {
  it.each([
    ['saarbruecken', friday, true],
    ['saarbruecken', saturday, false],
    // 2026-11-02T20:00Z is already Tuesday 3 November in Melbourne: Melbourne Cup day.
    ['melbourne', new Date('2026-11-02T20:00:00Z'), false],
    ['saarbruecken', new Date('2026-11-02T20:00:00Z'), true],
    ['unknown region falls back to the site calendar', friday, true],
  ])('%s at %s → %s', (region, at, expected) => {
    expect(isWorkingTime(at, region, cfg)).toBe(expected);
  });

  it('finds the region by organization, else the default region', () => {
    expect(regionFor(cfg, 'Aussie Pty')).toBe('melbourne');
    expect(regionFor(cfg, 'Unknown Corp')).toBe('saarbruecken');
    expect(regionFor(cfg, undefined)).toBe('saarbruecken');
  });
});

describe('severe faults and on-call', () => {
  it.each([
    ['production unreachable incident', {}, true],
    ['reachable production', { systemReachable: 'Yes' }, false],
    ['unreachable non-production', { affectedSystem: 'Non-Production' }, false],
    ['a request', { kind: 'request' }, false],
    ['P1 defect', { kind: 'nonSoftwareDefect', affectedSystem: undefined, priority: 'P1' }, true],
    ['P2 defect', { kind: 'nonSoftwareDefect', affectedSystem: undefined, priority: 'P2' }, true],
    ['P3 defect', { kind: 'nonSoftwareDefect', affectedSystem: undefined, priority: 'P3' }, false],
  ] as const)('%s → severe=%s', (_name, change, severe) => {
    expect(isSevere({ ...productionDown, ...change }, cfg)).toBe(severe);
  });

  it('alerts on-call for a severe fault on a weekend, not on a working day', () => {
    expect(needsOnCallAlert(productionDown, cfg)).toBe(true);
    expect(needsOnCallAlert({ ...productionDown, createdAt: friday }, cfg)).toBe(false);
  });

  it('never alerts when on-call is not configured', () => {
    expect(needsOnCallAlert(productionDown, cfgOf())).toBe(false);
  });

  it('returns the alert and a public comment out of hours', () => {
    expect(outOfHoursActions(productionDown, cfg)).toEqual([
      {
        type: 'alertOnCall',
        mode: 'opsgenie',
        target: 'support-on-call',
        idempotencyKey: '10001:intake:onCall',
      },
      {
        type: 'comment',
        visibility: 'public',
        messageKey: 'onCallAlerted',
        params: { ticketKey: 'SUP-1' },
        idempotencyKey: '10001:intake:onCallComment',
      },
    ]);
  });

  it('answers a non-severe weekend ticket with the next working day of the region', () => {
    expect(outOfHoursActions({ ...productionDown, kind: 'request' }, cfg)).toEqual([
      {
        type: 'comment',
        visibility: 'public',
        messageKey: 'outOfHoursAutoReply',
        params: {
          ticketKey: 'SUP-1',
          nextWorkingDay: { date: '2026-11-29T23:00:00.000Z', timeZone: 'Europe/Berlin' },
        },
        idempotencyKey: '10001:intake:outOfHours',
      },
    ]);
  });

  it('does nothing on a working day', () => {
    expect(outOfHoursActions({ ...productionDown, createdAt: friday }, cfg)).toEqual([]);
  });
});
