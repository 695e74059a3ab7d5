// The Make step of the README demo: the generated Classify Text and Classify Batch modules of the
// development build (the production app takes https only; the sandbox is http on this machine),
// rendered by the test emulator's IML evaluator and run against a Classifaily API; prints the
// bundles a Make scenario would receive. The root demo calls `demo({ url, apiKey, log })`; alone:
//   node scripts/demo.mjs [--base-url http://127.0.0.1:8787 --api-key cai_test_…]
// (without --base-url it starts the sandbox itself). Needs `pnpm build` first: it uses dist/ and
// dist-emulator/ (the emulator compiled from test/emulator).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { generatedFiles, writeApp } = require('../dist/index.js');
const { readApp, runModule, verifyConnection } = require('../dist-emulator/test/emulator/index.js');
const { SAMPLE_CATEGORIES, SAMPLE_INPUT } = require('@classifaily/core');

/** The development build, written to a temporary folder and read back as Make would load it. */
function devApp() {
  const dir = mkdtempSync(path.join(tmpdir(), 'classifaily-make-dev-'));
  try {
    writeApp(dir, generatedFiles({ dev: true }));
    return readApp(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function demo({ url, apiKey, log = console.log }) {
  const app = devApp();
  const connection = { apiKey, baseUrl: url };
  const show = (title, bundles) => {
    log(`${title}: ${bundles.length} bundle(s)`);
    bundles.forEach((b, i) => log(`  bundle ${i + 1}: ${JSON.stringify(b)}`));
  };

  log(`Make app (development build): ${app.modules.length} modules, run by the test emulator`);
  const { label } = await verifyConnection(app, { connection });
  log(`Connection verified on GET /v1/me, labelled "${label}"`);

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
  log(`Router (label / needs_review): ${routes.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  let url = arg('base-url') ?? process.env.CLASSIFAILY_BASE_URL;
  let apiKey = arg('api-key') ?? process.env.CLASSIFAILY_API_KEY;
  let sandbox;
  if (!url) {
    const { startSandbox } = require('@classifaily/sandbox');
    sandbox = await startSandbox();
    ({ url, apiKey } = sandbox);
  }
  try {
    await demo({ url, apiKey });
  } finally {
    await sandbox?.close();
  }
}
