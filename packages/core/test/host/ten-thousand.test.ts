// 10,000 items through core's batch queue (what classifyMany and the n8n node use) in a fresh `node`,
// against an API that breaks a seeded 10 % of requests in every way fault-api.ts knows, with mixed
// targets (one of them a deleted schema) and some texts near the size limit. The API counts how
// often it classified each item: 0 lost, 0 duplicated, order kept, every other target classified.
import { LIMITS } from '../../src/generated/limits';
import { TEST_KEY } from '../helpers/scripted-server';
import { FAULT_KINDS, startFaultApi } from './fault-api';
import { NODES } from './nodes';
import { ensureDistBuilt, resultOf, runInChild, type ChildError } from './run-child';

jest.setTimeout(600_000);
beforeAll(() => ensureDistBuilt(), 120_000);

const N = 10_000;
const SEED = Number(process.env.FAULT_SEED ?? 20261129);
const TARGETS = [
  { categories: ['billing', 'technical_bug', 'account_access'] },
  { categories: ['billing', 'technical_bug', 'account_access'], explain: true },
  { schema: 'sch_live' },
  { schema: 'sch_deleted' },
];

/**
 * Mostly the first target; every 37th item the deleted schema. Every 50th text, and every text from
 * 5,000 to 5,099, is near the length limit (60 KB): those batches must be cut by size.
 */
function item(i: number) {
  const target = i % 37 === 5 ? TARGETS[3]! : TARGETS[i % 10 < 6 ? 0 : i % 10 < 8 ? 1 : 2]!;
  const big = i % 50 === 7 || (i >= 5000 && i < 5100);
  const input = big
    ? `${i} ${'€'.repeat(LIMITS.inputMaxLength - 10)}`
    : `ticket ${i}: I was charged twice`;
  return { input, id: `item-${i}`, target };
}

describe.each(NODES)('on %s', (_label, node) => {
  it(`classifies ${N.toLocaleString('en-US')} items with 10 % faults: 0 lost, 0 duplicated, order kept`, async () => {
    const api = await startFaultApi({ rate: 0.1, seed: SEED, slowMs: 2500, maxFaultsPerKey: 2 });
    try {
      const items = Array.from({ length: N }, (_, i) => item(i));
      const child = await runInChild(
        node,
        {
          call: 'queue',
          baseUrl: api.url,
          // Enough retries for two faults and the 409s of a slow answer; a short timeout so that a
          // slow answer is retried while it still runs.
          client: { apiKey: TEST_KEY, maxRetries: 8, timeout: 1000 },
          args: [{ items }, { concurrency: 4 }],
        },
        540_000,
      );
      const outcomes = resultOf(child) as Array<{
        index: number;
        id: string;
        ok: boolean;
        label?: string;
        error?: ChildError;
      }>;

      expect(outcomes).toHaveLength(N); // nothing lost
      outcomes.forEach((o, i) => {
        expect(o.index).toBe(i); // order kept
        expect(o.id).toBe(`item-${i}`);
      });
      items.forEach((it, i) => {
        const o = outcomes[i]!;
        if (it.target.schema === 'sch_deleted') {
          expect(o).toMatchObject({ ok: false, error: { name: 'NotFoundError' } });
          expect(api.classified.get(it.id)).toBeUndefined();
        } else {
          expect(o).toMatchObject({ ok: true, label: it.id }); // every other target succeeds
          expect(api.classified.get(it.id)).toBe(1); // classified exactly once, server-side
        }
      });
      expect(api.tooLarge).toBe(0); // no request over 1 MiB
      // Every kind of fault happened (the seed is fixed: FAULT_SEED repeats or varies a run).
      expect(FAULT_KINDS.filter((kind) => api.faults[kind] === 0)).toEqual([]);
      const faults = Object.values(api.faults).reduce((a, b) => a + b, 0);
      console.log(
        `Node ${child.printed!.node}: ${api.requests} requests, ${faults} faults ${JSON.stringify(api.faults)}, ` +
          `child peak RSS ${Math.round(child.printed!.maxRssKb / 1024)} MiB (seed ${SEED})`,
      );
    } finally {
      await api.close();
    }
  });
});
