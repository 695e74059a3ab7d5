// The generated modules, read from the development build's files (the production build takes https
// only, and the sandbox is http on this machine; the two differ only in the connection's Base URL
// field, see generate.test.ts), rendered by the test emulator and sent to the sandbox over HTTP: the
// API accepts each request, the output matches the module's interface, and the sandbox's errors come
// out as the Make error types the app declares.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  catalog,
  formatError,
  LIMITS,
  malformedAnswer,
  presentResult,
  SAMPLE_CATEGORIES,
  SAMPLE_INPUT,
} from '@classifaily/core';
import { MAX_BATCH_ITEMS } from '../src/app/batch';
import { MAKE_ERROR_TYPE } from '../src/app/errors';
import { RPC_MAX_PAGES } from '../src/app/build';
import { DEFAULT_APP_DIR } from '../src/generate';
import type { MakeModule, MakeParameter } from './emulator/make-format';
import {
  MakeModuleError,
  readApp,
  runModule,
  runRpc,
  verifyConnection,
  type SentRequest,
} from './emulator';
import { useApi } from './helpers/api';
import { devApp } from './helpers/apps';

const app = devApp();
const { api, connection } = useApi();

const moduleById = (id: string) => app.modules.find((m) => m.id === id)!;

/** Each bundle has only interface fields, each of the interface's type. */
function expectMatchesInterface(module: MakeModule, bundle: Record<string, unknown>) {
  const fields = new Map<string, MakeParameter>(module.interface.map((f) => [f.name, f]));
  for (const [key, value] of Object.entries(bundle)) {
    const field = fields.get(key);
    expect(field).toBeDefined();
    const type = {
      text: 'string',
      number: 'number',
      boolean: 'boolean',
      collection: 'object',
      array: 'object',
      date: 'string',
    }[field!.type as string];
    if (type) expect(typeof value).toBe(type);
    if (field!.type === 'array') expect(Array.isArray(value)).toBe(true);
    if (field!.type === 'date') expect(Number.isNaN(Date.parse(value as string))).toBe(false);
    // An array's element fields (its spec) name what each element holds, for mapping.
    if (field!.type === 'array' && field!.spec) {
      const names = ((field!.spec as MakeParameter).spec as MakeParameter[]).map((f) => f.name);
      for (const element of value as object[])
        expect(names).toEqual(expect.arrayContaining(Object.keys(element)));
    }
  }
}

const run = (id: string, parameters: Record<string, unknown>) =>
  runModule(app, id, { connection, parameters });

async function makeError(promise: Promise<unknown>): Promise<MakeModuleError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(MakeModuleError);
    return e as MakeModuleError;
  }
  throw new Error('expected a Make error');
}

describe('connection', () => {
  it('validates on core’s test request, one schema read, billing nothing; no account label', async () => {
    api.reset();
    const { label, requests } = await verifyConnection(app, { connection });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: catalog.credential.testRequest.method,
      url: `${api.url}${catalog.credential.testUrl}`,
    });
    // Without /v1/me there is no account to name: Make shows the connection's own name.
    expect(label).toBe('');
    expect(api.stats()).toMatchObject({ byRoute: { 'GET /v1/schemas': 1 }, itemsClassified: 0 });
  });

  it('a key with no schemas yet is valid; a 2xx that is not a schema page is not', async () => {
    const page = (await (
      await fetch(`${api.url}/v1/schemas`, { headers: { authorization: `Bearer ${api.apiKey}` } })
    ).json()) as { data: unknown[] };
    expect(page.data).toEqual([]);
    await expect(verifyConnection(app, { connection })).resolves.toBeDefined();
    // A Base URL that is a website, not the API: its 200 page is no answer.
    const website = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Welcome</h1>'),
    );
    await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
    const { port } = website.address() as AddressInfo;
    const error = await makeError(
      verifyConnection(app, { connection: { ...connection, baseUrl: `http://127.0.0.1:${port}` } }),
    );
    website.close();
    expect(error).toMatchObject({
      type: MAKE_ERROR_TYPE.temporary,
      message: formatError(malformedAnswer()),
    });
  });

  it('a revoked key fails as InvalidAccessTokenError, and the key appears nowhere', async () => {
    const sent: SentRequest[] = [];
    const error = await makeError(
      verifyConnection(app, {
        connection: { ...connection, apiKey: api.revokedKey },
        onRequest: (r) => sent.push(r),
      }),
    );
    expect(error.type).toBe('InvalidAccessTokenError');
    expect(error.statusCode).toBe(401);
    expect(JSON.stringify({ error: error.message, sent })).not.toContain(api.revokedKey);
  });
});

