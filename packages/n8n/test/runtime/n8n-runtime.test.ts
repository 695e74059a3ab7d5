/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest. */
// The harness proven on real n8n, on every pinned n8n line: built-in nodes, a Code node (task
// runner), and this package's node loaded as a community package, calling a local API with the
// imported credential. One `n8n execute` per workflow; see the package README for the timings.
import fs from 'node:fs';
import path from 'node:path';

import { FAKE_CREDENTIAL_VALUE, startFakeApi, type FakeApi } from '../harness/fake-api';
import {
  N8nInstance,
  PACKAGE_ROOT,
  n8nVersionsUnderTest,
  outputJson,
  type ExecutionResult,
  type WorkflowFixture,
} from '../harness/n8n';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as WorkflowFixture;

const SCHEMAS = [
  {
    id: 'sch_support',
    name: 'Support tickets',
    categories: ['billing', 'technical_bug', 'account_access'],
  },
  { id: 'sch_sentiment', name: 'Sentiment', categories: ['positive', 'neutral', 'negative'] },
  { id: 'sch_leads', name: 'Leads', categories: ['hot', 'cold'] },
];

// A cold install of one n8n version takes minutes; a warm run is an n8n start per command.
const SETUP_TIMEOUT_MS = 40 * 60_000;
const EXECUTE_TIMEOUT_MS = 5 * 60_000;

describe.each(n8nVersionsUnderTest())('real n8n %s', (version) => {
  let api: FakeApi;
  let n8n: N8nInstance;
  let smoke: ExecutionResult;

  beforeAll(async () => {
    api = await startFakeApi(SCHEMAS, 2);
    n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
    await n8n.importCredentials([
      {
        id: 'cfyCredSandbox01',
        name: 'Classifaily (test server)',
        type: 'classifailyApi',
        data: { apiKey: FAKE_CREDENTIAL_VALUE, baseUrl: api.baseUrl },
      },
    ]);
    await n8n.importWorkflows([fixture('smoke.workflow.json'), fixture('failing.workflow.json')]);
    smoke = await n8n.execute('cfySmokeWorkflow', EXECUTE_TIMEOUT_MS);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    // Figures for the README (not asserted): each command is one n8n boot.
    const figures = n8n?.timings
      .map((t) => `${t.command} ${(t.ms / 1000).toFixed(1)} s`)
      .join(', ');
    if (figures) process.stderr.write(`[n8n ${version}] ${figures}\n`);
    await n8n?.dispose();
    await api?.close();
  });

  const explain = () => n8n.describeOutput(smoke.stdout, smoke.stderr);

  it('runs the workflow to the end', () => {
    if (!smoke.ok) throw new Error(`workflow failed: ${smoke.error?.message}\n${explain()}`);
    expect(Object.keys(smoke.runData).sort()).toEqual([
      'Code double',
      'List schemas',
      'Manual Trigger',
      'Set fields',
    ]);
  });

  it('runs a Set node and a Code node (task runner)', () => {
    expect(outputJson(smoke, 'Set fields')).toEqual([{ greeting: 'hello', n: 21 }]);
    expect(outputJson(smoke, 'Code double')).toEqual([{ greeting: 'hello', n: 21, doubled: 42 }]);
  });

  it('loads n8n-nodes-classifaily as a community package and lists every schema across pages', () => {
    const schemas = outputJson(smoke, 'List schemas');
    expect(schemas.map((s) => s.id)).toEqual(['sch_support', 'sch_sentiment', 'sch_leads']);
    const pages = api.requests.filter((r) => r.url.startsWith('/v1/schemas'));
    expect(pages.map((r) => r.url)).toEqual([
      '/v1/schemas?limit=100',
      '/v1/schemas?limit=100&cursor=2',
    ]);
    // The credential's generic Bearer authentication, applied by n8n.
    expect(pages.every((r) => r.authorization === `Bearer ${FAKE_CREDENTIAL_VALUE}`)).toBe(true);
  });

  it('pairs every output item with its input item', () => {
    const run = smoke.runData['List schemas']?.[0];
    expect(run?.outputs[0]?.map((item) => item.pairedItem)).toEqual([
      { item: 0 },
      { item: 0 },
      { item: 0 },
    ]);
  });

  it(
    'reports a failing node as a parsed workflow error',
    async () => {
      const failed = await n8n.execute('cfyFailWorkflow1', EXECUTE_TIMEOUT_MS);
      expect(failed.ok).toBe(false);
      expect(failed.error?.message).toContain('deliberate failure from the harness test');
      expect(failed.runData['Code throws']?.[0]?.error?.message).toContain('deliberate failure');
    },
    EXECUTE_TIMEOUT_MS,
  );
});
