// Faults as a person meets them: the built command in a fresh plain node child (Jest keeps its own
// event loop alive and would hide a process that exits with nothing), asserting the exit code and
// the message. Nothing is ever a stack trace, and the API key never appears.
import {
  closeSync,
  cpSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_INPUT_BYTES } from '../src/input';
import { CATEGORIES, ROWS } from './fixtures/hand-worked';
import { startScriptedApi, type ScriptedApi } from './helpers/scripted-api';
import {
  FIXTURES,
  PACKAGE_ROOT,
  progressFiles,
  runCli,
  STACK,
  tempDir,
  type Run,
} from './helpers/run-cli';

const KEY = 'cai_test_NeverShownAnywhere123';
const CSV = path.join(FIXTURES, 'hand-worked.csv');

let api: ScriptedApi;
let temp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  api = await startScriptedApi(new Map(ROWS.map((row) => [row.text, row.answer])));
});
afterAll(() => api.close());
beforeEach(() => {
  temp = tempDir();
  api.requests.length = 0;
  api.failWith = undefined;
});
afterEach(() => temp.cleanUp());

const env = (more: Record<string, string | undefined> = {}) => ({
  CLASSIFAILY_API_KEY: KEY,
  XDG_CACHE_HOME: temp.dir,
  HOME: temp.dir,
  ...more,
});

/** The run failed the way a person can act on: this exit code, this message, no stack, no key. */
function refused(run: Run, code: number, message: RegExp) {
  expect(run.stderr).toMatch(message);
  expect(run.code).toBe(code);
  expect(run.stderr).toMatch(/^classifaily: /);
  expect(run.stderr).not.toMatch(STACK);
  expect(run.stdout + run.stderr).not.toContain(KEY);
  expect(run.stdout + run.stderr).not.toContain('NeverShown');
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(temp.dir, name);
  writeFileSync(file, content);
  return file;
}

const evaluate = (
  file: string,
  more: string[] = [],
  extraEnv?: Record<string, string | undefined>,
) =>
  runCli(['evaluate', file, '--categories', CATEGORIES.join(','), '--base-url', api.url, ...more], {
    env: env(extraEnv),
  });

describe('the command line (exit 2, with the usage)', () => {
  it.each<[string[], RegExp]>([
    [[], /Give a command: classifaily evaluate <file>\./],
    [['judge', 'x.csv'], /Unknown command "judge"\./],
    [['evaluate'], /Give the labelled file/],
    [['evaluate', 'a.csv', 'b.csv', '--categories', 'a,b'], /One file at a time/],
    [['evaluate', 'a.csv', '--categories', 'a,b', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['evaluate', 'a.csv'], /Give the categories: --categories a,b,c or --schema sch_…/],
    [
      ['evaluate', 'a.csv', '--categories', 'a,b', '--schema', 'sch_x'],
      /--categories or --schema, not both/,
    ],
    [
      ['evaluate', 'a.csv', '--categories', 'a'],
      /--categories: Give at least 2 categories to choose from \(got 1\)\./,
    ],
    [
      ['evaluate', 'a.csv', '--categories', 'a,b,a'],
      /--categories: The category "a" is listed twice\./,
    ],
    [['evaluate', 'a.csv', '--schema', 'support'], /--schema: "support" is not a schema ID/],
    [
      ['evaluate', 'a.csv', '--categories', 'a,b', '--target-precision', '95'],
      /--target-precision 95: give a share between 0 and 1, such as 0\.95/,
    ],
    [
      ['evaluate', 'a.csv', '--categories', 'a,b', '--sandbox', '--base-url', 'http://localhost:1'],
      /--sandbox or --base-url, not both/,
    ],
  ])('%j', async (args, message) => {
    const run = await runCli(args, { env: env() });
    refused(run, 2, message);
    expect(run.stderr).toContain('Usage:\n  classifaily evaluate');
  });

  it('--help and --version exit 0', async () => {
    expect(await runCli(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage:/),
    });
    expect(await runCli(['--version'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/),
    });
  });
});

