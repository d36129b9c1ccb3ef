/**
 * Runs after every test of every suite. First it waits for what the local platform still runs on its own (deliveries
 * no test awaited, handlers it timed out or killed), so none of it logs or loads a module once its test file has
 * ended (Jest fails the whole run for that). Then a failed invocation or an OpenAPI violation on a guarded local
 * site fails the test that caused it, with the invocation's error or the violation's text (see `honest-run.ts`).
 */
import { settleBackgroundWork } from '../../sandbox/forge/background-work';
import { releaseRuns, takeRunProblems } from './honest-run';

/** Real time background work may take to finish: longer than any backoff or simulated fault it can wait for. */
const BACKGROUND_LIMIT_MS = 60_000;

afterEach(async () => {
  const stillRunning = await settleBackgroundWork(BACKGROUND_LIMIT_MS);
  const problems = takeRunProblems();
  if (stillRunning > 0)
    problems.push(
      `${stillRunning} piece(s) of background work still running ${BACKGROUND_LIMIT_MS} ms after the test`,
    );
  if (problems.length > 0)
    throw new Error(`The local site saw problems in this test:\n${problems.join('\n')}`);
}, BACKGROUND_LIMIT_MS + 5_000);

afterAll(() => releaseRuns());