describe('Classify Text', () => {
  const classifyText = moduleById('classifyText');

  it('classifies, and its output is core’s presentResult of the API’s answer', async () => {
    const { bundles, requests } = await run('classifyText', {
      input: SAMPLE_INPUT,
      categories: SAMPLE_CATEGORIES,
      explain: true,
    });
    expect(bundles).toHaveLength(1);
    const bundle = bundles[0]!;
    expectMatchesInterface(classifyText, bundle);
    expect(bundle.label).toBe('account_access');
    // The result's own classification id, as a batch item's (decision 0234).
    expect(bundle.id).toMatch(/^cls_/);
    expect(bundle).toEqual(
      presentResult({
        id: bundle.id as string,
        label: bundle.label as string,
        confidence: bundle.confidence as number,
        explanation: bundle.explanation as string,
        scores: bundle.scores as Record<string, number>,
      }),
    );
    expect(requests[0]!.body).toEqual({
      input: SAMPLE_INPUT,
      categories: SAMPLE_CATEGORIES,
      explain: true,
    });
    expect(requests[0]!.headers.authorization).toBe('Bearer ***');
  });

  it('computes needs_review from the threshold: confidence < threshold', async () => {
    const low = await run('classifyText', {
      input: SAMPLE_INPUT,
      categories: SAMPLE_CATEGORIES,
      reviewThreshold: 1,
    });
    expect(low.bundles[0]!.needs_review).toBe(true);
    const high = await run('classifyText', {
      input: SAMPLE_INPUT,
      categories: SAMPLE_CATEGORIES,
      reviewThreshold: 0,
    });
    expect(high.bundles[0]!.needs_review).toBe(false);
  });

  it('classifies against a schema picked from the RPC dropdown', async () => {
    const [schema] = (
      await run('createSchema', {
        name: 'Support triage',
        categories: SAMPLE_CATEGORIES.map((name) => ({ name })),
      })
    ).bundles;
    const options = (await runRpc(app, 'schemaOptions', { connection })).bundles;
    expect(options).toEqual([{ label: 'Support triage', value: schema!.id }]);
    const { bundles, requests } = await run('classifyText', {
      input: SAMPLE_INPUT,
      categorySource: 'schema',
      schema: options[0]!.value,
    });
    expect(requests[0]!.body).toEqual({ input: SAMPLE_INPUT, schema: schema!.id, explain: false });
    expect(bundles[0]!.label).toBe('account_access');
  });

  it('sends only what Categories From chose: a value left over from the other option stays out', async () => {
    const [schema] = (
      await run('createSchema', { name: 'Triage', categories: [{ name: 'a' }, { name: 'b' }] })
    ).bundles;
    const bySchema = await run('classifyText', {
      input: SAMPLE_INPUT,
      categorySource: 'schema',
      schema: schema!.id,
      categories: SAMPLE_CATEGORIES,
    });
    expect(bySchema.requests[0]!.body).toEqual({
      input: SAMPLE_INPUT,
      schema: schema!.id,
      explain: false,
    });
    const byList = await run('classifyText', {
      input: SAMPLE_INPUT,
      categorySource: 'list',
      schema: schema!.id,
      categories: SAMPLE_CATEGORIES,
    });
    expect(byList.requests[0]!.body).toEqual({
      input: SAMPLE_INPUT,
      categories: SAMPLE_CATEGORIES,
      explain: false,
    });
    expect(byList.bundles[0]!.label).toBe('account_access');
  });

  it('a request the API refuses is a DataError carrying the API’s detail', async () => {
    const error = await makeError(
      run('classifyText', { input: '   ', categories: SAMPLE_CATEGORIES }),
    );
    expect(error.type).toBe('DataError');
    expect([400, 422]).toContain(error.statusCode);
    expect(error.message).not.toMatch(/^Classifaily could not accept the request/);
  });

  it.each<[number, string]>([
    [429, 'RateLimitError'],
    [500, 'ConnectionError'],
    [409, 'RateLimitError'],
    [503, 'ConnectionError'],
  ])('a %s from the API (no Retry-After) is a %s', async (status, type) => {
    api.setFaults({ kind: 'status', status, count: 1, retryAfter: '' });
    const error = await makeError(
      run('classifyText', { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES }),
    );
    expect(error.type).toBe(type);
    expect(error.statusCode).toBe(status);
  });
});

