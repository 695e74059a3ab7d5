import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../src';
import { canonicalJson, IdempotencyStore } from '../src/idempotency';
import { call, expectConforms, SUPPORT, untilIdempotencyClaimed } from './helpers';

describe('idempotency keys', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      faults: true,
      keys: [
        { key: 'cai_test_sandbox0000000000000000' },
        { key: 'cai_test_otheraccount000000000', account: { id: 'acct_2', name: 'Other' } },
      ],
    });
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.reset({ schemas: true }));

  const body = { name: 'Once', categories: [{ name: 'a' }, { name: 'b' }] };
  const post = (key: string, b: unknown = body, apiKey?: string) =>
    call(sandbox, 'POST', '/v1/schemas', {
      body: b,
      headers: { 'idempotency-key': key },
      ...(apiKey ? { key: apiKey } : {}),
    });

  it('a repeat returns the first response, flagged, and is not applied twice', async () => {
    const first = await post('k-1');
    const second = await post('k-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expectConforms('createSchema', second);
    expect((await call(sandbox, 'GET', '/v1/schemas')).body.data).toHaveLength(1);
  });

  it('works for classification too (same id on replay)', async () => {
    const b = { input: 'I was charged twice', categories: SUPPORT };
    const first = await call(sandbox, 'POST', '/v1/classify', {
      body: b,
      headers: { 'idempotency-key': 'c-1' },
    });
    const again = await call(sandbox, 'POST', '/v1/classify', {
      body: b,
      headers: { 'idempotency-key': 'c-1' },
    });
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(sandbox.stats().itemsClassified).toBe(1);
  });

  it('the same key with a different body → 422 idempotency_key_reused', async () => {
    await post('k-2');
    const answer = await post('k-2', { ...body, name: 'Other' });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('idempotency_key_reused');
    expectConforms('createSchema', answer);
  });

  it('the same body in another key order is the same request (canonical JSON), not a reuse', async () => {
    const first = await call(sandbox, 'POST', '/v1/schemas', {
      raw: '{"name":"Once","categories":[{"name":"a","description":"A"},{"name":"b"}]}',
      headers: { 'idempotency-key': 'order-1' },
    });
    const reordered = await call(sandbox, 'POST', '/v1/schemas', {
      raw: '{ "categories": [{"description":"A","name":"a"}, {"name":"b"}], "name": "Once" }',
      headers: { 'idempotency-key': 'order-1' },
    });
    expect(first.status).toBe(201);
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    expect(reordered.body).toEqual(first.body);
    // Order inside an array is meaning, not layout: that is another request.
    const swapped = await call(sandbox, 'POST', '/v1/schemas', {
      raw: '{"name":"Once","categories":[{"name":"b"},{"name":"a","description":"A"}]}',
      headers: { 'idempotency-key': 'order-1' },
    });
    expect(swapped.status).toBe(422);
    expect(swapped.body.code).toBe('idempotency_key_reused');
  });

  it('a replayed error is the stored error', async () => {
    const b = { input: 'x', schema: 'sch_missing' };
    const first = await call(sandbox, 'POST', '/v1/classify', {
      body: b,
      headers: { 'idempotency-key': 'e-1' },
    });
    const again = await call(sandbox, 'POST', '/v1/classify', {
      body: b,
      headers: { 'idempotency-key': 'e-1' },
    });
    expect(first.status).toBe(404);
    expect(again.status).toBe(404);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // It is the first request's answer: its body and its X-Request-Id agree.
    expect(again.headers.get('x-request-id')).toBe(first.headers.get('x-request-id'));
    expect(again.body.request_id).toBe(again.headers.get('x-request-id'));
  });

  it('keys are scoped per API key', async () => {
    await post('shared');
    const other = await post(
      'shared',
      { ...body, name: 'Theirs' },
      'cai_test_otheraccount000000000',
    );
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });

  it('while the first is running → 409 with Retry-After; afterwards a replay', async () => {
    sandbox.setFaults({ kind: 'delay', delayMs: 1000 });
    const first = post('k-3');
    await untilIdempotencyClaimed(sandbox);
    const during = await post('k-3');
    expect(during.status).toBe(409);
    expect(during.body.code).toBe('idempotency_key_in_use');
    expect(during.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(201);
    expect((await post('k-3')).headers.get('idempotent-replayed')).toBe('true');
  });

  it('a response lost on the wire (truncated) is replayed on retry, not applied again', async () => {
    sandbox.setFaults({ kind: 'truncate' });
    await expect(post('k-4')).rejects.toThrow();
    const retry = await post('k-4');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await call(sandbox, 'GET', '/v1/schemas')).body.data).toHaveLength(1);
  });

  it('counts what became of each key, and items billed twice under different keys', async () => {
    const batch = {
      items: [{ input: 'I was charged twice' }, { input: 'The app crashes on start' }],
      categories: SUPPORT,
    };
    const send = (key: string, b: unknown = batch) =>
      call(sandbox, 'POST', '/v1/classify/batch', { body: b, headers: { 'idempotency-key': key } });
    await send('b-1');
    await send('b-1'); // a retry of the same request: replayed, not billed
    expect(sandbox.stats()).toMatchObject({
      itemsClassified: 2,
      itemsClassifiedAgain: 0,
      idempotency: { applied: 1, replayed: 1, inUse: 0, reused: 0 },
    });
    await send('b-2'); // the same work under a new key: billed again, and counted as such
    await send('b-2', { ...batch, explain: true }); // another body under that key: refused
    expect(sandbox.stats()).toMatchObject({
      itemsClassified: 4,
      itemsClassifiedAgain: 2,
      idempotency: { applied: 2, replayed: 1, inUse: 0, reused: 1 },
    });
    // The same texts against other categories are other work, not a repeat.
    await send('b-3', { ...batch, categories: ['a', 'b'] });
    expect(sandbox.stats().itemsClassifiedAgain).toBe(2);
    sandbox.reset();
    await send('b-4');
    expect(sandbox.stats()).toMatchObject({ itemsClassified: 2, itemsClassifiedAgain: 0 });
  });

  it('an Idempotency-Key over 255 characters is refused (400)', async () => {
    const answer = await post('k'.repeat(256));
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('idempotency-key');
  });
});

