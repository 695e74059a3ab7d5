// Where Make's schemas come from (decision 0409): MAKE_SCHEMAS_DIR alone when set, then
// shared/make-schemas, then the cache that `schemas:fetch` fills. The fetch script runs as a person
// runs it, in a plain node child, against a local server standing in for GitHub (this machine cannot
// reach GitHub): pinned hashes or nothing written.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  FETCH_COMMAND,
  findMakeSchemas,
  MAKE_SCHEMAS_LOCK,
  makeSchemasCacheDir,
  missingMakeSchemasMessage,
} from '../src/make-schemas';
import { loadMakeSchemas } from '../src/check';
import { itWithMakeSchemas, tempDir } from './helpers/apps';
import { MAKE_SCHEMAS } from './helpers/schemas-policy';

const SCRIPT = path.join(__dirname, '..', 'scripts', 'fetch-make-schemas.mjs');
const NOWHERE = '/nonexistent/shared/make-schemas';

let home: { dir: string; remove: () => void };
beforeEach(() => (home = tempDir('classifaily-make-cache-')));
afterEach(() => home.remove());
const env = (extra: Record<string, string> = {}) => ({ XDG_CACHE_HOME: home.dir, ...extra });

/** A stand-in for raw.githubusercontent.com: `files` by path under /<repo>/<commit>/, counted. */
async function fileServer(files: (name: string) => Buffer | undefined) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url!);
    const prefix = `/${MAKE_SCHEMAS_LOCK.repository}/${MAKE_SCHEMAS_LOCK.commit}/`;
    const entry = Object.entries(MAKE_SCHEMAS_LOCK.files).find(
      ([, f]) => `${prefix}${f.path}` === req.url,
    );
    const body = entry && files(entry[0]);
    if (!body) return res.writeHead(404).end('Not Found');
    res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${MAKE_SCHEMAS_LOCK.repository}/${MAKE_SCHEMAS_LOCK.commit}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `node scripts/fetch-make-schemas.mjs` in a plain child (async: the server lives in this process). */
function fetchScript(extraEnv: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [SCRIPT], {
      env: { PATH: process.env.PATH, HOME: home.dir, ...env(extraEnv) },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('findMakeSchemas', () => {
  it('MAKE_SCHEMAS_DIR is the only place looked at when set: an empty folder finds none', () => {
    const empty = path.join(home.dir, 'empty');
    mkdirSync(empty);
    expect(findMakeSchemas(env({ MAKE_SCHEMAS_DIR: empty }))).toBeUndefined();
    expect(missingMakeSchemasMessage(undefined, env({ MAKE_SCHEMAS_DIR: empty }))).toBe(
      `Make's JSON schemas are not in MAKE_SCHEMAS_DIR (${empty}). Run \`${FETCH_COMMAND}\` once to download them (Make's files at a pinned commit of integromat/vscode-apps-sdk, each checked against its SHA-256), or set MAKE_SCHEMAS_DIR to a folder that holds them.`,
    );
  });

  it('with nothing anywhere: none, and the message names both places and the fetch command', () => {
    expect(findMakeSchemas(env(), NOWHERE)).toBeUndefined();
    const message = missingMakeSchemasMessage(undefined, env());
    expect(message).toContain(makeSchemasCacheDir(env()));
    expect(message).toContain(FETCH_COMMAND);
  });

  it('the loader names the folder it was given', () => {
    expect(() => loadMakeSchemas('/nonexistent/make-schemas')).toThrow(
      /^Make's JSON schemas are not in \/nonexistent\/make-schemas\. Run `pnpm --filter @classifaily\/make schemas:fetch` once/,
    );
  });

  it('the script and the loader agree on the cache folder', () => {
    const printed = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import(${JSON.stringify(SCRIPT)}).then((m) => console.log(m.cacheDir()))`,
      ],
      { env: { PATH: process.env.PATH, ...env() }, encoding: 'utf8' },
    );
    expect(printed.stdout.trim()).toBe(makeSchemasCacheDir(env()));
    expect(makeSchemasCacheDir(env())).toBe(
      path.join(home.dir, 'classifaily', 'make-schemas', MAKE_SCHEMAS_LOCK.commit),
    );
  });
});

describe('schemas:fetch against a local server', () => {
  it('refuses a file whose SHA-256 is not the pinned one, and writes nothing', async () => {
    const server = await fileServer(() => Buffer.from('{"not": "Make\'s schema"}'));
    try {
      const result = await fetchScript({ MAKE_SCHEMAS_SOURCE_URL: server.url });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        /has SHA-256 [0-9a-f]{64}, not the pinned [0-9a-f]{64}: refused, nothing was written\./,
      );
      expect(result.err).not.toMatch(/\n\s+at /);
      expect(existsSync(makeSchemasCacheDir(env()))).toBe(false);
      expect(readdirSync(path.dirname(makeSchemasCacheDir(env())))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a file the server does not have: its address and status', async () => {
    const server = await fileServer(() => undefined);
    try {
      const result = await fetchScript({ MAKE_SCHEMAS_SOURCE_URL: server.url });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/\/LICENSE\.md answered 404 Not Found\./);
      expect(findMakeSchemas(env(), NOWHERE)).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('a server it cannot reach: what to do on a machine without access', async () => {
    const server = await fileServer(() => undefined);
    await server.close();
    const result = await fetchScript({ MAKE_SCHEMAS_SOURCE_URL: server.url });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /Could not download http:\/\/127\.0\.0\.1:\d+\/.*ECONNREFUSED.*set MAKE_SCHEMAS_DIR/,
    );
  });

  // Serving Make's real files needs them on this machine.
  itWithMakeSchemas(
    'downloads every pinned file into the cache, where the loader finds them; once',
    async () => {
      const from = MAKE_SCHEMAS!.dir;
      const server = await fileServer((name) => readFileSync(path.join(from, name)));
      try {
        const first = await fetchScript({ MAKE_SCHEMAS_SOURCE_URL: server.url });
        expect(first.err).toBe('');
        expect(first.code).toBe(0);
        const count = Object.keys(MAKE_SCHEMAS_LOCK.files).length;
        expect(first.out).toContain(
          `${count} files, each matching its pinned SHA-256, are in ${makeSchemasCacheDir(env())}.`,
        );
        expect(server.requests).toHaveLength(count);
        expect(findMakeSchemas(env(), NOWHERE)).toEqual({
          dir: makeSchemasCacheDir(env()),
          from: 'cache',
        });
        expect(() => loadMakeSchemas(makeSchemasCacheDir(env()))).not.toThrow();

        const again = await fetchScript({ MAKE_SCHEMAS_SOURCE_URL: server.url });
        expect(again.code).toBe(0);
        expect(again.out).toContain('Already in');
        expect(server.requests).toHaveLength(count);

        // A cached file changed since the fetch is not trusted: the cache is not found, and the
        // next fetch replaces it.
        writeFileSync(path.join(makeSchemasCacheDir(env()), 'api.json'), '{}');
        expect(findMakeSchemas(env(), NOWHERE)).toBeUndefined();
        expect((await fetchScript({ MAKE_SCHEMAS_SOURCE_URL: server.url })).code).toBe(0);
        expect(findMakeSchemas(env(), NOWHERE)?.from).toBe('cache');
      } finally {
        await server.close();
      }
    },
  );
});
