/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest. */
// n8n at scale, for real: n8n 2.x `start` in queue mode with Redis (Debian's) and Postgres 17, and
// `n8n worker` processes with our node in their custom-nodes folders, as a user runs them. A
// Webhook workflow (answer when the last node finishes) classifies 500 tickets a call against the
// real sandbox. Cases: 20 calls at once over two workers; the same load under a rate limit they
// share; a worker killed mid-run; the credential in workers, and a worker with another key.
// What is counted comes from the sandbox (requests, billed items, idempotency keys) and from
// Postgres (n8n's execution records). See docs/decisions/0210–0212.
import fs from 'node:fs';
import path from 'node:path';

import { classify as sandboxClassify } from '@classifaily/sandbox';

import { PACKAGE_ROOT } from '../harness/n8n.ts';
import { QueueModeCluster } from '../harness/queue-mode.ts';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process.ts';
import { waitFor } from '../harness/services.ts';
import {
  CATEGORIES,
  credential,
  queueWorkflow,
  tickets,
  WORKER_KEY,
  type Ticket,
} from './fixtures.ts';

/** Queue mode is tested on the pinned 2.x line. */
const VERSION = (
  JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'scripts', 'n8n-versions.json'), 'utf8')) as {
    pinned: string[];
  }
).pinned.find((v) => v.startsWith('2.'))!;

const CATEGORY_SPECS = CATEGORIES.map((name) => ({ name }));
const CALLS = 20;
const ITEMS = 500;
const BATCHES_PER_CALL = ITEMS / 25; // the node's default batch size

// A cold n8n install alone takes minutes; each n8n boot ~10–20 s on 2 busy cores.
const SETUP_TIMEOUT_MS = 50 * 60_000;
const CASE_TIMEOUT_MS = 15 * 60_000;

const CREDENTIALS = {
  open: { id: 'cfyQueueOpen0001', name: 'Classifaily (queue mode)' },
  limited: { id: 'cfyQueueLimit001', name: 'Classifaily (queue mode, rate limited)' },
  slow: { id: 'cfyQueueSlow0001', name: 'Classifaily (queue mode, slow)' },
};
const WORKFLOWS = {
  open: queueWorkflow({ id: 'cfyFlowOpen00001', path: 'tickets', credential: CREDENTIALS.open }),
  limited: queueWorkflow({
    id: 'cfyFlowLimit0001',
    path: 'tickets-limited',
    credential: CREDENTIALS.limited,
  }),
  slow: queueWorkflow({
    id: 'cfyFlowSlow00001',
    path: 'tickets-slow',
    credential: CREDENTIALS.slow,
  }),
};

interface Call {
  tickets: Ticket[];
  status: number;
  body: unknown;
}

interface ExecutionRow {
  id: number;
  status: string;
  finished: boolean;
  worker: string | null;
}

