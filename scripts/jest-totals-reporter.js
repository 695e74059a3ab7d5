// Jest reporter that records each package's totals in <repo>/.test-results/<package>.json, so that
// scripts/test-all.mjs can print one `N passed, N failed` line over all packages.
const fs = require('node:fs');
const path = require('node:path');

class TotalsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const pkg = JSON.parse(fs.readFileSync(path.join(this.rootDir, 'package.json'), 'utf8'));
    const dir = path.join(__dirname, '..', '.test-results');
    fs.mkdirSync(dir, { recursive: true });
    const totals = {
      package: pkg.name,
      passed: results.numPassedTests,
      // A suite that cannot even load runs no test: count it as a failure, never as silence.
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(
      path.join(dir, pkg.name.replace(/[@/]/g, '_') + '.json'),
      JSON.stringify(totals),
    );
  }
}
module.exports = TotalsReporter;
