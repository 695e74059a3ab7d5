// The parent side of running the app as Zapier does, for the host suite and the benchmarks:
// build the zip and unpack it into a temporary folder, then run events through its Lambda handler,
// each in a fresh Node 22 process (scripts/lambda-runtime.cjs) with Lambda's environment.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const AdmZip = require('adm-zip');

const { node22, run } = require('./zapier-cli.cjs');

const RUNTIME = path.join(__dirname, 'lambda-runtime.cjs');

/** build.zip made by the build script, unpacked; `cleanup()` removes both folders. */
async function unpackedBuild() {
  const out = mkdtempSync(path.join(os.tmpdir(), 'classifaily-zapier-zip-'));
  const appDir = mkdtempSync(path.join(os.tmpdir(), 'classifaily-zapier-lambda-'));
  const cleanup = () => {
    for (const dir of [out, appDir]) rmSync(dir, { recursive: true, force: true });
  };
  const build = await run(node22, ['scripts/build-zip.mjs', '--out', out]);
  if (build.code !== 0) {
    cleanup();
    throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  }
  const zipPath = path.join(out, 'build.zip');
  new AdmZip(zipPath).extractAllTo(appDir, true);
  return { appDir, zipPath, cleanup };
}

/**
 * One invocation: resolves with the runtime's report ({callback, calls, result | error, ms,
 * outside}) plus the child's own `exitCode` (null when the guard had to kill it) and `stderr`.
 * Only PATH and TZ come from here: not NODE_ENV=test (zapier-platform-core reads it) or other
 * variables of the calling process.
 */
function invokeLambda(appDir, event, { env = {}, guardMs = 75_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(node22, [RUNTIME, appDir], {
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'UTC',
        AWS_LAMBDA_FUNCTION_NAME: 'classifaily-zapier',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), guardMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(guard);
      const line = stdout.trim().split('\n').filter(Boolean).pop();
      if (!line) return reject(new Error(`no report (exit ${exitCode}):\n${stdout}${stderr}`));
      resolve({ ...JSON.parse(line), exitCode, stderr });
    });
    child.stdin.end(JSON.stringify(event));
  });
}

module.exports = { unpackedBuild, invokeLambda };
