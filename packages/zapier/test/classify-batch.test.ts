// Create "Classify Batch" through zapier-platform-core against the sandbox: chunking, order,
// per-line errors, and when the whole step fails instead.
import { LIMITS, SAMPLE_CATEGORIES } from '@classifaily/core';

import {
  App,
  appTester,
  authDataFor,
  details,
  lines,
  rejectionOf,
  start,
  type Sandbox,
} from './sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

type Line = Record<string, unknown>;
const batch = async (inputData: Record<string, unknown>, apiKey?: string) =>
  (await appTester(App.creates.classifyBatch.operation.perform, {
    authData: authDataFor(sandbox, apiKey),
    inputData: { categories: SAMPLE_CATEGORIES, ...inputData },
  })) as { results: Line[] };

describe('Classify Batch', () => {
  it('classifies 60 lines in exactly 3 requests, in input order, with references and 1-based positions', async () => {
    const { results } = await batch({ items: lines(60), explain: 'true' });
    expect(results).toHaveLength(60);
    results.forEach((line, i) => {
      expect(line).toMatchObject({
        position: i + 1,
        reference: `T-${i + 1}`,
        label: expect.any(String),
        confidence: expect.any(Number),
        explanation: expect.any(String),
        needs_review: expect.any(Boolean),
        scores__billing: expect.any(Number),
      });
      expect(line).not.toHaveProperty('error');
    });
    expect(results[0]?.label).toBe('billing');
    expect(results[2]?.label).toBe('account_access');
    const stats = await sandbox.stats();
    expect(stats.byRoute).toEqual({ 'POST /v1/classify/batch': 3 });
  });

  it.each([
    [
      'every line empty',
      [{ input: '' }, { input: '  ', id: 'b' }, { id: 'c' }],
      'All 3 lines of Items have an empty Text to Classify. Check what is mapped into Text to Classify: the previous step may name that field differently. Field: Items. Correct the field named in the message and run the step again.',
    ],
    [
      'plain texts instead of lines',
      ['I was charged twice', 'The app crashes'],
      'Line 1 of Items is a plain value, not a line with a Text to Classify. Map your texts into the Text to Classify field of Items, one text per line. Field: Items. Correct the field named in the message and run the step again.',
    ],
  ])('%s fails the step, saying what to map, and sends nothing', async (_, items, message) => {
    const error = await rejectionOf(batch({ items }));
    expect(details(error)).toMatchObject({ name: 'AppError', status: 400, message });
    expect((await sandbox.stats()).total).toBe(0);
  });

  it('a bad line fails alone, with its own error', async () => {
    const items = lines(3);
    items[1] = { input: '   ', id: 'empty' };
    const { results } = await batch({ items });
    expect(results[0]).toMatchObject({ reference: 'T-1', label: 'billing' });
    // Each classified line has its own classification id, as Classify Text's output has.
    expect(results[0]!.id).toMatch(/^cls_/);
    expect(results[2]!.id).toMatch(/^cls_/);
    expect(results[1]).toMatchObject({
      reference: 'empty',
      error: expect.stringContaining('empty'),
    });
    expect(results[1]).not.toHaveProperty('label');
    expect(results[2]).toMatchObject({ reference: 'T-3', label: 'account_access' });
  });

  it('26 categories are fine through classifyMany', async () => {
    const categories = ['billing', ...Array.from({ length: 25 }, (_, i) => `topic_${i}`)];
    const { results } = await batch({ items: lines(2), categories });
    expect(results.map((line) => line.error)).toEqual([undefined, undefined]);
  });

  it('too many categories, or none, fail the step as a user error before anything is sent', async () => {
    for (const categories of [
      Array.from({ length: LIMITS.categoriesMax + 1 }, (_, i) => `c${i}`),
      ['only_one'],
    ]) {
      const error = await rejectionOf(batch({ items: lines(2), categories }));
      expect(details(error)).toMatchObject({
        name: 'AppError',
        status: 400,
        message: expect.stringMatching(/Fields?: Categories/),
      });
    }
    const empty = await rejectionOf(batch({ items: [] }));
    expect(details(empty)).toMatchObject({ message: expect.stringContaining('Field: Items') });
    expect((await sandbox.stats()).total).toBe(0);
  });

  it('throws ThrottledError with the server’s delay when every chunk was throttled', async () => {
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 45, count: 100 });
    const error = await rejectionOf(batch({ items: lines(60) }));
    expect(details(error)).toMatchObject({ name: 'ThrottledError', delay: 45 });
  });

  it('a partly throttled batch is not a success: ThrottledError, and the replay is not charged twice (defect 3)', async () => {
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 30, count: 1 });
    const inputData = { items: lines(60) };
    const error = await rejectionOf(batch(inputData));
    expect(details(error)).toMatchObject({
      name: 'ThrottledError',
      delay: 30,
      message: expect.stringMatching(
        /^35 of 60 lines were classified; the other 25 were not yet: .*rate limit/i,
      ),
    });
    const first = await sandbox.stats();
    expect(first.itemsClassified).toBe(35);

    // Zapier runs the step again with the same bundle: the two answered chunks come back from the
    // API's idempotency store; only the throttled one is classified now.
    const { results } = await batch(inputData);
    expect(results.map((line) => (line.label ? 'ok' : 'missing'))).toEqual(Array(60).fill('ok'));
    expect((await sandbox.stats()).itemsClassified).toBe(60);
  });

  it('a 429 without Retry-After throttles, as in Classify Text (one policy: core’s outcome)', async () => {
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: '', count: 1000 });
    const error = await rejectionOf(batch({ items: lines(30) }));
    expect(details(error)).toMatchObject({ name: 'ThrottledError', delay: 60 });
  });

  it('two equal chunks in one step are two pieces of work, each charged once, also on a re-run', async () => {
    const chunk = lines(25);
    const inputData = { items: [...chunk, ...chunk] };
    const { results } = await batch(inputData);
    expect(results.filter((line) => line.label)).toHaveLength(50);
    expect((await sandbox.stats()).itemsClassified).toBe(50);
    await batch(inputData);
    expect((await sandbox.stats()).itemsClassified).toBe(50);
  });

  it('an identical step in another Zap gets its own keys', async () => {
    await batch({ items: lines(3) });
    await appTester(App.creates.classifyBatch.operation.perform, {
      authData: authDataFor(sandbox),
      inputData: { categories: SAMPLE_CATEGORIES, items: lines(3) },
      meta: { zap: { id: 'another-zap' } },
    });
    expect((await sandbox.stats()).itemsClassified).toBe(6);
  });

  it('a revoked key fails the step with ExpiredAuthError, after one request', async () => {
    const error = await rejectionOf(batch({ items: lines(60) }, sandbox.revokedKey));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).not.toContain(sandbox.revokedKey);
    expect((await sandbox.stats()).total).toBeLessThanOrEqual(3);
  });

  it('a server down for every chunk is a temporary error', async () => {
    await sandbox.setFaults({ kind: 'status', status: 502, count: 100 });
    const error = await rejectionOf(batch({ items: lines(30) }));
    expect(details(error)).toMatchObject({
      message: expect.stringMatching(
        /^Temporary problem, try again later: 0 of 30 lines were classified; the other 30 were not yet: Classifaily had a temporary problem\. This is temporary: try again in a few minutes\. \(request req_\w+\)\. When the step runs again, lines already classified are not charged again\.$/,
      ),
      status: 502,
    });
  });
});
