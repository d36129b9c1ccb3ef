/**
 * Runs after every test of every suite: a failed invocation or an OpenAPI violation on a guarded local site fails
 * the test that caused it, with the invocation's error or the violation's text (see `honest-run.ts`).
 */
import { releaseRuns, takeRunProblems } from './honest-run';

afterEach(() => {
  const problems = takeRunProblems();
  if (problems.length > 0)
    throw new Error(`The local site saw problems in this test:\n${problems.join('\n')}`);
});

afterAll(() => releaseRuns());