describe(`n8n ${VERSION} in queue mode (Redis, Postgres, workers)`, () => {
  let cluster: QueueModeCluster;
  // One sandbox per behaviour, each with its own credential and workflow, so its counters hold
  // one case: no limit; a rate limit shared by every worker (10 requests a second per key); 300 ms
  // on every request (executions long enough to kill a worker in the middle of them).
  let open: SandboxProcess;
  let limited: SandboxProcess;
  let slow: SandboxProcess;

  beforeAll(async () => {
    [open, limited, slow] = await Promise.all([
      startSandboxProcess(),
      startSandboxProcess({ rateLimit: 10, rateLimitWindowMs: 1_000 }),
      startSandboxProcess({ latencyMs: 300 }),
    ]);
    cluster = await QueueModeCluster.create({ version: VERSION, packages: [PACKAGE_ROOT] });
    await cluster.importCredentials([
      credential(CREDENTIALS.open, open.url, open.apiKey),
      credential(CREDENTIALS.limited, limited.url, limited.apiKey),
      credential(CREDENTIALS.slow, slow.url, slow.apiKey),
    ]);
    await cluster.importAndPublish(Object.values(WORKFLOWS));
    await cluster.startMain();
    for (const wf of Object.values(WORKFLOWS))
      await cluster.untilWebhookRegistered(webhookPath(wf));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await cluster?.stop();
    await Promise.all([open?.close(), limited?.close(), slow?.close()]);
  }, 2 * 60_000);

  /** `CALLS` webhook calls at once, each with `ITEMS` tickets whose texts are unique in the run. */
  async function load(workflow: typeof WORKFLOWS.open, run: string): Promise<Call[]> {
    return Promise.all(
      Array.from({ length: CALLS }, async (_, c) => {
        const list = tickets(`${run}${c + 1}`, ITEMS);
        const answer = await cluster.callWebhook(webhookPath(workflow), { tickets: list });
        return { tickets: list, ...answer };
      }),
    );
  }

  /** Every ticket answered, in order, with the label the sandbox's own classifier gives it. */
  function expectClassified(call: Call): void {
    expect({
      status: call.status,
      count: Array.isArray(call.body) ? call.body.length : call.body,
    }).toEqual({ status: 200, count: ITEMS });
    const answers = call.body as Array<{ id: string; classification: { label: string } }>;
    expect(answers.map((a) => a.id)).toEqual(call.tickets.map((t) => t.id));
    expect(answers.map((a) => a.classification.label)).toEqual(
      call.tickets.map((t) => sandboxClassify(t.text, CATEGORY_SPECS, false).label),
    );
  }

  /**
   * The executions of a case once each has recorded its worker (a worker may write that row just
   * after the webhook answered).
   */
  async function recorded(
    workflow: typeof WORKFLOWS.open,
    before: number,
  ): Promise<ExecutionRow[]> {
    let runs: ExecutionRow[] = [];
    await waitFor(
      `${CALLS} executions with their worker in Postgres`,
      async () => {
        runs = (await executions(workflow)).slice(before);
        return runs.length === CALLS && runs.every((r) => r.worker);
      },
      { timeoutMs: 60_000 },
    );
    return runs;
  }

  /** n8n's execution records of one workflow, with the worker each ran on (execution_metadata). */
  function executions(workflow: typeof WORKFLOWS.open): Promise<ExecutionRow[]> {
    return cluster.postgres.rows<ExecutionRow>(
      `SELECT e.id, e.status, e.finished, m.value AS worker
         FROM execution_entity e
         LEFT JOIN execution_metadata m ON m."executionId" = e.id AND m.key = $1
        WHERE e."workflowId" = $2
        ORDER BY e.id`,
      [WORKER_KEY, workflow.id],
    );
  }

  it(
    'case 4: a worker without the shared N8N_ENCRYPTION_KEY does not start (n8n checks the key at boot)',
    async () => {
      await expect(
        cluster.startWorker('stranger', {
          env: { N8N_ENCRYPTION_KEY: 'not-the-key-the-main-encrypted-with' },
        }),
      ).rejects.toThrow(/cannot be read with this instance encryption key/);
      expect(cluster.workers.get('stranger')?.daemon.child.exitCode).toBe(1);
      await cluster.stopWorker('stranger');
    },
    CASE_TIMEOUT_MS,
  );

  describe('with two workers', () => {
    beforeAll(async () => {
      await Promise.all([cluster.startWorker('w1'), cluster.startWorker('w2')]);
    }, SETUP_TIMEOUT_MS);

    it(
      'case 1: 20 calls at once, 500 items each: every call answered in order, 20 × 20 batch requests, both workers ran executions with the credential decrypted',
      async () => {
        await open.reset();
        const before = (await executions(WORKFLOWS.open)).length;
        const calls = await load(WORKFLOWS.open, 'a');
        for (const call of calls) expectClassified(call);

        const stats = await open.stats();
        expect(stats.byOperation).toEqual({ classifyBatch: CALLS * BATCHES_PER_CALL });
        expect(stats.byStatus).toEqual({ '200': CALLS * BATCHES_PER_CALL });
        expect(stats).toMatchObject({ itemsClassified: CALLS * ITEMS, itemsClassifiedAgain: 0 });
        const runs = await recorded(WORKFLOWS.open, before);
        expect(runs).toHaveLength(CALLS);
        expect(runs.every((r) => r.status === 'success' && r.finished)).toBe(true);
        // Each worker decrypted the credential: its executions succeeded against the sandbox,
        // which answers only the key (every request above was a 200).
        const byWorker = countBy(runs.map((r) => r.worker ?? 'none'));
        expect(Object.keys(byWorker).sort()).toEqual(['w1', 'w2']);
        report(`case 1: executions per worker ${JSON.stringify(byWorker)}`);
      },
      CASE_TIMEOUT_MS,
    );

    it(
      'case 4: the credential is stored encrypted in Postgres and its key is in no log',
      async () => {
        const stored = await cluster.postgres.rows<{ id: string; data: string }>(
          `SELECT id, data FROM credentials_entity`,
        );
        expect(stored.map((c) => c.id).sort()).toEqual(
          Object.values(CREDENTIALS)
            .map((c) => c.id)
            .sort(),
        );
        const keys = [open.apiKey, limited.apiKey, slow.apiKey];
        for (const { data } of stored) for (const key of keys) expect(data).not.toContain(key);
        const logs = [cluster.mainProcess!, ...cluster.workers.values()].map((p) =>
          fs.readFileSync(p.daemon.logFile, 'utf8'),
        );
        for (const log of logs) for (const key of keys) expect(log).not.toContain(key);
      },
      CASE_TIMEOUT_MS,
    );

    it(
      'case 2: the same load under one rate limit shared by both workers: 429s, no item lost, none billed twice, every execution finishes',
      async () => {
        await limited.reset();
        const before = (await executions(WORKFLOWS.limited)).length;
        const calls = await load(WORKFLOWS.limited, 'b');
        for (const call of calls) expectClassified(call);

        const stats = await limited.stats();
        expect(stats.byStatus['429']).toBeGreaterThan(0); // the limit did bite
        expect(stats).toMatchObject({
          itemsClassified: CALLS * ITEMS,
          itemsClassifiedAgain: 0,
          // One billed request per batch; whatever was sent again carried the same key.
          idempotency: { applied: CALLS * BATCHES_PER_CALL, reused: 0 },
        });
        const runs = await recorded(WORKFLOWS.limited, before);
        expect(runs).toHaveLength(CALLS);
        expect(runs.every((r) => r.status === 'success' && r.finished)).toBe(true);
        report(
          `case 2: ${stats.byStatus['429']} answers 429 over ${stats.byStatus['200']} 200s; ` +
            `executions per worker ${JSON.stringify(countBy(runs.map((r) => r.worker ?? 'none')))}`,
        );
      },
      CASE_TIMEOUT_MS,
    );

    it(
      'case 3: a worker killed (SIGKILL) mid-run: every call gets an answer, every execution ends, no item billed twice',
      async () => {
        await slow.reset();
        const before = (await executions(WORKFLOWS.slow)).length;
        // What each worker logged from here on ("Worker started execution N"); the logs stay in
        // the cluster's folder after a worker is gone.
        const logs = ['w1', 'w2'].map((name) => {
          const file = cluster.workers.get(name)!.daemon.logFile;
          return { file, from: fs.statSync(file).size };
        });
        const startedOn = (worker: number) =>
          [
            ...fs
              .readFileSync(logs[worker]!.file, 'utf8')
              .slice(logs[worker]!.from)
              .matchAll(/Worker started execution (\d+)/g),
          ].map((m) => Number(m[1]));

        const loading = load(WORKFLOWS.slow, 'c');
        // In the middle: w2 is running executions and the sandbox is answering their batches.
        await waitFor(
          'w2 runs executions that are sending batches',
          async () => startedOn(1).length > 0 && (await slow.stats()).total >= 8,
          { timeoutMs: 5 * 60_000, intervalMs: 100 },
        );
        await cluster.stopWorker('w2', 'SIGKILL');
        const startedOnW2 = startedOn(1);
        const calls = await loading;

        // n8n finds the killed worker's jobs stalled and fails them; wait until it has recorded so.
        let runs: ExecutionRow[] = [];
        await waitFor(
          'every execution has ended in Postgres',
          async () => {
            runs = (await executions(WORKFLOWS.slow)).slice(before);
            return (
              runs.length === CALLS && runs.every((r) => !['new', 'running'].includes(r.status))
            );
          },
          { timeoutMs: 5 * 60_000 },
        );
        const succeeded = calls.filter((c) => c.status === 200);
        const failed = calls.filter((c) => c.status !== 200);
        const ok = runs.filter((r) => r.status === 'success');
        const lost = runs.filter((r) => r.status !== 'success');
        const stats = await slow.stats();
        const [lostData] = lost.length
          ? await cluster.postgres.rows<{ data: string }>(
              `SELECT data FROM execution_data WHERE "executionId" = $1`,
              [lost[0]!.id],
            )
          : [];
        report(
          `case 3: killed w2 while executions ${startedOnW2.join(', ')} had started on it; ` +
            `calls answered ${JSON.stringify(countBy(calls.map((c) => String(c.status))))}, ` +
            `a failed answer: ${JSON.stringify(failed[0]?.body)}; ` +
            `Postgres: ${JSON.stringify(runs.map((r) => [r.id, r.status, r.worker]))}; ` +
            `n8n's error: ${/This execution failed[^"]*/.exec(lostData?.data ?? '')?.[0] ?? lostData?.data.slice(0, 600)}; ` +
            `sandbox: ${JSON.stringify(stats)}`,
        );

        for (const call of succeeded) expectClassified(call);
        expect(ok).toHaveLength(succeeded.length);
        expect(lost).toHaveLength(failed.length);
        // The kill hit w2's executions in flight, and n8n ran none of them again on w1.
        expect(lost.filter((r) => startedOnW2.includes(r.id)).length).toBeGreaterThan(0);
        expect(lost.filter((r) => startedOn(0).includes(r.id))).toEqual([]);
        // The finished calls were billed in full, the killed ones at most in full; none twice.
        expect(stats.itemsClassifiedAgain).toBe(0);
        expect(stats.idempotency.reused).toBe(0);
        expect(stats.itemsClassified).toBeGreaterThanOrEqual(succeeded.length * ITEMS);
        expect(stats.itemsClassified).toBeLessThanOrEqual(CALLS * ITEMS);
      },
      CASE_TIMEOUT_MS,
    );
  });
});

function webhookPath(workflow: typeof WORKFLOWS.open): string {
  const webhook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook')!;
  return (webhook.parameters as { path: string }).path;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** What happened, for the CI log (Jest shows test names only). */
function report(line: string): void {
  process.stderr.write(`[queue mode] ${line}\n`);
}
