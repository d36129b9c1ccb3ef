import { runChaosCampaign } from '../support/chaos-campaign';

/**
 * The bounded chaos campaign: a few tickets over 45 days of hourly sweeps with every fault class at once (see
 * `test/support/chaos-campaign.ts`; `npm run chaos` runs the 200 tickets). Seeded, so a failure replays.
 */
describe('chaos campaign (bounded)', () => {
  it.each([
    { kills: 'perWrite' as const, seed: 3 },
    // The issue's own words: 10 % of invocations killed right after a successful write.
    { kills: 'perInvocation' as const, seed: 5 },
  ])(
    'meets the targets under every fault at once ($kills deaths): no step twice, none missed, none early, no reset lost',
    async ({ kills, seed }) => {
      const figures = await runChaosCampaign({ tickets: 8, days: 45, seed, racedReplies: 1, kills });
      const injected = figures.faultsInjected;
      // Every fault class really happened.
      for (const kind of ['serverError', 'timeout', 'conflict', 'rateLimited', 'killedAfterKvsWrite'])
        expect({ kind, count: injected[kind] }).toMatchObject({ kind, count: expect.any(Number) });
      expect(injected.serverError).toBeGreaterThan(0);
      expect(injected.rateLimited).toBeGreaterThan(0);
      expect(injected.killedAfterKvsWrite).toBeGreaterThan(0);
      expect(figures.stepsExpected).toBeGreaterThan(0);
      const { duplicated, missed, early, earlyCloses, lostResets, parked, problems } = figures;
      expect({ duplicated, missed, early, earlyCloses, lostResets, parked, problems }).toEqual({
        duplicated: 0,
        missed: 0,
        early: 0,
        earlyCloses: 0,
        lostResets: 0,
        parked: 0,
        problems: [],
      });
    },
    480_000,
  );
});