describe('Classify Batch', () => {
  const batch = moduleById('classifyBatch');

  it('gives one bundle per item, in input order, with the reference and a per-item error', async () => {
    const items = [
      { input: 'I was charged twice this month.', id: 'ticket-1' },
      { input: '', id: 'ticket-2' },
      { input: 'The export button crashes the app.' },
    ];
    const { bundles, requests } = await run('classifyBatch', {
      items,
      categories: SAMPLE_CATEGORIES,
    });
    expect(requests).toHaveLength(1);
    expect(bundles.map((b) => b.index)).toEqual([1, 2, 3]);
    expect(bundles.map((b) => b.reference)).toEqual(['ticket-1', 'ticket-2', undefined]);
    bundles.forEach((b) => expectMatchesInterface(batch, b));
    expect(bundles[0]).toMatchObject({ label: 'billing', needs_review: false });
    // Each classified item has its own classification id, apart from its reference.
    expect(bundles[0]!.id).toMatch(/^cls_/);
    expect(bundles[2]!.id).toMatch(/^cls_/);
    expect(bundles[2]!.id).not.toBe(bundles[0]!.id);
    expect(bundles[1]!.label).toBeUndefined();
    expect(typeof bundles[1]!.error).toBe('string');
    expect(bundles[1]!.needs_review).toBe(true);
    expect(bundles[2]).toMatchObject({ label: 'technical_bug' });
  });

  const tickets = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      input:
        i % 3 ? `I was charged twice, invoice ${i}.` : `The export button crashes, build ${i}.`,
      id: `ticket-${i + 1}`,
    }));

  // Make's pagination: "body … overrides the original request body no matter the value of
  // mergeWithParent"; "headers … merges with headers of the original request"; `condition`
  // "specifies whether to execute the pagination request or not" (developers.make.com, Pagination).
  it.each([
    [60, 3],
    [1000, 40],
  ])(
    '%i items: %i requests of at most 25, one bundle per item, in order, each with its reference',
    async (n, calls) => {
      const items = tickets(n);
      const { bundles, requests } = await run('classifyBatch', {
        items,
        categories: SAMPLE_CATEGORIES,
      });
      expect(requests).toHaveLength(calls);
      const sizes = requests.map((r) => (r.body as { items: unknown[] }).items.length);
      expect(sizes.every((size) => size <= LIMITS.batchMaxItems)).toBe(true);
      expect(sizes.reduce((a, b) => a + b)).toBe(n);
      // Each chunk is the next slice of the list, with the same categories.
      expect(requests.flatMap((r) => (r.body as { items: unknown[] }).items)).toEqual(items);
      for (const r of requests)
        expect((r.body as { categories: string[] }).categories).toEqual(SAMPLE_CATEGORIES);
      expect(bundles.map((b) => b.index)).toEqual(items.map((_, i) => i + 1));
      expect(bundles.map((b) => b.reference)).toEqual(items.map((item) => item.id));
      expect(bundles.every((b) => typeof b.label === 'string')).toBe(true);
      // Each chunk has its own key, and the API billed every item once.
      const keys = requests.map((r) => r.headers['idempotency-key']);
      expect(new Set(keys).size).toBe(calls);
      expect(api.stats()).toMatchObject({ itemsClassified: n, itemsClassifiedAgain: 0 });
    },
  );

  it('cuts chunks smaller where the texts are long, so that no chunk passes the API body limit', async () => {
    // 25 texts of 20,000 characters would be 500,000 characters: the module sends fewer a chunk.
    const items = Array.from({ length: 30 }, (_, i) => ({
      input: `${'Refund please. '.repeat(1333)} ${i}`,
    }));
    const { bundles, requests } = await run('classifyBatch', {
      items,
      categories: SAMPLE_CATEGORIES,
    });
    const sizes = requests.map((r) => (r.body as { items: unknown[] }).items.length);
    expect(sizes).toEqual([6, 6, 6, 6, 6]);
    for (const r of requests)
      expect(Buffer.byteLength(JSON.stringify(r.body))).toBeLessThan(LIMITS.requestBodyMaxBytes);
    expect(bundles.map((b) => b.index)).toEqual(items.map((_, i) => i + 1));
    expect(bundles.every((b) => b.error === undefined)).toBe(true);
  });

  it('a failed item fails alone, in whichever chunk it is', async () => {
    const items = tickets(60);
    items[40] = { input: '   ', id: 'blank' };
    const { bundles } = await run('classifyBatch', { items, categories: SAMPLE_CATEGORIES });
    expect(bundles).toHaveLength(60);
    expect(bundles[40]).toMatchObject({ index: 41, reference: 'blank', needs_review: true });
    expect(typeof bundles[40]!.error).toBe('string');
    expect(bundles.filter((b) => b.error !== undefined)).toHaveLength(1);
  });

  it(`refuses more than ${MAX_BATCH_ITEMS.toLocaleString('en-US')} items before sending anything`, async () => {
    const items = tickets(MAX_BATCH_ITEMS + 1);
    const error = await makeError(run('classifyBatch', { items, categories: SAMPLE_CATEGORIES }));
    expect(error.type).toBe('DataError');
    expect(error.statusCode).toBeUndefined();
    expect(api.stats().total).toBe(0);
  });
});

