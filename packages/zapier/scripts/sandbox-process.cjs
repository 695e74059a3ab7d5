// Starts @classifaily/sandbox in a child process and drives it over its /__sandbox control API.
// Why a child process: this package's scripts and tests run on Node 22 (Zapier's runtime, from the
// `node` devDependency, first on PATH), but the sandbox's better-sqlite3 is compiled at install time
// for the Node that ran `pnpm install` (Node 20 on this machine). So the sandbox runs on whichever
// node on PATH can load that build — found by trying — and the app talks to it over HTTP as usual.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, realpathSync } = require('node:fs');
const path = require('node:path');

const sandboxDir = path.dirname(require.resolve('@classifaily/sandbox/package.json'));
const cli = path.join(sandboxDir, 'dist', 'cli.js');

let chosenNode;
/** The first node on PATH (or this one) that loads the sandbox's native SQLite module. */
function sandboxNode() {
  if (chosenNode) return chosenNode;
  const candidates = [process.execPath];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, 'node');
    if (dir && existsSync(file)) candidates.push(realpathSync(file));
  }
  const probe = `new (require(require.resolve('better-sqlite3', { paths: [${JSON.stringify(sandboxDir)}] })))(':memory:').close()`;
  for (const node of [...new Set(candidates)]) {
    if (spawnSync(node, ['-e', probe], { stdio: 'ignore' }).status === 0)
      return (chosenNode = node);
  }
  throw new Error('No node on PATH can load the sandbox’s better-sqlite3 build; run pnpm install.');
}

/**
 * Starts a sandbox with fault injection on a free port of 127.0.0.1. Resolves with
 * { url, apiKey, revokedKey, readOnlyKey, stats(), setFaults(f), clearFaults(), reset(opts), close() }
 * — the shape of startSandbox()'s result, with the control calls made async.
 */
async function startSandboxProcess({ args = [] } = {}) {
  const child = spawn(sandboxNode(), [cli, '--port', '0', '--faults', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const info = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const apiKey = /test API key:\s+(\S+)/.exec(output)?.[1];
      const revokedKey = /revoked key:\s+(\S+)/.exec(output)?.[1];
      const readOnlyKey = /read-only key:\s+(\S+)/.exec(output)?.[1];
      if (url && apiKey && revokedKey && readOnlyKey) {
        child.stdout.off('data', onData);
        resolve({ url, apiKey, revokedKey, readOnlyKey });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`sandbox exited (${code}):\n${output}`)));
  });
  child.stdout.resume();
  const control = async (method, route, body) => {
    const response = await fetch(`${info.url}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`sandbox ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    ...info,
    stats: () => control('GET', 'stats'),
    setFaults: (faults) => control('POST', 'faults', faults),
    clearFaults: () => control('DELETE', 'faults'),
    reset: (options = {}) => control('POST', 'reset', options),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

module.exports = { startSandboxProcess, sandboxNode };
