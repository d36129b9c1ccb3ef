/**
 * Mutation testing (`npm run mutate`, not part of `npm test`): StrykerJS mutates `src/domain` and `src/app` and
 * runs, per mutant, only the Jest tests that cover it (`coverageAnalysis: perTest`). Incremental: a re-run
 * tests only mutants whose code or covering tests changed (`reports/stryker-incremental.json`).
 * `MUTATE_SCOPE=domain` narrows the run to `src/domain` with the domain and use-case tests (see README,
 * "Mutation testing").
 */
const domainOnly = process.env.MUTATE_SCOPE === 'domain';

export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    enableFindRelatedTests: true,
    config: {
      // Browser suites need Chromium and minutes each; they test the UI, not the mutated rules. The domain scope
      // also leaves out the suites that drive the local site (integration and site-sequence property tests).
      testPathIgnorePatterns: domainOnly
        ? ['/node_modules/', '/test/(browser|entry|sandbox|static|adapters)/', '/test/properties/site-']
        : ['/node_modules/', '/test/browser/', '\\.browser\\.test\\.ts$'],
      reporters: ['default'],
    },
  },
  coverageAnalysis: 'perTest',
  mutate: domainOnly
    ? ['src/domain/**/*.ts', '!src/domain/**/index.ts']
    : ['src/domain/**/*.ts', 'src/app/**/*.ts', '!src/**/index.ts'],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/stryker-incremental${domainOnly ? '-domain' : ''}.json`,
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/mutation${domainOnly ? '-domain' : ''}.json` },
  htmlReporter: { fileName: `reports/mutation/mutation${domainOnly ? '-domain' : ''}.html` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
