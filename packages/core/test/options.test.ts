import { ValidationError, type ClientOptions, type RequestOptions } from '../src';
import {
  BODY,
  clientOf,
  okClassification,
  startScriptedServer,
  type ScriptedServer,
} from './helpers/scripted-server';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
  server.fallback = okClassification();
});
afterEach(() => server.close());

const client = (options: Record<string, unknown> = {}) =>
  clientOf(server, options as Partial<ClientOptions>);

function refused(make: () => unknown, option: string): ValidationError {
  let error: unknown;
  try {
    make();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  const v = error as ValidationError;
  expect(v.code).toBe('invalid_option');
  expect(v.message).toContain(option);
  expect(v.fieldErrors[0]!.field).toBe(option);
  return v;
}

describe('options are checked before anything is sent (decision 0013)', () => {
  it.each([
    ['maxRetries', NaN],
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['maxRetries', Infinity],
    ['timeout', -1],
    ['timeout', 0],
    ['timeout', Infinity],
    ['timeout', NaN],
    ['timeout', 2 ** 31],
    ['deadline', NaN],
    ['deadline', -1],
    ['maxRetryDelay', -1],
    ['maxRetryDelay', NaN],
    ['userAgent', 'my-app\r\nX-Evil: 1'],
    ['auth', 'basic'],
    ['fetch', 'fetch'],
    ['sleep', 42],
  ])('the client option %s = %p', (option, value) => {
    const error = refused(() => client({ [option]: value }), option);
    expect(error.message).toMatch(/must be/);
  });

  it.each([
    ['idempotencyKey', 'abc\r\nX-Evil: 1'],
    ['idempotencyKey', ''],
    ['idempotencyKey', 'x'.repeat(256)],
    ['timeout', -1],
    ['maxRetries', NaN],
    ['signal', 'stop'],
  ])('the request option %s = %p, without a request', async (option, value) => {
    const pending = client().classify(BODY, { [option]: value } as RequestOptions);
    await expect(pending).rejects.toBeInstanceOf(ValidationError);
    await expect(pending).rejects.toThrow(option);
    expect(server.requests).toHaveLength(0);
  });

  it('a generated idempotency key with a line break is refused as newIdempotencyKey', async () => {
    const pending = client({ newIdempotencyKey: () => 'a\nb' }).classify(BODY);
    await expect(pending).rejects.toThrow(/newIdempotencyKey/);
    expect(server.requests).toHaveLength(0);
  });

  it('classifyMany refuses an idempotencyKeys that is not a function, before sending', async () => {
    const many = client().classifyMany(
      { items: [{ input: 'a' }], categories: ['x', 'y'] },
      { idempotencyKeys: 'key' as never },
    );
    await expect(many).rejects.toThrow(/idempotencyKeys/);
    expect(server.requests).toHaveLength(0);
  });

  it('names a catalog field by its label: Batch Size, Concurrency', async () => {
    const many = client().classifyMany(
      { items: [{ input: 'a' }], categories: ['x', 'y'] },
      { batchSize: 30 },
    );
    await expect(many).rejects.toThrow(
      'Batch Size (batchSize) must be a whole number from 1 to 25 (got 30).',
    );
  });

  it('accepts every valid option', async () => {
    const c = client({
      maxRetries: 0,
      timeout: 1,
      deadline: Date.now() + 60_000,
      maxRetryDelay: 0,
      userAgent: 'n8n/1.0 (x)',
    });
    expect(c.timeout).toBe(1);
    await expect(
      client().classify(BODY, { idempotencyKey: 'order-42_retry.1', timeout: 5000, maxRetries: 0 }),
    ).resolves.toBeDefined();
    expect(server.requests[0]!.headers['idempotency-key']).toBe('order-42_retry.1');
  });
});
