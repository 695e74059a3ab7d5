// Items per second through real n8n 2.x: one process (regular mode) against queue mode with 1, 2
// and 4 workers, on the scale suite's workflow (Webhook → Execution Data → Split Out → Classifaily
// → Respond), against the sandbox with a fixed latency on every request. Each run fires CALLS
// webhook calls of ITEMS tickets at once and times them from the first call to the last answer;
// once with the sandbox's rate limit off, once with RATE_LIMIT requests a second for the key.
// Prints each run next to the ideal that the rate limit and the node's concurrency set.
//
//   pnpm --filter n8n-nodes-classifaily bench:queue      # after pnpm build; ~6 min on 2 cores
//   LATENCY_MS=50 CALLS=20 ITEMS=500 WORKERS=1,2,4 RATE_LIMIT=20 …
//
// Runs on Node 24 (the `node24` devDependency) and imports the TypeScript harness through Node's
// type stripping, like bench/run.mjs. Each run is checked (every item answered in order, the
// sandbox billed each item once); a failed check exits 1.
import os from 'node:os';

import { PACKAGE_ROOT } from '../test/harness/n8n.ts';
import { QueueModeCluster } from '../test/harness/queue-mode.ts';
import { startSandboxProcess } from '../test/harness/sandbox-process.ts';
import { credential, queueWorkflow, tickets } from '../test/scale/fixtures.ts';

const BATCH = 25; // the node's default Batch Size
const CONCURRENCY = 4; // the node's default Concurrency
const WORKER_CONCURRENCY = 10; // n8n's default `n8n worker --concurrency`
const VERSION = process.env.CLASSIFAILY_N8N_VERSION ?? '2.40.7';
const latencyMs = Number(process.env.LATENCY_MS ?? 50);
const calls = Number(process.env.CALLS ?? 20);
const items = Number(process.env.ITEMS ?? 500);
const workerCounts = (process.env.WORKERS ?? '1,2,4').split(',').map(Number);
const rateLimit = Number(process.env.RATE_LIMIT ?? 20); // requests per second per key

