// 1,000 and 10,000 items through real n8n against the sandbox (a fixed latency on every request, so
// that the ideal time means something): our node next to the HTTP Request node calling
// POST /v1/classify once per item, in the same run, against the same sandbox. Prints requests per
// item (the sandbox's counters), each classifying node's own executionTime from n8n's run data next
// to the ideal, the whole `n8n execute` wall time, and the peak RSS of the n8n process tree. First,
// core's classifyMany alone (no n8n) against the same sandbox: what the sandbox and core cost, so
// that the rest of the node's time is n8n's own per request.
//
//   pnpm --filter n8n-nodes-classifaily bench              # n8n 2.40.7, 50 ms, 1,000 and 10,000 items
//   LATENCY_MS=50 SIZES=1000,10000 HTTP_SIZES=1000,10000 CLASSIFAILY_N8N_VERSIONS=2.40.7,1.123.81 …
//   CLASSIFAILY_N8N_PACKAGE=/tmp/before …   # another build of this package (package.json + dist/), for before/after
//   VARIANTS=plain …   # our node's set-ups (bench/workflows.mjs VARIANTS; default all: plain Text,
//                      # a non-plain Text under Stop on error and with the error output)
//
// Runs on Node 24 (the `node24` devDependency) and imports the TypeScript harness through Node's
// type stripping, like scripts/dev.mjs. The first run on a machine installs n8n (minutes).
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { ClassifailyClient, replayKeys } from '@classifaily/core';

import {
  N8nInstance,
  PACKAGE_ROOT,
  classifailyCredential,
  n8nVersionsUnderTest,
} from '../test/harness/n8n.ts';
import { startSandboxProcess } from '../test/harness/sandbox-process.ts';
import { sampleProcessTree } from './memory.mjs';
import {
  CATEGORIES,
  CREDENTIALS,
  NODES,
  TEXTS,
  VARIANTS,
  baselineWorkflow,
  classifailyWorkflow,
  httpRequestWorkflow,
} from './workflows.mjs';

const BATCH = 25; // the node's default Batch Size
const CONCURRENCY = 4; // the node's default Concurrency
const list = (value) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const latencyMs = Number(process.env.LATENCY_MS ?? 50);
const sizes = list(process.env.SIZES ?? '1000,10000').map(Number);
const httpSizes = list(process.env.HTTP_SIZES ?? sizes.join(',')).map(Number);
const variants = list(process.env.VARIANTS ?? Object.keys(VARIANTS).join(','));
const versions = process.env.CLASSIFAILY_N8N_VERSIONS
  ? n8nVersionsUnderTest()
  : n8nVersionsUnderTest().slice(0, 1);
