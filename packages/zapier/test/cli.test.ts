// The Zapier CLI on this app, offline: validate (schema only), build (a zip that runs on its own,
// core bundled), invoke (local mode with a .env), against the sandbox. Any call to Zapier's servers
// would land on `zapierServers`.
import AdmZip from 'adm-zip';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SAMPLE_CATEGORIES, SAMPLE_INPUT } from '@classifaily/core';

import { start, type Sandbox } from './sandbox';
import { startStubServer, type StubServer } from './stub-server';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}
interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cli = require('../scripts/zapier-cli.cjs') as {
  packageDir: string;
  node22: string;
  run(command: string, args: string[], options?: RunOptions): Promise<RunResult>;
  runZapierCli(args: string[], options?: RunOptions): Promise<RunResult>;
};

const zipPath = path.join(cli.packageDir, 'build', 'build.zip');

let api: Sandbox;
let zapierServers: StubServer;
let unzipped: string;
const zapierEnv = () => ({ ZAPIER_BASE_ENDPOINT: zapierServers.baseUrl });

beforeAll(async () => {
  api = await start();
  zapierServers = await startStubServer();
  unzipped = mkdtempSync(path.join(os.tmpdir(), 'classifaily-zapier-unzipped-'));
});
afterAll(async () => {
  rmSync(unzipped, { recursive: true, force: true });
  await api.close();
  await zapierServers.close();
});
afterEach(() => {
  expect(zapierServers.requests).toEqual([]);
});

const describeOutput = (result: RunResult) =>
  `exit ${result.code}\n${result.stdout}\n${result.stderr}`;

test('zapier-platform validate --without-style passes without calling Zapier', async () => {
  const result = await cli.runZapierCli(['validate', '--without-style'], { env: zapierEnv() });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('No structural errors found');
}, 60_000);

test('the build script makes build.zip on a fresh machine (new HOME, empty pnpm cache): the app, core, zapier-platform-core, no dev dependencies', async () => {
  // A new HOME has no pnpm metadata cache and no store of its own: only what `pnpm install` left
  // in the workspace. The user's npm settings come along, as they would on a fresh machine.
  const home = mkdtempSync(path.join(os.tmpdir(), 'classifaily-zapier-home-'));
  try {
    const npmrc = path.join(os.homedir(), '.npmrc');
    if (existsSync(npmrc)) copyFileSync(npmrc, path.join(home, '.npmrc'));
    const result = await cli.run(cli.node22, ['scripts/build-zip.mjs'], {
      env: { ...zapierEnv(), HOME: home },
    });
    expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
    expect(readdirSync(home)).toEqual(existsSync(npmrc) ? ['.npmrc'] : []); // it fetched nothing
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const names = new AdmZip(zipPath).getEntries().map((entry) => entry.entryName);
  expect(names).toEqual(
    expect.arrayContaining([
      'index.js',
      'zapierwrapper.js',
      'definition.json',
      'package.json',
      'dist/index.js',
      'dist/creates/classify-text.js',
      'node_modules/@classifaily/core/dist/index.js',
      'node_modules/zapier-platform-core/package.json',
      'node_modules/async-function/require.mjs',
    ]),
  );
  expect(names.filter((name) => name.startsWith('/') || name.split('/').includes('..'))).toEqual(
    [],
  );
  expect(names.filter((name) => name.startsWith('src/') || name.startsWith('test/'))).toEqual([]);
  const devOnly = /^node_modules\/(@classifaily\/sandbox|zapier-platform-cli|node|jest)\//;
  expect(names.filter((name) => devOnly.test(name))).toEqual([]);
}, 180_000);

test('the unpacked zip runs Classify Text on its own (core bundled), through the test tool and the Lambda handler', async () => {
  expect(existsSync(zipPath)).toBe(true);
  new AdmZip(zipPath).extractAllTo(unzipped, true);
  copyFileSync(
    path.join(__dirname, 'fixtures', 'run-unzipped.cjs'),
    path.join(unzipped, 'run-unzipped.cjs'),
  );
  const result = await cli.run(cli.node22, ['run-unzipped.cjs'], {
    cwd: unzipped,
    env: {
      CLASSIFAILY_AUTH_DATA: JSON.stringify({ api_key: api.apiKey }),
      CLASSIFAILY_BASE_URL: api.url,
      CLASSIFAILY_INPUT_DATA: JSON.stringify({
        input: SAMPLE_INPUT,
        categories: SAMPLE_CATEGORIES,
      }),
      NODE_PATH: '',
    },
  });
  expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
  const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
  expect(report.viaAppTester).toMatchObject({ object: 'me' });
  expect(report.classified).toMatchObject({ label: 'account_access', needs_review: false });
  expect(report.viaHandler).toMatchObject({ label: 'account_access' });
  expect(report.core.startsWith(unzipped)).toBe(true);
  expect(report.outside).toEqual([]);
}, 60_000);

test('zapier-platform invoke auth test runs locally against 127.0.0.1 with a .env', async () => {
  expect(existsSync(path.join(unzipped, 'index.js'))).toBe(true);
  writeFileSync(
    path.join(unzipped, '.env'),
    `authData_api_key=${api.apiKey}\nCLASSIFAILY_BASE_URL=${api.url}\n`,
  );
  const result = await cli.runZapierCli(['invoke', 'auth', 'test', '--non-interactive'], {
    cwd: unzipped,
    env: zapierEnv(),
  });
  expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
  expect(JSON.parse(result.stdout)).toMatchObject({ object: 'me' });
  expect(result.stdout + result.stderr).not.toContain(api.apiKey);
}, 60_000);

test('zapier-platform invoke create classify runs Classify Text locally against the sandbox', async () => {
  const inputData = JSON.stringify({ input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES });
  const result = await cli.runZapierCli(
    ['invoke', 'create', 'classify', '--inputData', inputData, '--non-interactive'],
    { cwd: unzipped, env: zapierEnv() },
  );
  expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
  expect(JSON.parse(result.stdout)).toMatchObject({ label: 'account_access', needs_review: false });
  expect(result.stdout + result.stderr).not.toContain(api.apiKey);
}, 60_000);
