/**
 * `npm run mutate:file -- <source file> <test file or glob> [...]`: mutation testing of one source file against
 * the named test files only (stryker.config.mjs, file scope), then a one-line score for the README table.
 * Without test arguments, the mirrored test file (`test/<path>.test.ts`) is used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const [file, ...tests] = process.argv.slice(2);
if (file === undefined || !existsSync(file)) {
  console.error('usage: npm run mutate:file -- src/<path>.ts [test/<path>.test.ts ...]');
  process.exit(2);
}
const mirrored = file.replace(/^src\//, 'test/').replace(/\.ts$/, '.test.ts');
const testGlobs = tests.length > 0 ? tests : [mirrored];
const run = spawnSync('npx', ['stryker', 'run'], {
  stdio: 'inherit',
  env: { ...process.env, MUTATE_FILE: file, MUTATE_TESTS: testGlobs.join(',') },
});
if (run.status !== 0) process.exit(run.status ?? 1);

const slug = file
  .replace(/^src\//, '')
  .replace(/\.ts$/, '')
  .replaceAll('/', '__');
const report = JSON.parse(readFileSync(`reports/mutation/files/${slug}.json`, 'utf8'));
const counts = {};
for (const mutant of Object.values(report.files).flatMap((entry) => entry.mutants)) {
  counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
}
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`;
console.log(`${file}: ${score} (${JSON.stringify(counts)}; tests: ${testGlobs.join(', ')})`);
