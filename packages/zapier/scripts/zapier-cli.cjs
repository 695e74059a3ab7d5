// Runs the Zapier CLI offline: on Node 22 from the `node` devDependency (the CLI refuses Node 20),
// with its analytics ping and npm update check switched off. Used by the scripts and the tests.
const { spawn } = require('node:child_process');
const path = require('node:path');

const packageDir = path.dirname(__dirname);

/** Node 22 from the `node` package (its bin/node), whatever node runs this script. */
const node22 = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
const cliBin = require.resolve('zapier-platform-cli/src/bin/run');

const offlineEnv = (extra = {}) => ({
  ...process.env,
  DISABLE_ZAPIER_ANALYTICS: '1', // else every command POSTs to zapier.com/api/platform/cli/analytics
  NO_UPDATE_NOTIFIER: '1', // else the CLI asks the npm registry for a newer version of itself
  FORCE_COLOR: '0',
  ...extra,
});

/** Runs `command args` (Node 22 by default) in cwd; resolves with { code, stdout, stderr }. */
function run(command, args, { cwd = packageDir, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: offlineEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `zapier-platform <args>` in cwd; resolves with { code, stdout, stderr }. */
const runZapierCli = (args, options) => run(node22, [cliBin, ...args], options);

module.exports = { packageDir, node22, offlineEnv, run, runZapierCli };
