/**
 * Prints one closing line `tests: N passed, N failed[, N skipped]` as the very last line of the run (after Jest's
 * own summary), the plain form CI tooling reads; before it, a line naming a non-zero exit code that no failed test
 * explains.
 */
const fs = require('fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
    process.once('exit', (code) => {
      // Jest sets exit code 1 itself, without failing a test, when code runs after its test file ended.
      if (code !== 0 && failed === 0)
        fs.writeSync(
          2,
          `exit code ${code} with no failed test: something ran after its test file ended (see above)\n`,
        );
      fs.writeSync(2, line);
    });
  }
}
module.exports = SummaryReporter;
