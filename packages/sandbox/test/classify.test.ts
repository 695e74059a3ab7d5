import { startSandbox, type Sandbox } from '../src';
import { LIMITS } from '@classifaily/core';
import { call, createSchema, EXAMPLE, expectConforms, SUPPORT } from './helpers';

describe('classification over HTTP', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const classify = (body: unknown) => call(sandbox, 'POST', '/v1/classify', { body });
  const batch = (body: unknown) => call(sandbox, 'POST', '/v1/classify/batch', { body });

  it('the getting-started example is account_access with confidence ≥ 0.80, and explains itself', async () => {
    const answer = await classify({ input: EXAMPLE, categories: SUPPORT, explain: true });
    expectConforms('classify', answer);
    const { result } = answer.body;
    expect(result.label).toBe('account_access');
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
    expect(result.explanation).toMatch(/password|log in|reset/);
    expect(result.explanation.split(/(?<=\.)\s+/).length).toBeLessThanOrEqual(2);
  });

  it('scores cover every category, rank it, and sum to 1', async () => {
    const { body } = await classify({
      input: 'I was charged twice this month.',
      categories: SUPPORT,
    });
    const scores = body.result.scores as Record<string, number>;
    expect(Object.keys(scores).sort()).toEqual([...SUPPORT].sort());
    const sum = Object.values(scores).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 2);
    expect(Math.max(...Object.values(scores))).toBe(body.result.confidence);
    expect(body.result.label).toBe('billing');
    expect(body.result.explanation).toBeUndefined();
  });

  it('unrelated text gets a low confidence (needs review)', async () => {
    const { body } = await classify({
      input: 'The weather in Lisbon was lovely on Sunday.',
      categories: SUPPORT,
      explain: true,
    });
    expect(body.result.confidence).toBeLessThan(0.8);
    expect(body.result.explanation).toMatch(/low-confidence/);
  });

  it('is deterministic', async () => {
    const a = await classify({ input: 'The export button crashes the app.', categories: SUPPORT });
    const b = await classify({ input: 'The export button crashes the app.', categories: SUPPORT });
    // The same classification, each with its own id (the answer's id, repeated in the result).
    expect({ ...a.body.result, id: undefined }).toEqual({ ...b.body.result, id: undefined });
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.result.id).toBe(a.body.id);
  });

  it('uses a saved schema and its descriptions', async () => {
    const schema = await createSchema(sandbox, 'Fruit desk', [
      { name: 'cat_a', description: 'Bananas, apples and other fruit orders.' },
      { name: 'cat_b', description: 'Questions about opening hours of the shop.' },
    ]);
    const { body } = await classify({ input: 'Do you still have bananas?', schema: schema.id });
    expect(body.result.label).toBe('cat_a');
  });

  it.each([
    ['neither categories nor schema', { input: 'x' }],
    ['whitespace-only input', { input: '   \n', categories: SUPPORT }],
    ['a blank category', { input: 'x', categories: ['a', ' '] }],
    ['duplicate categories', { input: 'x', categories: ['a', 'a'] }],
    ['one category', { input: 'x', categories: ['a'] }],
    ['input over the limit', { input: 'x'.repeat(LIMITS.inputMaxLength + 1), categories: SUPPORT }],
  ])('%s → 422 validation_failed', async (_what, body) => {
    const answer = await classify(body);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('validation_failed');
    expect(answer.body.errors.length).toBeGreaterThan(0);
    expectConforms('classify', answer);
  });

  // Core's rule of what counts as text (decision 0005), field by field.
  it.each([
    ['an empty input', { input: '', categories: SUPPORT }, 'input', 'input_empty'],
    ['a NUL-only input', { input: '\u0000', categories: SUPPORT }, 'input', 'input_empty'],
    ['a zero-width space', { input: '\u200b \ufeff', categories: SUPPORT }, 'input', 'input_empty'],
    [
      'a blank category',
      { input: 'x', categories: ['a', '\t'] },
      'categories[1]',
      'category_empty',
    ],
  ])('%s → 422 validation_failed with %s %s', async (_what, body, field, code) => {
    const answer = await classify(body);
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('validation_failed');
    expect(answer.body.errors).toEqual([{ field, code, message: expect.any(String) }]);
    expectConforms('classify', answer);
  });

  it.each([
    [
      'an input with a lone surrogate',
      { input: 'I was charged \ud83d', categories: SUPPORT },
      'input',
      'input_malformed',
    ],
    [
      'a category with a lone surrogate',
      { input: 'x', categories: ['a', '\udc00b'] },
      'categories[1]',
      'category_malformed',
    ],
  ])(
    '%s → 400 invalid_request with %s %s (refused, not repaired)',
    async (_what, body, field, code) => {
      const answer = await classify(body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('invalid_request');
      expect(answer.body.errors).toEqual([{ field, code, message: expect.any(String) }]);
      expectConforms('classify', answer);
    },
  );

  it('a body that is not UTF-8 → 400 malformed_json', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"input":"caf'),
      Buffer.from([0xe9]), // "é" in Latin-1
      Buffer.from(`","categories":${JSON.stringify(SUPPORT)}}`),
    ]);
    const response = await fetch(`${sandbox.url}/v1/classify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: bytes,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('malformed_json');
  });

  it('batch: an empty or broken item fails alone with core’s code and message', async () => {
    const answer = await batch({
      items: [
        { input: '\u0000\u200b' },
        { input: 'charged \ud800 twice' },
        { input: 'I was charged twice' },
      ],
      categories: SUPPORT,
    });
    expectConforms('classifyBatch', answer);
    expect(
      answer.body.results.map(
        (r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status,
      ),
    ).toEqual(['input_empty', 'input_malformed', 'completed']);
    expect(answer.body.results[1].error.detail).toMatch(/broken character/);
  });

  it.each([
    ['a number as input', { input: 42, categories: SUPPORT }, 'input'],
    ['categories as a string', { input: 'x', categories: 'billing' }, 'categories'],
    [
      'explain as a string (no coercion)',
      { input: 'x', categories: SUPPORT, explain: 'true' },
      'explain',
    ],
    ['an unknown field', { input: 'x', categories: SUPPORT, model: 'gpt' }, 'model'],
    ['a body that is an array', [], '(body)'],
  ])('%s → 400 invalid_request naming the field', async (_what, body, field) => {
    const answer = await classify(body);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('invalid_request');
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('batch: results in request order with index and id; bad items fail alone', async () => {
    const items = [
      { id: 'ticket-1', input: 'I was charged twice this month.' },
      { input: '   ' },
      { id: 'ticket-3', input: 'y'.repeat(LIMITS.inputMaxLength + 1) },
      { id: 'ticket-4', input: EXAMPLE },
    ];
    const answer = await batch({ items, categories: SUPPORT, explain: true });
    expectConforms('classifyBatch', answer);
    const { results, summary } = answer.body;
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3]);
    expect(results[0]).toMatchObject({
      id: 'ticket-1',
      status: 'completed',
      result: { label: 'billing' },
    });
    expect(results[1]).toMatchObject({
      status: 'failed',
      error: { code: 'input_empty', field: 'input' },
    });
    expect(results[1].id).toBeUndefined();
    // Each completed item carries its own classification id, as a single answer's result does.
    expect(results[0].result.id).toMatch(/^cls_/);
    expect(results[3].result.id).toMatch(/^cls_/);
    expect(results[3].result.id).not.toBe(results[0].result.id);
    expect(results[2]).toMatchObject({
      id: 'ticket-3',
      status: 'failed',
      error: { code: 'input_too_long' },
    });
    expect(results[3]).toMatchObject({ id: 'ticket-4', result: { label: 'account_access' } });
    expect(results[3].result.explanation).toBeTruthy();
    expect(summary).toEqual({ total: 4, succeeded: 2, failed: 2 });
  });

  it('batch: 25 items pass, 26 are refused whole with batch_too_large', async () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: String(i), input: `text ${i}` }));
    expect((await batch({ items: items(25), categories: SUPPORT })).status).toBe(200);
    const answer = await batch({ items: items(26), categories: SUPPORT });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('batch_too_large');
  });
});
