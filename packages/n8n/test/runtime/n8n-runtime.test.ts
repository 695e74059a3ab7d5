/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest. */
// The harness proven on real n8n, on every pinned n8n line: built-in nodes, a Code node (task
// runner), and this package's node loaded as a community package, calling a local API with the
// imported credential. One `n8n execute` per workflow; see the package README for the timings.
import fs from 'node:fs';
import path from 'node:path';

import { ClassifailyClient } from '@classifaily/core';
import { classify as sandboxClassify } from '@classifaily/sandbox';

import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';
import {
  startOversizedServer,
  startRedirectingServer,
  startStrayServer,
  type OversizedServer,
  type StrayServer,
} from '../harness/stray-api';
import {
  N8nInstance,
  PACKAGE_ROOT,
  classifailyCredential,
  n8nVersionsUnderTest,
  outputJson,
  type ExecutionResult,
  type WorkflowFixture,
} from '../harness/n8n';
import {
  BURST_ITEMS,
  CATEGORIES,
  classifyCasesWorkflow,
  COUNT_ITEMS,
  CREDENTIALS,
  MIXED,
  STOP_ITEMS,
  stopOnErrorWorkflows,
  TARGET_ITEMS,
  TICKETS,
} from './workflows';
import { EXECUTE_TIMEOUT_MS, SETUP_TIMEOUT_MS, useN8nWithSandbox } from './real-n8n';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as WorkflowFixture;

/** Schemas on the listing sandbox: one more than a page of 100, so that Get Many reads two pages. */
const LISTED_SCHEMAS = 101;

/** More than five times the largest answer core reads (about 18.8 MB, decision 0009). */
const OVERSIZED_BYTES = 100_000_000;

