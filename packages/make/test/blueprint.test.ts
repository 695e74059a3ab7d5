// The example scenario for lists longer than one batch (docs/examples/make-classify-long-list
// .blueprint.json, decision 0405): Iterator → Array aggregator grouped by ⌈position / 25⌉ →
// Classify Batch. It names the app's module and fields, and run here (the aggregator's grouping and
// mapping by the test emulator's IML, Classify Batch against the sandbox) 60 tickets take 3 calls
// and come out as 60 bundles, in order, each with its ticket's reference.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LIMITS, SAMPLE_CATEGORIES } from '@classifaily/core';
import { generatedFiles } from '../src/generate';
import type { MakeParameter } from '../src/make-format';
import { allParameters, evaluateDeep, evaluateTemplate, runModule } from './emulator';
import { startApi, type ApiServer } from './helpers/api';
import { devApp } from './helpers/apps';

interface FlowModule {
  id: number;
  module: string;
  parameters: Record<string, unknown>;
  mapper: Record<string, unknown>;
}
const blueprint = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../../docs/examples/make-classify-long-list.blueprint.json'),
    'utf8',
  ),
) as { flow: FlowModule[] };
const [, iterator, aggregator, batch] = blueprint.flow as [
  FlowModule,
  FlowModule,
  FlowModule,
  FlowModule,
];
const app = devApp();
const classifyBatch = app.modules.find((m) => m.id === 'classifyBatch')!;

describe('the example scenario names what the app has', () => {
  it("uses the app's Classify Batch module, under the app id of makecomapp.json's origin", () => {
    const { origins } = JSON.parse(generatedFiles().get('makecomapp.json')!);
    expect(batch.module).toBe(`app#${origins[0].appId}:${classifyBatch.id}`);
  });

  it("maps only the module's parameters, and the aggregator builds its items", () => {
    const names = allParameters(classifyBatch.mappableParams).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(Object.keys(batch.mapper)));
    expect(aggregator.parameters).toMatchObject({
      feeder: iterator.id,
      target: `${batch.id}.items`,
    });
    const items = classifyBatch.mappableParams.find((p) => p.name === 'items')!;
    const itemFields = ((items.spec as MakeParameter).spec as MakeParameter[]).map((p) => p.name);
    expect(Object.keys(aggregator.mapper).sort()).toEqual(itemFields.sort());
    expect(aggregator.parameters.groupBy).toBe(
      `{{ceil(2.__IMTINDEX__ / ${LIMITS.batchMaxItems})}}`,
    );
  });
});

describe('run on the sandbox', () => {
  let api: ApiServer;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('60 tickets: 3 calls of at most 25, 60 bundles in order with their references', async () => {
    const tickets = Array.from({ length: 60 }, (_, i) => ({
      id: `ticket-${i + 1}`,
      text: i % 2 ? 'I was charged twice this month.' : 'The export button crashes the app.',
    }));
    // The Iterator's bundles carry the item's fields and Make's 1-based position.
    const bundles = tickets.map((t, i) => ({ ...t, __IMTINDEX__: i + 1, __IMTLENGTH__: 60 }));
    const groups = new Map<unknown, unknown[]>();
    for (const bundle of bundles) {
      const scope = { [iterator.id]: bundle };
      const key = evaluateTemplate(String(aggregator.parameters.groupBy), scope);
      groups.set(key, [...(groups.get(key) ?? []), evaluateDeep(aggregator.mapper, scope)]);
    }
    expect([...groups.values()].map((g) => g.length)).toEqual([25, 25, 10]);

    const out: Record<string, unknown>[] = [];
    const connection = { apiKey: api.apiKey, baseUrl: api.url };
    for (const array of groups.values()) {
      const parameters = evaluateDeep(batch.mapper, { [aggregator.id]: { array } });
      const { bundles: results, requests } = await runModule(app, classifyBatch.id, {
        connection,
        parameters: parameters as Record<string, unknown>,
      });
      expect(requests).toHaveLength(1);
      out.push(...results);
    }
    expect(out.map((b) => b.reference)).toEqual(tickets.map((t) => t.id));
    expect(out.every((b) => SAMPLE_CATEGORIES.includes(b.label as string))).toBe(true);
  });
});
