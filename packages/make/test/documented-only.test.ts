// Make's documented-only suite (decisions 0036, 0038): the generated modules through the emulator
// against the sandbox with only what the vendor's page documents (`documentedOnly`). A feature that
// needs what that API lacks is checked to be absent and reported unavailable. Make's connection
// validation reads one schema (core's test request), not /v1/me, so it runs here: a good key passes,
// a wrong key fails with core's 401 words, and nothing is classified. The report prints the counts.
import {
  catalog,
  ClassifailyClient,
  DocumentedOnlyReport,
  formatError,
  type ClassifailyError,
  SAMPLE_CATEGORIES,
  SAMPLE_INPUT,
} from '@classifaily/core';
import { startSandbox, type Sandbox } from '@classifaily/sandbox';
import { MakeModuleError, runModule, verifyConnection } from './emulator';
import { devApp } from './helpers/apps';

const app = devApp();
const report = new DocumentedOnlyReport('Make, emulator');
let api: Sandbox;
beforeAll(async () => {
  api = await startSandbox({ documentedOnly: true, rateLimit: 100_000 });
});
afterAll(async () => {
  await api.close();
  expect(report.missing()).toEqual([]);
  console.log(report.summary());
});
const connection = () => ({ apiKey: api.apiKey, baseUrl: api.url });

describe("Make's connection validation, without /v1/me", () => {
  beforeAll(() => api.reset());
  afterAll(() => {
    // Neither the good key nor the wrong one classified (or billed) anything.
    const { itemsClassified, byRoute } = api.stats();
    expect({ itemsClassified, routes: Object.keys(byRoute) }).toEqual({
      itemsClassified: 0,
      routes: ['GET /v1/schemas'],
    });
  });

  it('accepts a good key; no account label (the connection shows its own name)', async () => {
    const { label, requests } = await verifyConnection(app, { connection: connection() });
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `${catalog.credential.testRequest.method} ${catalog.credential.testRequest.path}`,
    ]);
    report.ran('connection');
    expect(label).toBe('');
    report.ran('accountLabel');
  });

  it("refuses a wrong key with core's 401 words", async () => {
    const failed = await verifyConnection(app, {
      connection: { ...connection(), apiKey: api.revokedKey },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(MakeModuleError);
    expect(failed).toMatchObject({ type: 'InvalidAccessTokenError', statusCode: 401 });
    // Core's words for the same answer: core's client sending the same request with the same key.
    const client = new ClassifailyClient({
      apiKey: api.revokedKey,
      baseUrl: api.url,
      maxRetries: 0,
    });
    const core = await client
      .request({
        endpoint: catalog.credential.testRequest,
        query: catalog.credential.testRequest.query,
        check: (_a): _a is unknown => true,
      })
      .then(
        () => undefined,
        (e: unknown) => e as ClassifailyError,
      );
    const withoutRequestId = (text: string) => text.replace(/ \(request req_\w+\)$/, '');
    expect(withoutRequestId((failed as MakeModuleError).message)).toBe(
      withoutRequestId(formatError(core!)),
    );
    report.ran('wrongKey');
  });
});

it('Classify Text: the id from the top level, no Scores (never zeros)', async () => {
  const { bundles, requests } = await runModule(app, 'classifyText', {
    connection: connection(),
    parameters: { input: SAMPLE_INPUT, categorySource: 'list', categories: SAMPLE_CATEGORIES },
  });
  expect(requests).toHaveLength(1);
  const [bundle] = bundles;
  expect(bundle).toMatchObject({
    id: expect.any(String),
    label: 'account_access',
    needs_review: false,
  });
  report.ran('classify');
  expect(bundle!.scores).toBeUndefined();
  report.ran('scores');
});

it('Classify Batch: one bundle per item in order, without an id or scores it was not sent', async () => {
  const { bundles } = await runModule(app, 'classifyBatch', {
    connection: connection(),
    parameters: {
      items: [{ input: SAMPLE_INPUT, id: 't-1' }, { input: 'I was charged twice this month.' }],
      categorySource: 'list',
      categories: SAMPLE_CATEGORIES,
    },
  });
  // Positions count from 1 (decision 0416).
  expect(bundles.map((b) => [b.index, b.label])).toEqual([
    [1, 'account_access'],
    [2, 'billing'],
  ]);
  expect(bundles[0]).toMatchObject({ reference: 't-1' });
  report.ran('batch');
  expect(bundles.map((b) => [b.id, b.scores])).toEqual([
    [undefined, undefined],
    [undefined, undefined],
  ]);
  report.ran('batchIds');
});

it('Scores says, in its help, that it needs scores the API may not send', () => {
  const help = catalog.operations.classify.outputFields.find((f) => f.key === 'scores')!.help;
  expect(help).toMatch(/may be missing/);
  for (const id of ['classifyText', 'classifyBatch']) {
    const scores = app.modules.find((m) => m.id === id)!.interface.find((f) => f.name === 'scores');
    expect(scores?.help).toBe(help);
  }
});
