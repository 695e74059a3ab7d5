// The client's own work per item of `classifyMany`, without the network: an in-memory `fetch` that
// answers each batch at once with one completed result per item (so validation, batching, the
// idempotency key, each request's attempt, the answer check and the placing of results all run).
// Prints the best and the median of ROUNDS (default 15) rounds of ITEMS (default 10,000) items.
// BASE=<path of another build's dist/index.js> runs that build too, round by round in turn with
// this one, for an A/B in the same window (e.g. a worktree of main).
// Run: `pnpm --filter @classifaily/core exec node --expose-gc bench/own-work-many.mjs` (Node 24) or
// `node --expose-gc bench/own-work-many.mjs` (Node 20) in packages/core, after a build.
import { loadavg } from 'node:os';
import { TextEncoder } from 'node:util';
import { ClassifailyClient } from '../dist/index.js';
import { KEY, memoryFetch } from './wire.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 15);
const ITEMS = Number(process.env.ITEMS ?? 10_000);
const CATEGORIES = ['billing', 'technical_bug'];
const items = Array.from({ length: ITEMS }, (_, i) => ({
  input: `Ticket number ${i}: I was charged twice.`,
  id: String(i),
}));

// One encoded answer per batch size, made once: the "server" costs the same for every build.
const encoder = new TextEncoder();
const answers = new Map();
const answerOf = (n) => {
  let answer = answers.get(n);
  if (!answer) {
    const results = Array.from({ length: n }, (_, index) => ({
      index,
      status: 'completed',
      result: { label: 'billing', confidence: 0.9 },
    }));
    answer = encoder.encode(JSON.stringify({ id: 'req_1', results }));
    answers.set(n, answer);
  }
  return answer;
};
const countItems = (body) => {
  let n = 0;
  for (let at = body.indexOf('{"input"'); at !== -1; at = body.indexOf('{"input"', at + 8)) n++;
  return n;
};
let requests = 0;
const fetch = memoryFetch((init) => {
  requests++;
  return answerOf(countItems(init.body));
});

const builds = { this: ClassifailyClient };
if (process.env.BASE) builds.base = (await import(process.env.BASE)).ClassifailyClient;
const clients = Object.fromEntries(
  Object.entries(builds).map(([name, Client]) => [
    name,
    new Client({ apiKey: KEY, baseUrl: 'http://127.0.0.1:1', fetch }),
  ]),
);
const load = loadavg()[0].toFixed(1);
const took = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
const names = Object.keys(clients);
for (let round = 0; round < ROUNDS + 2; round++)
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    // Each round starts from a collected heap (run with --expose-gc): the garbage of one build's
    // round is not collected during the next build's.
    globalThis.gc?.();
    const t = process.hrtime.bigint();
    const outcomes = await clients[name].classifyMany({ items, categories: CATEGORIES });
    const us = Number(process.hrtime.bigint() - t) / ITEMS / 1000;
    if (outcomes.length !== ITEMS || !outcomes.every((o) => o.ok))
      throw new Error(`${name}: not every item was classified`);
    if (round >= 2) took[name].push(us); // two rounds of warm-up
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `Node ${process.version}, ${ROUNDS} rounds of classifyMany over ${ITEMS} items (${requests} requests in all), load ${load} at the start:`,
);
console.log('| Node | build | best µs/item | median µs/item |');
console.log('|---|---|---|---|');
for (const [name, xs] of Object.entries(took))
  console.log(
    `| ${process.version} | ${name} | ${Math.min(...xs).toFixed(2)} | ${median(xs).toFixed(2)} |`,
  );
