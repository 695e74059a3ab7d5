/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest. */
// Classify run by n8n's own execution engine in this process (test/harness/in-process.ts), on the
// workflow fixtures beside this file, against the sandbox over real HTTP on 127.0.0.1: routing, the
// error output, Stop on error, Low-Confidence Items and Categories From. Seconds, not an n8n start.
import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runInProcess, type InProcessFixture } from '../harness/in-process';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const fixture = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.workflow.json`), 'utf8'),
  ) as InProcessFixture;

const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
const tickets = (items: IDataObject[]) => items.map((json) => json.ticket);
const classification = (json: IDataObject) => json.classification as IDataObject;

let sandbox: SandboxProcess;
let run: (workflow: InProcessFixture) => ReturnType<typeof runInProcess>;

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  run = (workflow) => runInProcess(workflow, { baseUrl: sandbox.url, apiKey: sandbox.apiKey });
});
afterAll(() => sandbox?.close());
beforeEach(() => sandbox.reset());

describe('Route by Category', () => {
  it('puts each item on its category’s output, and below the threshold on Needs Review', async () => {
    const result = await run(fixture('routing'));
    expect(result.error).toBeUndefined();
    const outputs = result.outputs('Classifaily');
    expect(outputs).toHaveLength(CATEGORIES.length + 1);
    expect(outputs.map(tickets)).toEqual([['T-1'], ['T-2'], ['T-3'], ['T-4'], ['T-5', 'T-6']]);
    CATEGORIES.forEach((category, index) => {
      for (const json of outputs[index]!) {
        expect(classification(json)).toMatchObject({ label: category, needs_review: false });
      }
    });
    for (const json of outputs[CATEGORIES.length]!)
      expect(classification(json).needs_review).toBe(true);
    expect((await sandbox.stats()).total).toBe(1);
  });

  it('Low-Confidence Items: Discard drops the Needs Review output and the items below the threshold', async () => {
    const outputs = (await run(fixture('discard'))).outputs('Classifaily');
    expect(outputs.map(tickets)).toEqual([['T-1'], ['T-2'], ['T-3'], ['T-4']]);
  });
});

describe('On Error: Continue (using error output)', () => {
  it('sends the bad item to the error output with its data and the error; the others carry on', async () => {
    const result = await run(fixture('error-output'));
    expect(result.error).toBeUndefined();
    const [main, errors] = result.outputs('Classifaily');
    expect(tickets(main!)).toEqual(['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6']);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ ticket: 'E-1', subject: 'Empty', body: '' });
    expect(errors![0]!.error).toMatch(/Text to Classify/);
    const stats = await sandbox.stats();
    expect([stats.total, stats.itemsClassified]).toEqual([1, 6]);
  });
});

describe('On Error: Stop Workflow (decision 0250)', () => {
  const ITEMS = 100;
  const BAD = 60;
  const items = (badText: string) =>
    Array.from({ length: ITEMS }, (_, n) => ({
      json: { n, subject: `Ticket ${n}`, body: n === BAD ? badText : `I was charged twice, #${n}` },
    }));
  const withItems = (json: ReturnType<typeof items>): InProcessFixture => ({
    ...fixture('stop'),
    pinData: { 'Manual Trigger': json },
  });

  it('stops at the first bad item: the full batches before it were sent, nothing after it, nor the partial batch before it', async () => {
    const result = await run(withItems(items('x'.repeat(20_001))));
    expect(result.error?.message).toMatch(/20,000|too long/i);
    expect(result.error?.itemIndex).toBe(BAD);
    const stats = await sandbox.stats();
    // Items 0–49 in two full batches; 50–59 waited in a partial batch and were not sent.
    expect([stats.total, stats.itemsClassified]).toEqual([2, 50]);
  });

  it('a re-run after fixing the item is not billed again for the batches already sent', async () => {
    await run(withItems(items('x'.repeat(20_001))));
    const fixed = await run(withItems(items('please refund me')));
    expect(fixed.error).toBeUndefined();
    expect(fixed.outputs('Classifaily')[0]).toHaveLength(ITEMS);
    const stats = await sandbox.stats();
    expect(stats.idempotency.replayed).toBe(2);
    expect(stats.itemsClassifiedAgain).toBe(0);
    expect(stats.itemsClassified).toBe(ITEMS);
  });
});

describe('Categories From', () => {
  it('left as the text of an expression, fails before anything is sent and says what to choose', async () => {
    const result = await run(fixture('categories-from-expression'));
    expect(result.error?.message).toBe(
      'Categories From must be A List or A Saved Schema, but it is {{ $json.source }}',
    );
    expect(result.error?.description).toMatch(/choose A List or A Saved Schema in Categories From/);
    expect(result.outputs('Classifaily')).toEqual([]);
    expect((await sandbox.stats()).total).toBe(0);
  });
});
