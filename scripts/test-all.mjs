// The one test command (README, CI): builds, runs every package's tests, and ends with the totals
// over all packages as `N passed, N failed`. Exits non-zero if any test or package failed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const resultsDir = path.join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });

const run = spawnSync(
  path.join(root, 'node_modules/.bin/turbo'),
  ['run', 'test', '--continue', '--concurrency=1', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const packagesWithTests = readdirSync(path.join(root, 'packages')).filter((dir) => {
  const manifest = path.join(root, 'packages', dir, 'package.json');
  if (!existsSync(manifest)) return false; // not a package (a tool's leftover folder, say)
  return Boolean(JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test);
});
const reported = existsSync(resultsDir) ? readdirSync(resultsDir) : [];
console.log('\nTotals by package:');
for (const file of reported) {
  const t = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
  console.log(`  ${t.package}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  passed += t.passed;
  failed += t.failed;
  skipped += t.skipped;
}
// A package whose test command died before Jest could report counts as one failure.
const missing = packagesWithTests.length - reported.length;
if (missing > 0) {
  console.log(`  ${missing} package(s) reported no results (their test command failed to run)`);
  failed += missing;
}
const ok = run.status === 0 && failed === 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
