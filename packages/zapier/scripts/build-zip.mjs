// Builds build/build.zip and build/source.zip for `zapier-platform upload`, offline, from this
// pnpm workspace (docs/decisions/0301-zapier-build-in-a-pnpm-workspace.md):
//  1. `pnpm deploy --prod --legacy` with the hoisted linker copies this package (files: index.js,
//     dist, src, .zapierapprc) and its production dependencies, workspace packages included, into
//     a temp directory outside the workspace: a plain npm-style node_modules, no symlinks.
//  2. `zapier-platform validate --without-style` there: the schema check, all local.
//  3. `zapier-platform build --skip-dep-install --skip-validation` there: the CLI's own esbuild
//     file detection, its zip and its self-test (unzip + require). No install (step 1 did it), no
//     style check (that one is a call to Zapier's servers).
// Usage: node scripts/build-zip.mjs   (after `pnpm build`; prints size and timings)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { packageDir, runZapierCli } from './zapier-cli.cjs';

const workspaceRoot = path.resolve(packageDir, '../..');
const started = Date.now();
const workDir = mkdtempSync(path.join(os.tmpdir(), 'classifaily-zapier-'));
const deployDir = path.join(workDir, 'app');
const step = (label, since) =>
  console.log(`${label}: ${((Date.now() - since) / 1000).toFixed(1)} s`);

try {
  let t = Date.now();
  const pnpm = process.env.npm_execpath?.includes('pnpm') ? process.env.npm_execpath : 'pnpm';
  const [cmd, pre] =
    pnpm.endsWith('.cjs') || pnpm.endsWith('.js') ? [process.execPath, [pnpm]] : [pnpm, []];
  execFileSync(
    cmd,
    [
      ...pre,
      '--offline',
      '--filter',
      '@classifaily/zapier',
      'deploy',
      '--prod',
      '--legacy',
      '--config.node-linker=hoisted',
      deployDir,
    ],
    { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // source.zip is the readable source for Zapier's review, not the installed dependencies.
  writeFileSync(path.join(deployDir, '.gitignore'), 'node_modules/\nbuild/\n');
  step('pnpm deploy', t);

  t = Date.now();
  const validate = await runZapierCli(['validate', '--without-style'], { cwd: deployDir });
  if (validate.code !== 0)
    throw new Error(`validate failed:\n${validate.stdout}${validate.stderr}`);
  step('zapier-platform validate --without-style', t);

  t = Date.now();
  const build = await runZapierCli(['build', '--skip-dep-install', '--skip-validation'], {
    cwd: deployDir,
  });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  step('zapier-platform build --skip-dep-install --skip-validation', t);

  const outDir = path.join(packageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  for (const name of ['build.zip', 'source.zip']) {
    cpSync(path.join(deployDir, 'build', name), path.join(outDir, name));
    console.log(`${name}: ${statSync(path.join(outDir, name)).size} bytes`);
  }
  step('total', started);
} finally {
  rmSync(workDir, { recursive: true, force: true });
  // pnpm 10's `deploy` with the hoisted linker also links `node_modules/.bin` at the target's path
  // taken relative to the workspace root but resolved from this package: when the workspace itself
  // lives under the temp folder (a CI clone in /tmp), that is a stray `packages/<temp name>/app`.
  const stray = path.resolve(packageDir, path.relative(workspaceRoot, workDir));
  if (stray !== workDir && path.dirname(stray) === path.dirname(packageDir))
    rmSync(stray, { recursive: true, force: true });
}