describe('schema modules', () => {
  it('create, get, list (with its limit), delete', async () => {
    const created = (
      await run('createSchema', {
        name: 'Support triage',
        categories: [{ name: 'billing', description: 'Money.' }, { name: 'account_access' }],
      })
    ).bundles[0]!;
    expectMatchesInterface(moduleById('createSchema'), created);
    expect(created).toMatchObject({
      name: 'Support triage',
      categories: [{ name: 'billing', description: 'Money.' }, { name: 'account_access' }],
    });

    const got = (await run('getSchema', { schemaId: created.id })).bundles[0]!;
    expect(got).toEqual(created);

    await run('createSchema', { name: 'Second', categories: [{ name: 'a' }, { name: 'b' }] });
    const listed = (await run('listSchemas', {})).bundles;
    expect(listed.map((s) => s.name).sort()).toEqual(['Second', 'Support triage']);
    listed.forEach((s) => expectMatchesInterface(moduleById('listSchemas'), s));
    expect((await run('listSchemas', { limit: 1 })).bundles).toHaveLength(1);

    const deleted = (await run('deleteSchema', { schemaId: created.id })).bundles[0]!;
    expect(deleted).toEqual({ id: created.id, deleted: true });
    const error = await makeError(run('getSchema', { schemaId: created.id }));
    expect(error).toMatchObject({ type: 'DataError', statusCode: 404 });
  });

  it('a schema ID is one path segment: "../v1/me?x=1" asks for that schema, not for /v1/me', async () => {
    const got: SentRequest[] = [];
    const error = await makeError(
      runModule(app, 'getSchema', {
        connection,
        parameters: { schemaId: '../v1/me?x=1' },
        onRequest: (r) => got.push(r),
      }),
    );
    // The API refuses the ID (no schema has it); before, this was GET /v1/me and an account.
    expect(error.type).toBe('DataError');
    expect(got[0]!.url).toBe(`${api.url}/v1/schemas/..%2Fv1%2Fme%3Fx%3D1`);
    const sent: SentRequest[] = [];
    await runModule(app, 'deleteSchema', {
      connection,
      parameters: { schemaId: 'a/b c?d#e' },
      onRequest: (r) => sent.push(r),
    }).catch(() => undefined);
    expect(sent[0]!.url).toBe(`${api.url}/v1/schemas/a%2Fb%20c%3Fd%23e`);
  });

  it('List Schemas follows the cursor over pages', async () => {
    // A fetch that asks for pages of 1, so that three schemas take three requests.
    for (const name of ['A', 'B', 'C'])
      await run('createSchema', { name, categories: [{ name: 'x' }, { name: 'y' }] });
    const small: typeof fetch = (url, init) =>
      fetch(String(url).replace(/limit=\d+/, 'limit=1'), init);
    const { bundles, requests } = await runModule(app, 'listSchemas', { connection, fetch: small });
    expect(bundles.map((b) => b.name)).toEqual(['C', 'B', 'A']);
    expect(requests).toHaveLength(3);
    expect(requests[1]!.url).toMatch(/cursor=/);
  });
});

