import { runAppDays } from '../../bench/day/app-day';
import { referenceSite, summary, WARMUP_HOURS } from '../../bench/day/day-bench';
import { OPEN_TICKETS } from '../../bench/day/reference-day';

/**
 * The reference day's events (bench/day/reference-day.ts: new tickets by portal and e-mail, status changes,
 * comments, edits, links and the week's Delivery, with the panel, portal and admin views between them, so that the
 * acts are the benchmark's own at its seed) on the reference site of about 1,000 open tickets, through the app's real handlers on the local site. Points are what the site charged
 * the app's calls, per event delivered to the `issue-events` trigger; the Delivery's events and the lists kept a week
 * count a seventh, as in the benchmark (one Delivery a week).
 */
const MAX_POINTS_PER_EVENT = 1;
// The target. Measured 0.69 here and in the benchmark (README, "Reference day"); the same acts falling on
// other tickets measure a few hundredths more. An event decided from its payload and the due
// index's copy of the state costs its write only (docs/decisions/0020); the installation gives every open ticket a
// copy, with "no state yet" for those the app never wrote, and a new ticket whose creation records nothing but its
// status keeps "no state yet" without a write (docs/decisions/0026), and the acceptance is read from the changelog
// by the panel, never written (docs/decisions/0027). What costs more than 1: every status change
// that starts or stops a timer writes the ticket's state (1 point), a new ticket is asked in one search whether a
// rule acts on what its payload lacks and read by it when one does (docs/decisions/0029), a ticket entering Delivery Pending searches its customer's Planned Deliveries, and the
// site's issue types and security levels are listed once a week (a seventh of it a day, like the Delivery).

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
