// Classify Batch on long lists: the development build's module, rendered by the test emulator and
// sent to the sandbox (started here) over HTTP. Prints, per list size, the requests sent, the
// largest chunk, the bundles in order, the items the API classified (and classified again), and the
// wall time — the emulator's and the sandbox's on this machine, not Make's.
//   pnpm exec turbo run build --filter=@classifaily/make && node bench/batch.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { generatedFiles, writeApp } = require('../dist/index.js');
const { readApp, runModule } = require('../dist-emulator/test/emulator/index.js');
const { startSandbox } = require('@classifaily/sandbox');
const { SAMPLE_CATEGORIES } = require('@classifaily/core');

const dir = mkdtempSync(path.join(tmpdir(), 'classifaily-make-bench-'));
writeApp(dir, generatedFiles({ dev: true }));
const app = readApp(dir);
rmSync(dir, { recursive: true, force: true });

const api = await startSandbox({ rateLimit: 1_000_000 });
const connection = { apiKey: api.apiKey, baseUrl: api.url };
const lists = {
  'short tickets': (n) =>
    Array.from({ length: n }, (_, i) => ({
      input: `Ticket ${i}: I was charged twice.`,
      id: `t-${i}`,
    })),
  '20,000-character texts': (n) =>
    Array.from({ length: n }, (_, i) => ({ input: `${'Refund please. '.repeat(1333)}${i}` })),
};
try {
  for (const [kind, make] of Object.entries(lists))
    for (const n of kind === 'short tickets' ? [60, 1000] : [60]) {
      api.reset();
      const items = make(n);
      const started = performance.now();
      const { bundles, requests } = await runModule(app, 'classifyBatch', {
        connection,
        parameters: { items, categories: SAMPLE_CATEGORIES },
      });
      const ms = performance.now() - started;
      const largest = Math.max(...requests.map((r) => r.body.items.length));
      const inOrder = bundles.every((b, i) => b.index === i + 1);
      const { itemsClassified, itemsClassifiedAgain } = api.stats();
      console.log(
        `${kind}, ${n} items: ${requests.length} requests (largest chunk ${largest}), ${bundles.length} bundles${inOrder ? ' in order' : ' OUT OF ORDER'}, ${itemsClassified} classified, ${itemsClassifiedAgain} again, ${ms.toFixed(0)} ms`,
      );
    }
} finally {
  await api.close();
}
