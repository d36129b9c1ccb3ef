/**
 * Mutation testing (`npm run mutate`, not part of `npm test`): StrykerJS mutates `src/domain` and `src/app` and
 * runs, per mutant, only the Jest tests that cover it (`coverageAnalysis: perTest`). Incremental: a re-run
 * tests only mutants whose code or covering tests changed (`reports/stryker-incremental.json`).
 * `MUTATE_SCOPE=domain` narrows the run to `src/domain` with the domain and use-case tests (see README,
 * "Mutation testing").
 *
 * `npm run mutate:file -- <source file> [test glob ...]` (scripts/mutate-file.mjs) mutates one file and runs
 * only the named test files, so a run takes minutes: it sets `MUTATE_FILE` and `MUTATE_TESTS` (test globs
 * separated by commas) and reports to `reports/mutation/files/<file>.json`.
 */
const scope = process.env.MUTATE_FILE ? 'file' : process.env.MUTATE_SCOPE === 'domain' ? 'domain' : 'all';
const fileTests = (process.env.MUTATE_TESTS ?? '')
  .split(',')
  .map((glob) => glob.trim())
  .filter((glob) => glob !== '')
  .map((glob) => `<rootDir>/${glob}`);
const fileSlug = (process.env.MUTATE_FILE ?? '')
  .replace(/^src\//, '')
  .replace(/\.ts$/, '')
  .replaceAll('/', '__');
const reportName =
  scope === 'file' ? `files/${fileSlug}` : scope === 'domain' ? 'mutation-domain' : 'mutation';

const ignoredTests = {
  // Browser suites need Chromium and minutes each; they test the UI, not the mutated rules. The domain scope
  // also leaves out the suites that drive the local site (integration and site-sequence property tests).
  domain: ['/node_modules/', '/test/(browser|entry|sandbox|static|adapters)/', '/test/properties/site-'],
  all: ['/node_modules/', '/test/browser/', '\\.browser\\.test\\.ts$'],
  file: ['/node_modules/', '/test/browser/', '\\.browser\\.test\\.ts$'],
};

const mutate = {
  domain: ['src/domain/**/*.ts', '!src/domain/**/index.ts'],
  all: ['src/domain/**/*.ts', 'src/app/**/*.ts', '!src/**/index.ts'],
  file: [process.env.MUTATE_FILE],
};

export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // The file scope names its tests itself; finding related tests would add every suite that imports the file.
    enableFindRelatedTests: scope !== 'file',
    config: {
      testPathIgnorePatterns: ignoredTests[scope],
      ...(scope === 'file' && fileTests.length > 0 ? { testMatch: fileTests } : {}),
      reporters: ['default'],
    },
  },
  coverageAnalysis: 'perTest',
  mutate: mutate[scope],
  ignoreStatic: true,
  incremental: scope !== 'file',
  incrementalFile: `reports/stryker-incremental${scope === 'domain' ? '-domain' : ''}.json`,
  // One test-runner process: the machine's two cores are shared, and a second runner only makes both wait.
  // `npx stryker run --concurrency <n>` overrides it on a machine of one's own.
  concurrency: 1,
  // One file's tests run in seconds; the file scope allows more before calling a mutant a timeout, as runs on a
  // loaded machine stall.
  timeoutMS: scope === 'file' ? 30000 : 10000,
  reporters:
    scope === 'file' ? ['clear-text', 'progress', 'json'] : ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  tempDirName: scope === 'file' ? `.stryker-tmp-${fileSlug}` : '.stryker-tmp',
  cleanTempDir: true,
};
