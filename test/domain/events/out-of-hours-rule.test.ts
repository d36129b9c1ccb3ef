import { decideOutOfHours } from '../../../src/domain/events/out-of-hours-rule';
import { initialState } from '../../../src/domain/process-state';
import type { Kind } from '../../../src/domain/kinds';
import { event, input, projectConfig, ticket } from './rule-fixtures';

/**
 * Which faults reach on-call outside working days (guide §1.1.1, §3.1), written out by hand and checked against
 * the live rule (`decideOutOfHours`) over every kind × priority × affected system × reachability: an Incident
 * or a Non-Software Defect that is down on Production, or rated P1/P2, alerts; everything else gets the
 * auto-reply.
 */
const KINDS: Kind[] = [
  'incident',
  'request',
  'softwareDefect',
  'nonSoftwareDefect',
  'consultingRequest',
  'supportRequest',
  'customisation',
  'suggestion',
];
const AVAILABILITY_KINDS: Kind[] = ['incident', 'nonSoftwareDefect'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', undefined] as const;
const SYSTEMS = ['Production', 'Non-Production', undefined] as const;
const REACHABLE = ['Yes', 'No', undefined] as const;

const SATURDAY = '2026-11-28T10:00:00.000+0000';
const config = projectConfig({ onCall: { mode: 'webhook', target: 'https://oncall.example.com/hook' } });

const rows = KINDS.flatMap((kind) =>
  PRIORITIES.flatMap((priority) =>
    SYSTEMS.flatMap((affectedSystem) =>
      REACHABLE.map((systemReachable) => {
        const down = affectedSystem === 'Production' && systemReachable === 'No';
        const urgent = priority === 'P1' || priority === 'P2';
        const severe = AVAILABILITY_KINDS.includes(kind) && (down || urgent);
        return [kind, priority ?? '-', affectedSystem ?? '-', systemReachable ?? '-', severe] as const;
      }),
    ),
  ),
);

describe('on-call severity: kind × priority × affected system × reachability', () => {
  it('covers the whole table', () => {
    expect(rows).toHaveLength(8 * 5 * 3 * 3);
    expect(rows.filter((r) => r[4])).toHaveLength(2 * (2 * 9 + 3 * 1));
  });

  it.each(rows)('%s %s on %s, reachable %s: on-call %s', (kind, priority, system, reachable, severe) => {
    const t = ticket({
      kind,
      created: SATURDAY,
      ...(priority !== '-' ? { priority } : {}),
      ...(system !== '-' ? { affectedSystem: system } : {}),
      ...(reachable !== '-' ? { systemReachable: reachable } : {}),
    });
    const decided = decideOutOfHours(
      input(t, event({ kind: 'created' }), { config }),
      initialState(new Date(SATURDAY), 's-open'),
    );
    const types = decided.actions.map((a) => (a.type === 'comment' ? `comment:${a.messageKey}` : a.type));
    expect(types).toEqual(
      severe ? ['alertOnCall', 'comment:onCallAlerted'] : ['comment:outOfHoursAutoReply'],
    );
  });
});
