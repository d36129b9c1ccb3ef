import { SweepTime } from '../../../src/app/sweep/sweep-time';

interface TimeShare {
  remainingMs: number;
  startMs: number;
  tickets: number;
}

/** What a sweep that began with `startMs` left and has handled `tickets` may take on at `remainingMs`. */
function ticketsThatFit(share: TimeShare): number {
  let remaining = share.startMs;
  const time = new SweepTime({ remainingMs: () => remaining });
  time.handled(share.tickets);
  remaining = share.remainingMs;
  return time.ticketsThatFit();
}

describe('ticketsThatFit: the tickets a sweep takes on before its safety margin', () => {
  const cases: [string, TimeShare, number][] = [
    [
      'a fresh invocation measures with a small page',
      { remainingMs: 300_000, startMs: 300_000, tickets: 0 },
      10,
    ],
    [
      '1.5 s a ticket so far, 150 s left: (150 − 30) / 2.25',
      { remainingMs: 150_000, startMs: 300_000, tickets: 100 },
      53,
    ],
    [
      '0.1 s a ticket, 200 s left: (200 − 30) / 0.15',
      { remainingMs: 200_000, startMs: 300_000, tickets: 1_000 },
      1_133,
    ],
    ['just inside the 30 s margin: nothing more', { remainingMs: 30_000, startMs: 300_000, tickets: 10 }, 0],
    [
      'a fresh invocation with exactly its margin left skips the measuring page',
      { remainingMs: 30_000, startMs: 300_000, tickets: 0 },
      0,
    ],
    ['one ticket left in the margin’s reach', { remainingMs: 36_000, startMs: 300_000, tickets: 100 }, 1],
    ['past the limit', { remainingMs: 0, startMs: 300_000, tickets: 10 }, 0],
    [
      'a 25 s function keeps a quarter (6.25 s) free',
      { remainingMs: 7_000, startMs: 25_000, tickets: 0 },
      10,
    ],
    ['… and stops inside it', { remainingMs: 6_000, startMs: 25_000, tickets: 5 }, 0],
    [
      'tickets that took no measurable time do not divide by zero',
      { remainingMs: 300_000, startMs: 300_000, tickets: 5 },
      Number.MAX_SAFE_INTEGER,
    ],
  ];
  it.each(cases)('%s', (_, share, expected) => {
    expect(ticketsThatFit(share)).toBe(expected);
  });
});

describe('SweepTime', () => {
  it('reads the remaining time before every page and counts the tickets of every project it sweeps', () => {
    let remaining = 300_000;
    const time = new SweepTime({ remainingMs: () => remaining });
    expect(time.ticketsThatFit()).toBe(10);
    remaining -= 20_000;
    time.handled(10);
    // 2 s a ticket × 1.5 = 3 s: (280 − 30) / 3
    expect(time.ticketsThatFit()).toBe(83);
    remaining = 40_000;
    time.handled(40);
    expect(time.ticketsThatFit()).toBe(1);
    remaining = 29_999;
    expect(time.ticketsThatFit()).toBe(0);
  });
});
