/**
 * `npm run chaos`: the chaos campaign (`test/support/chaos-campaign.ts`) at full size — by default the issue's
 * 200 tickets × 45 days with every fault class at once — plus a fault-free baseline, and the same faults with the
 * deaths drawn per invocation (10 % of invocations) instead of per write. Writes the figures to the
 * `chaos` section of `bench-results.json` (other sections kept). Environment: CHAOS_TICKETS, CHAOS_DAYS,
 * CHAOS_SEED.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChaosCampaign } from '../test/support/chaos-campaign';

const tickets = Number(process.env.CHAOS_TICKETS ?? 200);
const days = Number(process.env.CHAOS_DAYS ?? 45);
const seed = Number(process.env.CHAOS_SEED ?? 10);

async function main(): Promise<void> {
  process.stderr.write(`chaos: ${tickets} tickets × ${days} days, seed ${seed}, no faults\n`);
  const baseline = await runChaosCampaign({ tickets, days, seed, faults: false });
  process.stderr.write(`chaos: ${tickets} tickets × ${days} days, seed ${seed}, every fault class\n`);
  const chaos = await runChaosCampaign({ tickets, days, seed, faults: true });
  process.stderr.write(`chaos: the same, 10 % of invocations killed instead of 10 % of writes\n`);
  const perInvocation = await runChaosCampaign({ tickets, days, seed, faults: true, kills: 'perInvocation' });
  const file = join(__dirname, '..', 'bench-results.json');
  const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  results.chaos = { baseline, faults: chaos, faultsKillingInvocations: perInvocation };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results.chaos, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
