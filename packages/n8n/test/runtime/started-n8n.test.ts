/* eslint-disable @n8n/community-nodes/no-restricted-globals --
   test code, runs in Jest: it waits between polls of the sandbox's counters. */
// What only a started n8n does, driven through its REST API as the editor drives it, on every
// pinned n8n line: the credential dialog's test (core's key and base-URL rules, applied by the
// credential's `authenticate` before anything is sent; a redirect left unfollowed), and the Stop
// button on a running classification (the sandbox's request counters stop growing).
import { catalog } from '@classifaily/core';

import { N8nInstance, PACKAGE_ROOT, n8nVersionsUnderTest } from '../harness/n8n';
import { N8nServer } from '../harness/n8n-server';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';
import { startRedirectingServer, startStrayServer, type StrayServer } from '../harness/stray-api';
import { CREDENTIALS, NODE_TYPE } from './workflows';
import { SETUP_TIMEOUT_MS } from './real-n8n';

const CASE_TIMEOUT_MS = 3 * 60_000;
/** Enough batches (concurrency 1, 300 ms each) that the run is still sending when it is stopped. */
const LONG_RUN_ITEMS = 2_000;
const LATENCY_MS = 300;
const CANCEL_WORKFLOW = 'cfyCancelMidway1';

const { credential } = catalog;
const ME = catalog.operations.me.sample;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(n8nVersionsUnderTest())('started n8n %s', (version) => {
  let sandbox: SandboxProcess;
  let n8n: N8nInstance;
  let server: N8nServer;
  /** Another origin that answers 200 with JSON to anything, so that a test reaching it would pass. */
  let elsewhere: StrayServer;
  /** A base URL that sends every request on to `elsewhere` with a 307. */
  let redirecting: StrayServer;

  beforeAll(async () => {
    [sandbox, elsewhere] = await Promise.all([
      startSandboxProcess({ latencyMs: LATENCY_MS, rateLimit: 10_000_000 }),
      startStrayServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ME)),
      ),
    ]);
    redirecting = await startRedirectingServer(elsewhere.baseUrl);
    n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
    await n8n.importSandboxCredential(CREDENTIALS.main, sandbox);
    await n8n.importWorkflows([longClassification()]);
    server = await N8nServer.start(n8n);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    await n8n?.dispose();
    await Promise.all([sandbox?.close(), elsewhere?.close(), redirecting?.close()]);
  });

  describe('the credential test', () => {
    const test = (data: Record<string, unknown>) =>
      server.testCredential(CREDENTIALS.main, 'classifailyApi', data);
    // n8n 1.x never applies a test's `rules`: the error it catches has lost the request error it
    // wraps (n8n-workflow 1.x's ExecutionBaseError re-declares `cause`), so it shows its own words.
    const rulesApply = !version.startsWith('1.');

    it(
      'accepts the sandbox key, pasted with spaces, a newline and "Bearer ", on http://127.0.0.1',
      async () => {
        await expect(test({ apiKey: sandbox.apiKey, baseUrl: sandbox.url })).resolves.toEqual({
          status: 'OK',
          message: expect.any(String),
        });
        await expect(
          test({ apiKey: ` Bearer ${sandbox.apiKey}\n`, baseUrl: `${sandbox.url}/` }),
        ).resolves.toMatchObject({ status: 'OK' });
      },
      CASE_TIMEOUT_MS,
    );

    it(
      'refuses plain http to another machine with core’s message, sending nothing',
      async () => {
        // The sandbox, under an address that reaches it (IPv4-mapped IPv6) but is not one of the
        // names core allows plain http to: without the rule, the key would arrive there.
        const elsewhere = sandbox.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
        expect((await fetch(`${elsewhere}/v1/me`)).status).toBe(401);
        const requestsBefore = (await sandbox.stats()).total;
        const result = await test({ apiKey: sandbox.apiKey, baseUrl: elsewhere });
        expect(result.status).toBe('Error');
        expect(result.message).toMatch(/not secure \(https\).*only allowed for localhost/);
        expect((await sandbox.stats()).total).toBe(requestsBefore);
      },
      CASE_TIMEOUT_MS,
    );

    it(
      'refuses what cannot be a key with core’s message, without sending it',
      async () => {
        const requestsBefore = (await sandbox.stats()).total;
        const result = await test({ apiKey: 'my-password-123', baseUrl: sandbox.url });
        expect(result).toEqual({
          status: 'Error',
          message: expect.stringMatching(/doesn't look like a Classifaily API key/),
        });
        expect(result.message).not.toContain('my-password-123');
        expect((await sandbox.stats()).total).toBe(requestsBefore);
      },
      CASE_TIMEOUT_MS,
    );

    it(
      'does not follow a redirect to another origin: says so, and the key goes nowhere else',
      async () => {
        const result = await test({ apiKey: sandbox.apiKey, baseUrl: redirecting.baseUrl });
        // The credential's own base URL got the test (with the key, as it should)…
        expect(redirecting.requests).toEqual([
          { method: 'GET', url: credential.testUrl, withKey: true, bodyBytes: 0 },
        ]);
        // …and the origin it pointed to got nothing: neither the request nor the key.
        expect(elsewhere.requests).toEqual([]);
        expect(result).toEqual({
          status: 'Error',
          message: rulesApply ? credential.redirectMessage : 'Request failed with status code 307',
        });
      },
      CASE_TIMEOUT_MS,
    );

    it(
      'reports a revoked key',
      async () => {
        const result = await test({ apiKey: sandbox.revokedKey, baseUrl: sandbox.url });
        expect(result).toEqual({
          status: 'Error',
          message: rulesApply
            ? credential.keyRejectedMessage
            : 'Authorization failed - please check your credentials',
        });
      },
      CASE_TIMEOUT_MS,
    );
  });

  it(
    'stops sending when a running classification is stopped (Stop button)',
    async () => {
      await sandbox.reset();
      const executionId = await server.runWorkflow(CANCEL_WORKFLOW);
      let sent = 0;
      while (sent < 3) {
        await sleep(100);
        sent = (await sandbox.stats()).total;
      }
      await server.stopExecution(executionId);
      expect(await server.executionStatus(executionId)).toBe('canceled');
      // A request already on the wire may still arrive; after that, nothing more.
      await sleep(2 * LATENCY_MS);
      const afterStop = (await sandbox.stats()).total;
      await sleep(10 * LATENCY_MS);
      const later = await sandbox.stats();
      expect(later.total).toBe(afterStop);
      expect(later.total).toBeLessThan(Math.ceil(LONG_RUN_ITEMS / 25) / 4);
      process.stderr.write(
        `[n8n ${version}] stopped after ${sent} requests; ${later.total} in all of the ${Math.ceil(LONG_RUN_ITEMS / 25)} the run would send\n`,
      );
    },
    CASE_TIMEOUT_MS,
  );
});

