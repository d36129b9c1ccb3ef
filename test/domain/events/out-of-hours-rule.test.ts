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

describe('decideOutOfHours: what it posts, and when it stays silent', () => {
  const saturdayState = initialState(new Date(SATURDAY), 's-open');
  const decide = (t: ReturnType<typeof ticket>, extra: Parameters<typeof input>[2] = {}) =>
    decideOutOfHours(input(t, event({ kind: 'created' }), { config, ...extra }), saturdayState);
  const severe = ticket({ kind: 'incident', created: SATURDAY, priority: 'P1' });

  it('an ordinary ticket gets one public auto-reply naming the next working day (Monday, local midnight)', () => {
    expect(decide(ticket({ created: SATURDAY }))).toEqual({
      state: saturdayState,
      actions: [
        {
          type: 'comment',
          visibility: 'public',
          messageKey: 'outOfHoursAutoReply',
          params: { ticketKey: 'SD-1', nextWorkingDay: { date: '2026-11-29T23:00:00.000Z' } },
          idempotencyKey: '10001:outOfHoursReply',
        },
      ],
    });
  });

  it('a severe fault alerts on-call once and tells the customer once', () => {
    expect(decide(severe)).toEqual({
      state: saturdayState,
      actions: [
        {
          type: 'alertOnCall',
          mode: 'webhook',
          target: 'https://oncall.example.com/hook',
          idempotencyKey: '10001:onCall',
        },
        {
          type: 'comment',
          visibility: 'public',
          messageKey: 'onCallAlerted',
          params: { ticketKey: 'SD-1' },
          idempotencyKey: '10001:onCallNotice',
        },
      ],
    });
  });

  it('a severe fault with on-call not configured is audited as skipped, and the customer is told nothing false', () => {
    const skipped = {
      state: saturdayState,
      actions: [
        {
          type: 'audit',
          entry: { action: 'onCallAlert', outcome: 'skipped', detail: 'onCallNotConfigured' },
        },
      ],
    };
    expect(decide(severe, { config: projectConfig() })).toEqual(skipped);
    const noTarget = { ...config, onCall: { mode: 'webhook' as const } };
    expect(decide(severe, { config: noTarget })).toEqual(skipped);
  });

  it('a severe fault with on-call switched off but a target still kept is audited as skipped, never alerted', () => {
    const switchedOff = {
      ...config,
      onCall: { mode: 'none' as const, target: 'https://oncall.example.com/hook' },
    };
    expect(decide(severe, { config: switchedOff }).actions).toEqual([
      { type: 'audit', entry: { action: 'onCallAlert', outcome: 'skipped', detail: 'onCallNotConfigured' } },
    ]);
  });

  // Friday 14:00 UTC: Friday afternoon in Saarbrücken (the default region), already Saturday in Melbourne.
  const FRIDAY_AFTERNOON_UTC = '2026-11-27T14:00:00.000+0000';
  const melbourneCustomers = {
    ...config,
    regions: { ...config.regions, organizations: { 'Wombat Pty': 'melbourne' } },
  };
  it.each([
    ['an organization mapped to Melbourne (Saturday there)', ['Wombat Pty'], '2026-11-29T13:00:00.000Z'],
    ['the mapped organization second in the list', ['ACME', 'Wombat Pty'], '2026-11-29T13:00:00.000Z'],
    ['no mapped organization: the default region (Friday there)', ['ACME'], undefined],
    ['no organization: the default region', [], undefined],
  ])('the working day is the customer’s region’s: %s', (_name, names, nextWorkingDay) => {
    const t = ticket({
      created: FRIDAY_AFTERNOON_UTC,
      organizations: names.map((name, i) => ({ id: String(i + 1), name })),
    });
    const dates = decide(t, { config: melbourneCustomers }).actions.map((a) =>
      a.type === 'comment' ? a.params?.nextWorkingDay : a.type,
    );
    expect(dates).toEqual(nextWorkingDay === undefined ? [] : [{ date: nextWorkingDay }]);
  });

  it.each([
    ['an update event', ticket({ created: SATURDAY }), {}, 'updated'],
    ['a comment event', ticket({ created: SATURDAY }), {}, 'commented'],
    [
      'a Delivery ticket',
      ticket({ created: SATURDAY, kind: 'delivery', typeName: 'Delivery' }),
      {},
      'created',
    ],
    ['a creation time Jira did not give', ticket({ created: 'not a date' }), {}, 'created'],
    ['a working day', ticket({ created: '2026-11-27T10:00:00.000+0000' }), {}, 'created'],
    [
      'no region known for the customer',
      ticket({ created: SATURDAY }),
      { config: { ...config, regions: { ...config.regions, defaultRegion: 'nowhere' } } },
      'created',
    ],
  ] as const)('nothing for %s', (_, t, extra, kind) => {
    expect(decideOutOfHours(input(t, event({ kind }), { config, ...extra }), saturdayState)).toEqual({
      state: saturdayState,
      actions: [],
    });
  });
});
