// Runs core's built dist in a fresh `node` (child.cjs) and reads what it printed. A child that
// neither prints nor exits within the deadline is killed and reported as hung; the deadline only
// catches a hang, it does not measure speed.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
export const DIST = path.join(root, 'dist/index.js');
const CHILD = path.join(__dirname, 'child.cjs');

export interface ChildError {
  name: string;
  classifaily?: boolean;
  message: string;
  hint?: string;
  code?: string;
  status?: number;
  requestId?: string;
  retryable?: boolean;
  retryAfterMs?: number;
  fieldErrors?: Array<{ field: string; code: string; message: string }>;
  formatted?: string;
  inspected?: string;
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  hung: boolean;
  stdout: string;
  stderr: string;
  /** The one line the child printed, parsed; undefined when it printed none. */
  printed?: ({ result: unknown } | { error: ChildError }) & { node: string; maxRssKb: number };
}

export interface Scenario {
  call: 'classify' | 'classifyBatch' | 'classifyMany' | 'me' | 'queue';
  baseUrl: string;
  client?: Record<string, unknown>;
  args?: unknown[];
  abortAfterMs?: number;
  /** Abort this many ms after the client's first `retry` event (during its wait). */
  abortInWaitMs?: number;
}

export function runInChild(
  node: string,
  scenario: Scenario,
  deadlineMs = 90_000,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [CHILD], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(JSON.stringify({ ...scenario, dist: DIST }));
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      const printed = lines.length === 1 ? JSON.parse(lines[0]!) : undefined;
      resolve({ code, signal, hung, stdout, stderr, printed });
    });
  });
}

/** The child's result, failing with everything it printed when it ended without one. */
export function resultOf(run: ChildRun): unknown {
  const printed = settled(run);
  if (!('result' in printed))
    throw new Error(`the child failed: ${JSON.stringify(printed.error, null, 2)}`);
  return printed.result;
}

/** The child's typed error, failing when it printed a result or nothing. */
export function errorOf(run: ChildRun): ChildError {
  const printed = settled(run);
  if (!('error' in printed))
    throw new Error(`the child succeeded: ${JSON.stringify(printed.result).slice(0, 500)}`);
  return printed.error;
}

function settled(run: ChildRun) {
  if (run.hung || run.code !== 0 || !run.printed)
    throw new Error(
      `the child ${run.hung ? 'hung and was killed' : `exited with ${run.code ?? run.signal}`} ` +
        `having printed ${run.printed ? 'one line' : 'no result and no error'}.\n` +
        `stdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`,
    );
  return run.printed;
}

/** Builds core's dist when a source file is newer than it (turbo builds before testing anyway). */
export function ensureDistBuilt(): void {
  const built = fs.existsSync(DIST) ? fs.statSync(DIST).mtimeMs : 0;
  const newest = Math.max(
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
    ...walk(path.join(root, 'src')).map((file) => fs.statSync(file).mtimeMs),
  );
  if (newest <= built) return;
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
}
