// The Make step of the README demo: the generated Classify Text and Classify Batch modules, read from
// the checked-in app, rendered by the IML evaluator and run against a Classifaily API; prints the
// bundles a Make scenario would receive.
//   node scripts/demo.mjs --base-url http://127.0.0.1:8787 --api-key cai_test_…
// Without --base-url it starts the sandbox itself. Needs `pnpm build` first (it uses dist/).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { readApp, runModule, verifyConnection, DEFAULT_APP_DIR } = require('../dist/index.js');
const { SAMPLE_CATEGORIES, SAMPLE_INPUT } = require('@classifaily/core');

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

let baseUrl = arg('base-url') ?? process.env.CLASSIFAILY_BASE_URL;
let apiKey = arg('api-key') ?? process.env.CLASSIFAILY_API_KEY;
let sandbox;
if (!baseUrl) {
  const { startSandbox } = require('@classifaily/sandbox');
  sandbox = await startSandbox();
  ({ url: baseUrl, apiKey } = sandbox);
}

const app = readApp(
  DEFAULT_APP_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'app'),
);
const connection = { apiKey, baseUrl };
const show = (title, bundles) => {
  console.log(`\n${title}: ${bundles.length} bundle(s)`);
  bundles.forEach((b, i) => console.log(`  bundle ${i + 1}: ${JSON.stringify(b)}`));
};

try {
  console.log(
    `Make app: ${app.modules.length} modules from ${path.relative(process.cwd(), DEFAULT_APP_DIR)}, API at ${baseUrl}`,
  );
  const { label } = await verifyConnection(app, { connection });
  console.log(`Connection verified on GET /v1/me, labelled "${label}"`);

  const text = await runModule(app, 'classifyText', {
    connection,
    parameters: { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES, explain: true },
  });
  show('Classify Text', text.bundles);

  const batch = await runModule(app, 'classifyBatch', {
    connection,
    parameters: {
      categories: SAMPLE_CATEGORIES,
      reviewThreshold: 0.9,
      items: [
        { id: 'ticket-1', input: 'I was charged twice this month.' },
        { id: 'ticket-2', input: 'The export button crashes the app.' },
        { id: 'ticket-3', input: 'Could you add a dark mode?' },
        { id: 'ticket-4', input: '' },
      ],
    },
  });
  show(`Classify Batch (one request for ${batch.bundles.length} items)`, batch.bundles);
  const routes = batch.bundles.map(
    (b) => `${b.reference} → ${b.needs_review ? 'review' : b.label}`,
  );
  console.log(`\nRouter (label / needs_review): ${routes.join(', ')}`);
} finally {
  await sandbox?.close();
}
