// Make's documented-only suite (decision 0036): the generated modules through the emulator against
// the sandbox with only what the vendor's page documents (`documentedOnly`). A feature that needs
// what that API lacks is checked to be absent and reported unavailable; Make's connection test,
// which must be GET /v1/me (Make takes no 4xx as a success), is skipped under `me-endpoint`, the
// assumption the generated table names for it. The report prints the counts.
import { catalog, DocumentedOnlyReport, SAMPLE_CATEGORIES, SAMPLE_INPUT } from '@classifaily/core';
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

it("Make's connection test needs /v1/me: without it, it fails (skipped: me-endpoint)", async () => {
  const failed = await verifyConnection(app, { connection: connection() }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(failed).toBeInstanceOf(MakeModuleError);
  for (const key of ['connection', 'wrongKey', 'accountLabel'] as const)
    report.skip(key, 'me-endpoint');
});

it('a key Make could not test is refused at the first module that uses it', async () => {
  const run = runModule(app, 'classifyText', {
    connection: { ...connection(), apiKey: api.revokedKey },
    parameters: { input: SAMPLE_INPUT, categorySource: 'list', categories: SAMPLE_CATEGORIES },
  });
  await expect(run).rejects.toMatchObject({ type: 'InvalidAccessTokenError' });
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
