// The README demo: starts the local sandbox, classifies the getting-started example and a handful of
// realistic support tickets through @classifaily/core, then runs each adapter's own demo step
// (packages/<adapter>/scripts/demo.mjs, when present) against the same sandbox, and ends with
// `classifaily evaluate` on the tickets labelled by a person (packages/cli/scripts/demo.mjs).
// `pnpm demo` builds everything first. `pnpm demo --only core,make` limits the steps.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const {
  ClassifailyClient,
  needsReview,
  DEFAULT_REVIEW_THRESHOLD,
  SAMPLE_CATEGORIES,
  SAMPLE_INPUT,
} = require(path.join(root, 'packages/core/dist/index.js'));
const { startSandbox } = require(path.join(root, 'packages/sandbox/dist/index.js'));

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? new Set(process.argv[i + 1].split(',')) : undefined;
})();
const wanted = (step) => !only || only.has(step);

const TICKETS = [
  {
    id: 'T-1001',
    input: 'I was charged twice for my subscription this month, please refund one of the payments.',
  },
  {
    id: 'T-1002',
    input: 'The app crashes every time I click the export button on the reports page.',
  },
  {
    id: 'T-1003',
    input: 'My account is locked after too many login attempts and the unlock link has expired.',
  },
  { id: 'T-1004', input: 'It would be great if you could add a dark mode and keyboard shortcuts.' },
  { id: 'T-1005', input: "Where can I download last year's invoices for our accounting team?" },
  { id: 'T-1006', input: 'Hello, just checking in.' },
];

const line = (text = '') => console.log(text);
const heading = (text) => line(`\n== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);

const sandbox = await startSandbox({ port: 0 });
heading('Local Classifaily sandbox');
line(
  `listening on ${sandbox.url}, test key ${sandbox.apiKey.slice(0, 12)}… (no account, no network)`,
);

try {
  if (wanted('core')) {
    const client = new ClassifailyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    heading('core: the getting-started example');
    const { result } = await client.classify({
      input: SAMPLE_INPUT,
      categories: SAMPLE_CATEGORIES,
      explain: true,
    });
    line(`text:        ${SAMPLE_INPUT}`);
    line(`categories:  ${SAMPLE_CATEGORIES.join(', ')}`);
    line(`label:       ${result.label}`);
    line(`confidence:  ${result.confidence.toFixed(2)}`);
    line(`explanation: ${result.explanation}`);
    line(
      `decision:    ${needsReview(result.confidence) ? 'needs review (below 0.80)' : 'act automatically (0.80 or above)'}`,
    );

    heading(`core: ${TICKETS.length} support tickets in one batch request (classifyMany)`);
    const outcomes = await client.classifyMany({
      items: TICKETS,
      categories: SAMPLE_CATEGORIES,
      explain: true,
    });
    console.table(
      outcomes.map((o) => ({
        ticket: o.id,
        label: o.ok ? o.result.label : `error: ${o.error.message}`,
        confidence: o.ok ? o.result.confidence.toFixed(2) : '',
        review: o.ok
          ? needsReview(o.result.confidence, DEFAULT_REVIEW_THRESHOLD)
            ? 'needs review'
            : 'automatic'
          : '',
      })),
    );
    for (const o of outcomes) if (o.ok) line(`${o.id}: ${o.result.explanation}`);
    const stats = await sandbox.stats();
    line(
      `requests the sandbox received for the batch: ${stats.byPath?.['/v1/classify/batch'] ?? '?'}`,
    );
  }

  for (const adapter of ['make', 'zapier', 'n8n', 'cli']) {
    const script = path.join(root, 'packages', adapter, 'scripts', 'demo.mjs');
    if (!wanted(adapter) || !existsSync(script)) continue;
    const { demo, title } = await import(pathToFileURL(script).href);
    heading(title ?? `${adapter}: the integration, run against the sandbox`);
    await demo({ url: sandbox.url, apiKey: sandbox.apiKey, log: line });
  }
} finally {
  await sandbox.close();
}
line('\nDone. Run `pnpm sandbox` to keep a sandbox running and point any integration at it.');
