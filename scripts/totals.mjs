// Totals over every result file in <repo>/.test-results: one per package's Jest run (written by
// scripts/jest-totals-reporter.js) and one per extra check recorded by `.ci/run` (lint, typecheck).
// A package with a test script that left no result file counts as one failure, never as silence.
//
//   node scripts/totals.mjs                 prints the table and the last line `N passed, N failed`
//   node scripts/totals.mjs --record NAME --status CODE
//                                           records a check (exit code 0 = 1 passed, else 1 failed)
//   node scripts/totals.mjs --expect-skips FILE
//                                           a run whose skips are its point (.ci/run's Make pass
//                                           without Make's schemas): no skip is one failure; its
//                                           skips are listed as expected, not added to the last line
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const resultsDir = path.join(root, '.test-results');

export function recordCheck(name, status) {
  mkdirSync(resultsDir, { recursive: true });
  const ok = Number(status) === 0;
  writeFileSync(
    path.join(resultsDir, `check_${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`),
    JSON.stringify({ package: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 }),
  );
}

/** Marks the skips of `.test-results/<file>` as expected; a run that skipped nothing fails once. */
export function expectSkips(file) {
  const target = path.join(resultsDir, file);
  if (!existsSync(target)) return recordCheck(`${file} (no results)`, 1);
  const row = JSON.parse(readFileSync(target, 'utf8'));
  const expectedSkipped = row.skipped;
  const failed = row.failed + (expectedSkipped > 0 ? 0 : 1);
  writeFileSync(target, JSON.stringify({ ...row, failed, skipped: 0, expectedSkipped }));
}

export function summarize() {
  const packagesWithTests = readdirSync(path.join(root, 'packages')).filter((dir) => {
    const manifest = path.join(root, 'packages', dir, 'package.json');
    if (!existsSync(manifest)) return false; // not a package (a tool's leftover folder, say)
    return Boolean(JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test);
  });
  const rows = (existsSync(resultsDir) ? readdirSync(resultsDir) : []).map((file) =>
    JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')),
  );
  const totals = { passed: 0, failed: 0, skipped: 0 };
  console.log('\nTotals:');
  for (const t of rows) {
    const expected =
      t.expectedSkipped === undefined ? '' : `, ${t.expectedSkipped} skipped as expected`;
    console.log(
      `  ${t.package}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${expected}`,
    );
    totals.passed += t.passed;
    totals.failed += t.failed;
    totals.skipped += t.skipped;
  }
  const reportedPackages = new Set(rows.map((t) => t.package));
  const missing = packagesWithTests.filter((dir) => {
    const name = JSON.parse(
      readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8'),
    ).name;
    return !reportedPackages.has(name);
  });
  for (const dir of missing)
    console.log(`  packages/${dir}: reported no results (its test command failed to run)`);
  totals.failed += missing.length;
  return totals;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      record: { type: 'string' },
      status: { type: 'string' },
      'expect-skips': { type: 'string' },
    },
    strict: true,
  });
  if (values.record) {
    recordCheck(values.record, values.status ?? '1');
  } else if (values['expect-skips']) {
    expectSkips(values['expect-skips']);
  } else {
    const t = summarize();
    console.log(
      `${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`,
    );
    process.exit(t.failed === 0 ? 0 : 1);
  }
}
