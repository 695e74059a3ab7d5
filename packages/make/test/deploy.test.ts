// `classifaily-make deploy`, run as a user runs it (`node dist/cli.js` in a plain node child), through
// the real @makehq/sdk against a stand-in for Make's API on https://127.0.0.1 (a self-signed
// certificate the child trusts through NODE_EXTRA_CA_CERTS) that records every call: the order is
// Make's component order, every file goes to its section, the token is never printed, and a folder
// that fails its check makes no call at all.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generate as selfSigned } from 'selfsigned';
import { generatedFiles, writeApp } from '../src/generate';
import { CLI, itWithMakeSchemas, schemasEnv, tempDir } from './helpers/apps';

interface Call {
  method: string;
  path: string;
  authorization?: string;
  body: string;
  /** The body's bytes (the icon is a PNG). */
  raw: Buffer;
}

/** A stand-in for Make's SDK-apps API: remembers components, answers like Make, records calls. */
async function startMakeStandIn(tls: { key: string; cert: string }) {
  const calls: Call[] = [];
  const connections: { name: string; label: string; type: string }[] = [];
  const rpcs = new Set<string>();
  const modules = new Set<string>();
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer(tls, async (req, res) => {
    const raw = await read(req);
    const body = raw.toString('utf8');
    const path = new URL(req.url!, 'https://x').pathname;
    calls.push({ method: req.method!, path, authorization: req.headers.authorization, body, raw });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    let m: RegExpExecArray | null;
    if ((m = /^\/api\/v2\/sdk\/apps\/([^/]+)\/connections$/.exec(path))) {
      if (req.method === 'GET') return json(200, { appConnections: connections });
      const created = { name: m[1]!, ...JSON.parse(body) };
      connections.push(created);
      return json(200, { appConnection: created });
    }
    if ((m = /^\/api\/v2\/sdk\/apps\/[^/]+\/1\/(rpcs|modules)$/.exec(path))) {
      const set = m[1] === 'rpcs' ? rpcs : modules;
      const key = m[1] === 'rpcs' ? 'appRpcs' : 'appModules';
      if (req.method === 'GET') return json(200, { [key]: [...set].map((name) => ({ name })) });
      const created = JSON.parse(body);
      set.add(created.name);
      return json(200, { [m[1] === 'rpcs' ? 'appRpc' : 'appModule']: created });
    }
    if (req.method === 'PATCH') return json(200, { appModule: {}, appRpc: {} });
    return json(200, { changed: true });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const TOKEN = '6f1c2b4e-8d3a-4f5b-9c7d-0e1f2a3b4c5d';

let tmp: ReturnType<typeof tempDir>;
let caFile: string;
let make: Awaited<ReturnType<typeof startMakeStandIn>>;
let tls: { key: string; cert: string };

beforeAll(async () => {
  tmp = tempDir();
  const pems = await selfSigned([{ name: 'commonName', value: 'localhost' }], {
    notAfterDate: new Date(Date.now() + 86_400_000),
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  tls = { key: pems.private, cert: pems.cert };
  caFile = path.join(tmp.dir, 'stand-in.pem');
  writeFileSync(caFile, pems.cert);
});
afterAll(() => tmp.remove());
beforeEach(async () => (make = await startMakeStandIn(tls)));
afterEach(() => make.close());

/** The CLI in a child process; async, so that the stand-in in this process can answer it. */
function cli(args: string[], env: Record<string, string> = { MAKE_API_TOKEN: TOKEN }) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: caFile, ...schemasEnv(), ...env } },
      (error, out, err) => resolve({ code: error ? Number(error.code) : 0, out, err }),
    );
  });
}
const deployTo = (extra: string[] = []) => [
  'deploy',
  '--zone',
  'eu1',
  '--app',
  'classifaily-x1',
  '--api-origin',
  make.origin,
  ...extra,
];

