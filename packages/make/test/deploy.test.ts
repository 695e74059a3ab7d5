// Deploy through Make's API (@makehq/sdk) against a local stand-in that records every call: the
// order is Make's component order, every file goes to its section, and the token is never printed.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '../src/cli';
import { deployPlan } from '../src/deploy';
import { DEFAULT_APP_DIR } from '../src/generate';
import { generatedFiles } from '../src/generate';

interface Call {
  method: string;
  path: string;
  authorization?: string;
  contentType?: string;
  body: string;
}

/** A stand-in for Make's SDK-apps API: remembers components, answers like Make, records calls. */
async function startMakeStandIn() {
  const calls: Call[] = [];
  const connections: { name: string; label: string; type: string }[] = [];
  const rpcs = new Set<string>();
  const modules = new Set<string>();
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const path = new URL(req.url!, 'http://x').pathname;
    calls.push({
      method: req.method!,
      path,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
    });
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
    origin: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const TOKEN = '6f1c2b4e-8d3a-4f5b-9c7d-0e1f2a3b4c5d';

function capture(env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  return {
    lines,
    io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s), env },
  };
}

describe('classifaily-make deploy', () => {
  let make: Awaited<ReturnType<typeof startMakeStandIn>>;
  beforeEach(async () => (make = await startMakeStandIn()));
  afterEach(() => make.close());

  it('--dry-run prints the plan and calls nothing', async () => {
    const { io, lines } = capture({ MAKE_API_TOKEN: TOKEN });
    expect(
      await main(['deploy', '--zone', 'eu2', '--app', 'classifaily-x1', '--dry-run'], io),
    ).toBe(0);
    expect(lines[0]).toMatch(/eu2\.make\.com/);
    expect(lines).toHaveLength(deployPlan(DEFAULT_APP_DIR).length + 1);
    expect(make.calls).toEqual([]);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('deploys every file in Make’s component order with the token from MAKE_API_TOKEN', async () => {
    const { io, lines } = capture({ MAKE_API_TOKEN: TOKEN });
    const code = await main(
      ['deploy', '--zone', 'eu1', '--app', 'classifaily-x1', '--api-origin', make.origin],
      io,
    );
    expect(lines.join('\n')).not.toContain(TOKEN);
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
      'connection',
      'rpc',
      'module',
      'groups',
    ]);
    expect(puts).toContain('connections/classifaily-x1/api');
    expect(puts).toContain('classifaily-x1/1/modules/classifyText/expect');

    // Every code file went up, unchanged (the JSON sections as the file's text).
    const files = generatedFiles();
    const sent = make.calls.filter((c) => c.method === 'PUT').map((c) => c.body);
    for (const [file, content] of files) {
      if (file === 'makecomapp.json' || file === 'general/common.json') continue;
      expect(sent).toContain(content);
    }

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
  });

  it('a second deploy updates the same components instead of creating them again', async () => {
    const { io } = capture({ MAKE_API_TOKEN: TOKEN });
    const args = [
      'deploy',
      '--zone',
      'eu1',
      '--app',
      'classifaily-x1',
      '--api-origin',
      make.origin,
    ];
    await main(args, io);
    const creates = make.calls.filter((c) => c.method === 'POST').length;
    await main(args, io);
    expect(make.calls.filter((c) => c.method === 'POST').length).toBe(creates);
  });

  it('refuses to run without a token, or with an unknown zone', async () => {
    const none = capture({});
    expect(
      await main(
        ['deploy', '--zone', 'eu1', '--app', 'classifaily-x1', '--api-origin', make.origin],
        none.io,
      ),
    ).toBe(2);
    expect(none.lines.join()).toMatch(/MAKE_API_TOKEN/);
    const zone = capture({ MAKE_API_TOKEN: TOKEN });
    expect(await main(['deploy', '--zone', 'mars', '--app', 'classifaily-x1'], zone.io)).toBe(2);
    expect(make.calls).toEqual([]);
  });

  it('a failing call names the step and never the token', async () => {
    await make.close();
    const { io, lines } = capture({ MAKE_API_TOKEN: TOKEN });
    expect(
      await main(
        ['deploy', '--zone', 'eu1', '--app', 'classifaily-x1', '--api-origin', make.origin],
        io,
      ),
    ).toBe(1);
    expect(lines.join('\n')).toMatch(/Deploy failed at "PUT app base/);
    expect(lines.join('\n')).not.toContain(TOKEN);
    make = await startMakeStandIn();
  });
});
