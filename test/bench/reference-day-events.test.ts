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
const MAX_POINTS_PER_EVENT = 1.25;
// Measured 1.12. The target is 1 point per event. An event decided from its payload and the due index's copy
// of the state costs its write only (docs/decisions/0020); the installation gives every open ticket a copy, with "no
// state yet" for those the app never wrote. What stays above 1: every status change that starts or stops a timer
// writes the ticket's state (1 point), new tickets read what their payload lacks (custom fields, priority) before
// they write their first state, a ticket entering Delivery Pending searches its customer's Planned Deliveries, and
// the site's issue types and security levels are listed once a week, which falls on this first day after the
// installation (README, "Reference day").

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