describe('Make an API Call (Make’s REST universal module)', () => {
  it('sends a path after the connection’s base URL, with its key, and returns body, headers and status', async () => {
    const { bundles, requests } = await run('makeAnApiCall', {
      url: '/v1/me',
      method: 'GET',
    });
    expect(bundles[0]).toMatchObject({ statusCode: 200, body: { object: 'me' } });
    expect(requests[0]).toMatchObject({
      url: `${api.url}/v1/me`,
      headers: { authorization: 'Bearer ***' },
    });
  });

  it('POST with an object body', async () => {
    const schema = {
      name: 'From an API call',
      categories: [{ name: 'billing' }, { name: 'other' }],
    };
    const { bundles, requests } = await run('makeAnApiCall', {
      url: '/v1/schemas',
      method: 'POST',
      body: schema,
    });
    expect(bundles[0]).toMatchObject({ statusCode: 201, body: schema });
    // The Headers field's default, as in Make's template.
    expect(requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('POST with a body given as JSON text (Make’s JSON › Create JSON), sent as it is', async () => {
    const text = JSON.stringify({ input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES });
    const { bundles } = await run('makeAnApiCall', {
      url: '/v1/classify',
      method: 'POST',
      body: text,
    });
    expect(bundles[0]).toMatchObject({
      statusCode: 200,
      body: { result: { label: 'account_access' } },
    });
  });

  it('the module before this fix (JSON type, no Content-Type default) sent JSON text as a JSON string: 400', async () => {
    const old = structuredClone(app);
    const universal = old.modules.find((m) => m.id === 'makeAnApiCall')!;
    delete universal.communication.type;
    const text = JSON.stringify({ input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES });
    const error = await makeError(
      runModule(old, 'makeAnApiCall', {
        connection,
        parameters: { url: '/v1/classify', method: 'POST', body: text, headers: [] },
      }),
    );
    expect(error).toMatchObject({ type: 'DataError', statusCode: 400 });
  });

  it('headers and query string from key/value pairs', async () => {
    await run('createSchema', { name: 'A', categories: [{ name: 'x' }, { name: 'y' }] });
    await run('createSchema', { name: 'B', categories: [{ name: 'x' }, { name: 'y' }] });
    const { bundles, requests } = await run('makeAnApiCall', {
      url: '/v1/schemas',
      method: 'GET',
      qs: [{ key: 'limit', value: '1' }],
      headers: [{ key: 'X-Trace', value: 'make-test' }],
    });
    expect(requests[0]!.url).toBe(`${api.url}/v1/schemas?limit=1`);
    expect(requests[0]!.headers['x-trace']).toBe('make-test');
    expect((bundles[0]!.body as { data: unknown[] }).data).toHaveLength(1);
  });

  it('refuses an absolute URL, which would send the key elsewhere', async () => {
    const error = await makeError(
      run('makeAnApiCall', { url: 'https://example.com/steal', method: 'GET' }),
    );
    expect(error.type).toBe('DataError');
  });
});

describe('the schema dropdown (RPC)', () => {
  it(`stops after ${RPC_MAX_PAGES} pages, as Make advises for its 40 s RPC budget`, async () => {
    const create = (i: number) =>
      fetch(`${api.url}/v1/schemas`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Schema ${i}`, categories: [{ name: 'a' }, { name: 'b' }] }),
      });
    const count = RPC_MAX_PAGES * LIMITS.schemaListMaxLimit + 1;
    for (let i = 0; i < count; i += 50)
      await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => create(i + j)));
    const { bundles, requests } = await runRpc(app, 'schemaOptions', { connection });
    expect(requests).toHaveLength(RPC_MAX_PAGES);
    expect(bundles).toHaveLength(RPC_MAX_PAGES * LIMITS.schemaListMaxLimit);
  });
});

describe('the production build takes https only', () => {
  const prod = readApp(DEFAULT_APP_DIR);
  const params = { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES };

  it.each(['http://127.0.0.1:8787', 'http://api.example.com', 'https://user:pw@api.example.com'])(
    'refuses %s as Base URL before sending anything',
    async (baseUrl) => {
      const sent: SentRequest[] = [];
      const onRequest = (r: SentRequest) => sent.push(r);
      const conn = { apiKey: api.apiKey, baseUrl };
      for (const attempt of [
        verifyConnection(prod, { connection: conn, onRequest }),
        runModule(prod, 'classifyText', { connection: conn, parameters: params, onRequest }),
      ]) {
        const error = await makeError(attempt);
        expect(error).toMatchObject({
          type: 'DataError',
          message: expect.stringMatching(/baseUrl/),
        });
      }
      expect(sent).toEqual([]);
    },
  );

  it('takes an https Base URL (here a closed local port: the request goes out and fails to connect)', async () => {
    const error = await makeError(
      verifyConnection(prod, {
        connection: { apiKey: api.apiKey, baseUrl: 'https://127.0.0.1:9' },
      }),
    );
    expect(error.type).toBe('ConnectionError');
  });

  it('the development build takes http to this machine only', async () => {
    const error = await makeError(
      verifyConnection(app, {
        connection: { apiKey: api.apiKey, baseUrl: 'http://api.example.com' },
      }),
    );
    expect(error.message).toMatch(/baseUrl/);
  });
});
