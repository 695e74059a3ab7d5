// classifaily-make as a new user runs it: `node dist/cli.js …` in a fresh plain node child (the
// suite builds dist/ first), with its exit code, stdout and stderr.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_APP_DIR } from '../src/generate';
import { CLI, itWithMakeSchemas, schemasEnv, tempDir } from './helpers/apps';

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...schemasEnv(), ...options.env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A failure a person can act on: a message, no stack trace. */
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe('arguments', () => {
  it('--help prints the usage and exits 0; no command prints it and exits 2', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage:/) });
    expect(run(['check', '--help'])).toMatchObject({ code: 0 });
    expect(run([])).toMatchObject({ code: 2, out: expect.stringMatching(/^Usage:/) });
  });

  it.each<[string[], RegExp]>([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['generate', '--ouy', 'X'], /Unknown option '--ouy'/],
    [['generate', '--out'], /Option '--out <value>' argument missing/],
    [['generate', 'somewhere'], /positional argument/],
    [['check', '--out', 'X'], /Unknown option '--out'/],
    [['generate', '--zone', 'eu1'], /--zone and --app go together/],
    [
      ['deploy', '--zone', 'mars', '--app', 'x-app', '--dry-run'],
      /--zone must be one of eu1, eu2, us1, us2/,
    ],
  ])('%j exits 2 with the usage, and writes nothing', (args, message) => {
    const before = statSync(path.join(DEFAULT_APP_DIR, 'makecomapp.json')).mtimeMs;
    const result = run(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toMatch(/Usage:/);
    expect(readdirSync(dir)).toEqual([]);
    expect(statSync(path.join(DEFAULT_APP_DIR, 'makecomapp.json')).mtimeMs).toBe(before);
  });
});

describe('generate', () => {
  it('refuses `--out .` in a folder that holds other things, and leaves them alone', () => {
    writeFileSync(path.join(dir, 'thesis.tex'), 'years of work');
    const result = run(['generate', '--out', '.'], { cwd: dir });
    expect(result).toMatchObject({
      code: 1,
      err: expect.stringMatching(/is not empty and is not a Classifaily Make app/),
    });
    noStack(result.err);
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
  });

  itWithMakeSchemas('--zone/--app set the origin; generating again keeps it', () => {
    const app = path.join(dir, 'app');
    expect(run(['generate', '--out', app, '--zone', 'us2', '--app', 'classifaily-x1b2']).code).toBe(
      0,
    );
    expect(run(['generate', '--out', app]).code).toBe(0);
    const { origins } = JSON.parse(readFileSync(path.join(app, 'makecomapp.json'), 'utf8'));
    expect(origins).toMatchObject([
      { baseUrl: 'https://us2.make.com/api', appId: 'classifaily-x1b2' },
    ]);
    // The example scenarios name that app's modules, so that they import into it.
    const blueprints = readdirSync(path.join(app, 'blueprints'));
    expect(blueprints).toEqual([
      'make-classify-long-list.blueprint.json',
      'make-schemas-and-api-call.blueprint.json',
      'make-triage-review-lane.blueprint.json',
    ]);
    for (const file of blueprints) {
      const text = readFileSync(path.join(app, 'blueprints', file), 'utf8');
      expect(text).toMatch(/"app#classifaily-x1b2:[a-zA-Z]+"/);
      expect(text).not.toMatch(/"app#classifaily:/);
    }
    expect(run(['check', '--dir', app]).code).toBe(0);
  });
});

describe('check --dir checks that folder', () => {
  itWithMakeSchemas(
    'passes on a fresh folder; fails on a changed, a missing and an extra file',
    () => {
      expect(run(['generate', '--out', dir]).code).toBe(0);
      expect(run(['check', '--dir', dir])).toMatchObject({
        code: 0,
        out: expect.stringMatching(/valid against Make's schemas and up to date/),
      });
      writeFileSync(path.join(dir, 'README.md'), '# changed\n');
      writeFileSync(path.join(dir, 'stray.json'), '{}');
      const result = run(['check', '--dir', dir]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/changed: README\.md/);
      expect(result.err).toMatch(/extra: stray\.json/);
    },
  );

  itWithMakeSchemas("fails on a file Make's schema refuses, naming the file and the schema", () => {
    run(['generate', '--out', dir]);
    const file = path.join(dir, 'modules/make-an-api-call/make-an-api-call.communication.iml.json');
    const api = JSON.parse(readFileSync(file, 'utf8'));
    api.headers = "{{toCollection(parameters.headers, 'key', 'value')}}";
    writeFileSync(file, JSON.stringify(api));
    const result = run(['check', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /make-an-api-call\.communication\.iml\.json\/headers: must be object \(Make's api\.json\)/,
    );
  });

  itWithMakeSchemas('a development build passes with --dev only', () => {
    run(['generate', '--dev', '--out', dir]);
    expect(run(['check', '--dir', dir, '--dev']).code).toBe(0);
    expect(run(['check', '--dir', dir])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/https only/),
    });
  });

  it('a missing folder, or missing schemas, is a clear message', () => {
    const missing = run(['check', '--dir', path.join(dir, 'nope')]);
    expect(missing).toMatchObject({
      code: 1,
      err: expect.stringMatching(/is not a Make app folder: it has no makecomapp\.json/),
    });
    noStack(missing.err);
    const noSchemas = run(['check'], { env: { MAKE_SCHEMAS_DIR: path.join(dir, 'none') } });
    expect(noSchemas).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /Make's JSON schemas are not in MAKE_SCHEMAS_DIR \(.*none\)\. Run `pnpm --filter @classifaily\/make schemas:fetch` once/,
      ),
    });
    noStack(noSchemas.err);
  });
});