describe('the key', () => {
  it('missing: says where to get one and how to set it, before reading anything', async () => {
    const run = await evaluate(path.join(temp.dir, 'not-there.csv'), [], {
      CLASSIFAILY_API_KEY: undefined,
    });
    refused(
      run,
      1,
      /CLASSIFAILY_API_KEY is not set: the command needs your Classifaily API key\.\nCreate one at https:\/\/app\.classifaily\.com\/settings\/api-keys, then: export CLASSIFAILY_API_KEY=cai_live_… \(or add --sandbox/,
    );
    expect((await evaluate(CSV, [], { CLASSIFAILY_API_KEY: '  \n' })).stderr).toMatch(/is not set/);
  });

  it("not shaped like a key: core's words, never the value", async () => {
    const run = await evaluate(CSV, [], { CLASSIFAILY_API_KEY: 'NeverShown-password' });
    refused(
      run,
      1,
      /This doesn't look like a Classifaily API key\..*Set CLASSIFAILY_API_KEY to a key from https:\/\/app\.classifaily\.com/,
    );
    expect(api.requests).toHaveLength(0);
  });

  it('refused by the API (401): what to do, from a terminal', async () => {
    api.failWith = 401;
    const run = await evaluate(CSV);
    refused(
      run,
      1,
      /10 of 10 texts could not be classified:\n {2}Scripted failure\..*Set CLASSIFAILY_API_KEY to a key from/s,
    );
  });
});

describe('the file, through the command (exit 1, nothing sent)', () => {
  it.each<[string, string | Buffer, RegExp]>([
    [
      'no label column',
      'text,category\nhi,bug\n',
      /has no label column: name one "label" or "expected"/,
    ],
    [
      'an unknown label',
      'text,label\nhi,bug\nho,refund\n',
      /has labels that are not among the categories \(billing, bug, account\):\n {2}line 3: "refund" is not one of the categories\.\nCorrect the labels/,
    ],
    ['an empty file', '', /is empty\./],
    [
      'UTF-16',
      Buffer.from('\ufefftext,label\nhi,bug\n', 'utf16le'),
      /is saved as UTF-16 text, not UTF-8\./,
    ],
    [
      'bad bytes',
      Buffer.concat([
        Buffer.from('text,label\nhi,bug\nna'),
        Buffer.from([0xef, 0x28]),
        Buffer.from('ve,bug\n'),
      ]),
      /line 3 is not UTF-8 text/,
    ],
    [
      'a malformed line',
      'text,label\nhi,bug\n"ho,bug\n',
      /line 3: a quote opened on this line is never closed\./,
    ],
  ])('%s', async (_, content, message) => {
    const run = await evaluate(write('labelled.csv', content));
    refused(run, 1, message);
    expect(api.requests).toHaveLength(0);
  });

  it('a malformed JSON Lines line, by its number', async () => {
    const run = await evaluate(
      write('labelled.jsonl', '{"text": "hi", "label": "bug"}\n{"text": "ho"\n'),
    );
    refused(run, 1, /labelled\.jsonl line 2 is not valid JSON: /);
  });

  it('a file too large, refused with the limit', async () => {
    const big = path.join(temp.dir, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1);
    closeSync(fd);
    refused(
      await evaluate(big),
      1,
      /is too large to read: .*the limit is 20\.0 MiB \(20,971,520 bytes\)/,
    );
  });
});

describe('the API', () => {
  it("down (nothing listens): core's words, nothing kept to resume", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runCli(
      [
        'evaluate',
        CSV,
        '--categories',
        CATEGORIES.join(','),
        '--base-url',
        `http://127.0.0.1:${port}`,
      ],
      { env: env() },
    );
    refused(
      run,
      1,
      /10 of 10 texts could not be classified:\n {2}Could not reach Classifaily at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
    expect(run.stderr).toMatch(/Run the same command again once this is fixed\./);
  });

  it('failing with 500 after the retries: the lines, and how to go on', async () => {
    api.failWith = 500;
    const run = await evaluate(CSV);
    refused(
      run,
      1,
      /10 of 10 texts could not be classified:\n.*\(lines 2, 3, 4, 5, 6, 7, 9, 10, 11, 12\)/s,
    );
    expect(api.requests.length).toBe(3); // the first attempt and core's two retries
    expect(progressFiles(temp.dir)).toEqual([]); // nothing answered: nothing kept
  });

  it('rate limited three times in a row: core waits as the API asks, the user is told, and the batch goes on under the same key', async () => {
    api.throttleNext = 3; // the first attempt and core's two retries
    const run = await evaluate(CSV, ['--json']);
    expect(run.code).toBe(0);
    // Each of the three waits the API asked for is told, as core waits it out.
    expect(
      run.stderr.match(
        /Classifaily's rate limit for this key is reached: waiting 1 s, then going on\./g,
      ),
    ).toHaveLength(3);
    expect(JSON.parse(run.stdout).n).toBe(10);
    expect(api.requests).toHaveLength(4);
    expect(new Set(api.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('plain http to another machine is refused before the key is sent', async () => {
    const run = await runCli(
      ['evaluate', CSV, '--categories', CATEGORIES.join(','), '--base-url', 'http://example.com'],
      { env: env() },
    );
    refused(run, 1, /The base URL http:\/\/example\.com is not secure \(https\)/);
  });
});

describe('--sandbox without a working @classifaily/sandbox', () => {
  /** The package as npm installs it, with its dependencies but not the optional sandbox. */
  function installed(): string {
    const modules = path.join(temp.dir, 'node_modules');
    const copy = path.join(modules, '@classifaily', 'cli');
    mkdirSync(copy, { recursive: true });
    cpSync(path.join(PACKAGE_ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
    cpSync(path.join(PACKAGE_ROOT, 'package.json'), path.join(copy, 'package.json'));
    symlinkSync(
      path.join(PACKAGE_ROOT, 'node_modules', '@classifaily', 'core'),
      path.join(modules, '@classifaily', 'core'),
    );
    for (const name of ['csv-parse', 'cli-progress'])
      symlinkSync(path.join(PACKAGE_ROOT, 'node_modules', name), path.join(modules, name));
    return path.join(copy, 'dist', 'cli.js');
  }
  const withSandbox = (cli: string) =>
    runCli(['evaluate', CSV, '--categories', CATEGORIES.join(','), '--sandbox'], {
      cli,
      env: env({ CLASSIFAILY_API_KEY: undefined }),
    });

  it('left out (npm --omit=optional): says how to install it', async () => {
    refused(
      await withSandbox(installed()),
      1,
      /--sandbox needs the package @classifaily\/sandbox, which is not installed\.\nInstall it where the classifaily command is: npm install --global @classifaily\/sandbox/,
    );
  });

  it('installed but not loading (a native module built for another Node): says so', async () => {
    const cli = installed();
    const sandbox = path.join(temp.dir, 'node_modules', '@classifaily', 'sandbox');
    mkdirSync(sandbox);
    writeFileSync(
      path.join(sandbox, 'package.json'),
      '{"name": "@classifaily/sandbox", "main": "index.js"}',
    );
    writeFileSync(
      path.join(sandbox, 'index.js'),
      'throw new Error("The module better_sqlite3.node was compiled against a different Node.js version");',
    );
    refused(
      await withSandbox(cli),
      1,
      /which is installed but does not load on this Node \(The module better_sqlite3\.node was compiled against a different Node\.js version\)\.\nInstall it again for this Node/,
    );
  });
});