describe('idempotency: bounded memory', () => {
  const answer = (n: number) => ({ status: 200, json: 'x'.repeat(n), requestId: 'req_1' });

  it('canonical JSON sorts keys at every level, keeps array order, and keeps __proto__ keys', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"a":{"d":[2,1],"c":null}}'))).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":1}'))).toBe(
      '{"__proto__":{"x":1},"a":1}',
    );
  });

  it('evicts the oldest answers when the bytes are over the cap, and counts what it keeps', () => {
    const store = new IdempotencyStore({ maxBytes: 1000, floorMs: 0 });
    try {
      for (let i = 0; i < 5; i++) {
        expect(store.claim('k', `key-${i}`, 'p').kind).toBe('new');
        store.complete('k', `key-${i}`, answer(300));
      }
      expect(store.size()).toEqual({ entries: 3, bytes: 900 });
      expect(store.claim('k', 'key-0', 'p').kind).toBe('new'); // evicted: runs again
      expect(store.claim('k', 'key-4', 'p').kind).toBe('replay');
    } finally {
      store.close();
    }
  });

  it('keeps a running claim while it evicts stored answers', () => {
    const store = new IdempotencyStore({ maxBytes: 100, floorMs: 0 });
    try {
      store.claim('k', 'slow', 'p');
      store.claim('k', 'big', 'p');
      store.complete('k', 'big', answer(500));
      expect(store.claim('k', 'slow', 'p').kind).toBe('in_use');
      expect(store.size().bytes).toBe(0);
    } finally {
      store.close();
    }
  });

  it('never evicts an answer younger than the floor, however far over the caps (issue 21 item 9)', () => {
    let now = 0;
    const store = new IdempotencyStore({ maxEntries: 3, floorMs: 600_000, now: () => now });
    try {
      for (let i = 0; i < 10; i++, now += 1000) {
        expect(store.claim('k', `key-${i}`, 'p').kind).toBe('new');
        store.complete('k', `key-${i}`, answer(10));
      }
      expect(store.size().entries).toBe(10); // over the cap of 3: all within the floor
      for (let i = 0; i < 10; i++) expect(store.claim('k', `key-${i}`, 'p').kind).toBe('replay');
      now = 600_000 + 2500; // key-0..key-2 are past the floor now; the next answer trims to the cap
      expect(store.claim('k', 'key-10', 'p').kind).toBe('new');
      store.complete('k', 'key-10', answer(10));
      expect(store.size().entries).toBe(8);
      expect(store.claim('k', 'key-0', 'p').kind).toBe('new'); // past the floor: evicted
      expect(store.claim('k', 'key-3', 'p').kind).toBe('replay');
    } finally {
      store.close();
    }
  });

  it('refuses a new key (full, with when to retry) rather than forget one within the floor', () => {
    let now = 0;
    const store = new IdempotencyStore({
      maxBytes: 100,
      hardMaxBytes: 1000,
      floorMs: 600_000,
      now: () => now,
    });
    try {
      for (let i = 0; i < 4; i++, now += 1000) {
        store.claim('k', `key-${i}`, 'p');
        store.complete('k', `key-${i}`, answer(300));
      }
      const refused = store.claim('k', 'key-4', 'p');
      expect(refused).toEqual({ kind: 'full', retryAfterSeconds: 596 });
      for (let i = 0; i < 4; i++) expect(store.claim('k', `key-${i}`, 'p').kind).toBe('replay');
      now = 600_000;
      expect(store.claim('k', 'key-4', 'p').kind).toBe('new'); // key-0 passed the floor
    } finally {
      store.close();
    }
  });

  it('a POST with a new key while the store is full within the floor → 503 with Retry-After', async () => {
    const now = 0;
    const sandbox = await startSandbox({
      idempotencyMaxBytes: 10,
      idempotencyHardMaxBytes: 2000,
      idempotencyFloorMs: 600_000,
      now: () => now,
    });
    try {
      const post = (key: string) =>
        call(sandbox, 'POST', '/v1/schemas', {
          body: { name: key, categories: [{ name: 'a' }, { name: 'b' }] },
          headers: { 'idempotency-key': key },
        });
      let answer = await post('fill-0');
      for (let i = 1; answer.status === 201 && i < 100; i++) answer = await post(`fill-${i}`);
      expectConforms('createSchema', answer);
      expect(answer.status).toBe(503);
      expect(answer.body.code).toBe('service_unavailable');
      expect(answer.body.detail).toMatch(/Idempotency-Key/);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post('fill-0')).headers.get('idempotent-replayed')).toBe('true');
    } finally {
      await sandbox.close();
    }
  });

  it('forgets an answer when its window ends (an injected clock)', async () => {
    let now = 0;
    const sandbox = await startSandbox({ idempotencyTtlMs: 60_000, now: () => now });
    try {
      const post = () =>
        call(sandbox, 'POST', '/v1/classify', {
          body: { input: 'I was charged twice', categories: SUPPORT },
          headers: { 'idempotency-key': 'window' },
        });
      const first = await post();
      now = 59_999;
      expect((await post()).body.id).toBe(first.body.id);
      now = 60_000;
      const later = await post();
      expect(later.headers.get('idempotent-replayed')).toBeNull();
      expect(later.body.id).not.toBe(first.body.id);
    } finally {
      await sandbox.close();
    }
  });
});

describe('idempotency: keys survive a restart with a database file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'classifaily-idempotency-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a POST replayed after a restart does not create a second schema', async () => {
    const db = path.join(dir, 'sandbox.db');
    const request = {
      body: { name: 'Once only', categories: [{ name: 'a' }, { name: 'b' }] },
      headers: { 'idempotency-key': 'restart-1' },
    };
    const before = await startSandbox({ db });
    const first = await call(before, 'POST', '/v1/schemas', request);
    expect(first.status).toBe(201);
    await before.close();

    const after = await startSandbox({ db });
    try {
      const replay = await call(after, 'POST', '/v1/schemas', request);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
      const list = await call(after, 'GET', '/v1/schemas');
      expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([first.body.id]);
      // The file holds no API key: entries are found by a hash of key and Idempotency-Key.
      expect(readFileSync(db).includes(after.apiKey)).toBe(false);
    } finally {
      await after.close();
    }
  });
});
