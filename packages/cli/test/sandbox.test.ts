// The plumbing against the real sandbox over HTTP on 127.0.0.1, its counters as the bill: how many
// requests, how many texts billed, a re-run billed nothing, an interrupted run (killed, or stopped
// with Ctrl-C) resumed and every text billed once. The figures are held against the sandbox's own
// answers, asked for separately and computed the plain way (helpers/oracle.ts): no test here
// depends on which label the sandbox gives to which text.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ClassifailyClient } from '@classifaily/core';
import { startSandbox, type Sandbox } from '@classifaily/sandbox';
import { SUPPORT, tickets, writeCsv, type Ticket } from './helpers/labelled';
import { closeTo, oracle } from './helpers/oracle';
import { CLI, progressFiles, runCli, tempDir } from './helpers/run-cli';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanUp());

const evaluate = (
  sandbox: Sandbox,
  file: string,
  more: string[] = [],
  started?: (c: ChildProcess) => void,
) =>
  runCli(
    ['evaluate', file, '--categories', SUPPORT.join(','), '--base-url', sandbox.url, ...more],
    {
      env: { CLASSIFAILY_API_KEY: sandbox.apiKey, XDG_CACHE_HOME: temp.dir, HOME: temp.dir },
      started,
    },
  );

/** What the sandbox itself answers for these texts, asked for apart from the command. */
async function sandboxAnswers(sandbox: Sandbox, rows: readonly Ticket[]) {
  const client = new ClassifailyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  const outcomes = await client.classifyMany({
    items: rows.map((r) => ({ input: r.text })),
    categories: SUPPORT,
  });
  return outcomes.map((outcome, i) => {
    if (!outcome.ok) throw outcome.error;
    return {
      expected: rows[i]!.label,
      predicted: outcome.result.label,
      confidence: outcome.result.confidence,
    };
  });
}

describe('against the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ faults: true });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it("each number is the one the sandbox's own answers give; 230 texts in 10 requests, billed once; a re-run billed 0", async () => {
    const rows = tickets(230);
    const file = writeCsv(path.join(temp.dir, 'tickets.csv'), rows);
    const first = await evaluate(sandbox, file, ['--json']);
    expect(first.code).toBe(0);
    let stats = sandbox.stats();
    expect(stats.byPath['/v1/classify/batch']).toBe(10);
    expect(stats.itemsClassified).toBe(230);

    const again = await evaluate(sandbox, file, ['--json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    stats = sandbox.stats();
    expect(stats.byPath['/v1/classify/batch']).toBe(20);
    expect(stats.idempotency.replayed).toBe(10);
    expect(stats.itemsClassified).toBe(230);
    expect(stats.itemsClassifiedAgain).toBe(0);

    const json = JSON.parse(first.stdout);
    const expected = oracle(await sandboxAnswers(sandbox, rows), SUPPORT, 0.95);
    expect(json).toEqual(closeTo(expected));
    // The set is not trivial: mistakes, and more than one threshold row with something acted on.
    expect(json.accuracy).toBeLessThan(1);
    expect(
      new Set(json.thresholds.map((r: { coverage: number }) => r.coverage)).size,
    ).toBeGreaterThan(3);
  });

  it('--sandbox needs no key and gives the same figures as the sandbox over --base-url', async () => {
    const rows = tickets(40, 5);
    const file = writeCsv(path.join(temp.dir, 'tickets.csv'), rows);
    const local = await runCli(
      ['evaluate', file, '--categories', SUPPORT.join(','), '--sandbox', '--json'],
      {
        env: { XDG_CACHE_HOME: temp.dir, HOME: temp.dir },
      },
    );
    expect(local.stderr).toBe('Classified 40 of 40 texts (100%)\n');
    expect(local.code).toBe(0);
    const remote = await evaluate(sandbox, file, ['--json']);
    expect(local.stdout).toBe(remote.stdout);
    const summary = await runCli(
      ['evaluate', file, '--categories', SUPPORT.join(','), '--sandbox'],
      {
        env: { XDG_CACHE_HOME: temp.dir, HOME: temp.dir },
      },
    );
    expect(summary.stdout).toContain('classified by the local sandbox (not Classifaily’s model)');
  });

  it('a progress line per whole percent when stderr is not a terminal; a bar when it is', async () => {
    const file = writeCsv(path.join(temp.dir, 'tickets.csv'), tickets(300));
    const plain = await evaluate(sandbox, file, ['--json']);
    expect(plain.stderr).toBe(
      'Classified 100 of 300 texts (33%)\nClassified 200 of 300 texts (66%)\nClassified 300 of 300 texts (100%)\n',
    );
    // A real terminal: util-linux `script` runs the command on a pseudo-terminal (asynchronously:
    // the sandbox answers from this process).
    const command = [
      CLI,
      'evaluate',
      file,
      '--categories',
      SUPPORT.join(','),
      '--base-url',
      sandbox.url,
      '--json',
    ]
      .map((arg) => `'${arg}'`)
      .join(' ');
    const tty = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(
        'script',
        ['-qec', `'${process.execPath}' ${command} >/dev/null`, '/dev/null'],
        {
          env: {
            PATH: process.env.PATH,
            CLASSIFAILY_API_KEY: sandbox.apiKey,
            XDG_CACHE_HOME: temp.dir,
            HOME: temp.dir,
            TERM: 'xterm',
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout }));
    });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/Classifying \[█+\] 100% \| 300\/300 texts/);
    expect(tty.stdout).not.toContain('Classified 100 of 300');
  });
});

