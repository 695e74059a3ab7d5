// The n8n step of the root demo (scripts/demo.mjs, which runs on Node 20): runs the example routing
// workflow in real n8n against the given sandbox, through scripts/run-example.mjs on Node 24 (the
// `node24` devDependency). Needs `pnpm build` first (the root `pnpm demo` builds everything).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'package.json'));

export async function demo({ url, apiKey, log = console.log }) {
  const node = path.join(path.dirname(require.resolve('node24/package.json')), 'bin', 'node');
  const child = spawn(node, ['--no-warnings', path.join(here, 'run-example.mjs')], {
    cwd: path.join(here, '..'),
    env: { ...process.env, CLASSIFAILY_URL: url, CLASSIFAILY_API_KEY: apiKey },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) log(line);
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (buffered) log(buffered);
  if (code !== 0) throw new Error(`the n8n demo failed (exit ${code})`);
}
