// The node's documented-only suite (decisions 0036, 0038) in real n8n: the sandbox with only what the
// vendor's page documents (`--documented-only`). The credential test, as the credential dialog runs
// it in a started n8n: core's test request (one schema read, not /v1/me) passes a good key and
// refuses a wrong one with the credential's 401 words, classifying nothing. Then one `n8n execute`
// of Classify over three items (sent as one batch). A feature that needs what that API lacks is
// checked to be absent (no `scores`, no `id` the answer did not carry, no account named) and reported
// unavailable. The report prints the counts.
import { catalog, DocumentedOnlyReport } from '@classifaily/core';

import { n8nVersionsUnderTest } from '../harness/n8n';
import { N8nServer } from '../harness/n8n-server';
import { chainWorkflow, classifyNode, codeNode } from '../harness/tickets';
import { EXECUTE_TIMEOUT_MS, useN8nWithSandbox } from './real-n8n';

const SERVER_TIMEOUT_MS = 5 * 60_000;
const CREDENTIAL = { id: 'cfyCredDocOnly01', name: 'Classifaily (documented-only)' };
const TEXTS = [
  'I cannot log in - the password reset email never arrives.',
  'I was charged twice this month.',
  'The export button crashes the app.',
];

const WORKFLOW = chainWorkflow('cfyDocumentedOnly', 'Classifaily: documented-only', [
  codeNode('Tickets', `return ${JSON.stringify(TEXTS)}.map((text) => ({ json: { text } }));`),
  classifyNode('Classify', CREDENTIAL),
]);

describe.each(n8nVersionsUnderTest())('real n8n %s, documented-only API', (version) => {
  const report = new DocumentedOnlyReport(`n8n ${version}`);
  const real = useN8nWithSandbox(version, {
    sandbox: { args: ['--documented-only'] },
    credential: CREDENTIAL,
    workflows: [WORKFLOW],
  });

  afterAll(() => {
    expect(report.missing()).toEqual([]);
    // eslint-disable-next-line no-console -- the suite prints its counts (issue 26)
    console.log(report.summary());
  });

  it(
    'the credential test passes a good key and refuses a wrong one, without /v1/me, billing nothing',
    async () => {
      await real.sandbox.reset();
      const server = await N8nServer.start(real.n8n);
      try {
        const test = (apiKey: string) =>
          server.testCredential(CREDENTIAL, 'classifailyApi', {
            apiKey,
            baseUrl: real.sandbox.url,
          });
        const good = await test(real.sandbox.apiKey);
        expect(good).toEqual({ status: 'OK', message: expect.any(String) });
        report.ran('connection');
        // n8n names no account: the test says only that it passed.
        expect(good.message).not.toContain(catalog.operations.me.sample.account.name);
        report.ran('accountLabel');
        // n8n 1.x never applies a test's rules (see started-n8n.test.ts): its own words for a 401.
        expect(await test(real.sandbox.revokedKey)).toEqual({
          status: 'Error',
          message: version.startsWith('1.')
            ? 'Authorization failed - please check your credentials'
            : catalog.credential.keyRejectedMessage,
        });
        report.ran('wrongKey');
      } finally {
        await server.stop();
      }
      const { method, path } = catalog.credential.testRequest;
      // Only the test request reached the API (n8n may send it more than once per test).
      const { itemsClassified, byRoute } = await real.sandbox.stats();
      expect({ itemsClassified, routes: Object.keys(byRoute) }).toEqual({
        itemsClassified: 0,
        routes: [`${method} ${path}`],
      });
    },
    SERVER_TIMEOUT_MS,
  );

  it(
    'classifies every item in order, in one batch, without scores or ids the API did not send',
    async () => {
      await real.sandbox.reset();
      const result = await real.n8n.execute('cfyDocumentedOnly', EXECUTE_TIMEOUT_MS);
      expect(result.ok).toBe(true);
      const items = result.runData.Classify?.[0]?.outputs[0] ?? [];
      const classifications = items.map(
        (item) => item.json.classification as Record<string, unknown>,
      );
      expect(classifications.map((c) => c.label)).toEqual([
        'account_access',
        'billing',
        'technical_bug',
      ]);
      expect(classifications.every((c) => typeof c.needs_review === 'boolean')).toBe(true);
      expect((await real.sandbox.stats()).byRoute).toEqual({ 'POST /v1/classify/batch': 1 });
      report.ran('classify');
      report.ran('batch');
      expect(classifications.filter((c) => 'scores' in c)).toEqual([]);
      report.ran('scores');
      expect(classifications.filter((c) => 'id' in c)).toEqual([]);
      report.ran('batchIds');
    },
    EXECUTE_TIMEOUT_MS,
  );
});