describe('classifaily-make deploy', () => {
  itWithMakeSchemas('--dry-run checks the folder, prints the plan and calls nothing', async () => {
    const { code, out } = await cli(deployTo(['--dry-run']));
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Plan: deploy .* to app "classifaily-x1" version 1 on https:\/\/127\.0\.0\.1/,
    );
    expect(out).toMatch(/PUT app groups/);
    expect(make.calls).toEqual([]);
    expect(out).not.toContain(TOKEN);
  });

  itWithMakeSchemas(
    'deploys every file in Make’s component order with the token from MAKE_API_TOKEN',
    async () => {
      const { code, out, err } = await cli(deployTo());
      expect(`${out}${err}`).not.toContain(TOKEN);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(make.calls.every((c) => c.authorization === `Token ${TOKEN}`)).toBe(true);

      const puts = make.calls
        .filter((c) => c.method === 'PUT')
        .map((c) => c.path.replace('/api/v2/sdk/apps/', ''));
      const kind = (p: string) =>
        p.startsWith('connections/')
          ? 'connection'
          : /\/rpcs\//.test(p)
            ? 'rpc'
            : /\/modules\//.test(p)
              ? 'module'
              : p.split('/').pop()!;
      // app codes, then connection, RPCs, modules; groups last.
      expect([...new Set(puts.map(kind))]).toEqual([
        'base',
        'common',
        'readme',
        'icon',
        'connection',
        'rpc',
        'module',
        'groups',
      ]);
      expect(puts).toContain('connections/classifaily-x1/api');
      expect(puts).toContain('classifaily-x1/1/modules/classifyText/expect');

      // Every code file went up, unchanged (the JSON sections as the file's text).
      const sent = make.calls.filter((c) => c.method === 'PUT');
      // (The example scenarios stay in the folder: Make's app API has no place for them.)
      for (const [file, content] of generatedFiles())
        if (
          !['makecomapp.json', 'general/common.json'].includes(file) &&
          !file.startsWith('blueprints/')
        )
          expect(sent.some((c) => c.raw.equals(Buffer.from(content)))).toBe(true);

      // Modules were created with Make's type ids and linked to the remote connection.
      const created = make.calls
        .filter((c) => c.method === 'POST' && c.path.endsWith('/modules'))
        .map((c) => JSON.parse(c.body));
      expect(created.find((m) => m.name === 'classifyBatch')).toMatchObject({ typeId: 9 });
      expect(created.find((m) => m.name === 'makeAnApiCall')).toMatchObject({
        typeId: 12,
        subtype: 'Universal',
      });
      const linked = make.calls
        .filter((c) => c.method === 'PATCH' && c.path.includes('/modules/'))
        .map((c) => JSON.parse(c.body));
      expect(linked.every((b) => b.connection === 'classifaily-x1')).toBe(true);
    },
  );

  itWithMakeSchemas(
    'a second deploy updates the same components instead of creating them again',
    async () => {
      await cli(deployTo());
      const creates = make.calls.filter((c) => c.method === 'POST').length;
      await cli(deployTo());
      expect(make.calls.filter((c) => c.method === 'POST').length).toBe(creates);
    },
  );

  itWithMakeSchemas.each<[string, (dir: string) => void, RegExp]>([
    [
      'a file that is not JSON',
      (dir) => writeFileSync(path.join(dir, 'general/base.iml.json'), '{'),
      /general\/base\.iml\.json: not valid JSON/,
    ],
    [
      'a missing file',
      (dir) => rmSync(path.join(dir, 'modules/groups.json')),
      /missing: modules\/groups\.json/,
    ],
    [
      "a file Make's schema refuses",
      (dir) => {
        const file = path.join(dir, 'modules/classify-text/classify-text.communication.iml.json');
        writeFileSync(file, readFileSync(file, 'utf8').replace('"POST"', '"FETCH"'));
      },
      /classify-text\.communication\.iml\.json\/method: must be equal to one of the allowed values/,
    ],
    [
      'a development build',
      (dir) => writeApp(dir, generatedFiles({ dev: true })),
      /https only; a development build is not for deploying/,
    ],
  ])('a folder with %s: its problems, and 0 calls to Make', async (_name, breakIt, expected) => {
    const { dir, remove } = tempDir();
    try {
      writeApp(dir, generatedFiles());
      breakIt(dir);
      const { code, out, err } = await cli(deployTo(['--dir', dir]));
      expect(code).toBe(1);
      expect(err).toMatch(/^Nothing deployed:/);
      expect(err).toMatch(expected);
      expect(out).toBe('');
      expect(make.calls).toEqual([]);
    } finally {
      remove();
    }
  });

  it('refuses plain http for the API, a bad app name, or no token: 0 calls', async () => {
    const http = await cli(deployTo().map((a) => a.replace('https:', 'http:')));
    expect(http).toMatchObject({
      code: 1,
      err: expect.stringMatching(/The API origin must be https:\/\/host only/),
    });
    const name = await cli(deployTo().map((a) => (a === 'classifaily-x1' ? 'Classifaily X' : a)));
    // --app is checked with the arguments (as generate checks it): a usage error.
    expect(name).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--app must be a Make app name .*not "Classifaily X"/),
    });
    const none = await cli(deployTo(), {});
    expect(none).toMatchObject({ code: 2, err: expect.stringMatching(/Set MAKE_API_TOKEN/) });
    expect(make.calls).toEqual([]);
  });

  itWithMakeSchemas('a failing call names the step and never the token', async () => {
    await make.close();
    const { code, err } = await cli(deployTo());
    expect(code).toBe(1);
    expect(err).toMatch(/Deploy failed at "PUT app base/);
    expect(err).not.toContain(TOKEN);
    make = await startMakeStandIn(tls);
  });
});
