// Builds build/build.zip and build/source.zip for `zapier-platform upload`, offline, from this
// pnpm workspace (docs/decisions/0301-zapier-build-in-a-pnpm-workspace.md):
//  1. `pnpm deploy --prod` from the workspace lockfile, hoisted linker, into a temp directory
//     outside the workspace: this package's `files` and its production dependencies (workspace
//     packages copied in) as a plain npm-style node_modules. It reads the lockfile, so it needs no
//     registry metadata, and it takes the packages from the store `pnpm install` filled (named in
//     node_modules/.modules.yaml), so a new HOME or an empty pnpm cache changes nothing.
//  2. `zapier-platform validate --without-style` there: the schema check, all local.
//  3. `zapier-platform build --skip-dep-install --skip-validation` there: the CLI's own esbuild
//     file detection, its zip and its self-test (unzip + require). No install (step 1 did it), no
//     style check (that one is a call to Zapier's servers).
// Every tool's own output is shown when it fails.
// Usage: node scripts/build-zip.mjs [--out DIR]   (after `pnpm build`; default DIR: build/, where
// `zapier-platform upload` looks; prints size and timings)
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { packageDir, runZapierCli } from './zapier-cli.cjs';

const workspaceRoot = path.resolve(packageDir, '../..');
const outFlag = process.argv.indexOf('--out');
const outDir = path.resolve(
  outFlag > 0 ? process.argv[outFlag + 1] : path.join(packageDir, 'build'),
);
const started = Date.now();
const workDir = mkdtempSync(path.join(os.tmpdir(), 'classifaily-zapier-'));
const deployDir = path.join(workDir, 'app');
const step = (label, since) =>
  console.log(`${label}: ${((Date.now() - since) / 1000).toFixed(1)} s`);

/** A failed step: what ran, and everything the tool said. */
const failure = (what, { code, stdout, stderr }) =>
  new Error(`${what} failed (exit ${code}):\n${stdout ?? ''}${stderr ?? ''}`.trimEnd());

/** The store `pnpm install` used for this workspace: the packages are there, whatever HOME is now. */
function workspaceStoreDir() {
  const text = readFileSync(path.join(workspaceRoot, 'node_modules', '.modules.yaml'), 'utf8');
  const match = /"?storeDir"?:\s*"?([^"\n]+)"?/.exec(text);
  if (!match) throw new Error('node_modules/.modules.yaml names no storeDir: run `pnpm install`.');
  return match[1].trim();
}

function pnpmDeploy() {
  const pnpm = process.env.npm_execpath?.includes('pnpm') ? process.env.npm_execpath : 'pnpm';
  const [cmd, pre] = /\.c?js$/.test(pnpm) ? [process.execPath, [pnpm]] : [pnpm, []];
  const args = [
    ...pre,
    '--offline',
    `--store-dir=${workspaceStoreDir()}`,
    // Deploy from the shared lockfile (pnpm 10's default deploy wants this setting); only for this
    // command, so the workspace keeps linking core as it does.
    '--config.inject-workspace-packages=true',
    '--config.node-linker=hoisted',
    '--filter',
    '@classifaily/zapier',
    'deploy',
    '--prod',
    deployDir,
  ];
  const result = spawnSync(cmd, args, { cwd: packageDir, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw failure(`pnpm ${args.slice(pre.length).join(' ')}`, { ...result, code: result.status });
}

/**
 * The deployed package.json carries pnpm's lockfile specifiers (`19.1.0(encoding@…)`, `file:` paths
 * of this machine) and the dev dependencies; the zip gets the package's own, with core's version.
 */
function writeZipPackageJson() {
  const own = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const versionOf = (name) =>
    JSON.parse(readFileSync(path.join(deployDir, 'node_modules', name, 'package.json'), 'utf8'))
      .version;
  const dependencies = Object.fromEntries(
    Object.entries(own.dependencies).map(([name, spec]) => [
      name,
      spec.startsWith('workspace:') ? versionOf(name) : spec,
    ]),
  );
  const zipPackage = { ...own, dependencies };
  delete zipPackage.devDependencies;
  delete zipPackage.scripts;
  writeFileSync(path.join(deployDir, 'package.json'), `${JSON.stringify(zipPackage, null, 2)}\n`);
  rmSync(path.join(deployDir, 'pnpm-lock.yaml'), { force: true });
}

try {
  let t = Date.now();
  pnpmDeploy();
  writeZipPackageJson();
  // source.zip is the readable source for Zapier's review, not the installed dependencies.
  writeFileSync(path.join(deployDir, '.gitignore'), 'node_modules/\nbuild/\n');
  step('pnpm deploy', t);

  t = Date.now();
  const validate = await runZapierCli(['validate', '--without-style'], { cwd: deployDir });
  if (validate.code !== 0) throw failure('zapier-platform validate --without-style', validate);
  step('zapier-platform validate --without-style', t);

  t = Date.now();
  const build = await runZapierCli(['build', '--skip-dep-install', '--skip-validation'], {
    cwd: deployDir,
  });
  if (build.code !== 0) throw failure('zapier-platform build', build);
  step('zapier-platform build --skip-dep-install --skip-validation', t);

  mkdirSync(outDir, { recursive: true });
  for (const name of ['build.zip', 'source.zip']) {
    cpSync(path.join(deployDir, 'build', name), path.join(outDir, name));
    console.log(`${name}: ${statSync(path.join(outDir, name)).size} bytes`);
  }
  step('total', started);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
  // pnpm 10's `deploy` with the hoisted linker also links `node_modules/.bin` at the target's path
  // taken relative to the workspace root but resolved from this package: when the workspace itself
  // lives under the temp folder (a CI clone in /tmp), that is a stray `packages/<temp name>/app`.
  const stray = path.resolve(packageDir, path.relative(workspaceRoot, workDir));
  if (stray !== workDir && path.dirname(stray) === path.dirname(packageDir))
    rmSync(stray, { recursive: true, force: true });
}
