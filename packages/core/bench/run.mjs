// Core client benchmarks. Prints:
//  (a) classifyMany of 1,000 and 10,000 items against a local server with a fixed added latency:
//      requests per item and wall time, next to the ideal ceil(N/25)/concurrency × latency and next
//      to the same chunks sent with raw fetch at the same concurrency (the floor the wire allows);
//  (b) client overhead per request against raw fetch on the same server, as a ratio.
// The server runs in its own process (bench/server.mjs), as a real API would.
// Run: pnpm --filter @classifaily/core bench   (builds first through turbo's dependsOn)
import { performance } from 'node:perf_hooks';
import { ClassifailyClient } from '../dist/index.js';
import { CLASSIFY_BODY, KEY, rawClassify, startServer } from './wire.mjs';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const CATEGORIES = ['billing', 'technical_bug'];
const ticketItems = (n) =>
  Array.from({ length: n }, (_, i) => ({
    input: `Ticket number ${i}: I was charged twice.`,
    id: String(i),
  }));

/** The same work without the client: raw fetch, the same chunks of 25, the same concurrency. */
async function rawChunked(url, n) {
  const items = ticketItems(n);
  const chunks = [];
  for (let i = 0; i < n; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < chunks.length) {
        const res = await fetch(`${url}/v1/classify/batch`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ items: chunks[next++], categories: CATEGORIES }),
        });
        JSON.parse(await res.text());
      }
    }),
  );
  return performance.now() - start;
}

async function benchMany(n) {
  const server = await startServer(LATENCY_MS);
  const client = new ClassifailyClient({ apiKey: KEY, baseUrl: server.url });
  const items = ticketItems(n);
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const outcomes = await client.classifyMany(
    { items, categories: CATEGORIES },
    { concurrency: CONCURRENCY },
  );
  const wall = performance.now() - start;
  const ok = outcomes.filter((o) => o.ok).length;
  const ideal = (Math.ceil(n / 25) / CONCURRENCY) * LATENCY_MS;
  const requests = await server.requests();
  const raw = await rawChunked(server.url, n);
  const row = {
    items: n,
    requests,
    'requests/item': +(requests / n).toFixed(3),
    'wall ms': Math.round(wall),
    'ideal ms': Math.round(ideal),
    'wall/ideal': +(wall / ideal).toFixed(3),
    'raw fetch ms': Math.round(raw),
    'wall/raw': +(wall / raw).toFixed(3),
    ok,
    'rss +MB': +((process.memoryUsage().rss - before) / 1e6).toFixed(1),
  };
  await server.close();
  return row;
}

async function benchOverhead(rounds) {
  const server = await startServer(0);
  const client = new ClassifailyClient({ apiKey: KEY, baseUrl: server.url });
  const body = CLASSIFY_BODY;
  const raw = (signal) => rawClassify(server.url, signal);
  const variants = {
    'raw fetch': () => raw(undefined),
    // What any timeout costs: undici's fetch charges for watching a signal, whatever its source.
    'raw fetch + timeout signal': () => raw(AbortSignal.timeout(30_000)),
    client: () => client.classify(body),
  };
  // Interleave the variants, one call each in turn, so that drift and noise hit them alike.
  const totals = Object.fromEntries(Object.keys(variants).map((k) => [k, 0]));
  for (let i = 0; i < 300; i++) for (const fn of Object.values(variants)) await fn();
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of Object.entries(variants)) {
      const t = performance.now();
      await fn();
      totals[name] += performance.now() - t;
    }
  }
  await server.close();
  const us = (name) => Math.round((totals[name] / rounds) * 1000);
  return {
    calls: rounds,
    'raw fetch µs': us('raw fetch'),
    'raw+timeout µs': us('raw fetch + timeout signal'),
    'client µs': us('client'),
    'client/raw': +(totals.client / totals['raw fetch']).toFixed(3),
    'client/raw+timeout': +(totals.client / totals['raw fetch + timeout signal']).toFixed(3),
  };
}

console.log(
  `Node ${process.version}. classifyMany: latency ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}, batches of 25`,
);
await benchMany(200); // warm-up: JIT and the first TCP connections, not measured
const rows = [];
for (const n of [1000, 10000]) rows.push(await benchMany(n));
console.table(rows);
console.log(
  'Client overhead against raw fetch (sequential classify, no added latency, interleaved):',
);
console.table([await benchOverhead(3000)]);
