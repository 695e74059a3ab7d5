// The emulator's pagination, held to Make's words (developers.make.com, Pagination) on a small app
// of its own against a local server that records each request:
// - mergeWithParent (default true): "all of your pagination request parameters are merged with the
//   original request parameters"; false: "no parameters are merged, but instead directly used";
// - headers and qs: merge "overriding headers with the same name when mergeWithParent is set to true";
// - body: "overrides the original request body no matter the value of mergeWithParent";
// - condition: "specifies whether to execute the pagination request or not";
// and temp: "not persisted and will be lost after the module is done executing" (Make's schema), so
// a page reads what the last answer left in it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runModule } from './emulator';
import type { MakeApp, MakeRequest } from './emulator/make-format';
import { devApp } from './helpers/apps';

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}
const seen: Seen[] = [];
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  seen.push({ url: req.url!, headers: req.headers, body: text ? JSON.parse(text) : undefined });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ n: seen.length, items: [{ page: seen.length }] }));
});
let baseUrl: string;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (seen.length = 0));

/** The development app with one extra search module whose communication is `request`. */
function appWith(request: MakeRequest): MakeApp {
  const app = devApp();
  const module = { ...app.modules.find((m) => m.id === 'listSchemas')!, id: 'probe' };
  module.communication = request;
  module.mappableParams = [];
  return { ...app, modules: [...app.modules, module] };
}
const run = (request: MakeRequest) =>
  runModule(appWith(request), 'probe', { connection: { apiKey: 'cai_test_x', baseUrl } });

const original: MakeRequest = {
  url: '/first',
  method: 'POST',
  headers: { 'X-Kept': 'original', 'X-Over': 'original' },
  qs: { a: '1', b: '1' },
  body: { page: 1 },
  response: {
    temp: { pages: '{{ifempty(temp.pages, 0) + 1}}' },
    iterate: '{{body.items}}',
    output: { page: '{{item.page}}', pages: '{{temp.pages}}' },
  },
};

it('merges headers and qs with the original, overriding the same names; body and url override', async () => {
  const { bundles } = await run({
    ...original,
    pagination: {
      url: '/next',
      headers: { 'X-Over': 'page' },
      qs: { b: '2' },
      body: { page: '{{temp.pages + 1}}' },
      condition: '{{temp.pages < 3}}',
    },
  });
  expect(seen.map((s) => s.url)).toEqual(['/first?a=1&b=1', '/next?a=1&b=2', '/next?a=1&b=2']);
  expect(seen[1]!.headers).toMatchObject({ 'x-kept': 'original', 'x-over': 'page' });
  expect(seen.map((s) => s.body)).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
  // temp lasts across pages: each answer's temp counts from the last.
  expect(bundles).toEqual([
    { page: 1, pages: 1 },
    { page: 2, pages: 2 },
    { page: 3, pages: 3 },
  ]);
});

it('mergeWithParent false: only the pagination headers and qs; the body still overrides', async () => {
  await run({
    ...original,
    pagination: {
      mergeWithParent: false,
      headers: { 'X-Over': 'page' },
      qs: { b: '2' },
      body: { page: 2 },
      condition: '{{temp.pages < 2}}',
    },
  });
  expect(seen.map((s) => s.url)).toEqual(['/first?a=1&b=1', '/first?b=2']);
  expect(seen[1]!.headers['x-kept']).toBeUndefined();
  expect(seen[1]!.headers['x-over']).toBe('page');
  expect(seen[1]!.body).toEqual({ page: 2 });
});

it('a false condition sends no further page', async () => {
  await run({ ...original, pagination: { body: { page: 2 }, condition: '{{false}}' } });
  expect(seen).toHaveLength(1);
});
