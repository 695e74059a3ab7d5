import { startSandbox, type Sandbox } from '../src';
import { call, expectProblem, rawCall, SUPPORT } from './helpers';

const classify = { input: 'I was charged twice', categories: SUPPORT };

describe('fault injection (test mode)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ faults: true });
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.reset());

  const control = (method: string, path: string, body?: unknown) =>
    call(sandbox, method, `/__sandbox${path}`, { key: null, body });

  it('status: the next N requests fail with Retry-After, then it recovers', async () => {
    const set = await control('POST', '/faults', {
      kind: 'status',
      status: 503,
      retryAfter: 3,
      count: 2,
    });
    expect(set.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const failed = await call(sandbox, 'GET', '/v1/me');
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toBe('3');
      expect(failed.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
  });

  it('a fault on a path applies to an absolute-form request line for it too (issue 21 item 3)', async () => {
    sandbox.setFaults({ kind: 'status', status: 503, path: '/v1/me' });
    const { host } = new URL(sandbox.url);
    const answer = await rawCall(sandbox.url, {
      method: 'GET',
      path: `http://${host}/v1/me`,
      headers: { authorization: `Bearer ${sandbox.apiKey}` },
    });
    expectProblem(answer, 503, 'service_unavailable');
    expect(sandbox.stats().byPath['/v1/me']).toBe(1);
  });

  it.each([429, 500, 502, 504])('status %i', async (status) => {
    sandbox.setFaults({ kind: 'status', status });
    const answer = await call(sandbox, 'GET', '/v1/me');
    expect(answer.status).toBe(status);
    expect(answer.body.request_id).toMatch(/^req_/);
    if (status === 429) expect(answer.headers.get('retry-after')).toBe('1');
  });

  it.each([400, 401, 403, 404, 408, 409, 413, 415, 422])(
    'status %i: the contract’s problem for it',
    async (status) => {
      sandbox.setFaults({ kind: 'status', status });
      const answer = await call(sandbox, 'POST', '/v1/classify', { body: classify });
      expect(answer.status).toBe(status);
      expect(answer.body.code).toMatch(/^[a-z_]+$/);
      expect(answer.headers.get('retry-after')).toBeNull();
    },
  );

  it('Retry-After as given: a text, none, or an HTTP date some seconds from now', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 429, retryAfter: 'soon' },
      { kind: 'status', status: 429, retryAfter: '' },
      { kind: 'status', status: 429, retryAfterDate: 30 },
    ]);
    const got = [];
    for (let i = 0; i < 3; i++)
      got.push((await call(sandbox, 'GET', '/v1/me')).headers.get('retry-after'));
    expect(got.slice(0, 2)).toEqual(['soon', null]);
    expect(Date.parse(got[2]!) - Date.now()).toBeGreaterThan(20_000);
  });

  it('key: a fault meets only the requests made with that key', async () => {
    sandbox.setFaults({
      kind: 'status',
      status: 500,
      key: 'cai_test_someoneelse0000000000',
      count: 5,
    });
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
    expect((await control('GET', '/faults')).body.faults).toHaveLength(1);
  });

  it('stall: half the body, then the connection held open (the client gives up)', async () => {
    sandbox.setFaults({ kind: 'stall' });
    const response = await fetch(`${sandbox.url}/v1/me`, {
      headers: { authorization: `Bearer ${sandbox.apiKey}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).length).toBeGreaterThan(0);
    const next = await Promise.race([
      reader.read().then(() => 'more'),
      new Promise((resolve) => setTimeout(resolve, 300, 'nothing')),
    ]);
    expect(next).toBe('nothing');
    await reader.cancel();
  });

  it('html, gzip: a 200 that is not a JSON answer', async () => {
    sandbox.setFaults([{ kind: 'html' }]);
    const page = await call(sandbox, 'GET', '/v1/me');
    expect(page.headers.get('content-type')).toContain('text/html');
    sandbox.setFaults([{ kind: 'gzip' }]);
    await expect(call(sandbox, 'GET', '/v1/me')).rejects.toThrow();
  });

  it('shuffle: a batch’s results in reverse order, each with its index', async () => {
    sandbox.setFaults({ kind: 'shuffle' });
    const items = [{ input: 'I was charged twice' }, { input: 'The app crashes' }];
    const answer = await call(sandbox, 'POST', '/v1/classify/batch', {
      body: { items, categories: SUPPORT },
    });
    expect(answer.body.results.map((r: { index: number }) => r.index)).toEqual([1, 0]);
  });

  it('reset: the connection is dropped', async () => {
    sandbox.setFaults({ kind: 'reset' });
    await expect(call(sandbox, 'POST', '/v1/classify', { body: classify })).rejects.toThrow();
    expect((await call(sandbox, 'POST', '/v1/classify', { body: classify })).status).toBe(200);
  });

  it('truncate: the body stops half-way', async () => {
    sandbox.setFaults({ kind: 'truncate' });
    await expect(call(sandbox, 'POST', '/v1/classify', { body: classify })).rejects.toThrow();
  });

  it('malformed: a 200 whose body is not JSON', async () => {
    sandbox.setFaults({ kind: 'malformed' });
    const answer = await call(sandbox, 'POST', '/v1/classify', { body: classify });
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('delay: the request is answered, later', async () => {
    sandbox.setFaults({ kind: 'delay', delayMs: 50 });
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
    expect((await control('GET', '/faults')).body.faults).toEqual([]);
  });

  it('path: only matching requests are hit', async () => {
    sandbox.setFaults({ kind: 'status', status: 500, path: '/v1/classify/batch', count: 5 });
    expect((await call(sandbox, 'POST', '/v1/classify', { body: classify })).status).toBe(200);
    const b = await call(sandbox, 'POST', '/v1/classify/batch', {
      body: { items: [{ input: 'x' }], categories: SUPPORT },
    });
    expect(b.status).toBe(500);
    sandbox.setFaults({ kind: 'status', status: 500, path: '/v1/schemas*' });
    expect((await call(sandbox, 'GET', '/v1/schemas/sch_abc')).status).toBe(500);
  });

  it('fraction: a repeatable share of requests', async () => {
    const run = async () => {
      sandbox.reset();
      sandbox.setFaults({ kind: 'status', status: 500, fraction: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call(sandbox, 'GET', '/v1/me')).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(18);
    expect(await run()).toEqual(first);
  });

  it('stats: requests by path and operation, items classified', async () => {
    await control('POST', '/reset');
    const items = Array.from({ length: 20 }, (_, i) => ({ input: `item ${i} was charged twice` }));
    for (let i = 0; i < 3; i++)
      await call(sandbox, 'POST', '/v1/classify/batch', { body: { items, categories: SUPPORT } });
    await call(sandbox, 'GET', '/v1/me');
    const stats = (await control('GET', '/stats')).body;
    expect(stats.byPath).toEqual({ '/v1/classify/batch': 3, '/v1/me': 1 });
    expect(stats.byRoute).toEqual({ 'POST /v1/classify/batch': 3, 'GET /v1/me': 1 });
    expect(stats.byOperation).toEqual({ classifyBatch: 3, getMe: 1 });
    expect(stats.itemsClassified).toBe(60);
    expect(stats.total).toBe(4);
    expect(sandbox.stats()).toEqual(stats);
  });

  it('the control endpoint refuses a bad fault; DELETE clears', async () => {
    expect((await control('POST', '/faults', { kind: 'explode' })).status).toBe(400);
    expect((await control('POST', '/faults', { kind: 'status', status: 418 })).status).toBe(400);
    await control('POST', '/faults', [{ kind: 'status', status: 500, count: 3 }]);
    expect((await control('GET', '/faults')).body.faults).toHaveLength(1);
    await control('DELETE', '/faults');
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
  });

  describe('the control endpoints answer only this machine, never a web page', () => {
    const reset = (headers: Record<string, string>) =>
      rawCall(sandbox.url, { method: 'POST', path: '/__sandbox/reset', headers });

    it.each([
      ['a page on another origin', { origin: 'https://evil.example' }],
      ['a no-cors request from another site', { 'sec-fetch-site': 'cross-site' }],
      ['a DNS-rebound name', { host: 'evil.example:80' }],
      ['an Origin that is not this sandbox', { origin: 'http://127.0.0.1:1' }],
    ])('%s → 403 permission_denied, nothing reset', async (_what, headers) => {
      sandbox.setFaults({ kind: 'status', status: 503 });
      expectProblem(await reset(headers), 403, 'permission_denied');
      expect((await control('GET', '/faults')).body.faults).toHaveLength(1);
    });

    it.each([
      ['a test on this machine (no Origin)', {}],
      ['localhost', { host: 'localhost' }],
      ['a page the sandbox itself served', { origin: 'SELF' }],
      ['a same-origin fetch', { 'sec-fetch-site': 'same-origin' }],
    ])('%s → allowed', async (_what, headers: Record<string, string>) => {
      const own = new URL(sandbox.url).host;
      const h = headers.origin === 'SELF' ? { origin: `http://${own}` } : headers;
      expect((await reset(h)).status).toBe(200);
    });
  });
});

