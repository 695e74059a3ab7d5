// The Zapier step of the README demo (root scripts/demo.mjs): the app's Classify Text and Classify
// Batch run against a sandbox through zapier-platform-core's Lambda handler — the entry point
// Zapier calls, the same path `zapier-platform invoke` takes — and print what Zapier would hand to
// the next step of the Zap. zapier-platform-core 19 declares Node ≥ 16, so this runs on whichever
// Node runs the demo (20 for the root demo; Zapier itself runs the app on 22).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const App = require('../index.js');
const zapier = require('zapier-platform-core');
const { SAMPLE_CATEGORIES, SAMPLE_INPUT } = require('@classifaily/core');

const TICKETS = [
  { input: 'I was charged twice for my subscription this month.', id: 'T-1001' },
  { input: 'The app crashes every time I click the export button.', id: 'T-1002' },
  { input: 'My account is locked and the unlock link has expired.', id: 'T-1003' },
  { input: 'Could you add a dark mode and keyboard shortcuts?', id: 'T-1004' },
  { input: 'Hello, just checking in.', id: 'T-1005' },
];

export async function demo({ url, apiKey, log = console.log }) {
  const handler = zapier.createAppHandler(App);
  const authData = { api_key: apiKey };
  // calledFromCli: as `zapier-platform invoke` runs it (no Lambda memory log lines). The sandbox's
  // URL goes in the event's environment, as Zapier passes a version's environment variables.
  const run = async (method, inputData = {}) =>
    (
      await handler({
        command: 'execute',
        method,
        bundle: { authData, inputData },
        environment: { CLASSIFAILY_BASE_URL: url },
        calledFromCli: true,
      })
    ).results;

  const me = await run('authentication.test');
  const label = await run('authentication.connectionLabel', me);
  log(`connection: "${label}" (auth test on GET /v1/me passed)`);

  log('\nClassify Text — the output Zapier passes to the next step:');
  const text = await run('creates.classify.operation.perform', {
    input: SAMPLE_INPUT,
    categories: SAMPLE_CATEGORIES,
    explain: true,
    reviewThreshold: 0.8,
  });
  log(JSON.stringify(text, null, 2));
  log(
    `Paths: label = ${text.label}, needs_review = ${text.needs_review} → ` +
      (text.needs_review ? 'the "Human review" path runs' : `the "${text.label}" path runs`),
  );

  log(`\nClassify Batch — ${TICKETS.length} line items, one request; results as line items:`);
  const batch = await run('creates.classifyBatch.operation.perform', {
    items: TICKETS,
    categories: SAMPLE_CATEGORIES,
  });
  for (const line of batch.results) {
    const outcome = line.error
      ? `error: ${line.error}`
      : `${line.label.padEnd(16)} ${line.confidence.toFixed(2)}  needs_review=${line.needs_review}`;
    log(`  ${String(line.position).padStart(2)}. ${String(line.reference).padEnd(7)} ${outcome}`);
  }
  return { text, batch };
}
