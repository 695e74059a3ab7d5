// The host-process suite: every fault runs core's built dist in a fresh `node` child, the way a
// user's script or a platform's worker runs it, against a wire-level server of the suite's own.
// Each child must print a result or a typed error and exit on its own (runInChild kills a hung one).
import {
  batchAnswer,
  okClassification,
  problem,
  startScriptedServer,
  TEST_KEY,
  type ScriptedServer,
  type SeenRequest,
} from '../helpers/scripted-server';
import { NODES } from './nodes';
import { ensureDistBuilt, errorOf, resultOf, runInChild, type Scenario } from './run-child';

const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
const BODY = {
  input: 'I cannot log in - the password reset email never arrives.',
  categories: CATEGORIES,
};

let server: ScriptedServer;
beforeAll(() => ensureDistBuilt(), 120_000);
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(() => server.close());

const classify = (client: Record<string, unknown> = {}): Scenario => ({
  call: 'classify',
  baseUrl: server.url,
  client: { apiKey: TEST_KEY, ...client },
  args: [BODY],
});

describe.each(NODES)('on %s', (_label, node) => {
  describe('defect 1: a retry keeps the process alive until it is sent', () => {
    it.each([
      ['a 503', problem(503, 'service_unavailable')],
      ['a 500', problem(500, 'internal_error')],
      ['a dropped connection', { reset: true as const }],
    ])('after %s the child retries and prints the result', async (_name, fault) => {
      server.script(fault, okClassification());
      const run = await runInChild(node, classify());
      expect(resultOf(run)).toMatchObject({ result: { label: 'account_access' } });
      expect(server.requests).toHaveLength(2);
    });

    it('a caller abort during the wait ends the child with the reason, nothing more sent', async () => {
      server.fallback = problem(503, 'service_unavailable', 'down', { 'Retry-After': '5' });
      const run = await runInChild(node, { ...classify(), abortAfterMs: 300 });
      expect(errorOf(run).message).toBe('cancelled by the caller');
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('defect 2: a deleted schema fails its own items only', () => {
    it('item 1 against a deleted schema, items 2–60 against typed categories: 59 classified', async () => {
      server.fallback = (req: SeenRequest) =>
        (JSON.parse(req.body) as { schema?: string }).schema === 'sch_deleted'
          ? problem(404, 'schema_not_found', 'No schema sch_deleted.')
          : batchAnswer(req);
      const items = Array.from({ length: 60 }, (_, i) => ({
        input: `ticket ${i + 1}`,
        target: i === 0 ? { schema: 'sch_deleted' } : { categories: CATEGORIES },
      }));
      const run = await runInChild(node, {
        call: 'queue',
        baseUrl: server.url,
        client: { apiKey: TEST_KEY },
        args: [{ items }],
      });
      const outcomes = resultOf(run) as Array<{
        ok: boolean;
        label?: string;
        error?: { name: string };
      }>;
      expect(outcomes[0]).toMatchObject({ ok: false, error: { name: 'NotFoundError' } });
      expect(outcomes.slice(1).map((o) => o.label)).toEqual(items.slice(1).map((i) => i.input));
      expect(server.requests).toHaveLength(4); // 1 for the schema, ⌈59/25⌉ = 3 for the categories
    });
  });
});
