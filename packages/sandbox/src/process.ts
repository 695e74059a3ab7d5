// The sandbox in a child process, driven over HTTP: for code that runs on another Node than the one
// that ran `pnpm install` (the Zapier CLI on Node 22, n8n on Node 24), where the sandbox's native
// SQLite module (better-sqlite3, built for the installing Node's ABI) cannot load in-process.
// Import it as `@classifaily/sandbox/process`: it loads nothing native itself.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { FaultSpec } from './faults';
import type { SandboxStats } from './stats';

export interface SandboxProcessOptions {
  /** Every /v1 request is answered this many ms after it arrived (its work done within). */
  latencyMs?: number;
  /** Requests per key per window. Default: high enough never to throttle a test (1,000,000). */
  rateLimit?: number;
  /** The rate limit's window in ms. Default 60,000 (a minute). */
  rateLimitWindowMs?: number;
  /** Further CLI arguments. */
  args?: string[];
  /**
   * close() sends SIGTERM, waits at most this long for the child to exit, then kills it (SIGKILL).
   * Default 10,000 ms: longer than the sandbox's own shutdown grace (5 s).
   */
  stopTimeoutMs?: number;
}

/** startSandbox()'s shape, with the control calls made over HTTP (so they are async). */
export interface SandboxProcess {
  url: string;
  apiKey: string;
  revokedKey: string;
  readOnlyKey: string;
  pid: number;
  stats(): Promise<SandboxStats>;
  /** Replaces the active faults. */
  setFaults(faults: FaultSpec | FaultSpec[]): Promise<void>;
  clearFaults(): Promise<void>;
  reset(options?: { schemas?: boolean }): Promise<void>;
  close(): Promise<void>;
}

const CLI = path.join(__dirname, 'cli.js');
let chosenNode: string | undefined;

/**
 * A node binary that can load the sandbox's native SQLite build: `CLASSIFAILY_SANDBOX_NODE`, the Node
 * that runs pnpm (`npm_node_execpath`), this one, then every `node` on PATH — the first that passes
 * a probe that opens an in-memory database.
 */
export function sandboxNode(): string {
  if (chosenNode) return chosenNode;
  const candidates = [
    process.env.CLASSIFAILY_SANDBOX_NODE,
    process.env.npm_node_execpath,
    process.execPath,
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => dir && path.join(dir, 'node')),
  ].filter((file): file is string => Boolean(file) && existsSync(file as string));
  const probe = `new (require(require.resolve('better-sqlite3', { paths: [${JSON.stringify(__dirname)}] })))(':memory:').close()`;
  for (const node of new Set(candidates.map((file) => realpathSync(file)))) {
    if (spawnSync(node, ['-e', probe], { stdio: 'ignore' }).status === 0)
      return (chosenNode = node);
  }
  throw new Error(
    "No Node on PATH can load the sandbox's better-sqlite3 build: run pnpm install (or set CLASSIFAILY_SANDBOX_NODE).",
  );
}

/** Starts a sandbox in test mode (faults and counters on) on a free port of 127.0.0.1. */
export async function startSandboxProcess(
  options: SandboxProcessOptions = {},
): Promise<SandboxProcess> {
  // For before/after benches: another build's CLI (CLASSIFAILY_SANDBOX_CLI, e.g. an old worktree's
  // packages/sandbox/dist/cli.js) and flags for its Node (CLASSIFAILY_SANDBOX_NODE_ARGS, e.g.
  // `--cpu-prof --cpu-prof-dir=/tmp/prof`, which NODE_OPTIONS does not allow).
  const nodeArgs = (process.env.CLASSIFAILY_SANDBOX_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const cli = process.env.CLASSIFAILY_SANDBOX_CLI || CLI;
  const args = [...nodeArgs, cli, '--port', '0', '--faults', '--json'];
  if (options.latencyMs) args.push('--latency', String(options.latencyMs));
  args.push('--rate-limit', String(options.rateLimit ?? 1_000_000));
  if (options.rateLimitWindowMs)
    args.push('--rate-limit-window', String(options.rateLimitWindowMs));
  args.push(...(options.args ?? []));
  const child = spawn(sandboxNode(), args, { stdio: ['ignore', 'pipe', 'pipe'] });

  const info = await new Promise<{
    url: string;
    apiKey: string;
    revokedKey: string;
    readOnlyKey: string;
  }>((resolve, reject) => {
    let out = '';
    let err = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n', out.indexOf(line))) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.off('exit', onExit);
        resolve(JSON.parse(line));
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the sandbox exited (${code}) before it listened:\n${err}${out}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk));
    child.once('error', reject);
    child.once('exit', onExit);
  });

  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${info.url}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`sandbox ${method} ${route}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  };

  return {
    ...info,
    pid: child.pid ?? -1,
    stats: () => control('GET', 'stats') as Promise<SandboxStats>,
    setFaults: async (faults) => {
      await control('DELETE', 'faults');
      await control('POST', 'faults', faults);
    },
    clearFaults: async () => {
      await control('DELETE', 'faults');
    },
    reset: async (opts = {}) => {
      await control('POST', 'reset', opts);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