const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line) => process.stderr.write(`[bench] ${line}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value) => `${Math.round(value)} MB`;
const load = () => os.loadavg()[0].toFixed(1);
const packageDir = path.resolve(process.env.CLASSIFAILY_N8N_PACKAGE || PACKAGE_ROOT);
const idealMs = (n) => Math.ceil(Math.ceil(n / BATCH) / CONCURRENCY) * latencyMs;

const cpus = os.cpus();
log(
  `machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average at start ${load()}`,
);
log(`package: ${packageDir}`);
log(
  `sandbox: response time ${latencyMs} ms per /v1 request (its work done within), rate limit off (10,000,000 per minute); ideal for Classifaily = ⌈⌈N/${BATCH}⌉/${CONCURRENCY}⌉ × ${latencyMs} ms`,
);

const sandbox = await startSandboxProcess({ latencyMs, rateLimit: 10_000_000 });
let failed = false;
try {
  await benchCoreAlone();
  for (const version of versions) await benchVersion(version);
} finally {
  await sandbox.close();
}
log(`load average at the end ${load()}`);
if (failed) process.exit(1);

/**
 * Core's classifyMany in this process (Node's fetch, which keeps its connections open), the node's
 * batch size, concurrency and kind of idempotency keys, the bench's texts and categories.
 */
async function benchCoreAlone() {
  const client = new ClassifailyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  log();
  log(`## core's classifyMany alone, no n8n (Node ${process.versions.node})`);
  log();
  log('| items | requests | requests/item | time | ideal | load avg |');
  log('|---|---|---|---|---|---|');
  for (const n of sizes) {
    await sandbox.reset({ schemas: true });
    const items = Array.from({ length: n }, (_, i) => ({ input: TEXTS[i % TEXTS.length] }));
    const loadBefore = load();
    progress(`core alone: ${n} items (load ${loadBefore})`);
    const started = performance.now();
    const outcomes = await client.classifyMany(
      { items, categories: CATEGORIES },
      {
        batchSize: BATCH,
        concurrency: CONCURRENCY,
        // Keys made as the node makes them (a SHA-256 of each batch), new for each run.
        idempotencyKeys: replayKeys({
          platform: 'bench',
          workflow: [String(n), String(Date.now())],
          step: 'classify',
        }).classification,
      },
    );
    const ms = performance.now() - started;
    const stats = await sandbox.stats();
    const classified = outcomes.filter((o) => o.ok && CATEGORIES.includes(o.result.label)).length;
    if (classified !== n || stats.itemsClassified !== n) {
      failed = true;
      progress(
        `FAILED core alone: ${classified} of ${n} classified, the sandbox billed ${stats.itemsClassified}`,
      );
    }
    log(
      `| ${n.toLocaleString('en-US')} | ${stats.total.toLocaleString('en-US')} | ${(stats.total / n).toFixed(3)} | ${seconds(ms)} | ${seconds(idealMs(n))} | ${loadBefore} |`,
    );
  }
}

async function benchVersion(version) {
  progress(`n8n ${version}: preparing (the first run on a machine installs n8n, ~5 min)`);
  const n8n = await N8nInstance.create({ version, packages: [packageDir] });
  try {
    await n8n.importCredentials([
      classifailyCredential(CREDENTIALS.classifaily, sandbox),
      {
        ...CREDENTIALS.header,
        type: 'httpHeaderAuth',
        data: { name: 'Authorization', value: `Bearer ${sandbox.apiKey}` },
      },
    ]);
    await n8n.importWorkflows([
      ...sizes.flatMap((n) => [
        baselineWorkflow(n),
        ...variants.map((variant) => classifailyWorkflow(n, variant)),
      ]),
      ...httpSizes.map((n) => httpRequestWorkflow(n, version, sandbox.url)),
    ]);
    log();
    log(`## n8n ${version} (Node ${n8n.install.nodeVersion})`);
    log();
    log(
      '| items | workflow | requests | requests/item | node executionTime | ideal | whole `n8n execute` | peak RSS n8n | peak RSS task runner | load avg |',
    );
    log('|---|---|---|---|---|---|---|---|---|---|');
    for (const n of [...new Set([...sizes, ...httpSizes])].sort((a, b) => a - b)) {
      const base = sizes.includes(n) ? await measure(n8n, baselineWorkflow(n), n) : undefined;
      const ours = [];
      if (sizes.includes(n))
        for (const variant of variants)
          ours.push({
            variant,
            m: await measure(n8n, classifailyWorkflow(n, variant), n, NODES.classifaily),
          });
      const theirs = httpSizes.includes(n)
        ? await measure(n8n, httpRequestWorkflow(n, version, sandbox.url), n, NODES.http)
        : undefined;
      if (base) row(n, 'Code node only (baseline)', base);
      for (const { variant, m } of ours) row(n, VARIANTS[variant].label, m, idealMs(n));
      if (theirs) row(n, 'HTTP Request, one call per item', theirs, latencyMs, ' (all at once)');
      const plain = ours.find((o) => o.variant === 'plain')?.m;
      if (plain && theirs) {
        log(
          `| ${n.toLocaleString('en-US')} | **ratio HTTP Request ÷ Classifaily** | ${(theirs.requests / plain.requests).toFixed(0)}× | | ${(theirs.nodeMs / plain.nodeMs).toFixed(2)}× | | ${(theirs.wallMs / plain.wallMs).toFixed(2)}× | ${(theirs.memory.n8nMb / plain.memory.n8nMb).toFixed(2)}× | | |`,
        );
      }
    }
  } finally {
    await n8n.dispose();
  }
}

