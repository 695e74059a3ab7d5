// @classifaily/core's client against the real sandbox over HTTP: the contract from both ends.
// (The lead may move or extend this into core's own suite.)
import {
  AuthenticationError,
  ClassifailyClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
  needsReview,
} from '@classifaily/core';
import { startSandbox, type Sandbox } from '../src';
import { EXAMPLE, SUPPORT } from './helpers';

describe('@classifaily/core client against the sandbox', () => {
  let sandbox: Sandbox;
  const client = (options: Partial<ConstructorParameters<typeof ClassifailyClient>[0]> = {}) =>
    new ClassifailyClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      sleep: async () => {},
      ...options,
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ faults: true });
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.reset({ schemas: true }));

  it('classifies the getting-started example as account_access, no review needed', async () => {
    const answer = await client().classify({ input: EXAMPLE, categories: SUPPORT, explain: true });
    expect(answer.result.label).toBe('account_access');
    expect(needsReview(answer.result.confidence)).toBe(false);
    expect(answer.result.explanation).toBeTruthy();
  });

  it('me, and the schema lifecycle', async () => {
    const c = client();
    expect(await c.me()).toMatchObject({ object: 'me', key: { mode: 'test' } });
    const schema = await c.schemas.create({
      name: 'Triage',
      categories: SUPPORT.map((name) => ({ name })),
    });
    expect((await c.schemas.get(schema.id)).name).toBe('Triage');
    for (let i = 0; i < 4; i++)
      await c.schemas.create({ name: `S${i}`, categories: [{ name: 'a' }, { name: 'b' }] });
    const all = await c.schemas.listAll({});
    expect(all).toHaveLength(5);
    const byName = await c.schemas.list({ name: 'triage' });
    expect(byName.data.map((s) => s.id)).toEqual([schema.id]);
    const viaSchema = await c.classify({ input: 'I was charged twice', schema: schema.id });
    expect(viaSchema.result.label).toBe('billing');
    await c.schemas.delete(schema.id);
    await expect(c.schemas.get(schema.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('classifyMany: 60 items in exactly 3 batch requests, in order, bad items kept per item', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      id: `t${i}`,
      input: i === 7 ? '   ' : `ticket ${i}: I was charged twice`,
    }));
    const outcomes = await client().classifyMany(
      { items, categories: SUPPORT },
      { concurrency: 2, batchSize: 25 },
    );
    expect(outcomes.map((o) => o.index)).toEqual(items.map((_, i) => i));
    expect(outcomes[7]!.ok).toBe(false);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(59);
    expect(sandbox.stats().byOperation.classifyBatch).toBe(3);
  });

  it('retries a 503 and succeeds, honouring the server', async () => {
    sandbox.setFaults({ kind: 'status', status: 503, retryAfter: 1, count: 2 });
    const answer = await client().classify({ input: EXAMPLE, categories: SUPPORT });
    expect(answer.result.label).toBe('account_access');
    expect(sandbox.stats().byOperation.classify).toBe(3);
  });

  it('a lost answer (truncated) is retried with the same Idempotency-Key and applied once', async () => {
    sandbox.setFaults({ kind: 'truncate' });
    const created = await client().schemas.create({
      name: 'Once',
      categories: [{ name: 'a' }, { name: 'b' }],
    });
    expect(created.name).toBe('Once');
    const list = await client().schemas.list({});
    expect(list.data).toHaveLength(1);
  });

  it('gives up after maxRetries with a ServerError carrying the request id', async () => {
    sandbox.setFaults({ kind: 'status', status: 500, count: 10 });
    const error = await client({ maxRetries: 1 })
      .me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).requestId).toMatch(/^req_/);
    expect(sandbox.stats().byOperation.getMe).toBe(2);
  });

  it('maps the sandbox errors onto the typed errors, never leaking the key', async () => {
    const revoked = await new ClassifailyClient({
      apiKey: sandbox.revokedKey,
      baseUrl: sandbox.url,
    })
      .me()
      .catch((e: unknown) => e);
    expect(revoked).toBeInstanceOf(AuthenticationError);
    expect(String((revoked as Error).message)).not.toContain(sandbox.revokedKey);

    const readOnly = new ClassifailyClient({ apiKey: sandbox.readOnlyKey, baseUrl: sandbox.url });
    await expect(
      readOnly.schemas.create({ name: 'x', categories: [{ name: 'a' }, { name: 'b' }] }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);

    await expect(client().classify({ input: 'x', schema: 'sch_missing' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const duplicate = await client()
      .schemas.create({ name: 'Dup', categories: [{ name: 'a' }, { name: 'a' }] })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ValidationError);

    sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 2, count: 5 });
    const limited = await client({ maxRetries: 0 })
      .me()
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBe(2000);
  });
});
