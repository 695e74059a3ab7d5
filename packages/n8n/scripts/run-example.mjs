// Runs docs/examples/n8n-support-routing.workflow.json in real n8n against a Classifaily API
// (CLASSIFAILY_URL, CLASSIFAILY_API_KEY from the environment, never argv) and prints what each
// output of "Classify tickets" received. Run by Node 24 (it imports the TypeScript harness through
// Node's type stripping); scripts/demo.mjs starts it. The first run installs n8n (minutes).
import {
  N8nInstance,
  PACKAGE_ROOT,
  importExample,
  n8nVersionsUnderTest,
} from '../test/harness/n8n.ts';

const log = (line) => process.stdout.write(`${line}\n`);

const url = process.env.CLASSIFAILY_URL;
const apiKey = process.env.CLASSIFAILY_API_KEY;
if (!url || !apiKey) throw new Error('set CLASSIFAILY_URL and CLASSIFAILY_API_KEY');

const version = process.env.CLASSIFAILY_N8N_VERSION ?? n8nVersionsUnderTest()[0];
log(`n8n ${version}: preparing (the first run on a machine installs n8n, ~5 min; progress below)`);
const n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
try {
  const { workflow, classify } = await importExample(n8n, { url, apiKey });
  const result = await n8n.execute(workflow.id);
  if (!result.ok) throw new Error(`the example failed: ${result.error?.message}`);
  const outputs = result.runData[classify.name]?.[0]?.outputs ?? [];
  const targets = workflow.connections[classify.name].main.map((c) => c[0]?.node ?? '?');
  outputs.forEach((items, i) => {
    log(`  output ${i + 1} → ${targets[i]}: ${items.length} item(s)`);
    for (const { json } of items) {
      const c = json.classification;
      log(
        `    ${json.ticket} ${c.label} ${c.confidence.toFixed(2)}${c.needs_review ? ' (needs review)' : ''}  "${json.text}"`,
      );
    }
  });
  log(
    `  (n8n ${version}, one \`n8n execute\`: ${(result.wallMs / 1000).toFixed(1)} s including n8n's start)`,
  );
} finally {
  await n8n.dispose();
}