function row(n, what, m, ideal, how = '') {
  const requests = m.node ? m.requests.toLocaleString('en-US') : '–';
  const perItem = m.node ? (m.requests / n).toFixed(3) : '–';
  // Our node's time also as a factor of its ideal (the HTTP Request node's ideal is one latency).
  const factor =
    m.node === NODES.classifaily && ideal ? ` (${(m.nodeMs / ideal).toFixed(2)}×)` : '';
  const nodeTime = m.node ? `${seconds(m.nodeMs)}${factor}` : '–';
  const idealCell = ideal === undefined ? '–' : `${seconds(ideal)}${how}`;
  log(
    `| ${n.toLocaleString('en-US')} | ${what} | ${requests} | ${perItem} | ${nodeTime} | ${idealCell} | ${seconds(m.wallMs)} | ${mb(m.memory.n8nMb)} | ${mb(m.memory.runnerMb)} | ${m.load} |`,
  );
}

/** One `n8n execute` of the workflow, with the sandbox's counters reset before it. */
async function measure(n8n, workflow, n, classifyingNode) {
  await sandbox.reset({ schemas: true });
  const loadBefore = load();
  progress(`n8n ${n8n.install.version}: ${workflow.name} (load ${loadBefore})`);
  let sampler;
  const result = await n8n.execute(workflow.id, 30 * 60_000, (pid) => {
    sampler = sampleProcessTree(pid);
  });
  const memory = sampler.stop();
  const stats = await sandbox.stats();
  const problems = [];
  if (!result.ok) problems.push(`the run failed: ${result.error?.message}`);
  const items = result.runData[NODES.items]?.[0]?.outputs[0]?.length ?? 0;
  if (items !== n) problems.push(`${NODES.items} made ${items} items, not ${n}`);
  let nodeMs = 0;
  if (classifyingNode) {
    const run = result.runData[classifyingNode]?.[0];
    const out = run?.outputs[0] ?? [];
    nodeMs = run?.executionTimeMs ?? NaN;
    const label = (json) =>
      (classifyingNode === NODES.http ? json.result : json.classification)?.label;
    const classified = out.filter(({ json }) => CATEGORIES.includes(label(json))).length;
    if (out.length !== n) problems.push(`${classifyingNode}: ${out.length} items out of ${n} in`);
    if (classified !== n) problems.push(`${classifyingNode}: ${classified} of ${n} classified`);
    if (classifyingNode === NODES.classifaily) {
      const misplaced = out.filter(({ json }, i) => json.ticket !== `T-${i + 1}`).length;
      if (misplaced) problems.push(`${classifyingNode}: ${misplaced} items out of order`);
    }
    if (stats.itemsClassified !== n)
      problems.push(`the sandbox classified ${stats.itemsClassified} items, not ${n}`);
    const errors = Object.entries(stats.byStatus).filter(([status]) => status !== '200');
    if (errors.length) problems.push(`the sandbox answered ${JSON.stringify(stats.byStatus)}`);
  }
  if (problems.length) {
    failed = true;
    progress(`FAILED ${workflow.name}:\n  ${problems.join('\n  ')}`);
  }
  progress(
    `  ${seconds(result.wallMs)}, execute's output ${(result.stdout.length / 2 ** 20).toFixed(1)} MB, requests ${JSON.stringify(stats.byOperation)}`,
  );
  return {
    requests: stats.total,
    nodeMs,
    wallMs: result.wallMs,
    memory,
    load: loadBefore,
    node: classifyingNode,
  };
}
