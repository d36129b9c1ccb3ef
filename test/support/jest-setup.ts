/**
 * Runs after every test of every suite. First it waits for handlers the local platform gave up on (timed out or
 * killed) to finish, so none of them logs or loads a module once its test file has ended (Jest fails the whole run
 * for that). Then a failed invocation or an OpenAPI violation on a guarded local site fails the test that caused it,
 * with the invocation's error or the violation's text (see `honest-run.ts`).
 */
import { settleAbandonedInvocations } from '../../sandbox/forge/invocation';
import { releaseRuns, takeRunProblems } from './honest-run';

/** Real time an abandoned handler may take to finish: longer than any backoff or simulated fault it can wait for. */
const ABANDONED_LIMIT_MS = 20_000;

afterEach(async () => {
  const stillRunning = await settleAbandonedInvocations(ABANDONED_LIMIT_MS);
  const problems = takeRunProblems();
  if (stillRunning > 0)
    problems.push(
      `${stillRunning} abandoned invocation(s) still running ${ABANDONED_LIMIT_MS} ms after the test`,
    );
  if (problems.length > 0)
    throw new Error(`The local site saw problems in this test:\n${problems.join('\n')}`);
}, ABANDONED_LIMIT_MS + 5_000);

afterAll(() => releaseRuns());
