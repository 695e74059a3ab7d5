// Jest reporter that records each package's totals in <repo>/.test-results/<package>.json, so that
// scripts/test-all.mjs can print one `N passed, N failed` line over all packages. A package's other
// suite, run by its own command and config (the n8n editor suite), names itself with the `suite`
// option, or a run of the same suite under other conditions with CLASSIFAILY_TEST_SUITE (.ci/run's
// Make pass without Make's schemas), and gets its own file: <package>_<suite>.json.
const fs = require('node:fs');
const path = require('node:path');

class TotalsReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir;
    this.suite = options.suite ?? process.env.CLASSIFAILY_TEST_SUITE;
  }
  onRunComplete(_contexts, results) {
    const pkg = JSON.parse(fs.readFileSync(path.join(this.rootDir, 'package.json'), 'utf8'));
    const dir = path.join(__dirname, '..', '.test-results');
    fs.mkdirSync(dir, { recursive: true });
    const totals = {
      package: this.suite ? `${pkg.name} (${this.suite})` : pkg.name,
      passed: results.numPassedTests,
      // A suite that cannot even load runs no test: count it as a failure, never as silence.
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    const file = pkg.name.replace(/[@/]/g, '_') + (this.suite ? `_${this.suite}` : '');
    fs.writeFileSync(path.join(dir, `${file}.json`), JSON.stringify(totals));
  }
}
module.exports = TotalsReporter;
