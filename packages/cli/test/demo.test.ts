// The README demo's last step (scripts/demo.mjs, alone: it starts its own sandbox) in a plain
// node child: it evaluates the demo's tickets, labelled by a person, and says where the report is.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_CATEGORIES } from '@classifaily/core';
import { checkLabels, readLabelledFile } from '../src/input';
import { PACKAGE_ROOT, tempDir } from './helpers/run-cli';

const EXAMPLE = path.join(PACKAGE_ROOT, 'examples', 'support-tickets.csv');

it('evaluates the labelled tickets and prints the report path', async () => {
  const temp = tempDir();
  try {
    const run = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'demo.mjs')], {
        env: { PATH: process.env.PATH, TMPDIR: temp.dir, HOME: temp.dir, XDG_CACHE_HOME: temp.dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, out }));
    });
    expect(run.code).toBe(0);
    const report = path.join(temp.dir, 'classifaily-demo', 'report.html');
    expect(run.out).toContain(`Report: ${report}`);
    expect(run.out).toContain('5 labelled texts from examples/support-tickets.csv');
    expect(readFileSync(report, 'utf8')).toContain('<h1>Which Review Threshold?</h1>');
  } finally {
    temp.cleanUp();
  }
});

it("the labelled tickets are the demo's own (scripts/demo.mjs at the root), each with one of its categories", () => {
  const demo = readFileSync(path.join(PACKAGE_ROOT, '..', '..', 'scripts', 'demo.mjs'), 'utf8');
  const { rows } = readLabelledFile(EXAMPLE);
  expect(rows).toHaveLength(5);
  for (const row of rows) expect(demo).toContain(row.text);
  expect(() => checkLabels(EXAMPLE, rows, SAMPLE_CATEGORIES)).not.toThrow();
});
