// Figures for the README, all on the built zip as Zapier runs it: the zip's size (Zapier's limit
// for this app: 1 MB is our target), cold start (a fresh Node 22 requiring the unpacked app, and a
// fresh process from spawn to the Lambda callback), requests per line of Classify Batch, and the
// time of 500 lines at 50 ms, 2 s and 6.5 s per request against the step's budget (25 s of
// Zapier's 30). Each invocation runs in a fresh node through the unpacked zapierwrapper.js handler
// (scripts/lambda-host.cjs), against the sandbox with a fixed latency per request.
// Usage: pnpm --filter @classifaily/zapier bench   (builds the zip first; ~1 min on a quiet machine)
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import AdmZip from 'adm-zip';

const require = createRequire(import.meta.url);
const cli = require('../scripts/zapier-cli.cjs');
const { unpackedBuild, invokeLambda } = require('../scripts/lambda-host.cjs');
const { startSandboxProcess } = require('@classifaily/sandbox/process');
const { SAMPLE_CATEGORIES, SAMPLE_INPUT } = require('@classifaily/core');
/** The step's budget: 25 s after `perform` starts (src/client.ts, decision 0305). */
const STEP_BUDGET_MS = 25_000;
/** Zapier's limit for one action (platform-side). */
const ZAPIER_ACTION_LIMIT_MS = 30_000;

const RUNS = 7;
const ZIP_TARGET_BYTES = 1_000_000;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
const figures = [];
const report = (name, value) => {
  figures.push([name, value]);
  console.log(`${name}: ${value}`);
};

const loadBefore = load();
const { appDir, zipPath, cleanup } = await unpackedBuild();

function event(sandbox, method, inputData) {
  return {
    command: 'execute',
    method,
    bundle: {
      authData: { api_key: sandbox.apiKey },
      inputData,
      meta: { zap: { id: 'zap-bench' }, isLoadingSample: false },
    },
    environment: { CLASSIFAILY_BASE_URL: sandbox.url },
  };
}

const lines = (count) =>
  Array.from({ length: count }, (_, i) => ({
    input: `Ticket ${i}: I was charged twice for my subscription.`,
    id: `T-${i}`,
  }));

async function batchRun(latencyMs, count) {
  const sandbox = await startSandboxProcess({ latencyMs });
  try {
    const run = await invokeLambda(
      appDir,
      event(sandbox, 'creates.classifyBatch.operation.perform', {
        items: lines(count),
        categories: SAMPLE_CATEGORIES,
      }),
    );
    if (!run.callback || run.error) throw new Error(`batch failed: ${JSON.stringify(run)}`);
    const classified = run.result.results.results.filter((line) => !line.error).length;
    return { ms: run.ms, requests: (await sandbox.stats()).total, classified };
  } finally {
    await sandbox.close();
  }
}

try {
  // 1. The zip, as uploaded.
  const entries = new AdmZip(zipPath).getEntries();
  const bytes = statSync(zipPath).size;
  const unpacked = entries.reduce((sum, entry) => sum + entry.header.size, 0);
  const own = entries.filter((e) =>
    /^(dist\/|index\.js|node_modules\/@classifaily\/)/.test(e.entryName),
  );
  report(
    'build.zip',
    `${bytes.toLocaleString('en-US')} bytes (${bytes <= ZIP_TARGET_BYTES ? 'within' : 'OVER'} 1 MB), ${entries.length} files, ${(unpacked / 1e6).toFixed(1)} MB unpacked; ${own.length} files are the app and core`,
  );

  // 2. Cold start: require of the unpacked index.js in a fresh Node 22 (what zapierwrapper.js does
  // on a new container), and a fresh process from spawn to the callback of one Classify Text.
  const requireScript = `const t=process.hrtime.bigint();require(${JSON.stringify(path.join(appDir, 'index.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const requires = [];
  for (let i = 0; i < RUNS; i++)
    requires.push(Number(execFileSync(cli.node22, ['-e', requireScript], { encoding: 'utf8' })));
  report(
    `cold require of the unpacked index.js, Node 22 (median of ${RUNS})`,
    `${median(requires).toFixed(0)} ms`,
  );

  const sandbox = await startSandboxProcess();
  try {
    const spawnToCallback = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      const run = await invokeLambda(
        appDir,
        event(sandbox, 'creates.classify.operation.perform', {
          input: SAMPLE_INPUT,
          categories: SAMPLE_CATEGORIES,
        }),
      );
      if (!run.callback || run.error) throw new Error(`classify failed: ${JSON.stringify(run)}`);
      spawnToCallback.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    report(
      `cold invocation: spawn of a fresh node → Classify Text's callback → exit (median of ${RUNS})`,
      `${median(spawnToCallback).toFixed(0)} ms`,
    );
  } finally {
    await sandbox.close();
  }

  // 3. Requests per line.
  const hundred = await batchRun(0, 100);
  report(
    'Classify Batch, 100 lines',
    `${hundred.requests} requests (${(hundred.requests / 100).toFixed(2)} per line), ${hundred.classified}/100 classified`,
  );

  // 4. 500 lines against the budget.
  for (const latency of [50, 2_000, 6_500]) {
    const run = await batchRun(latency, 500);
    report(
      `Classify Batch, 500 lines at ${latency.toLocaleString('en-US')} ms per request`,
      `${(run.ms / 1000).toFixed(1)} s of the ${STEP_BUDGET_MS / 1000} s budget (Zapier stops at ${ZAPIER_ACTION_LIMIT_MS / 1000} s); ${run.requests} requests, ${run.classified}/500 classified`,
    );
  }
} finally {
  cleanup();
}

console.log(
  `\nNode ${process.version} runs this script; the app runs on Node 22 (${cli.node22}). ` +
    `${os.cpus().length} CPUs; load average before: ${loadBefore}, after: ${load()}.`,
);
console.log(
  `\n| figure | value |\n|---|---|\n${figures.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}`,
);
