// The built command as a person runs it: `node dist/cli.js …` in a fresh plain node child (the
// suite builds dist/ first), with its own cache folder, and no variable of this process but PATH.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PACKAGE_ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(PACKAGE_ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Called with the child once it runs (to interrupt it). */
  started?: (child: ChildProcess) => void;
  /** Another entry point than dist/cli.js (a copy of the package elsewhere). */
  cli?: string;
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  if (!existsSync(options.cli ?? CLI))
    throw new Error(`${CLI} is missing: build first (pnpm --filter @classifaily/cli build)`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.cli ?? CLI, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.started?.(child);
  });
}

/** A temporary folder, removed by `cleanUp()`. */
export function tempDir(prefix = 'classifaily-cli-'): { dir: string; cleanUp: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The progress files a cache folder (XDG_CACHE_HOME) holds, with their contents. */
export function progressFiles(cache: string): Array<{ file: string; answers: unknown[] }> {
  const dir = path.join(cache, 'classifaily', 'evaluate');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  // Only finished files: a file is written beside them (.tmp) and renamed into place.
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const file = path.join(dir, name);
      return { file, answers: JSON.parse(readFileSync(file, 'utf8')).answers };
    });
}

/** A failure a person can act on: a message, no stack trace. */
export const STACK = /\n\s+at /;
