/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// Where this package is, which n8n versions the suites run, and their cached installs (decision
// 0200): scripts/install-n8n.mjs installs each version once per machine.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { run, tail } from './child-process.ts';

// Under Jest this file is CommonJS; run directly by Node's type stripping (scripts) it is an ES
// module without __dirname, and pnpm runs package scripts from the package folder.
export const PACKAGE_ROOT =
  typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : process.cwd();
const INSTALL_SCRIPT = path.join(PACKAGE_ROOT, 'scripts', 'install-n8n.mjs');
const RUNTIMES = JSON.parse(
  fs.readFileSync(path.join(PACKAGE_ROOT, 'scripts', 'n8n-versions.json'), 'utf8'),
) as { pinned: string[]; lines: Record<string, { node: string }> };

/** The n8n versions the runtime suite covers; `CLASSIFAILY_N8N_VERSIONS=2.40.7` narrows it. */
export function n8nVersionsUnderTest(): string[] {
  const only = process.env.CLASSIFAILY_N8N_VERSIONS?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return only?.length ? only : RUNTIMES.pinned;
}

export interface InstalledN8n {
  version: string;
  nodeBinary: string;
  nodeVersion: string;
  n8nBin: string;
  installSeconds: number;
}

/**
 * Returns the cached install of this n8n version, installing it first if missing (minutes, and
 * progress on stderr: the installer's output goes straight to the terminal, past Jest's buffering).
 */
export async function ensureN8n(version: string): Promise<InstalledN8n> {
  const { code, output } = await run(process.execPath, [INSTALL_SCRIPT, version], {
    env: process.env,
    timeoutMs: 40 * 60_000,
    echo: true,
  });
  const manifestLine = output.match(/^\[install-n8n\] .*$/gm)?.slice(-1)[0] ?? '';
  if (code !== 0)
    throw new Error(`installing n8n ${version} failed (exit ${code}):\n${tail(output)}`);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(n8nCacheRoot(), version, 'install.json'), 'utf8'),
  ) as InstalledN8n;
  if (!manifestLine) throw new Error('install-n8n printed nothing');
  // The cache is shared by every checkout on the machine: run it with this checkout's Node.
  return { ...manifest, nodeBinary: nodeBinaryFor(version) };
}

/** The Node that runs this n8n line: bin/node of the `node` npm package aliased in package.json. */
function nodeBinaryFor(version: string): string {
  const line = RUNTIMES.lines[version.split('.')[0] ?? ''];
  if (!line)
    throw new Error(`n8n ${version}: no entry for its major line in scripts/n8n-versions.json`);
  const fromPackage = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
  return path.join(path.dirname(fromPackage.resolve(`${line.node}/package.json`)), 'bin', 'node');
}

export function n8nCacheRoot(): string {
  if (process.env.CLASSIFAILY_N8N_CACHE) return path.resolve(process.env.CLASSIFAILY_N8N_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'classifaily', 'n8n');
}
