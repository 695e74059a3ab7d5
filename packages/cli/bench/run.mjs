// classifaily evaluate, timed as a person runs it: the built command in its own process against
// the sandbox in another (its --latency a fixed response time per request). Prints:
//  (a) N labelled texts: the wall time of the whole command (Node's start included) next to the
//      ideal ceil(N/25)/4 × latency, the requests sent and the texts billed (the sandbox's own
//      counters); then the same command again: requests, texts billed, time;
//  (b) the command's own cost with an instant API: 10,000 texts (reading, batching, the progress
//      file, the figures, the report), and Node's start alone (`--version`).
// Each timing is the median of RUNS runs, each on a sandbox reset (nothing to replay).
// Run: pnpm --filter @classifaily/cli bench   (builds first);  -- --readme writes the figures into README.md
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startSandboxProcess } = require('@classifaily/sandbox/process');
const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(here, '..', 'dist', 'cli.js');
const RUNS = Number(process.env.RUNS ?? 3);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
const PHRASES = [
  'I was charged twice for my subscription',
  'the app crashes when I export a report',
  'I cannot log in to my account',
  'please add a dark mode',
];
const work = mkdtempSync(path.join(os.tmpdir(), 'classifaily-cli-bench-'));

function labelledFile(n) {
  const file = path.join(work, `labelled-${n}.csv`);
  const rows = Array.from(
    { length: n },
    (_, i) => `"Ticket ${i}: ${PHRASES[i % 4]}.",${CATEGORIES[(i + (i % 7 === 0 ? 1 : 0)) % 4]}`,
  );
  writeFileSync(file, ['text,label', ...rows].join('\n') + '\n');
  return file;
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: work, XDG_CACHE_HOME: work, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`classifaily exited ${code}: ${stderr}`));
      else resolve(performance.now() - start);
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function evaluateCase(sandbox, n, latency) {
  const file = labelledFile(n);
  const args = [
    'evaluate',
    file,
    '--categories',
    CATEGORIES.join(','),
    '--base-url',
    sandbox.url,
    '--json',
  ];
  const env = { CLASSIFAILY_API_KEY: sandbox.apiKey };
  const times = [];
  let stats;
  for (let i = 0; i < RUNS; i++) {
    await sandbox.reset();
    times.push(await run(args, env));
    stats = await sandbox.stats();
  }
  const again = await run(args, env);
  const after = await sandbox.stats();
  const ideal = (Math.ceil(n / 25) / 4) * latency;
  return {
    n,
    latency,
    wall: median(times),
    ideal,
    requests: stats.byPath['/v1/classify/batch'],
    billed: stats.itemsClassified,
    againRequests: after.byPath['/v1/classify/batch'] - stats.byPath['/v1/classify/batch'],
    againBilled: after.itemsClassified - stats.itemsClassified,
    again,
  };
}

// Node's start and the command's loading, measured first: the part of every run no API can shorten.
const starts = [];
for (let i = 0; i < RUNS; i++) starts.push(await run(['--version'], {}));
const start = median(starts);
const rows = [];
const slow = await startSandboxProcess({ latencyMs: LATENCY_MS });
try {
  for (const n of [1000, 5000]) rows.push(await evaluateCase(slow, n, LATENCY_MS));
} finally {
  await slow.close();
}
const fast = await startSandboxProcess();
let own;
try {
  own = await evaluateCase(fast, 10_000, 0);
  const report = path.join(work, 'report.html');
  await run(
    [
      'evaluate',
      labelledFile(10_000),
      '--categories',
      CATEGORIES.join(','),
      '--base-url',
      fast.url,
      '--out',
      report,
    ],
    {
      CLASSIFAILY_API_KEY: fast.apiKey,
    },
  );
  own.reportBytes = statSync(report).size;
} finally {
  await fast.close();
}
const load = os
  .loadavg()
  .map((v) => v.toFixed(2))
  .join(', ');
const lines = [
  `Node ${process.version}, ${RUNS} runs per timing (median), the sandbox in its own process; ${new Date().toISOString().slice(0, 10)}; load average ${load} on ${os.cpus().length} cores (other work on the machine makes times noisy).`,
  '',
  "| texts | response time | wall time (whole command) | ideal ⌈N/25⌉/4 × latency | ratio (Node's start aside) | requests | texts billed | the same command again: requests, billed, time |",
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.n.toLocaleString('en-US')} | ${r.latency} ms | ${seconds(r.wall)} | ${seconds(r.ideal)} | ${((r.wall - start) / r.ideal).toFixed(2)} | ${r.requests} | ${r.billed.toLocaleString('en-US')} | ${r.againRequests} replayed, ${r.againBilled} billed, ${seconds(r.again)} |`,
  ),
  '',
  `With an instant API, 10,000 texts take ${seconds(own.wall)} from start to figures (${own.requests} requests; the report for them is ${(own.reportBytes / 1024).toFixed(0)} KiB); Node's start with the command loaded (\`classifaily --version\`, subtracted in the ratio): ${seconds(start)}.`,
];
console.log(lines.join('\n'));

if (process.argv.includes('--readme')) {
  const readme = path.join(here, '..', 'README.md');
  const text = readFileSync(readme, 'utf8');
  writeFileSync(
    readme,
    text.replace(
      /<!-- bench:start -->[\s\S]*?<!-- bench:end -->/,
      `<!-- bench:start -->\n${lines.join('\n')}\n<!-- bench:end -->`,
    ),
  );
  console.log('README.md updated');
}
rmSync(work, { recursive: true, force: true });
