// Throughput and latency (p50/p99) of the sandbox's classify and batch endpoints, next to a bare
// Fastify "hello" endpoint measured in the same run, with autocannon. Each server runs in its own
// process; autocannon runs in this one (2 cores: one each). Prints a Markdown table; with --readme,
// writes it into README.md between the bench markers. DURATION (s) and CONNECTIONS override.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { measureStartup } from './startup.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const duration = Number(process.env.DURATION ?? 5);
const connections = Number(process.env.CONNECTIONS ?? 10);
const KEY = 'cai_test_sandbox0000000000000000';
const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
const EXAMPLE = 'I cannot log in - the password reset email never arrives.';

function startServer(args) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
      if (url) resolve({ child, url, startupMs: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

function load(url, options = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, duration, connections, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const loadBefore = loadavg()[0].toFixed(1);
const startup = await measureStartup();
const hello = await startServer([path.join(here, 'hello-server.mjs')]);
const sandbox = await startServer([
  path.join(here, '../dist/cli.js'),
  '--port',
  '0',
  '--rate-limit',
  '1000000000',
]);
const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
const batchItems = Array.from({ length: 25 }, (_, i) => ({
  id: `t${i}`,
  input: `${EXAMPLE} (ticket ${i})`,
}));

const cases = [
  { name: 'bare Fastify GET /hello (baseline)', url: `${hello.url}/hello`, items: 1 },
  { name: 'sandbox GET /v1/me', url: `${sandbox.url}/v1/me`, options: { headers: auth }, items: 1 },
  {
    name: 'sandbox POST /v1/classify',
    url: `${sandbox.url}/v1/classify`,
    options: {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ input: EXAMPLE, categories: CATEGORIES, explain: true }),
    },
    items: 1,
  },
  {
    name: 'sandbox POST /v1/classify/batch (25 items)',
    url: `${sandbox.url}/v1/classify/batch`,
    options: {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ items: batchItems, categories: CATEGORIES }),
    },
    items: 25,
  },
];

const rows = [];
let baseline;
try {
  for (const c of cases) {
    const r = await load(c.url, c.options);
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${c.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    baseline ??= r.requests.average;
    rows.push({
      name: c.name,
      rps: r.requests.average,
      itemsPerSec: r.requests.average * c.items,
      p50: r.latency.p50,
      p99: r.latency.p99,
      ratio: r.requests.average / baseline,
    });
    process.stderr.write(`  measured ${c.name}\n`);
  }
} finally {
  const rss = rssMb(sandbox.child.pid);
  hello.child.kill();
  sandbox.child.kill();
  rows.rss = rss;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = [
  `Node ${process.version}, ${duration} s per case, ${connections} connections, autocannon in this process, each server in its own; ${new Date().toISOString().slice(0, 10)}; load average before the run ${loadBefore} on ${availableParallelism()} cores (other work on the machine makes absolute figures noisy; the ratio is the figure to compare).`,
  '',
  '| case | req/s | items/s | p50 ms | p99 ms | req/s vs bare Fastify |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.rps)} | ${fmt(r.itemsPerSec)} | ${r.p50} | ${r.p99} | ${r.ratio.toFixed(2)} |`,
  ),
  '',
  `Sandbox start-up (spawn to listening, Node's own start included): ${startup}. RSS of the sandbox after the run: ${Math.round(rows.rss)} MB.`,
];
console.log(lines.join('\n'));

if (process.argv.includes('--readme')) {
  const readme = path.join(here, '../README.md');
  const text = readFileSync(readme, 'utf8');
  writeFileSync(
    readme,
    text.replace(
      /<!-- bench:start -->[\s\S]*?<!-- bench:end -->/,
      `<!-- bench:start -->\n${lines.join('\n')}\n<!-- bench:end -->`,
    ),
  );
  console.log('README.md updated');
}
