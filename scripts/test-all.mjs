// The one test command (README, CI): builds, runs every package's tests, and ends with the totals
// over all packages as `N passed, N failed`. Exits non-zero if any test or package failed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultsDir, summarize } from './totals.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
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

const { passed, failed, skipped } = summarize();
const ok = run.status === 0 && failed === 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
