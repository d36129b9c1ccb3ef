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

describe('serviceClocks: every field of a clock', () => {
  const clocks = (over: Partial<Parameters<typeof serviceClocks>[0]>) =>
    serviceClocks({
      slas: undefined,
      cfg: config(),
      priority: 'P1',
      created: CREATED,
      acceptedAt: ACCEPTED,
      resolvedAt: null,
      done: false,
      now: NOW,
      ...over,
    });

  it('an app clock running and one completed: start, stop, target and remaining time', () => {
    expect(clocks({})).toStrictEqual({
      response: {
        source: 'app',
        state: 'completed',
        startedAt: CREATED,
        elapsedMs: H,
        targetMs: H,
        remainingMs: 0,
        breached: false,
        stoppedAt: ACCEPTED,
      },
      restoration: {
        source: 'app',
        state: 'running',
        startedAt: ACCEPTED,
        elapsedMs: 3 * H,
        targetMs: 4 * H,
        remainingMs: H,
        breached: false,
        stoppedAt: null,
      },
    });
  });

  it('an accepted ticket without a priority: both clocks run without a goal', () => {
    const { response, restoration } = clocks({ priority: null });
    expect(response).toMatchObject({
      state: 'completed',
      targetMs: null,
      remainingMs: null,
      breached: false,
    });
    expect(restoration).toMatchObject({
      state: 'running',
      targetMs: null,
      remainingMs: null,
      breached: false,
    });
  });

  it('a ticket closed without a resolution date settles its clocks now', () => {
    const { response, restoration } = clocks({ acceptedAt: undefined, done: true });
    expect(response).toMatchObject({ state: 'completed', elapsedMs: 4 * H, stoppedAt: NOW.toISOString() });
    expect(restoration).toEqual({ source: 'app', state: 'notStarted' });
  });

  it('an acceptance stamped before the creation (clocks apart) counts no negative time', () => {
    const { response } = clocks({ acceptedAt: '2026-11-27T07:00:00.000Z' });
    expect(response).toMatchObject({ elapsedMs: 0, remainingMs: H, breached: false });
  });

  it('a resolution date stops restoration even while the ticket is open again', () => {
    expect(clocks({ resolvedAt: RESOLVED }).restoration).toMatchObject({
      state: 'completed',
      elapsedMs: 2 * H,
      stoppedAt: RESOLVED,
    });
  });

  it('a JSM SLA: the latest completed cycle, its stop time, JSM’s remaining time and breach', () => {
    const cycle = (startH: number, stopH: number | undefined, breached: boolean) => ({
      startTime: { epochMillis: Date.parse(CREATED) + startH * H },
      ...(stopH === undefined ? {} : { stopTime: { epochMillis: Date.parse(CREATED) + stopH * H } }),
      breached,
      elapsedTime: { millis: H },
    });
    const { response, restoration } = clocks({
      slas: [
        {
          id: '1',
          name: 'Time to first response',
          completedCycles: [cycle(0, 1, false), { ...cycle(2, 3, true), remainingTime: { millis: -H } }],
        },
        { id: '2', name: 'Time to resolution', completedCycles: [cycle(0, undefined, false)] },
      ],
    });
    expect(response).toStrictEqual({
      source: 'jsmSla',
      state: 'completed',
      startedAt: '2026-11-27T10:00:00.000Z',
      elapsedMs: H,
      targetMs: null,
      remainingMs: -H,
      breached: true,
      stoppedAt: '2026-11-27T11:00:00.000Z',
    });
    expect(restoration).toMatchObject({ targetMs: null, remainingMs: null, stoppedAt: NOW.toISOString() });
  });

  it('a done ticket settles a paused JSM SLA at its resolution date', () => {
    const paused = sla('Time to resolution', { paused: true }, true);
    expect(clocks({ slas: [paused], resolvedAt: RESOLVED, done: true }).restoration).toMatchObject({
      source: 'jsmSla',
      state: 'completed',
      remainingMs: null,
      stoppedAt: RESOLVED,
    });
  });
});
