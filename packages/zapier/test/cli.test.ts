// The Zapier CLI on this app, offline: validate (schema only), build (a zip that runs on its own),
// invoke (local mode with a .env). Any call to Zapier's servers would land on `zapierServers`.
import AdmZip from 'adm-zip';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ME, startStubServer, type StubServer } from './stub-server';

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

const API_KEY = 'cai_test_Z1pB0ildK3y';
const zipPath = path.join(cli.packageDir, 'build', 'build.zip');

let api: StubServer;
let zapierServers: StubServer;
let unzipped: string;
const zapierEnv = () => ({ ZAPIER_BASE_ENDPOINT: zapierServers.baseUrl });

beforeAll(async () => {
  api = await startStubServer();
  api.handler = (request) =>
    request.headers.authorization === `Bearer ${API_KEY}`
      ? { status: 200, body: ME }
      : { status: 401, body: { detail: 'bad key', code: 'invalid_api_key' } };
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

test('the build script makes build.zip: the app, zapier-platform-core and nothing of the workspace', async () => {
  const result = await cli.run(cli.node22, ['scripts/build-zip.mjs'], { env: zapierEnv() });
  expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
  const names = new AdmZip(zipPath).getEntries().map((entry) => entry.entryName);
  expect(names).toEqual(
    expect.arrayContaining([
      'index.js',
      'zapierwrapper.js',
      'definition.json',
      'package.json',
      'dist/index.js',
      'node_modules/zapier-platform-core/package.json',
      'node_modules/async-function/require.mjs',
    ]),
  );
  expect(names.filter((name) => name.startsWith('/') || name.split('/').includes('..'))).toEqual(
    [],
  );
  expect(names.filter((name) => name.startsWith('src/') || name.startsWith('test/'))).toEqual([]);
}, 180_000);

test('the unpacked zip runs a perform on its own, through the test tool and the Lambda handler', async () => {
  expect(existsSync(zipPath)).toBe(true);
  new AdmZip(zipPath).extractAllTo(unzipped, true);
  copyFileSync(
    path.join(__dirname, 'fixtures', 'run-unzipped.cjs'),
    path.join(unzipped, 'run-unzipped.cjs'),
  );
  const result = await cli.run(cli.node22, ['run-unzipped.cjs'], {
    cwd: unzipped,
    env: {
      CLASSIFAILY_AUTH_DATA: JSON.stringify({ api_key: API_KEY, base_url: api.baseUrl }),
      NODE_PATH: '',
    },
  });
  expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
  const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
  expect(report.viaAppTester).toEqual(ME);
  expect(report.viaHandler).toEqual(ME);
  expect(report.outside).toEqual([]);
}, 60_000);

test('zapier-platform invoke auth test runs locally against 127.0.0.1 with a .env', async () => {
  expect(existsSync(path.join(unzipped, 'index.js'))).toBe(true);
  writeFileSync(
    path.join(unzipped, '.env'),
    `authData_api_key=${API_KEY}\nauthData_base_url=${api.baseUrl}\n`,
  );
  const result = await cli.runZapierCli(['invoke', 'auth', 'test', '--non-interactive'], {
    cwd: unzipped,
    env: zapierEnv(),
  });
  expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
  expect(JSON.parse(result.stdout)).toEqual(ME);
  expect(result.stdout + result.stderr).not.toContain(API_KEY);
}, 60_000);
