// Soak: 50 connections for 60 s of large explain batches (25 items of ~600 characters), each with a
// new Idempotency-Key, against the compiled CLI in its own process. Prints the sandbox's RSS before,
// at its peak (sampled every 250 ms) and after the idempotency window has ended, so that memory is
// shown bounded under load and not kept after the idempotency window. With --readme, writes the
// figures into README.md.
// DURATION (s), CONNECTIONS and WINDOW (the idempotency window, s) override the defaults. With
// DB=1 the sandbox keeps its state in a database file (--db), and the RSS and the file's size (with
// its WAL) are printed over time, every DURATION/10 s (issue 21: 200 connections for 10 minutes).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { KEY, rssMb, startProbe, startSandboxChild } from './sandbox-child.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const duration = Number(process.env.DURATION ?? 60);
const connections = Number(process.env.CONNECTIONS ?? 50);
const windowSeconds = Number(process.env.WINDOW ?? 20);
const dbDir =
  process.env.DB === '1' ? mkdtempSync(path.join(tmpdir(), 'sandbox-soak-')) : undefined;
const dbFile = dbDir && path.join(dbDir, 'soak.db');
const dbMb = () =>
  dbFile
    ? [dbFile, `${dbFile}-wal`]
        .filter((f) => existsSync(f))
        .reduce((sum, f) => sum + statSync(f).size, 0) /
      1024 /
      1024
    : NaN;
const series = [];

// ~600 characters of support text per item, each item different, so every answer is full size.
const sentence =
  'I cannot log in since the password reset email never arrives, and I was charged twice for the annual plan last week. ';
const body = JSON.stringify({
  items: Array.from({ length: 25 }, (_, i) => ({
    id: `ticket-${i}`,
    input: `${sentence.repeat(5)}Ticket ${i}.`,
  })),
  categories: ['billing', 'technical_bug', 'account_access', 'feature_request', 'other'],
  explain: true,
});

const uptime = `load average ${loadavg()
  .map((l) => l.toFixed(2))
  .join(', ')} on ${availableParallelism()} cores`;
const sandbox = await startSandboxChild([
  '--idempotency-ttl',
  String(windowSeconds),
  ...(dbFile ? ['--db', dbFile] : []),
]);
const pid = sandbox.child.pid;
let result;
let before;
let peak = 0;
let after;
try {
  // A few requests first, so "before" is a warmed-up sandbox, not a cold one.
  for (let i = 0; i < 20; i++) {
    const r = await fetch(`${sandbox.url}/v1/classify/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body,
    });
    await r.text();
  }
  await sleep(1000);
  before = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  const started = Date.now();
  const recorder = setInterval(
    () =>
      series.push({ s: Math.round((Date.now() - started) / 1000), rss: rssMb(pid), db: dbMb() }),
    (duration * 1000) / 10,
  );
  let n = 0;
  const probe = startProbe(sandbox.url);
  result = await new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${sandbox.url}/v1/classify/batch`,
        duration,
        connections,
        requests: [
          {
            method: 'POST',
            headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
            body,
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, 'idempotency-key': `soak-${process.pid}-${n++}` },
            }),
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  result.probe = await probe.stop();
  peak = Math.max(peak, rssMb(pid));
  clearInterval(sampler);
  clearInterval(recorder);
  const atEnd = rssMb(pid);
  // The window ends, the sweep runs (at most one window later), V8 gives back what it freed.
  process.stderr.write(
    `  load done; waiting ${2 * windowSeconds + 10} s for the idempotency window\n`,
  );
  await sleep((2 * windowSeconds + 10) * 1000);
  after = rssMb(pid);
  result.atEnd = atEnd;
} finally {
  sandbox.child.kill();
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
}

const mb = (n) => `${Math.round(n)} MB`;
const lines = [
  `Soak: \`pnpm --filter @classifaily/sandbox bench:soak\` — ${connections} connections for ${duration} s, POST /v1/classify/batch with 25 items of ~600 characters and \`explain: true\`, a new Idempotency-Key on every request, idempotency window ${windowSeconds} s; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; before the run: ${uptime} (other work shares the CPU).`,
  '',
  '| requests | non-2xx | errors | req/s | RSS before | RSS peak | RSS at the end of the load | RSS after the window | probes (GET /v1/me) | failed | probe median | p99 | slowest |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  `| ${result.requests.total.toLocaleString('en-US')} | ${result.non2xx} | ${result.errors} | ${Math.round(result.requests.average)} | ${mb(before)} | ${mb(peak)} | ${mb(result.atEnd)} | ${mb(after)} | ${result.probe.probes} | ${result.probe.failed} | ${Math.round(result.probe.median)} ms | ${Math.round(result.probe.p99)} ms | ${Math.round(result.probe.slowest)} ms |`,
];
if (series.length) {
  lines.push('', '| s | RSS | database file (with WAL) |', '|---|---|---|');
  for (const p of series)
    lines.push(
      `| ${p.s} | ${mb(p.rss)} | ${Number.isNaN(p.db) ? 'in memory' : `${p.db.toFixed(1)} MB`} |`,
    );
}
console.log(lines.join('\n'));

if (process.argv.includes('--readme')) {
  const readme = path.join(here, '../README.md');
  const text = readFileSync(readme, 'utf8');
  writeFileSync(
    readme,
    text.replace(
      /<!-- soak:start -->[\s\S]*?<!-- soak:end -->/,
      `<!-- soak:start -->\n${lines.join('\n')}\n<!-- soak:end -->`,
    ),
  );
  console.log('README.md updated');
}
