// `pnpm --filter n8n-nodes-classifaily dev`: a local Classifaily sandbox and a local n8n editor with
// this package loaded, a "Classifaily sandbox" credential and the example routing workflow already
// imported, for building workflows by hand. Build first (`pnpm build`); Ctrl+C stops both.
// Runs on Node 24 (pnpm puts the `node24` devDependency first on PATH); it imports the TypeScript
// harness through Node's type stripping.
import {
  N8nInstance,
  PACKAGE_ROOT,
  importExample,
  n8nVersionsUnderTest,
} from '../test/harness/n8n.ts';
import { startSandboxProcess } from '../test/harness/sandbox-process.ts';

const port = Number(process.env.N8N_PORT ?? 5678);
const version = process.env.CLASSIFAILY_N8N_VERSION ?? n8nVersionsUnderTest()[0];
const sandbox = await startSandboxProcess({ rateLimit: 600 });
console.log(`Classifaily sandbox: ${sandbox.url} (test key ${sandbox.apiKey})`);
console.log(`n8n ${version}: preparing (the first run on a machine installs n8n, ~5 min)`);
const n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT], keep: false });
await importExample(n8n, { url: sandbox.url, apiKey: sandbox.apiKey });
console.log(`Starting n8n on http://localhost:${port} (create the owner account on first visit).`);
const child = n8n.start(port);
const stop = async () => {
  child.kill('SIGTERM');
  await sandbox.close();
  await n8n.dispose();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
child.once('exit', stop);
