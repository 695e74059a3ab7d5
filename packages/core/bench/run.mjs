// Core client benchmarks. Prints:
//  (a) classifyMany of 1,000 and 10,000 items against a local server with a fixed added latency:
//      requests per item and wall time, next to the ideal ceil(N/25)/concurrency × latency;
//  (b) client overhead per request against raw fetch on the same server, as a ratio.
// Run: pnpm --filter @classifaily/core bench   (builds first through turbo's dependsOn)
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { ClassifailyClient } from '../dist/index.js';

const KEY = 'cai_test_benchbenchbench0000';
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

function startServer(latencyMs) {
  let requests = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests++;
      const reply = () => {
        let payload;
        if (req.url === '/v1/classify/batch') {
          const { items } = JSON.parse(body);
          const results = items.map((item, index) => ({
            index,
            id: item.id,
            status: 'completed',
            result: { label: 'billing', confidence: 0.9 },
          }));
          payload = {
            id: 'b',
            status: 'completed',
            type: 'batch',
            results,
            summary: { total: results.length, succeeded: results.length, failed: 0 },
          };
        } else {
          payload = {
            id: '42',
            status: 'completed',
            type: 'text',
            result: { label: 'billing', confidence: 0.9 },
          };
        }
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'X-Request-Id': `req_${requests}`,
        });
        res.end(JSON.stringify(payload));
      };
      if (latencyMs > 0) setTimeout(reply, latencyMs);
      else reply();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        requests: () => requests,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(r);
          }),
      }),
    ),
  );
}

async function benchMany(n) {
  const server = await startServer(LATENCY_MS);
  const client = new ClassifailyClient({ apiKey: KEY, baseUrl: server.url });
  const items = Array.from({ length: n }, (_, i) => ({
    input: `Ticket number ${i}: I was charged twice.`,
    id: String(i),
  }));
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const outcomes = await client.classifyMany(
    { items, categories: ['billing', 'technical_bug'] },
    { concurrency: CONCURRENCY },
  );
  const wall = performance.now() - start;
  const ok = outcomes.filter((o) => o.ok).length;
  const ideal = (Math.ceil(n / 25) / CONCURRENCY) * LATENCY_MS;
  const row = {
    items: n,
    requests: server.requests(),
    'requests/item': +(server.requests() / n).toFixed(3),
    'wall ms': Math.round(wall),
    'ideal ms': Math.round(ideal),
    'wall/ideal': +(wall / ideal).toFixed(3),
    ok,
    'rss +MB': +((process.memoryUsage().rss - before) / 1e6).toFixed(1),
  };
  await server.close();
  return row;
}

async function benchOverhead(rounds) {
  const server = await startServer(0);
  const client = new ClassifailyClient({ apiKey: KEY, baseUrl: server.url });
  const body = {
    input: 'I cannot log in - the password reset email never arrives.',
    categories: ['billing', 'account_access'],
  };
  const raw = async () => {
    const res = await fetch(`${server.url}/v1/classify`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${KEY}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify(body),
    });
    return JSON.parse(await res.text());
  };
  const viaClient = () => client.classify(body);
  const time = async (fn) => {
    const start = performance.now();
    for (let i = 0; i < rounds; i++) await fn();
    return (performance.now() - start) / rounds;
  };
  // Warm both paths, then alternate several rounds so that drift hits both equally.
  await time(raw);
  await time(viaClient);
  const rawTimes = [];
  const clientTimes = [];
  for (let r = 0; r < 5; r++) {
    rawTimes.push(await time(raw));
    clientTimes.push(await time(viaClient));
  }
  await server.close();
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rawMs = median(rawTimes);
  const clientMs = median(clientTimes);
  return {
    rounds: rounds * 5,
    'raw fetch µs/req': Math.round(rawMs * 1000),
    'client µs/req': Math.round(clientMs * 1000),
    ratio: +(clientMs / rawMs).toFixed(3),
  };
}

console.log(
  `classifyMany: latency ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}, batches of 25`,
);
await benchMany(200); // warm-up: JIT and the first TCP connections, not measured
const rows = [];
for (const n of [1000, 10000]) rows.push(await benchMany(n));
console.table(rows);
console.log(
  'Client overhead against raw fetch (sequential classify, no added latency, median of 5 runs):',
);
console.table([await benchOverhead(400)]);