/** 2,000 tickets, one batch request at a time against the slowed sandbox: ~24 s if not stopped. */
function longClassification() {
  const node = (n: number, name: string, type: string, parameters: Record<string, unknown>) => ({
    id: `00000000-0000-4000-8000-0000000000c${n}`,
    name,
    type,
    typeVersion: type === 'n8n-nodes-base.code' ? 2 : 1,
    position: [n * 220, 0] as [number, number],
    parameters,
  });
  return {
    id: CANCEL_WORKFLOW,
    name: 'Classifaily: a long classification, stopped midway',
    nodes: [
      node(1, 'Manual Trigger', 'n8n-nodes-base.manualTrigger', {}),
      node(2, 'Tickets', 'n8n-nodes-base.code', {
        jsCode: `return Array.from({ length: ${LONG_RUN_ITEMS} }, (_, i) => ({ json: { text: 'I cannot log in, ticket ' + i } }));`,
      }),
      {
        ...node(3, 'Classify', NODE_TYPE, {
          resource: 'classification',
          operation: 'classify',
          input: '={{ $json.text }}',
          categorySource: 'list',
          categories: ['billing', 'account_access'],
          options: { concurrency: 1 },
        }),
        credentials: { classifailyApi: CREDENTIALS.main },
      },
    ],
    connections: {
      'Manual Trigger': { main: [[{ node: 'Tickets', type: 'main', index: 0 }]] },
      Tickets: { main: [[{ node: 'Classify', type: 'main', index: 0 }]] },
    },
  };
}
