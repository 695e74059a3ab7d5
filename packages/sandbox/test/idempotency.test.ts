import { startSandbox, type Sandbox } from '../src';
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
