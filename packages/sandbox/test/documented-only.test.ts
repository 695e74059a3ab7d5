// The documented-only sandbox (issue 26): it answers what the vendor's getting-started page
// documents and nothing more, so that the integrations can be proven against an API that has only
// that. Every answer is still checked against the OpenAPI document (`validateResponses`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../src';
import { call, EXAMPLE, SUPPORT } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ documentedOnly: true });
});
afterAll(() => sandbox.close());

describe('the documented-only sandbox', () => {
  it('answers classify with exactly the documented fields: a top-level id, no result.id, no scores', async () => {
    const plain = await call(sandbox, 'POST', '/v1/classify', {
      body: { input: EXAMPLE, categories: SUPPORT },
    });
    expect(plain.status).toBe(200);
    expect(Object.keys(plain.body).sort()).toEqual(['id', 'result', 'status', 'type']);
    expect(Object.keys(plain.body.result).sort()).toEqual(['confidence', 'label']);
    expect(plain.body).toMatchObject({
      status: 'completed',
      type: 'text',
      result: { label: 'account_access' },
    });
    const explained = await call(sandbox, 'POST', '/v1/classify', {
      body: { input: EXAMPLE, categories: SUPPORT, explain: true },
    });
    expect(Object.keys(explained.body.result).sort()).toEqual([
      'confidence',
      'explanation',
      'label',
    ]);
  });

  it('has no GET /v1/me: 404, whatever the key', async () => {
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(404);
    expect(
      (await call(sandbox, 'GET', '/v1/me', { key: 'cai_live_wrong0000000000000000' })).status,
    ).toBe(404);
  });

  it('tells a wrong key (401) from a good one (422) on a classify the API must refuse', async () => {
    const before = sandbox.stats().itemsClassified;
    const wrong = await call(sandbox, 'POST', '/v1/classify', {
      body: {},
      key: 'cai_live_wrong0000000000000000',
    });
    expect(wrong.status).toBe(401);
    expect([400, 422]).toContain(
      (await call(sandbox, 'POST', '/v1/classify', { body: {} })).status,
    );
    expect(sandbox.stats().itemsClassified).toBe(before); // nothing was classified, nothing billed
  });

  it('batches as the contract assumes, without result ids or scores', async () => {
    const batch = await call(sandbox, 'POST', '/v1/classify/batch', {
      body: { items: [{ input: EXAMPLE, id: 't-1' }, { input: ' ' }], categories: SUPPORT },
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results[0]).toMatchObject({ index: 0, id: 't-1', status: 'completed' });
    expect(Object.keys(batch.body.results[0].result).sort()).toEqual(['confidence', 'label']);
    expect(batch.body.results[1]).toMatchObject({ index: 1, status: 'failed' });
  });

  it('saves and classifies against a schema as the contract assumes', async () => {
    const created = await call(sandbox, 'POST', '/v1/schemas', {
      body: { name: 'Support', categories: SUPPORT.map((name) => ({ name })) },
    });
    expect(created.status).toBe(201);
    const classified = await call(sandbox, 'POST', '/v1/classify', {
      body: { input: EXAMPLE, schema: created.body.id },
    });
    expect(Object.keys(classified.body.result).sort()).toEqual(['confidence', 'label']);
    expect((await call(sandbox, 'GET', '/v1/schemas')).body.data).toHaveLength(1);
  });

  it('hands out a cai_live_ key, the prefix the vendor documents', () => {
    expect(sandbox.apiKey).toMatch(/^cai_live_/);
  });
});

describe('classifaily-sandbox --documented-only', () => {
  it('prints its URL and key (--json as without the flag), and has no /v1/me', async () => {
    const child = spawn(
      process.execPath,
      [path.join(__dirname, '../dist/cli.js'), '--port', '0', '--documented-only', '--json'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const printed = JSON.parse(line) as { url: string; apiKey: string };
      expect(printed.apiKey).toMatch(/^cai_live_/);
      const me = await fetch(`${printed.url}/v1/me`, {
        headers: { authorization: `Bearer ${printed.apiKey}` },
      });
      expect(me.status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
