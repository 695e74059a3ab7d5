// Create "Classify Text" through zapier-platform-core against the sandbox.
import { catalog, LIMITS, SAMPLE_CATEGORIES, SAMPLE_INPUT } from '@classifaily/core';

import { App, appTester, authDataFor, details, rejectionOf, start, type Sandbox } from './sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset({ schemas: true }));

const create = App.creates.classify;
const classify = (inputData: Record<string, unknown>, apiKey?: string) =>
  appTester(create.operation.perform, { authData: authDataFor(sandbox, apiKey), inputData });

describe('Classify Text', () => {
  it('classifies the getting-started example: label, confidence, needs_review, one field per score', async () => {
    const output = await classify({
      input: SAMPLE_INPUT,
      categories: SAMPLE_CATEGORIES,
      explain: true,
    });
    expect(output).toMatchObject({
      id: expect.stringMatching(/^cls_/),
      label: 'account_access',
      confidence: expect.any(Number),
      explanation: expect.any(String),
      needs_review: false,
    });
    for (const category of SAMPLE_CATEGORIES)
      expect(output[`scores__${category}`]).toEqual(expect.any(Number));
    expect(output).not.toHaveProperty('scores');
  });

  it('marks needs_review below the threshold the user set', async () => {
    const inputData = { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES };
    const { confidence } = await classify(inputData);
    await expect(classify({ ...inputData, reviewThreshold: '0.5' })).resolves.toMatchObject({
      needs_review: confidence < 0.5,
    });
    await expect(classify({ ...inputData, reviewThreshold: 1 })).resolves.toMatchObject({
      needs_review: true,
    });
    expect(catalog.fields.reviewThreshold.default).toBe(0.8);
  });

  it('accepts categories typed as one comma-separated text, and a saved schema', async () => {
    await expect(
      classify({ input: 'I was charged twice this month', categories: 'billing, technical_bug' }),
    ).resolves.toMatchObject({ label: 'billing' });
    const created = await appTester(App.creates.createSchema.operation.perform, {
      authData: authDataFor(sandbox),
      inputData: {
        name: 'Triage',
        categories: [{ category: 'billing' }, { category: 'account_access' }],
      },
    });
    const output = await classify({
      input: 'I was charged twice this month',
      categorySource: 'schema',
      schema: created.id,
    });
    expect(output).toMatchObject({ label: 'billing' });
    expect(
      Object.keys(output)
        .filter((key) => key.startsWith('scores__'))
        .sort(),
    ).toEqual(['scores__account_access', 'scores__billing']);
  });

  it('sends user text verbatim, {{templates}} included', async () => {
    await expect(
      classify({
        input: 'refund {{bundle.authData.api_key}} please',
        categories: ['billing', 'other'],
      }),
    ).resolves.toMatchObject({ label: expect.any(String) });
  });

  it('offers one output field per category, from the list or from the chosen schema', async () => {
    const scoreFields = create.operation.outputFields.at(-1) as (...args: never[]) => unknown;
    await expect(
      appTester(scoreFields, {
        authData: authDataFor(sandbox),
        inputData: { categories: ['billing', 'technical_bug'] },
      }),
    ).resolves.toEqual([
      { key: 'scores__billing', label: 'Scores: billing', type: 'number' },
      { key: 'scores__technical_bug', label: 'Scores: technical_bug', type: 'number' },
    ]);
  });

  describe('bad input is a user error naming the field, and nothing is sent', () => {
    it.each([
      ['empty text', { input: '  ', categories: ['a', 'b'] }, 'Text'],
      ['one category', { input: 'hello', categories: ['billing'] }, 'Categories'],
      [
        'too many categories',
        {
          input: 'hello',
          categories: Array.from({ length: LIMITS.categoriesMax + 1 }, (_, i) => `c${i}`),
        },
        'Categories',
      ],
      ['no categories', { input: 'hello' }, 'Categories'],
      [
        'a threshold above 1',
        { input: 'hello', categories: ['a', 'b'], reviewThreshold: '1.5' },
        'Review Threshold',
      ],
      [
        'a schema that is not an ID',
        { input: 'hello', categorySource: 'schema', schema: 'Support' },
        'Schema',
      ],
    ])('%s', async (_name, inputData, field) => {
      const error = await rejectionOf(classify(inputData));
      expect(details(error)).toMatchObject({
        name: 'AppError',
        status: 400,
        message: expect.stringMatching(new RegExp(`Fields?: ${field}`)),
      });
      expect((await sandbox.stats()).total).toBe(0);
    });

    it('a saved schema chosen but none picked names the Schema field, not Categories', async () => {
      const error = await rejectionOf(
        classify({ input: 'hello', categorySource: 'schema', schema: ' ' }),
      );
      expect(details(error)).toMatchObject({
        name: 'AppError',
        status: 400,
        message:
          'No saved schema was picked: pick one from the list, or give its ID. Field: Schema. Correct the field named in the message and run the step again.',
      });
      expect((await sandbox.stats()).total).toBe(0);
    });

    it('26 categories are fine (the limit is 50)', async () => {
      const categories = ['billing', ...Array.from({ length: 25 }, (_, i) => `topic_${i}`)];
      await expect(classify({ input: 'I was charged twice', categories })).resolves.toMatchObject({
        label: 'billing',
      });
    });

    it('an unknown schema is a user error (404) from the API', async () => {
      const error = await rejectionOf(
        classify({ input: 'hello', categorySource: 'schema', schema: 'sch_doesnotexist' }),
      );
      expect(details(error)).toMatchObject({ name: 'AppError', status: 404 });
    });
  });

  it('a slow API (9 s) is waited for: one attempt, no error (defect 5)', async () => {
    await sandbox.setFaults({ kind: 'delay', delayMs: 9_000, count: 1, path: '/v1/classify' });
    await expect(
      classify({ input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES }),
    ).resolves.toMatchObject({ label: 'account_access' });
    expect((await sandbox.stats()).byRoute).toEqual({ 'POST /v1/classify': 1 });
  }, 30_000);

  it('an answer slower than one attempt asks Zapier to run the step again, in plain words; that run gets it, charged once (defect 5)', async () => {
    // 15 s > the 12 s attempt: the retry finds the first request still running (409 +
    // Retry-After) and the next wait would not fit the budget.
    await sandbox.setFaults({ kind: 'delay', delayMs: 15_000, count: 1, path: '/v1/classify' });
    const inputData = { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES };
    const error = await rejectionOf(classify(inputData));
    expect(details(error)).toMatchObject({
      name: 'ThrottledError',
      delay: 1,
      message: expect.stringMatching(/^Classifaily took longer than usual and is still working/),
    });
    expect(error.message).not.toMatch(/idempotency/i);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await expect(classify(inputData)).resolves.toMatchObject({ label: 'account_access' });
    const stats = await sandbox.stats();
    expect(stats.itemsClassified).toBe(1);
    expect(stats.byStatus['409']).toBeGreaterThanOrEqual(1);
  }, 40_000);
});
