// Core's documented-only suite (decision 0036): the client against the sandbox with only what the
// vendor's page documents (`--documented-only`), over real HTTP on 127.0.0.1; and the connection
// test against the full sandbox, where /v1/me answers.
import path from 'node:path';
import {
  AuthenticationError,
  ClassifailyClient,
  DocumentedOnlyReport,
  NotFoundError,
  catalog,
  presentClassification,
  presentResult,
} from '../src';

const SANDBOX_PROCESS = path.join(__dirname, '../../sandbox/dist/process.js');
const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
const EXAMPLE = 'I cannot log in - the password reset email never arrives.';

interface SandboxProcess {
  url: string;
  apiKey: string;
  revokedKey: string;
  stats(): Promise<{ byRoute: Record<string, number>; itemsClassified: number }>;
  reset(): Promise<void>;
  close(): Promise<void>;
}
const start = async (args: string[] = []): Promise<SandboxProcess> => {
  const { startSandboxProcess } = (await import(SANDBOX_PROCESS)) as {
    startSandboxProcess(options: { args: string[] }): Promise<SandboxProcess>;
  };
  return startSandboxProcess({ args });
};

let documented: SandboxProcess;
let full: SandboxProcess;
const report = new DocumentedOnlyReport('core client');
beforeAll(async () => {
  [documented, full] = await Promise.all([start(['--documented-only']), start()]);
});
afterAll(async () => {
  await Promise.all([documented?.close(), full?.close()]);
  expect(report.missing()).toEqual([]);
  console.log(report.summary());
});
beforeEach(() => documented.reset());

const client = (sandbox: SandboxProcess, apiKey = sandbox.apiKey) =>
  new ClassifailyClient({ apiKey, baseUrl: sandbox.url, maxRetries: 0 });

describe('against the documented-only sandbox', () => {
  it('the connection test accepts a good key without /v1/me, and bills nothing', async () => {
    const test = await client(documented).testConnection();
    expect(test).toEqual({ via: 'probe', label: catalog.credential.label });
    const stats = await documented.stats();
    expect(stats.byRoute).toEqual({ 'GET /v1/me': 1, 'POST /v1/classify': 1 });
    expect(stats.itemsClassified).toBe(0);
    report.ran('connection');
  });

  it('the connection test refuses a wrong key: 401 is an authentication error', async () => {
    await expect(client(documented, documented.revokedKey).testConnection()).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    report.ran('wrongKey');
  });

  it('without /v1/me the label is the service, not an account: unavailable, not failed', async () => {
    await expect(client(documented).me()).rejects.toBeInstanceOf(NotFoundError);
    const test = await client(documented).testConnection();
    expect(test).not.toHaveProperty('me');
    report.ran('accountLabel');
  });

  it('classify: the id from the top level, no scores field', async () => {
    const answer = await client(documented).classify({ input: EXAMPLE, categories: CATEGORIES });
    const out = presentClassification(answer);
    expect(out).toMatchObject({ id: answer.id, label: 'account_access', needs_review: false });
    expect(Object.keys(out).sort()).toEqual(['confidence', 'id', 'label', 'needs_review']);
    report.ran('classify');
    expect(out).not.toHaveProperty('scores');
    report.ran('scores');
  });

  it('a batch: one result per item in order, without an id or scores it was not sent', async () => {
    const outcomes = await client(documented).classifyMany({
      items: [{ input: EXAMPLE }, { input: 'I was charged twice this month.' }],
      categories: CATEGORIES,
    });
    expect(outcomes.map((o) => o.ok && o.result.label)).toEqual(['account_access', 'billing']);
    report.ran('batch');
    for (const o of outcomes) {
      const out = presentResult(o.ok ? o.result : { label: '', confidence: 0 });
      expect(out).not.toHaveProperty('id');
      expect(out).not.toHaveProperty('scores');
    }
    report.ran('batchIds');
  });

  it('a wrong base URL is not mistaken for a key the API accepted', async () => {
    const wrong = new ClassifailyClient({
      apiKey: documented.apiKey,
      baseUrl: `${documented.url}/nothing-here`,
      maxRetries: 0,
    });
    await expect(wrong.testConnection()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('against the full sandbox', () => {
  it('the connection test reads /v1/me and labels the connection with the account', async () => {
    const test = await client(full).testConnection();
    expect(test.via).toBe('me');
    expect(test.label).toBe('Sandbox account (Sandbox test key, test mode)');
  });
});
