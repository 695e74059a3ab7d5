// classifyMany at ITEMS (default 10,000) items against bench/server.mjs with LATENCY ms (default 50)
// added, concurrency 4, batches of 25: this build's client, raw fetch over the same chunks at the
// same concurrency, and (with BASE=<another build's dist/index.js>, e.g. a worktree of main)
// another build's client, in a turning order, ROUNDS (default 5) times, one server for all. Prints
// each variant's median wall/ideal (min–max), and the client's wall over raw fetch's in the same
// round, so that a change is read against another build in the same window, not across days.
// Run: `pnpm --filter @classifaily/core exec node bench/many-ab.mjs` (Node 24) or
// `node bench/many-ab.mjs` (Node 20) in packages/core, after a build.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ClassifailyClient } from '../dist/index.js';
import { KEY, startServer } from './wire.mjs';

const ITEMS = Number(process.env.ITEMS ?? 10_000);
const LATENCY = Number(process.env.LATENCY ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CONCURRENCY = 4;
const CATEGORIES = ['billing', 'technical_bug'];
const items = Array.from({ length: ITEMS }, (_, i) => ({
  input: `Ticket number ${i}: I was charged twice.`,
  id: String(i),
}));
const chunks = [];
for (let i = 0; i < ITEMS; i += 25) chunks.push(items.slice(i, i + 25));
const ideal = (Math.ceil(ITEMS / 25) / CONCURRENCY) * LATENCY;

const server = await startServer(LATENCY);
const many = (Client) => {
  const client = new Client({ apiKey: KEY, baseUrl: server.url });
  return async () => {
    const outcomes = await client.classifyMany(
      { items, categories: CATEGORIES },
      { concurrency: CONCURRENCY },
    );
    if (!outcomes.every((o) => o.ok)) throw new Error('not every item was classified');
  };
};
/** The same chunks with raw fetch at the same concurrency (run.mjs's floor). */
const raw = async () => {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < chunks.length) {
        const res = await fetch(`${server.url}/v1/classify/batch`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ items: chunks[next++], categories: CATEGORIES }),
        });
        JSON.parse(await res.text());
      }
    }),
  );
};
const variants = { client: many(ClassifailyClient), 'raw fetch': raw };
if (process.env.BASE) variants.base = many((await import(process.env.BASE)).ClassifailyClient);

const load = loadavg()[0].toFixed(1);
for (const fn of Object.values(variants)) await fn(); // warm-up: JIT, the first connections
const walls = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const names = Object.keys(variants);
for (let round = 0; round < ROUNDS; round++)
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    const t = performance.now();
    await variants[name]();
    walls[name].push(performance.now() - t);
  }
await server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r = (xs) =>
  `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`;
console.log(
  `Node ${process.version}, ${ROUNDS} rounds of ${ITEMS} items at ${LATENCY} ms, concurrency ${CONCURRENCY}, load ${load} at the start (${loadavg()[0].toFixed(1)} at the end); median (min–max):`,
);
console.log('| Node | variant | wall ms | wall/ideal | wall/raw (same round) |');
console.log('|---|---|---|---|---|');
for (const name of names)
  console.log(
    `| ${process.version} | ${name} | ${Math.round(median(walls[name]))} | ${r(walls[name].map((w) => w / ideal))} | ${r(walls[name].map((w, i) => w / walls['raw fetch'][i]))} |`,
  );
