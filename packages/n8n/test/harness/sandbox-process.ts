/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes and files. */
// The real sandbox (@classifaily/sandbox) in its own process, driven over HTTP. Not in-process:
// this package's scripts run on Node 24 (the `node24` devDependency puts it first on PATH), while the
// sandbox's better-sqlite3 is built for the Node that ran `pnpm install`. Test mode (--faults) is
// always on, for the request counters (/__sandbox/stats) and fault injection (/__sandbox/faults).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { FaultSpec, SandboxStats } from '@classifaily/sandbox';

// As in ./n8n.ts (not imported: Node's type stripping needs extensions that Jest's resolver does not).
const PACKAGE_ROOT =
  typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : process.cwd();

export interface SandboxProcess {
  url: string;
  apiKey: string;
  revokedKey: string;
  stats(): Promise<SandboxStats>;
  setFaults(faults: FaultSpec | FaultSpec[]): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The Node that ran `pnpm install` (its ABI is the one better-sqlite3 was built for). */
export function sandboxNode(): string {
  const candidates = [
    process.env.CLASSIFAILY_SANDBOX_NODE,
    process.env.npm_node_execpath,
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => dir && !dir.includes('node_modules'))
      .map((dir) => path.join(dir, 'node')),
  ];
  return candidates.find((c): c is string => !!c && /node$/.test(c) && fs.existsSync(c)) ?? 'node';
}

export async function startSandboxProcess(
  options: { latencyMs?: number; rateLimit?: number; echo?: boolean } = {},
): Promise<SandboxProcess> {
  const cli = path.join(
    path.dirname(
      createRequire(path.join(PACKAGE_ROOT, 'package.json')).resolve('@classifaily/sandbox'),
    ),
    'cli.js',
  );
  const args = [cli, '--port', '0', '--faults'];
  if (options.latencyMs) args.push('--latency', String(options.latencyMs));
  args.push('--rate-limit', String(options.rateLimit ?? 1_000_000));
  const child = spawn(sandboxNode(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const banner = await readBanner(child);
  const field = (re: RegExp) => {
    const m = re.exec(banner);
    if (!m) throw new Error(`unexpected sandbox banner:\n${banner}`);
    return m[1]!;
  };
  const url = field(/listening on (\S+)/);
  const control = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${url}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`sandbox ${method} ${route}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url,
    apiKey: field(/test API key:\s+(\S+)/),
    revokedKey: field(/revoked key:\s+(\S+)/),
    stats: () => control('GET', 'stats') as Promise<SandboxStats>,
    setFaults: async (faults) => {
      await control('DELETE', 'faults');
      await control('POST', 'faults', faults);
    },
    reset: async () => {
      await control('POST', 'reset', { schemas: true });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function readBanner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      if (/Try: curl/.test(out)) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(out);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk));
    child.once('exit', (code) =>
      reject(new Error(`the sandbox exited (${code}) before it listened:\n${err}${out}`)),
    );
  });
}