describe('deploy --dry-run', () => {
  itWithMakeSchemas(
    'checks the whole folder first: a broken one gets its problems, not a plan',
    () => {
      run(['generate', '--out', dir]);
      writeFileSync(path.join(dir, 'general/base.iml.json'), '{');
      const result = run(['deploy', '--dir', dir, '--dry-run']);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/general\/base\.iml\.json: not valid JSON/);
      expect(result.out).not.toMatch(/Plan:/);
    },
  );

  it('a missing folder is a clear message; the API origin must be https', () => {
    const missing = run(['deploy', '--dir', path.join(dir, 'nope'), '--dry-run']);
    expect(missing).toMatchObject({
      code: 1,
      err: expect.stringMatching(/is not a Make app folder/),
    });
    noStack(missing.err);
    const http = run(['deploy', '--dry-run', '--api-origin', 'http://eu1.make.com']);
    expect(http).toMatchObject({
      code: 1,
      err: expect.stringMatching(/The API origin must be https:\/\/host only/),
    });
  });

  itWithMakeSchemas('prints the plan for the folder’s origin', () => {
    const result = run(['deploy', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Plan: deploy .*app to app "classifaily" version 1 on https:\/\/eu1\.make\.com\/api\/v2/,
    );
  });
});

describe('generate: arguments and folders, checked before writing', () => {
  it('refuses a bad --app up front, and writes nothing', () => {
    const result = run([
      'generate',
      '--out',
      path.join(dir, 'app'),
      '--zone',
      'eu1',
      '--app',
      'Bad_Name!',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--app must be a Make app name .* not "Bad_Name!"/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['onto a file', (file: string) => file, /is a file, not a folder/],
    ['under a file', (file: string) => path.join(file, 'app'), /part of that path is a file/],
  ])('--out %s: a clear message, no stack', (_name, out, message) => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'keep me');
    const result = run(['generate', '--out', out(file)]);
    expect(result).toMatchObject({ code: 1, err: expect.stringMatching(message) });
    expect(result.err).not.toMatch(/ENOTDIR|EISDIR|EEXIST/);
    noStack(result.err);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('takes a folder that holds only .gitkeep', () => {
    writeFileSync(path.join(dir, '.gitkeep'), '');
    expect(run(['generate', '--out', dir]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['.gitkeep', 'makecomapp.json']));
  });
});
