// Runs the Zapier CLI offline: on Node 22 from the `node` devDependency (the CLI refuses Node 20),
// with its analytics ping and npm update check switched off. Used by build-zip.mjs and the tests.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(packageDir, 'package.json'));

/** Node 22 from the `node` package (its bin/node), whatever node runs this script. */
export const node22 = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
const cliBin = require.resolve('zapier-platform-cli/src/bin/run');

export const offlineEnv = (extra = {}) => ({
  ...process.env,
  DISABLE_ZAPIER_ANALYTICS: '1', // else every command POSTs to zapier.com/api/platform/cli/analytics
  NO_UPDATE_NOTIFIER: '1', // else the CLI asks the npm registry for a newer version
  FORCE_COLOR: '0',
  ...extra,
});

/** Runs `zapier-platform <args>` in cwd; resolves with { code, stdout, stderr }. */
export function runZapierCli(args, { cwd = packageDir, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(node22, [cliBin, ...args], { cwd, env: offlineEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