const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line) => process.stderr.write(`[bench:queue] ${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const SANDBOXES = {
  open: { id: 'cfyBenchQueue001', name: 'Classifaily (bench, no limit)' },
  limited: { id: 'cfyBenchQueue002', name: 'Classifaily (bench, rate limited)' },
};
const WORKFLOWS = {
  open: queueWorkflow({ id: 'cfyBenchFlowOpen', path: 'bench', credential: SANDBOXES.open }),
  limited: queueWorkflow({
    id: 'cfyBenchFlowLimt',
    path: 'bench-limited',
    credential: SANDBOXES.limited,
  }),
};

/** The network-bound ideal: waves of executions, each ⌈⌈items/batch⌉/concurrency⌉ round trips. */
function concurrencyIdeal(parallel) {
  const perExecutionS = (Math.ceil(Math.ceil(items / BATCH) / CONCURRENCY) * latencyMs) / 1000;
  return (calls * items) / (Math.ceil(calls / parallel) * perExecutionS);
}
const rateIdeal = rateLimit * BATCH; // items a second the key's limit lets through

const cpus = os.cpus();
log(
  `machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average (1, 5, 15 min) at start ${load()}`,
);
log(
  `n8n ${VERSION}; per run ${calls} webhook calls at once × ${items} items = ${fmt(calls * items)} items; sandbox latency ${latencyMs} ms per request; node defaults (batch ${BATCH}, concurrency ${CONCURRENCY}); workers at --concurrency=${WORKER_CONCURRENCY}`,
);

const [open, limited] = await Promise.all([
  startSandboxProcess({ latencyMs }),
  startSandboxProcess({ latencyMs, rateLimit, rateLimitWindowMs: 1_000 }),
]);
const sandboxes = { open, limited };
const rows = [];
let failed = false;

try {
  progress('single process (EXECUTIONS_MODE=regular)');
  await withCluster('regular', async (cluster) => {
    await measure(cluster, 'one process (regular mode)', calls);
  });
  progress('queue mode');
  await withCluster('queue', async (cluster) => {
    for (const count of workerCounts) {
      while (cluster.workers.size < count)
        await cluster.startWorker(`w${cluster.workers.size + 1}`, {
          concurrency: WORKER_CONCURRENCY,
        });
      await measure(
        cluster,
        `queue mode, ${count} worker${count > 1 ? 's' : ''}`,
        count * WORKER_CONCURRENCY,
      );
    }
  });
} finally {
  await Promise.all([open.close(), limited.close()]);
}

log(`load average at the end ${load()}`);
log();
log(
  `| setup | sandbox rate limit | items/s | wall time | ideal items/s (limit, concurrency) | of ideal | 429s | executions per worker |`,
);
log(`|---|---|---|---|---|---|---|---|`);
for (const r of rows) {
  log(
    `| ${r.setup} | ${r.limit} | ${fmt(r.itemsPerS)} | ${fmt(r.wallS, 2)} s | ${fmt(r.ideal)} (${r.bound}) | ${fmt(r.share * 100)} % | ${fmt(r.throttled)} | ${r.perWorker} |`,
  );
}
process.exit(failed ? 1 : 0);

async function withCluster(mode, body) {
  const cluster = await QueueModeCluster.create({
    version: VERSION,
    packages: [PACKAGE_ROOT],
    executionsMode: mode,
  });
  try {
    await cluster.importCredentials([
      credential(SANDBOXES.open, open.url, open.apiKey),
      credential(SANDBOXES.limited, limited.url, limited.apiKey),
    ]);
    await cluster.importAndPublish(Object.values(WORKFLOWS));
    await cluster.startMain();
    for (const wf of Object.values(WORKFLOWS))
      await cluster.untilWebhookRegistered(wf.nodes[0].parameters.path);
    await body(cluster);
  } finally {
    await cluster.stop();
  }
}

/** One setup, rate limit off then on; `parallel` = executions that can run at once. */
async function measure(cluster, setup, parallel) {
  for (const kind of ['open', 'limited']) {
    const sandbox = sandboxes[kind];
    const path = WORKFLOWS[kind].nodes[0].parameters.path;
    // Warm-up: one small call, so that the first measured run does not pay n8n's first-run costs.
    await cluster.callWebhook(path, { tickets: tickets('warm', BATCH) });
    await sandbox.reset();
    const before = await countExecutions(cluster);
    progress(`${setup}, ${kind}: load ${load()}`);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: calls }, async (_, c) => {
        const list = tickets(`${kind}${c}`, items);
        return { list, ...(await cluster.callWebhook(path, { tickets: list })) };
      }),
    );
    const wallS = (performance.now() - started) / 1000;
    const stats = await sandbox.stats();
    const problems = check(answers, stats);
    if (problems.length) {
      failed = true;
      progress(`${setup}, ${kind}: FAILED ${problems.join('; ')}`);
    }
    const concurrency = concurrencyIdeal(Math.min(calls, parallel));
    const limitedRun = kind === 'limited';
    const ideal = limitedRun ? Math.min(rateIdeal, concurrency) : concurrency;
    const itemsPerS = (calls * items) / wallS;
    rows.push({
      setup,
      limit: limitedRun ? `${rateLimit}/s (${fmt(rateIdeal)} items/s)` : 'off',
      itemsPerS,
      wallS,
      ideal,
      bound: limitedRun && rateIdeal < concurrency ? 'rate limit' : 'concurrency',
      share: itemsPerS / ideal,
      throttled: stats.byStatus['429'] ?? 0,
      perWorker: await perWorker(cluster, before),
    });
  }
}

function check(answers, stats) {
  const problems = [];
  for (const a of answers) {
    const ok =
      a.status === 200 &&
      Array.isArray(a.body) &&
      a.body.length === a.list.length &&
      a.body.every((item, i) => item.id === a.list[i].id && item.classification?.label);
    if (!ok) problems.push(`a call answered ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
  }
  if (stats.itemsClassified !== calls * items)
    problems.push(`the sandbox classified ${stats.itemsClassified} items`);
  if (stats.itemsClassifiedAgain !== 0)
    problems.push(`${stats.itemsClassifiedAgain} items classified twice`);
  return problems;
}

async function countExecutions(cluster) {
  const [row] = await cluster.postgres.rows('SELECT count(*)::int AS n FROM execution_entity');
  return row.n;
}

/**
 * Executions of the last run per worker, from Postgres (the workflow's Execution Data row); waits
 * for the rows of the run's executions, which a worker may write just after the webhook answered.
 */
async function perWorker(cluster, before) {
  const query = () =>
    cluster.postgres.rows(
      `SELECT coalesce(m.value, 'unrecorded') AS worker, count(*)::int AS n
         FROM (SELECT id FROM execution_entity ORDER BY id OFFSET $1) e
         LEFT JOIN execution_metadata m ON m."executionId" = e.id AND m.key = 'worker'
        GROUP BY 1 ORDER BY 1`,
      [before],
    );
  let rows = await query();
  for (let tries = 0; rows.some((r) => r.worker === 'unrecorded') && tries < 40; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    rows = await query();
  }
  return rows.map((r) => `${r.worker} ${r.n}`).join(', ');
}
