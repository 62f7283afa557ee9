// A jest reporter that ends the run with one line: how many suites and tests, and how long it all took
// (including globalSetup: starting an embedded PostgreSQL, preparing the hub's template database).

/** Jest reporter printing the run's total time last. */
class TimeReporter {
  onRunComplete(_contexts, results) {
    const ms = Math.round(process.uptime() * 1000); // since jest started, globalSetup included
    const time = ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
    const failed = results.numFailedTestSuites ? `, ${results.numFailedTestSuites} failed` : '';
    const skipped = results.numPendingTests ? `, ${results.numPendingTests} tests skipped` : '';
    // Suites skipped for a missing broker (test/support/services.ts names their placeholder `needs …`).
    for (const suite of results.testResults) {
      for (const test of suite.testResults) {
        if (test.status === 'pending' && test.title.startsWith('needs '))
          console.log(`== skipped ${test.fullName.replace(test.title, '').trim()}: ${test.title}`);
      }
    }
    console.log(`\n== tests: ${results.numTotalTestSuites} suites${failed}, ${results.numTotalTests} tests${skipped}, in ${time}`);
  }
}

module.exports = TimeReporter;