describe('an interrupted run', () => {
  // Every answer 300 ms after its request: a run of 500 texts takes five rounds, time to stop it.
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ faults: true, latencyMs: 300 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  /** Starts a run and stops it with `signal` once its progress file holds at least one round. */
  async function interrupted(file: string, signal: NodeJS.Signals) {
    let poll: NodeJS.Timeout | undefined;
    const run = await evaluate(sandbox, file, ['--json'], (child) => {
      poll = setInterval(() => {
        const [kept] = progressFiles(temp.dir);
        if (kept && kept.answers.some((a) => a !== null)) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 20);
    });
    clearInterval(poll);
    const [kept] = progressFiles(temp.dir);
    return { run, kept: kept!.answers.filter((a) => a !== null).length };
  }

  it('killed: the progress file is whole; the next run goes on from it, and every text is billed once', async () => {
    const rows = tickets(500, 11);
    const file = writeCsv(path.join(temp.dir, 'tickets.csv'), rows);
    const { run, kept } = await interrupted(file, 'SIGKILL');
    expect(run.signal).toBe('SIGKILL');
    expect(kept % 100).toBe(0); // whole rounds
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(500);

    const resumed = await evaluate(sandbox, file, ['--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(
      `Resuming: ${kept} of 500 texts were classified by an earlier run`,
    );
    expect(JSON.parse(resumed.stdout).n).toBe(500);
    const stats = sandbox.stats();
    expect(stats.itemsClassified).toBe(500);
    expect(stats.itemsClassifiedAgain).toBe(0);
    expect(progressFiles(temp.dir)).toEqual([]);
    expect(JSON.parse(resumed.stdout)).toEqual(
      closeTo(oracle(await sandboxAnswers(sandbox, rows), SUPPORT, 0.95)),
    );
  });

  it('stopped with Ctrl-C: exit 130, what is kept and how to go on; then resumed', async () => {
    const file = writeCsv(path.join(temp.dir, 'tickets.csv'), tickets(500, 12));
    const { run, kept } = await interrupted(file, 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(
      new RegExp(
        `classifaily: Stopped: ${kept} of 500 texts are classified and kept in .*\\.json\\.\\nRun the same command again to go on from there`,
      ),
    );
    const resumed = await evaluate(sandbox, file, ['--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`Resuming: ${kept} of 500 texts`);
    expect(sandbox.stats().itemsClassified).toBe(500);
    expect(sandbox.stats().itemsClassifiedAgain).toBe(0);
  });
});
