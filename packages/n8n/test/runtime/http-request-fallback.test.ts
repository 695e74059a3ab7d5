// The n8n Cloud fallback (docs/n8n.md, "On n8n Cloud"): docs/examples/n8n-cloud-http-request.workflow.json,
// n8n's own HTTP Request node against the documented POST /v1/classify with a Header Auth credential,
// the review rule in an Edit Fields node and one lane per label plus Human review. Run in real n8n
// without this package installed (as on n8n Cloud), the example's URL pointed at the sandbox.
import { SAMPLE_CATEGORIES } from '@classifaily/core';

import {
  exampleWorkflow,
  N8nInstance,
  n8nVersionsUnderTest,
  outputJson,
  type ExecutionResult,
  type WorkflowFixture,
} from '../harness/n8n';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';
import { SETUP_TIMEOUT_MS } from './real-n8n';

const API_URL = 'https://api.classifaily.com';
const LANES = ['Billing team', 'Engineering', 'Account support', 'Product board', 'Human review'];
// The fallback needs nothing of this package: one n8n line is enough, the 2.x one n8n Cloud runs.
const VERSION = n8nVersionsUnderTest().find((v) => v.startsWith('2.'));

type HttpNode = WorkflowFixture['nodes'][number] & {
  parameters: { url: string; jsonBody: string };
  credentials: { httpHeaderAuth: { id: string; name: string } };
};

(VERSION ? describe : describe.skip)(`the n8n Cloud fallback in n8n ${VERSION}`, () => {
  let sandbox: SandboxProcess;
  let n8n: N8nInstance;
  let result: ExecutionResult;
  let example: WorkflowFixture;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    example = exampleWorkflow('n8n-cloud-http-request.workflow.json');
    const http = example.nodes.find((n) => n.type === 'n8n-nodes-base.httpRequest') as HttpNode;
    n8n = await N8nInstance.create({ version: VERSION! });
    // The credential a user creates: Header Auth, Authorization = "Bearer <key>".
    await n8n.importCredentials([
      {
        ...http.credentials.httpHeaderAuth,
        type: 'httpHeaderAuth',
        data: { name: 'Authorization', value: `Bearer ${sandbox.apiKey}` },
      },
    ]);
    const local = structuredClone(example);
    const node = local.nodes.find((n) => n.name === http.name) as HttpNode;
    node.parameters.url = node.parameters.url.replace(API_URL, sandbox.url);
    await n8n.importWorkflows([local]);
    result = await n8n.execute(local.id);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await n8n?.dispose();
    await sandbox?.close();
  });

  it('calls the documented endpoint of the real API, with the categories of the node’s example', () => {
    const http = example.nodes.find((n) => n.type === 'n8n-nodes-base.httpRequest') as HttpNode;
    expect(http.parameters.url).toBe(`${API_URL}/v1/classify`);
    expect(http.parameters.jsonBody.replace(/\s/g, '')).toContain(
      JSON.stringify(SAMPLE_CATEGORIES),
    );
  });

  it('classifies every ticket with one POST /v1/classify each, through the Header Auth credential', async () => {
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    const stats = await sandbox.stats();
    expect(stats.byRoute).toEqual({ 'POST /v1/classify': 6 });
    const rows = outputJson(result, 'Result and review rule');
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toEqual({
        ticket: expect.stringMatching(/^T-\d$/),
        text: expect.any(String),
        label: expect.any(String),
        confidence: expect.any(Number),
        explanation: expect.any(String),
        needs_review: (row.confidence as number) < 0.8,
      });
      expect(SAMPLE_CATEGORIES).toContain(row.label);
    }
  });

  it('sends each ticket down its label’s lane, and those below 0.80 to Human review', () => {
    const lanes = Object.fromEntries(
      LANES.map((lane) => [lane, outputJson(result, 'Route by label', LANES.indexOf(lane))]),
    );
    const all = Object.values(lanes).flat();
    expect(all).toHaveLength(6);
    for (const row of lanes['Human review']!) expect(row.needs_review).toBe(true);
    for (const lane of LANES.slice(0, 4))
      for (const row of lanes[lane]!) {
        expect(row.needs_review).toBe(false);
        expect(row.label).toBe(SAMPLE_CATEGORIES[LANES.indexOf(lane)]);
      }
    // The sandbox classifies the getting-started example as account_access, confidently, and the
    // greeting with no category in it below the threshold.
    expect(lanes['Account support']!.map((r) => r.ticket)).toContain('T-3');
    expect(lanes['Human review']!.map((r) => r.ticket)).toContain('T-6');
  });
});
