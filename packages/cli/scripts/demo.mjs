// The last step of the README demo (root scripts/demo.mjs): `classifaily evaluate` on the demo's
// support tickets, labelled the way a person would label them (examples/support-tickets.csv; the
// demo's "Hello, just checking in." is left out: none of the four categories fits it), run as the
// built command against the demo's sandbox. It writes the HTML report and prints where.
//   node scripts/demo.mjs          (alone: starts a sandbox itself; needs `pnpm build` first)
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { SAMPLE_CATEGORIES } = require('@classifaily/core');

export const title = 'cli: classifaily evaluate, on the tickets labelled by a person';

export async function demo({ url, apiKey, log = console.log }) {
  const report = path.join(os.tmpdir(), 'classifaily-demo', 'report.html');
  mkdirSync(path.dirname(report), { recursive: true });
  const args = [
    'evaluate',
    'examples/support-tickets.csv',
    '--categories',
    SAMPLE_CATEGORIES.join(','),
    '--base-url',
    url,
  ];
  log(
    `classifaily ${[...args, '--out', report].map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`,
  );
  // A child process, as a person runs the command; asynchronous, so that a sandbox in this
  // process keeps answering.
  const { code, output } = await new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(here, '..', 'dist', 'cli.js'), ...args, '--out', report],
      {
        cwd: path.join(here, '..'),
        env: { ...process.env, CLASSIFAILY_API_KEY: apiKey },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
  for (const line of output.trimEnd().split('\n')) log(line);
  if (code !== 0) throw new Error(`classifaily evaluate exited with ${code}`);
  log(`Open the report in a browser: ${pathToFileURL(report).href}`);
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startSandbox } = require('@classifaily/sandbox');
  const sandbox = await startSandbox({ port: 0 });
  try {
    await demo({ url: sandbox.url, apiKey: sandbox.apiKey });
  } finally {
    await sandbox.close();
  }
}