describe.each(n8nVersionsUnderTest())('real n8n %s', (version) => {
  // Schemas to list (Get Many across pages): the sandbox, with nothing else on it.
  let listing: SandboxProcess;
  const listedIds: string[] = [];
  let n8n: N8nInstance;
  let smoke: ExecutionResult;
  let cases: ExecutionResult;
  // One sandbox per case that counts requests or injects faults: each counts only its own case.
  let sandbox: SandboxProcess;
  let counting: SandboxProcess;
  let bursting: SandboxProcess;
  let targets: SandboxProcess;
  let stopping: SandboxProcess;
  // Another origin (it must get nothing), an API that redirects there, one that answers too much.
  let elsewhere: StrayServer;
  let redirecting: StrayServer;
  let oversized: OversizedServer;
  const targetSchemas = { saved: '', deleted: '' };

  beforeAll(async () => {
    elsewhere = await startStrayServer((_req, res) => res.writeHead(404).end());
    [redirecting, oversized] = await Promise.all([
      startRedirectingServer(elsewhere.baseUrl),
      startOversizedServer(OVERSIZED_BYTES),
    ]);
    [sandbox, counting, bursting, targets, stopping, listing] = await Promise.all([
      startSandboxProcess(),
      startSandboxProcess(),
      startSandboxProcess(),
      startSandboxProcess(),
      startSandboxProcess(),
      startSandboxProcess(),
    ]);
    const lister = new ClassifailyClient({ apiKey: listing.apiKey, baseUrl: listing.url });
    for (let n = 0; n < LISTED_SCHEMAS; n++) {
      const made = await lister.schemas.create({
        name: `Schema ${n}`,
        categories: [{ name: 'a' }, { name: 'b' }],
      });
      listedIds.unshift(made.id); // the API lists newest first
    }
    await listing.reset();
    // On the sandbox of the mixed-targets case: a saved schema, and one deleted before the run.
    const client = new ClassifailyClient({ apiKey: targets.apiKey, baseUrl: targets.url });
    const categories = CATEGORIES.map((name) => ({ name }));
    targetSchemas.saved = (await client.schemas.create({ name: 'Support', categories })).id;
    targetSchemas.deleted = (await client.schemas.create({ name: 'Old', categories })).id;
    await client.schemas.delete(targetSchemas.deleted);
    await targets.reset();
    n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
    const credential = (ref: { id: string; name: string }, apiKey: string, url: string) =>
      classifailyCredential(ref, { apiKey, url });
    await n8n.importCredentials([
      credential(
        { id: 'cfyCredSandbox01', name: 'Classifaily (test server)' },
        listing.apiKey,
        listing.url,
      ),
      credential(CREDENTIALS.main, sandbox.apiKey, sandbox.url),
      credential(CREDENTIALS.count, counting.apiKey, counting.url),
      credential(CREDENTIALS.burst, bursting.apiKey, bursting.url),
      credential(CREDENTIALS.revoked, sandbox.revokedKey, sandbox.url),
      credential(CREDENTIALS.targets, targets.apiKey, targets.url),
      credential(CREDENTIALS.stop, stopping.apiKey, stopping.url),
      credential(CREDENTIALS.redirected, sandbox.apiKey, redirecting.baseUrl),
      credential(CREDENTIALS.oversized, sandbox.apiKey, oversized.baseUrl),
    ]);
    await n8n.importWorkflows([
      fixture('smoke.workflow.json'),
      fixture('failing.workflow.json'),
      classifyCasesWorkflow(targetSchemas),
      ...stopOnErrorWorkflows(),
    ]);
    smoke = await n8n.execute('cfySmokeWorkflow', EXECUTE_TIMEOUT_MS);
    // Two 429s (Retry-After: 1 s) on the first two batch requests: retried, nothing lost.
    await bursting.setFaults({
      kind: 'status',
      status: 429,
      retryAfter: 1,
      count: 2,
      path: '/v1/classify/batch',
    });
    cases = await n8n.execute('cfyClassifyCases', EXECUTE_TIMEOUT_MS);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    // Figures for the README (not asserted): each command is one n8n boot.
    const figures = n8n?.timings
      .map((t) => `${t.command} ${(t.ms / 1000).toFixed(1)} s`)
      .join(', ');
    if (figures) process.stderr.write(`[n8n ${version}] ${figures}\n`);
    await n8n?.dispose();
    await Promise.all(
      [
        listing,
        sandbox,
        counting,
        bursting,
        targets,
        stopping,
        elsewhere,
        redirecting,
        oversized,
      ].map((server) => server?.close()),
    );
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

  it('loads n8n-nodes-classifaily as a community package and lists every schema across pages', async () => {
    const schemas = outputJson(smoke, 'List schemas');
    expect(schemas.map((s) => s.id)).toEqual(listedIds);
    // Two pages of at most 100, each accepted with the key the credential's Bearer auth added.
    const stats = await listing.stats();
    expect(stats.byRoute).toEqual({ 'GET /v1/schemas': 2 });
    expect(stats.byStatus).toEqual({ '200': 2 });
  });

  it('pairs every output item with its input item', () => {
    const run = smoke.runData['List schemas']?.[0];
    expect(run?.outputs[0]?.map((item) => item.pairedItem)).toEqual(
      listedIds.map(() => ({ item: 0 })),
    );
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
  describe('Classification > Classify against the sandbox', () => {
    const out = (nodeName: string, output = 0) => outputJson(cases, nodeName, output);
    const paired = (nodeName: string, output = 0) =>
      cases.runData[nodeName]?.[0]?.outputs[output]?.map((item) => item.pairedItem);

    it('runs every case to the end', () => {
      if (!cases.ok)
        throw new Error(
          `workflow failed: ${cases.error?.message}\n${n8n.describeOutput(cases.stdout, cases.stderr)}`,
        );
    });

    it('classifies a typed list of categories, with explanations, merged into each item', () => {
      const items = out('Classify list');
      expect(items.map((i) => i.ticket)).toEqual(TICKETS.map((t) => t.ticket));
      items.forEach((item, index) => {
        const want = expected(TICKETS[index]!.text);
        const got = item.classification as Record<string, unknown>;
        expect(item.text).toBe(TICKETS[index]!.text);
        expect(got.label).toBe(want.label);
        // Each item its own classification id, as a single classification has (decision 0234).
        expect(got.id).toMatch(/^cls_/);
        expect(got.confidence).toBeCloseTo(want.confidence, 3);
        expect(got.needs_review).toBe(want.confidence < 0.8);
        expect(typeof got.explanation).toBe('string');
        expect(Object.keys(got.scores as object).sort()).toEqual([...CATEGORIES].sort());
      });
      expect(paired('Classify list')).toEqual(TICKETS.map((_, item) => ({ item })));
    });

    it('routes each item to its category output and low-confidence items to Needs Review', () => {
      const runs = cases.runData.Route?.[0]?.outputs ?? [];
      expect(runs).toHaveLength(CATEGORIES.length + 1);
      const want = CATEGORIES.map(() => [] as string[]);
      const review: string[] = [];
      for (const t of TICKETS) {
        const p = expected(t.text);
        (p.confidence < 0.8 ? review : want[CATEGORIES.indexOf(p.label)]!).push(t.ticket);
      }
      expect(review.length).toBeGreaterThan(0);
      CATEGORIES.forEach((_, output) =>
        expect(out('Route', output).map((i) => i.ticket)).toEqual(want[output]),
      );
      expect(out('Route', CATEGORIES.length).map((i) => i.ticket)).toEqual(review);
      // pairedItem points back at the right input item on every output.
      for (let output = 0; output <= CATEGORIES.length; output++) {
        const tickets = out('Route', output).map((i) => i.ticket);
        expect(paired('Route', output)).toEqual(
          tickets.map((ticket) => ({ item: TICKETS.findIndex((t) => t.ticket === ticket) })),
        );
      }
    });

    it('classifies against a saved schema created, read, listed and deleted in the same run', () => {
      const [created] = out('Create schema');
      expect(created).toMatchObject({ name: 'Support triage' });
      expect(out('Get schema')).toEqual([created]);
      expect(out('List schemas').map((s) => s.id)).toContain(created!.id);
      const byschema = out('Classify by schema');
      expect(byschema.map((i) => (i.classification as { label: string }).label)).toEqual([
        'billing',
        'technical_bug',
        'account_access',
      ]);
      expect(out('Delete schema')).toEqual([{ id: created!.id, object: 'schema', deleted: true }]);
      const [gone] = out('Get deleted schema');
      expect(String(gone!.error)).toMatch(/schema/i);
    });

    it('sends only the bad items of a batch to the error output, with their input data', () => {
      const good = out('Classify mixed', 0);
      const bad = out('Classify mixed', 1);
      // A number from the item is classified as its text.
      expect(good.map((i) => i.ticket)).toEqual(['M-1', 'M-4', 'M-5']);
      expect(good.every((i) => typeof (i.result as { label?: string }).label === 'string')).toBe(
        true,
      );
      expect(bad.map((i) => i.ticket)).toEqual(['M-2', 'M-3', 'M-6']);
      expect(bad[0]).toMatchObject({ text: MIXED[1]!.text });
      expect(String(bad[0]!.error)).toMatch(/empty/i);
      expect(String(bad[1]!.error)).toMatch(/20,000/);
      // A missing field says it is missing, and which expression gave nothing.
      expect(String(bad[2]!.error)).toMatch(/is missing.*\{\{ \$json\.text \}\}.*gives nothing/);
    });

    it(`fails only the item whose schema was deleted; the other ${TARGET_ITEMS - 1} are classified against theirs`, async () => {
      const classified = out('Classify mixed targets', 0);
      const failed = out('Classify mixed targets', 1);
      expect(failed.map((i) => i.n)).toEqual([0]);
      expect(String(failed[0]!.error)).toMatch(/schema/i);
      expect(classified.map((i) => i.n)).toEqual(
        Array.from({ length: TARGET_ITEMS - 1 }, (_, n) => n + 1),
      );
      expect(
        classified.every((i) => (i.classification as { label: string }).label === 'account_access'),
      ).toBe(true);
      const stats = await targets.stats();
      expect(stats.byStatus).toEqual({ '200': Math.ceil((TARGET_ITEMS - 1) / 25), '404': 1 });
      expect(stats.itemsClassified).toBe(TARGET_ITEMS - 1);
    });

    it('V2: discards low-confidence items when asked, and creates a schema from schemaCategories', () => {
      const runs = cases.runData['Route, discarding low confidence']?.[0]?.outputs ?? [];
      expect(runs).toHaveLength(CATEGORIES.length);
      const confident = TICKETS.filter((t) => expected(t.text).confidence >= 0.8);
      expect(confident.length).toBeLessThan(TICKETS.length);
      CATEGORIES.forEach((category, output) =>
        expect(out('Route, discarding low confidence', output).map((i) => i.ticket)).toEqual(
          confident.filter((t) => expected(t.text).label === category).map((t) => t.ticket),
        ),
      );
      const [created] = out('Create schema (V2)');
      expect(created).toMatchObject({
        name: 'Created by V2',
        categories: [{ name: 'billing' }, { name: 'account_access' }],
      });
    });

    it('refuses Route by Category with a category from an expression, saying what to do', () => {
      const error = cases.runData['Route from an expression']?.[0]?.error;
      expect(error?.message).toMatch(/Route by Category needs the categories typed in/);
      expect(error?.description).toMatch(/\{\{ \$json\.extra \}\}.*Switch node/);
    });

    it('reports a revoked key per item with what to do, and never shows a key', () => {
      const failed = out('Revoked key', 1);
      expect(failed).toHaveLength(TICKETS.length);
      expect(String(failed[0]!.error)).toMatch(/revoked/i);
      expect(String(failed[0]!.error)).toMatch(/credential/i);
      for (const key of [sandbox.apiKey, sandbox.revokedKey, counting.apiKey])
        expect(cases.stdout + cases.stderr).not.toContain(key);
    });

    it(`classifies ${COUNT_ITEMS} items in exactly 3 requests (counted by the sandbox)`, async () => {
      const items = out('Classify sixty');
      expect(items.map((i) => i.n)).toEqual(Array.from({ length: COUNT_ITEMS }, (_, n) => n));
      expect(paired('Classify sixty')).toEqual(items.map((_, item) => ({ item })));
      const stats = await counting.stats();
      expect(stats.byOperation).toEqual({ classifyBatch: 3 });
      expect(stats.itemsClassified).toBe(COUNT_ITEMS);
    });

    it('refuses a redirect to another origin: the other origin gets nothing, every item fails with why', () => {
      // Neither the texts nor the key went on; the one batch request was answered 307, not retried.
      expect(elsewhere.requests).toEqual([]);
      expect(redirecting.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /v1/classify/batch',
      ]);
      expect(out('Redirected elsewhere', 0)).toEqual([]);
      const failed = out('Redirected elsewhere', 1);
      expect(failed.map((i) => i.ticket)).toEqual(TICKETS.map((t) => t.ticket));
      for (const item of failed)
        expect(String(item.error)).toContain(
          `redirect (HTTP 307) to another server (${elsewhere.baseUrl}); it was not followed`,
        );
    });

    it('stops reading an answer larger than any Classifaily answer, and says so per item', async () => {
      expect(out('Oversized answer', 0)).toEqual([]);
      const failed = out('Oversized answer', 1);
      expect(failed.map((i) => i.ticket)).toEqual(TICKETS.map((t) => t.ticket));
      for (const item of failed)
        expect(String(item.error)).toMatch(/larger than any Classifaily answer can be/);
      expect(oversized.requests).toHaveLength(1);
      // n8n read about core's cap and let the connection go; it did not take in the 100 MB.
      expect(await oversized.written).toBeLessThan(OVERSIZED_BYTES / 2);
    });

    it('retries a 429 burst and loses nothing', async () => {
      const items = out('Classify through 429s');
      expect(items).toHaveLength(BURST_ITEMS);
      expect(
        items.every((i) => (i.classification as { label: string }).label === 'account_access'),
      ).toBe(true);
      const stats = await bursting.stats();
      expect(stats.byStatus['429']).toBe(2);
      expect(stats.byStatus['200']).toBe(Math.ceil(BURST_ITEMS / 25));
      expect(stats.itemsClassified).toBe(BURST_ITEMS);
    });
  });
});

describe.each(n8nVersionsUnderTest())('real n8n %s, without continue on fail', (version) => {
  const real = useN8nWithSandbox(version, {
    credential: CREDENTIALS.stop,
    workflows: stopOnErrorWorkflows(),
  });

  it(
    'stops at a bad item: the batches in flight are answered, nothing after it is sent (decisions 0250, 0252)',
    async () => {
      await real.sandbox.reset();
      const run = await real.n8n.execute('cfyStopBadItem', EXECUTE_TIMEOUT_MS);
      expect(run.ok).toBe(false);
      expect(run.error?.message).toMatch(/empty/i);
      // Concurrency 1, reading one batch ahead of the sending (decision 0252): items 0–74 went out
      // in three batches as the reading reached them; the partial batch before item 98 and
      // everything after it were not sent.
      const stats = await real.sandbox.stats();
      expect([stats.total, stats.itemsClassified]).toEqual([3, 75]);
    },
    EXECUTE_TIMEOUT_MS,
  );

  it(
    'fails a Categories From left as an expression before anything is sent, saying what to choose',
    async () => {
      await real.sandbox.reset();
      const run = await real.n8n.execute('cfyCategoriesFrom', EXECUTE_TIMEOUT_MS);
      expect(run.ok).toBe(false);
      expect(run.error?.message).toBe(
        'Categories From must be A List or A Saved Schema, but it is {{ $json.source }}',
      );
      expect((await real.sandbox.stats()).total).toBe(0);
    },
    EXECUTE_TIMEOUT_MS,
  );

  it(
    'sends no further batch once one has failed for good',
    async () => {
      await real.sandbox.reset();
      // The first batch gets 503 on its attempt and both retries; three batches are still to go.
      await real.sandbox.setFaults({
        kind: 'status',
        status: 503,
        retryAfter: 1,
        count: 3,
        path: '/v1/classify/batch',
      });
      const run = await real.n8n.execute('cfyStopFailedBatch', EXECUTE_TIMEOUT_MS);
      expect(run.ok).toBe(false);
      expect(run.error?.message).toMatch(/temporary problem/i);
      const stats = await real.sandbox.stats();
      expect(stats.byStatus).toEqual({ '503': 3 });
      expect(stats.itemsClassified).toBe(0);
      expect(Math.ceil(STOP_ITEMS / 25)).toBeGreaterThan(1);
    },
    EXECUTE_TIMEOUT_MS,
  );
});

/** What the sandbox's own classifier says for a ticket: the expected label and confidence. */
function expected(text: string) {
  return sandboxClassify(
    text,
    CATEGORIES.map((name) => ({ name })),
    false,
  );
}
