// The Zapier CLI on this app, offline: validate (schema only), build (a zip that runs on its own,
// core bundled), invoke (local mode with a .env), against the sandbox. Any call to Zapier's servers
// would land on `zapierServers`.
import AdmZip from 'adm-zip';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ClassifailyClient, SAMPLE_CATEGORIES, SAMPLE_INPUT } from '@classifaily/core';

import { BASE_URL_VARIABLE } from '../src/client';

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

describe('zapier-platform invoke on every action, from the unpacked zip, against the sandbox', () => {
  beforeAll(async () => {
    expect(existsSync(zipPath)).toBe(true);
    new AdmZip(zipPath).extractAllTo(unzipped, true);
    // invoke reads the connection (authData_*) and the environment from .env, as a developer does.
    writeFileSync(
      path.join(unzipped, '.env'),
      `authData_api_key=${api.apiKey}\n${BASE_URL_VARIABLE}=${api.url}\n`,
    );
  });
  beforeEach(async () => {
    await api.reset({ schemas: true });
    await new ClassifailyClient({ apiKey: api.apiKey, baseUrl: api.url }).schemas.create({
      name: 'Support triage',
      categories: [{ name: 'billing' }, { name: 'account_access' }],
    });
  });

  const invoke = async (args: string[], inputData?: Record<string, unknown>) => {
    const result = await cli.runZapierCli(
      [
        'invoke',
        ...args,
        ...(inputData ? ['--inputData', JSON.stringify(inputData)] : []),
        '--non-interactive',
      ],
      { cwd: unzipped, env: zapierEnv() },
    );
    expect({ code: result.code, output: describeOutput(result) }).toMatchObject({ code: 0 });
    expect(result.stdout + result.stderr).not.toContain(api.apiKey);
    // Core's events (z.console.log, decision 0020) print before the result.
    const output = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('Classifaily '))
      .join('\n');
    return JSON.parse(output) as unknown;
  };

  it.each([
    ['auth test', ['auth', 'test'], undefined, { object: 'me' }],
    [
      'create classify',
      ['create', 'classify'],
      { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES },
      { label: 'account_access', needs_review: false },
    ],
    [
      'create classifyBatch',
      ['create', 'classifyBatch'],
      {
        items: [
          { input: 'I was charged twice this month.', id: 'T-1' },
          { input: 'My account is locked.', id: 'T-2' },
        ],
        categories: SAMPLE_CATEGORIES,
      },
      {
        results: [
          { position: 1, reference: 'T-1', label: 'billing' },
          { position: 2, reference: 'T-2', label: 'account_access' },
        ],
      },
    ],
    [
      'create createSchema',
      ['create', 'createSchema'],
      { name: 'Routing', categories: [{ category: 'sales' }, { category: 'support' }] },
      { id: expect.stringMatching(/^sch_/), name: 'Routing' },
    ],
    [
      'search findSchema',
      ['search', 'findSchema'],
      { name: 'support triage' },
      [expect.objectContaining({ name: 'Support triage' })],
    ],
    [
      'trigger listSchemas',
      ['trigger', 'listSchemas'],
      undefined,
      [expect.objectContaining({ name: 'Support triage' })],
    ],
  ] as const)(
    '%s',
    async (_, args, inputData, expected) => {
      expect(await invoke([...args], inputData)).toMatchObject(expected);
    },
    60_000,
  );

  it('create classify after one 503 (Retry-After 1 s) waits, retries and prints the result (defect 1)', async () => {
    await api.setFaults({ kind: 'status', status: 503, retryAfter: 1, count: 1 });
    expect(
      await invoke(['create', 'classify'], { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES }),
    ).toMatchObject({ label: 'account_access' });
    const stats = await api.stats();
    expect(stats.byRoute['POST /v1/classify']).toBe(2);
    expect(stats.byStatus['503']).toBe(1);
  }, 60_000);
});
