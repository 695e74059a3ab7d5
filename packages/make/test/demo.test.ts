import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The README demo's Make step (scripts/demo.mjs runs from dist/, which `pnpm test` builds first).
it('the demo prints the bundles of Classify Text and Classify Batch', () => {
  const run = spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'demo.mjs')], {
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Classify Text: 1 bundle/);
  expect(run.stdout).toMatch(/Classify Batch \(one request for 4 items\): 4 bundle/);
  expect(run.stdout).toMatch(/ticket-4 → review/);
});
