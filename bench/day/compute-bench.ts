/**
 * The `compute` section of `bench-results.json`: what the reference day costs in Forge function time and KVS
 * writes. Per invocation kind (the manifest module that ran it) the duration and heap growth measured around the
 * handler in the benchmark process; the duration on Forge estimated as that plus 50 ms per Jira call (the benchmark's
 * assumed round trip; KVS calls are left at their local cost); GB-seconds per site and month at each function's
 * configured `memoryMB`. Bundle size and cold start come from an esbuild bundle of `src/index.ts` (an
 * approximation: the Forge CLI's own bundler needs a Forge login and is not run here).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { REPO_MANIFEST } from '../../sandbox/manifest-path';
import { MS_PER_CALL, round } from '../bench-metrics';
import type { DayRun } from './app-day';

const DAYS_PER_MONTH = 30;
/** Forge's free function time per app and month (GB-seconds). */
const FREE_GB_SECONDS = 200_000;

interface ManifestFunctions {
  app?: { runtime?: { memoryMB?: number } };
  modules?: {
    function?: { key: string; runtime?: { memoryMB?: number } }[];
    [module: string]: unknown;
  };
}

/** The configured memory of the function each module runs, from manifest.yml (app default 512 MB). */
function memoryByModule(): Record<string, number> {
  const manifest = parse(readFileSync(REPO_MANIFEST, 'utf8')) as ManifestFunctions;
  const appDefault = manifest.app?.runtime?.memoryMB ?? 512;
  const byFunction = new Map(
    (manifest.modules?.function ?? []).map((f) => [f.key, f.runtime?.memoryMB ?? appDefault]),
  );
  const out: Record<string, number> = {};
  for (const [kind, modules] of Object.entries(manifest.modules ?? {})) {
    if (kind === 'function' || !Array.isArray(modules)) continue;
    for (const m of modules as { key: string; function?: string; resolver?: { function: string } }[]) {
      const fn = m.function ?? m.resolver?.function;
      if (fn) out[m.key] = byFunction.get(fn) ?? appDefault;
    }
  }
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Per invocation kind: count per day, duration, heap growth, and GB-seconds per month at the configured memory. */
export function computeFigures(run: DayRun) {
  const memory = memoryByModule();
  const kinds = new Map<string, DayRun['samples']>();
  for (const s of run.samples) {
    const list = kinds.get(s.moduleKey) ?? [];
    list.push(s);
    kinds.set(s.moduleKey, list);
  }
  let gbSeconds = 0;
  const byKind = Object.fromEntries(
    [...kinds.entries()].map(([moduleKey, samples]) => {
      const local = samples.map((s) => s.durationMs);
      const forge = samples.map((s) => s.durationMs + s.calls * MS_PER_CALL);
      const memoryMB = memory[moduleKey] ?? 512;
      const monthly =
        (forge.reduce((a, b) => a + b, 0) / 1000) * (memoryMB / 1024) * (DAYS_PER_MONTH / run.days);
      gbSeconds += monthly;
      return [
        moduleKey,
        {
          invocationsPerDay: round(samples.length / run.days, 1),
          localMs: {
            mean: round(local.reduce((a, b) => a + b, 0) / local.length, 1),
            p95: round(percentile(local, 95), 1),
            max: round(Math.max(...local), 1),
          },
          forgeMsEstimated: {
            mean: round(forge.reduce((a, b) => a + b, 0) / forge.length, 0),
            max: round(Math.max(...forge), 0),
          },
          heapGrowthMb: {
            p95: round(
              percentile(
                samples.map((s) => s.heapGrowthMb),
                95,
              ),
              1,
            ),
            max: round(Math.max(...samples.map((s) => s.heapGrowthMb)), 1),
          },
          memoryMB,
          gbSecondsPerMonth: round(monthly, 1),
        },
      ];
    }),
  );
  return {
    byKind,
    gbSecondsPerSiteMonth: round(gbSeconds, 1),
    sitesWithinFreeGbSeconds: gbSeconds > 0 ? Math.floor(FREE_GB_SECONDS / gbSeconds) : null,
    kvsBytesWrittenPerSiteMonth: Math.round((run.kvsBytesWritten / run.days) * DAYS_PER_MONTH),
    kvsWritesPerSiteMonth: Math.round((run.kvsWrites / run.days) * DAYS_PER_MONTH),
    kvsByKindPerSiteMonth: Object.fromEntries(
      Object.entries(run.kvsByKind)
        .sort(([, a], [, b]) => b.bytes - a.bytes)
        .map(([kind, k]) => [
          kind,
          {
            writes: Math.round((k.writes / run.days) * DAYS_PER_MONTH),
            bytes: Math.round((k.bytes / run.days) * DAYS_PER_MONTH),
          },
        ]),
    ),
  };
}

/**
 * Bundles `src/index.ts` for Node 22 with esbuild (minified, `@forge/*` included as Forge bundles them) and loads it
 * in a fresh Node process: bundle bytes (raw and gzipped), the time `require` takes, and the process's resident
 * memory after loading (what every invocation of a cold container starts from).
 */
export async function bundleFigures() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const out = join(dir, 'index.js');
    await build({
      entryPoints: [join(__dirname, '..', '..', 'src', 'index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      outfile: out,
      logLevel: 'silent',
    });
    const bytes = statSync(out).size;
    const gzipBytes = gzipSync(readFileSync(out)).length;
    const probe = join(dir, 'probe.js');
    writeFileSync(
      probe,
      [
        'const base = process.memoryUsage().rss;',
        'const t = process.hrtime.bigint();',
        `require(${JSON.stringify(out)});`,
        'const ms = Number(process.hrtime.bigint() - t) / 1e6;',
        'const m = process.memoryUsage();',
        'process.stdout.write(JSON.stringify({ ms, rss: m.rss, base, heap: m.heapUsed }));',
      ].join('\n'),
    );
    const runs = [0, 1, 2].map(
      () =>
        JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })) as Record<string, number>,
    );
    const mb = (n: number) => round(n / 1_048_576, 1);
    return {
      tool: 'esbuild (approximation of the Forge bundler)',
      bytes,
      gzipBytes,
      coldImportMs: round(Math.min(...runs.map((r) => r.ms ?? 0)), 1),
      rssAfterImportMb: mb(Math.max(...runs.map((r) => r.rss ?? 0))),
      rssBeforeImportMb: mb(Math.max(...runs.map((r) => r.base ?? 0))),
      heapAfterImportMb: mb(Math.max(...runs.map((r) => r.heap ?? 0))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
