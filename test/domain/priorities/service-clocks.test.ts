import { configForProject, parseConfig } from '../../../src/domain/config';
import { serviceClocks, type JsmSla, type ServiceClock } from '../../../src/domain/priorities/service-clocks';

const H = 3_600_000;
const NOW = new Date('2026-11-27T12:00:00Z');
const CREATED = '2026-11-27T08:00:00.000Z'; // 4 h ago
const ACCEPTED = '2026-11-27T09:00:00.000Z'; // 3 h ago
const RESOLVED = '2026-11-27T11:00:00.000Z'; // 1 h ago

function config() {
  const parsed = parseConfig({
    projects: ['SD'],
    priorities: { P1: { responseMinutes: 60, restorationMinutes: 240 }, P3: {} },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return configForProject(parsed.config, 'SD');
}

const sla = (name: string, cycle: Partial<NonNullable<JsmSla['ongoingCycle']>>, ongoing: boolean): JsmSla => {
  const full = {
    startTime: { epochMillis: Date.parse(CREATED) },
    breached: false,
    elapsedTime: { millis: 2 * H },
    goalDuration: { millis: 8 * H },
    ...cycle,
  };
  return ongoing
    ? { id: '1', name, ongoingCycle: full, completedCycles: [] }
    : { id: '1', name, completedCycles: [{ ...full, stopTime: { epochMillis: Date.parse(RESOLVED) } }] };
};

/** A clock as `state/elapsed h/remaining h/breached`, written by hand from guide §3.1. */
function brief(clock: ServiceClock | null): string {
  if (clock === null) return 'none';
  if (clock.state === 'notStarted') return `${clock.source}:notStarted`;
  const hours = (ms: number | null) => (ms === null ? '-' : String(ms / H));
  return `${clock.source}:${clock.state}/${hours(clock.elapsedMs)}/${hours(clock.remainingMs)}/${clock.breached}`;
}

type Row = [
  name: string,
  slas: JsmSla[] | undefined,
  priority: 'P1' | 'P3' | null,
  acceptedAt: string | undefined,
  resolvedAt: string | null,
  done: boolean,
  response: string,
  restoration: string,
];

const TABLE: Row[] = [
  [
    'new P1: response runs and is breached, restoration not started',
    undefined,
    'P1',
    undefined,
    null,
    false,
    'app:running/4/-3/true',
    'app:notStarted',
  ],
  [
    'accepted P1: response met at acceptance, restoration runs',
    undefined,
    'P1',
    ACCEPTED,
    null,
    false,
    'app:completed/1/0/false',
    'app:running/3/1/false',
  ],
  [
    'P3 without targets: clocks run without a goal',
    undefined,
    'P3',
    ACCEPTED,
    null,
    false,
    'app:completed/1/-/false',
    'app:running/3/-/false',
  ],
  ['no priority: no goal', [], null, undefined, null, false, 'app:running/4/-/false', 'app:notStarted'],
  [
    'resolved P1: restoration stops at the resolution date',
    undefined,
    'P1',
    ACCEPTED,
    RESOLVED,
    true,
    'app:completed/1/0/false',
    'app:completed/2/2/false',
  ],
  [
    'closed without acceptance: response stops when done, restoration never started',
    undefined,
    'P1',
    undefined,
    RESOLVED,
    true,
    'app:completed/3/-2/true',
    'app:notStarted',
  ],
  [
    'JSM SLAs take precedence',
    [sla('Time to first response', {}, true), sla('Time to resolution', { paused: true }, true)],
    'P1',
    undefined,
    null,
    false,
    'jsmSla:running/2/6/false',
    'jsmSla:paused/2/6/false',
  ],
  [
    'a done ticket settles a running JSM SLA',
    [sla('Time to first response', {}, true), sla('Time to resolution', {}, false)],
    'P1',
    ACCEPTED,
    RESOLVED,
    true,
    'jsmSla:completed/2/-/false',
    'jsmSla:completed/2/6/false',
  ],
  [
    'an SLA without cycles has not started',
    [{ id: '1', name: 'Time to resolution', completedCycles: [] }],
    'P1',
    ACCEPTED,
    null,
    false,
    'app:completed/1/0/false',
    'jsmSla:notStarted',
  ],
];

describe('serviceClocks (guide §3.1)', () => {
  it.each(TABLE)('%s', (_name, slas, priority, acceptedAt, resolvedAt, done, response, restoration) => {
    const clocks = serviceClocks({
      slas,
      cfg: config(),
      priority,
      created: CREATED,
      acceptedAt,
      resolvedAt,
      done,
      now: NOW,
    });
    expect([brief(clocks.response), brief(clocks.restoration)]).toEqual([response, restoration]);
  });
});
