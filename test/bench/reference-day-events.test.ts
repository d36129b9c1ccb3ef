import { runAppDays } from '../../bench/day/app-day';
import { referenceSite, summary, WARMUP_HOURS } from '../../bench/day/day-bench';
import { OPEN_TICKETS } from '../../bench/day/reference-day';

/**
 * The reference day's events (bench/day/reference-day.ts: new tickets by portal and e-mail, status changes,
 * comments, edits, links and the week's Delivery; no panel, portal or admin views) on the reference site of about
 * 1,000 open tickets, through the app's real handlers on the local site. Points are what the site charged
 * the app's calls, per event delivered to the `issue-events` trigger; the Delivery's events count a seventh, as in
 * the benchmark (one Delivery a week).
 */
const MAX_POINTS_PER_EVENT = 2.8;
// Measured 2.70. The target is 1 point per event. An event decided from its payload and the state copy in
// the due index costs its write only (docs/decisions/0020), but the measured day begins a day after installation:
// the first event of a ticket since then finds no copy and reads the ticket (2 points) before it writes, and most
// of the day's status changes are such first events. New tickets, agent comments on waiting tickets and Delivery
// moves read more than the payload carries (README, "Reference day"). The site charges a user read (the customer's
// language) 3 points, since a user is an identity object, and the histories an expanded changelog embeds as
// objects (docs/decisions/0014).

describe('reference day: issue events cost few Jira points', () => {
  it(`averages at most ${MAX_POINTS_PER_EVENT} points per event`, async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { site, clock } = referenceSite(OPEN_TICKETS, 14);
    try {
      const run = await runAppDays({
        site,
        clock,
        days: 1,
        seed: 14,
        warmupHours: WARMUP_HOURS,
        mix: { only: (kind) => !['panelView', 'portalView', 'adminOpen'].includes(kind) },
      });
      const day = summary(run);
      expect(day.bySource.events.invocations).toBeGreaterThan(300);
      expect(day.pointsPerEvent).toBeLessThanOrEqual(MAX_POINTS_PER_EVENT);
    } finally {
      clock.uninstall();
      jest.restoreAllMocks();
    }
  }, 240_000);
});
