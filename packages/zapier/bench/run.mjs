// Figures for the README: the size of build.zip, the cold load time of the built app (require of
// the unpacked index.js in a fresh Node 22 process, median of several), and requests per item when
// Classify Batch handles 100 lines against the sandbox.
// Usage: pnpm --filter @classifaily/zapier bench   (builds the zip first; ~30 s)
import AdmZip from 'adm-zip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cli = require('../scripts/zapier-cli.cjs');
const { startSandboxProcess } = require('@classifaily/sandbox/process');

const RUNS = 9;
const LINES = 100;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const figures = [];
const report = (name, value) => {
  figures.push([name, value]);
  console.log(`${name}: ${value}`);
};

// 1. The zip, built as for upload.
execFileSync(cli.node22, ['scripts/build-zip.mjs'], { cwd: cli.packageDir, stdio: 'ignore' });
const zipPath = path.join(cli.packageDir, 'build', 'build.zip');
const zip = new AdmZip(zipPath);
const entries = zip.getEntries();
const unpackedBytes = entries.reduce((sum, entry) => sum + entry.header.size, 0);
report(
  'build.zip',
  `${statSync(zipPath).size.toLocaleString('en-US')} bytes, ${entries.length} files, ${(unpackedBytes / 1e6).toFixed(1)} MB unpacked`,
);
report(
  'build.zip of which the app + core',
  `${entries.filter((e) => /^(dist\/|index\.js|node_modules\/@classifaily\/)/.test(e.entryName)).length} files`,
);

// 2. Cold load: a fresh Node 22 process that requires the unpacked index.js (what Zapier's
// zapierwrapper.js does on a cold start), timed inside the process and as a whole process.
const dir = mkdtempSync(path.join(os.tmpdir(), 'classifaily-zapier-bench-'));
try {
  zip.extractAllTo(dir, true);
  const inside = [];
  const whole = [];
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(path.join(dir, 'index.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const out = execFileSync(cli.node22, ['-e', script], { cwd: dir, encoding: 'utf8' });
    whole.push(Number(process.hrtime.bigint() - started) / 1e6);
    inside.push(Number(out.trim()));
  }
  report(`cold require of index.js (median of ${RUNS})`, `${median(inside).toFixed(0)} ms`);
  report(`fresh node process + require (median of ${RUNS})`, `${median(whole).toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 3. Requests per item: Classify Batch on 100 lines, through zapier-platform-core, on the sandbox.
const zapier = require('zapier-platform-core');
const App = require('../index.js');
const sandbox = await startSandboxProcess();
try {
  const handler = zapier.createAppHandler(App);
  const items = Array.from({ length: LINES }, (_, i) => ({
    input: `Ticket ${i}: I was charged twice for my subscription.`,
    id: `T-${i}`,
  }));
  const started = process.hrtime.bigint();
  const { results } = await handler({
    command: 'execute',
    method: 'creates.classifyBatch.operation.perform',
    bundle: {
      authData: { api_key: sandbox.apiKey, base_url: sandbox.url },
      inputData: {
        items,
        categories: ['billing', 'technical_bug', 'account_access', 'feature_request'],
      },
    },
    calledFromCli: true,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stats = await sandbox.stats();
  const ok = results.results.filter((line) => !line.error).length;
  report(
    `Classify Batch, ${LINES} lines`,
    `${stats.total} requests (${(stats.total / LINES).toFixed(2)} per item), ${ok}/${LINES} classified, ${ms.toFixed(0)} ms`,
  );
} finally {
  await sandbox.close();
}

console.log(
  `\n| figure | value |\n|---|---|\n${figures.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`,
);