describe('outside test mode', () => {
  it('has no control endpoints and refuses setFaults', async () => {
    const sandbox = await startSandbox();
    try {
      const answer = await call(sandbox, 'POST', '/__sandbox/faults', {
        key: null,
        body: { kind: 'reset' },
      });
      expect(answer.status).toBe(404);
      expect(() => sandbox.setFaults({ kind: 'reset' })).toThrow(/faults: true/);
    } finally {
      await sandbox.close();
    }
  });

  it('--latency adds a fixed delay and still answers', async () => {
    const sandbox = await startSandbox({ latencyMs: 20 });
    try {
      expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('--latency is the response time: the work is done within it, the key held until the answer', async () => {
    const sandbox = await startSandbox({ latencyMs: 5_000 });
    try {
      const headers = { 'idempotency-key': 'latency-1' };
      const body = { items: [{ input: 'I was charged twice' }], categories: SUPPORT };
      let answered = false;
      const first = call(sandbox, 'POST', '/v1/classify/batch', { body, headers }).then((a) => {
        answered = true;
        return a;
      });
      // The item is classified (and billed) while the answer still waits out the latency...
      for (let i = 0; i < 1000 && sandbox.stats().itemsClassified === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(sandbox.stats().itemsClassified).toBe(1);
      expect(answered).toBe(false);
      // ...and the key stays in use until it is sent.
      const again = await call(sandbox, 'POST', '/v1/classify/batch', { body, headers });
      expect(again.status).toBe(409);
      expect(answered).toBe(false);
      expect((await first).status).toBe(200);
      const replay = await call(sandbox, 'POST', '/v1/classify/batch', { body, headers });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(sandbox.stats().itemsClassified).toBe(1);
    } finally {
      await sandbox.close();
    }
  });
});
