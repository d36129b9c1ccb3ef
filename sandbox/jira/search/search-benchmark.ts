/**
 * Search timing over a large generated site: `npx tsx sandbox/jira/search/search-benchmark.ts [tickets]`.
 * Seeds the demo site with generated tickets, gives every 600th a due timer and every 5th a future one (as a
 * sweep's property writes would), then times typical sweep searches through the full REST path
 * (validation, rate limiter, rendering). Not a test: timings depend on the machine.
 */
import { createJiraSite } from '../site';

const DAY = 86_400_000;
const tickets = Number(process.argv[2] ?? 50_000);

async function main(): Promise<void> {
  const started = performance.now();
  // Limits out of the way: this measures search work, not the quota.
  const site = createJiraSite({
    seed: { seed: 42, tickets },
    limits: { hourlyPoints: 1e12, burstPerSecond: { read: 1e9, write: 1e9 } },
  });
  process.stdout.write(`generated ${tickets} tickets in ${(performance.now() - started).toFixed(0)} ms\n`);
  let n = 0;
  for (const issue of site.store.issues()) {
    n++;
    if (n % 600 === 0)
      issue.properties['jsm-process-state'] = {
        nextDueAt: new Date(Date.now() - (1 + (n % 7)) * 3_600_000).toISOString(),
      };
    else if (n % 5 === 0)
      issue.properties['jsm-process-state'] = { nextDueAt: new Date(Date.now() + 10 * DAY).toISOString() };
  }
  const cutoff = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const queries = [
    `project = SD AND processNextDue <= "${cutoff}" ORDER BY processNextDue ASC`,
    'project = SD AND status = "Clarification required / On hold" AND updated <= -14d',
    'project = SD AND status = Resolved AND resolutiondate <= -5d',
  ];
  for (const jql of queries) {
    const body = JSON.stringify({ jql, maxResults: 100, fields: ['key', 'status', 'updated'] });
    const search = () =>
      site.handle({
        method: 'POST',
        path: '/rest/api/3/search/jql',
        headers: {},
        principal: { kind: 'app' },
        body,
      });
    for (let i = 0; i < 10; i++) await search();
    const runs = 100;
    const start = performance.now();
    let hits = 0;
    for (let i = 0; i < runs; i++)
      hits = (JSON.parse((await search()).body) as { issues: unknown[] }).issues.length;
    const ms = (performance.now() - start) / runs;
    process.stdout.write(`${ms.toFixed(2)} ms/search, ${hits} on page 1: ${jql}\n`);
  }
}

void main();
