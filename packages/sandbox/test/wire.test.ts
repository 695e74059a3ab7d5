// Answers below the routes follow the contract too: bad URLs, long ids and queries, methods a path
// does not take, keys named like built-ins, deep or wide bodies, slow clients. Each is problem+json
// with a true code and an X-Request-Id.
import { connect } from 'node:net';
import { startSandbox, type Sandbox } from '../src';
import { call, expectConforms, expectProblem, rawCall, SUPPORT } from './helpers';

describe('the wire: every answer is problem+json with a true code', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const auth = () => ({ authorization: `Bearer ${sandbox.apiKey}` });

  it('a path that is not valid percent-encoding → 400 invalid_request', async () => {
    for (const path of ['/v1/schemas/%E0%A4%A', '/v1/schemas/%', '/v1/%ZZ']) {
      const answer = await rawCall(sandbox.url, { method: 'GET', path, headers: auth() });
      expectProblem(answer, 400, 'invalid_request');
    }
  });

  it('a long schema id → the contract’s 400 for a malformed id, not the router’s 414', async () => {
    const answer = await call(sandbox, 'GET', `/v1/schemas/sch_${'a'.repeat(5000)}`);
    expectProblem(answer, 400, 'invalid_request');
    expectConforms('getSchema', answer);
    expect(answer.body.errors[0].field).toBe('schema_id');
  });

  it('a request line and headers over 16 KiB → 431 headers_too_large', async () => {
    const answer = await rawCall(sandbox.url, {
      method: 'GET',
      path: `/v1/schemas?name=${'a'.repeat(100_000)}`,
      headers: auth(),
    });
    expectProblem(answer, 431, 'headers_too_large');
  });

  it('OPTIONS and other methods a path does not take → 405 with Allow, with or without a key', async () => {
    for (const headers of [{}, auth()]) {
      const options = await rawCall(sandbox.url, {
        method: 'OPTIONS',
        path: '/v1/classify',
        headers,
      });
      expectProblem(options, 405, 'method_not_allowed');
      expect(options.headers.get('allow')).toBe('POST');
      const put = await rawCall(sandbox.url, { method: 'PUT', path: '/v1/schemas/sch_x', headers });
      expectProblem(put, 405, 'method_not_allowed');
      expect(put.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD']);
    }
  });

  it('an absolute-form request line is the same request: the key is checked, the route answers (issue 21 item 3)', async () => {
    const { host } = new URL(sandbox.url);
    const absolute = `http://${host}/v1/me`;
    expectProblem(
      await rawCall(sandbox.url, { method: 'GET', path: absolute }),
      401,
      'missing_api_key',
    );
    const me = await rawCall(sandbox.url, { method: 'GET', path: absolute, headers: auth() });
    expect(me.status).toBe(200);
    expectConforms('getMe', me);
    const schemas = await rawCall(sandbox.url, {
      method: 'GET',
      path: `http://${host}/v1/schemas?limit=1`,
      headers: auth(),
    });
    expectConforms('listSchemas', schemas);
    expect(schemas.status).toBe(200);
    const missing = await rawCall(sandbox.url, {
      method: 'GET',
      path: `http://${host}/v1/nothing`,
    });
    expectProblem(missing, 404, 'not_found');
  });

  it('/v1 answers only loopback Host names: a DNS-rebound name gets 403 (issue 21 item 4)', async () => {
    const create = (host: string, path = '/v1/schemas') =>
      rawCall(sandbox.url, {
        method: 'POST',
        path,
        headers: { ...auth(), host, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Rebound', categories: [{ name: 'a' }, { name: 'b' }] }),
      });
    const { port } = new URL(sandbox.url);
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      '127.0.0.1.evil.example',
      'LOCALHOST.evil',
    ]) {
      const refused = await create(host);
      expectProblem(refused, 403, 'permission_denied');
      expect(refused.body.detail).toContain('127.0.0.1, localhost, [::1]');
    }
    // The absolute form's authority overrides the Host header.
    expectProblem(
      await create(`127.0.0.1:${port}`, `http://evil.example:${port}/v1/schemas`),
      403,
      'permission_denied',
    );
    const me = await rawCall(sandbox.url, {
      method: 'GET',
      path: '/v1/me',
      headers: { ...auth(), host: 'evil.example' },
    });
    expectProblem(me, 403, 'permission_denied');
    expect((await call(sandbox, 'GET', '/v1/schemas')).body.data).toHaveLength(0);
    // IPv4-mapped loopback, as written and as a URL parser writes it: loopback too.
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      'LocalHost.',
      `[::ffff:127.0.0.1]:${port}`,
      `[::ffff:7f00:1]:${port}`,
    ])
      expect((await create(host)).status).toBe(201);
    expectProblem(await create(`[::ffff:7f00:1].evil:${port}`), 403, 'permission_denied');
  });

  it('names given with allowedHosts (--allow-host) are answered too', async () => {
    const other = await startSandbox({ allowedHosts: ['sandbox.test'] });
    try {
      const get = (host: string) =>
        rawCall(other.url, {
          method: 'GET',
          path: '/v1/me',
          headers: { authorization: `Bearer ${other.apiKey}`, host },
        });
      expect((await get('sandbox.test:8787')).status).toBe(200);
      expect((await get('other.test')).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('a path the API does not have → 404 not_found, key or no key', async () => {
    for (const path of ['/v1/nothing-here', '/v1/me/', '/v1/classify/batch/x'])
      expectProblem(await call(sandbox, 'GET', path, { key: null }), 404, 'not_found');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a "%s" key in a body is an unknown field (400 invalid_request naming it), not malformed JSON',
    async (name) => {
      const answer = await call(sandbox, 'POST', '/v1/classify', {
        raw: `{"input":"x","categories":["a","b"],"${name}":{"polluted":true}}`,
      });
      expectProblem(answer, 400, 'invalid_request');
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ field: name, code: 'additionalProperties' }),
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it.each([
    [
      'nested deeper than 32',
      `{"input":"x","categories":${'['.repeat(33)}${']'.repeat(33)}}`,
      'too_deep',
    ],
    ['1 MB of "["', '['.repeat(1_000_000), 'too_deep'],
    [
      '60,000 keys',
      `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":1`).join(',')}}`,
      'too_wide',
    ],
    [
      '1,001 categories',
      JSON.stringify({ input: 'x', categories: Array(1001).fill('a') }),
      'too_wide',
    ],
  ])('a body %s is refused before it is parsed', async (_what, raw, code) => {
    const answer = await call(sandbox, 'POST', '/v1/classify', { raw });
    expectProblem(answer, 400, 'invalid_request');
    expect(answer.body.errors[0]).toMatchObject({ field: '(body)', code });
  });

  it('32 levels and 1,000 members are still read (the limits are not off by one)', async () => {
    // The body's object is level 1, then 31 arrays.
    const deep = `{"input":"x","categories":["a","b"],"extra":${'['.repeat(31)}${']'.repeat(31)}}`;
    const answer = await call(sandbox, 'POST', '/v1/classify', { raw: deep });
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'extra' })]);
    const wide = JSON.stringify({ input: 'x', categories: Array(1000).fill('a') });
    expect((await call(sandbox, 'POST', '/v1/classify', { raw: wide })).body.code).toBe(
      'validation_failed',
    );
  });

  it('strings holding brackets and commas do not count as nesting', async () => {
    const input = `${'[{,'.repeat(2000)} I was charged twice`;
    const answer = await call(sandbox, 'POST', '/v1/classify', {
      body: { input, categories: SUPPORT },
    });
    expect(answer.status).toBe(200);
  });
});

describe('the wire: slow clients are cut off', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ timeouts: { headersMs: 300, requestMs: 600 } });
  });
  afterAll(() => sandbox.close());

  /** Writes `text` on a raw socket, never finishes the request, and returns what the server sent. */
  const stall = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(sandbox.port, '127.0.0.1', () => socket.write(text));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });

  const parse = (response: string) => {
    const [head, body] = response.split('\r\n\r\n');
    return {
      status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head!)?.[1]),
      requestId: /x-request-id: (\S+)/i.exec(head!)?.[1],
      type: /content-type: ([^\r]+)/i.exec(head!)?.[1],
      body: JSON.parse(body!),
    };
  };

  it('headers never finished → 408 request_timeout as problem+json, and the socket is closed', async () => {
    const answer = parse(await stall('GET /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
    expect(answer).toMatchObject({ status: 408, type: expect.stringContaining('problem+json') });
    expect(answer.body).toMatchObject({ code: 'request_timeout', request_id: answer.requestId });
    expect(answer.requestId).toMatch(/^req_/);
  });

  it('a body never finished → 408 request_timeout, and the sandbox goes on answering', async () => {
    const answer = parse(
      await stall(
        `POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${sandbox.apiKey}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"input":',
      ),
    );
    expect(answer.status).toBe(408);
    expect(answer.body.code).toBe('request_timeout');
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
  });
});
