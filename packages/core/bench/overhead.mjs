// Per-request overhead of the client against raw fetch with a timeout signal, as the median of
// interleaved runs (issue 21's goal: ≤ 1.05× on Node 24). Each run sends CALLS (default 500)
// sequential classify requests of each variant, one of each in turn, to bench/server.mjs in its own
// process (no added latency); a run's ratio is the variant's total time over raw fetch's. Variants:
// raw fetch (no signal), raw fetch + AbortSignal.timeout, the client, and the client with an
// `onEvent` listener (every request then reports request and response events).
// Run: node bench/overhead.mjs (Node 20 here), or `pnpm --filter @classifaily/core exec node
// bench/overhead.mjs` for the package's Node 24. RUNS (default 9) and CALLS override; BASE=<another
// build's dist/index.js> adds that build's client as a variant.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ClassifailyClient } from '../dist/index.js';
import { CLASSIFY_BODY, KEY, rawClassify, startServer } from './wire.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const CALLS = Number(process.env.CALLS ?? 500);

const server = await startServer();
const body = CLASSIFY_BODY;
const raw = (signal) => rawClassify(server.url, signal);
const client = new ClassifailyClient({ apiKey: KEY, baseUrl: server.url });
let events = 0;
const listening = new ClassifailyClient({
  apiKey: KEY,
  baseUrl: server.url,
  onEvent: () => (events += 1),
});
const variants = {
  'raw fetch': () => raw(undefined),
  'raw fetch + timeout': () => raw(AbortSignal.timeout(30_000)),
  client: () => client.classify(body),
  'client + onEvent': () => listening.classify(body),
};
// BASE=<another build's dist/index.js> (e.g. a worktree of main): that build's client as one more
// variant in the same turning order, for an A/B in the same window.
if (process.env.BASE) {
  const { ClassifailyClient: Base } = await import(process.env.BASE);
  const base = new Base({ apiKey: KEY, baseUrl: server.url });
  variants['client (base)'] = () => base.classify(body);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = loadavg()[0].toFixed(1);
for (let i = 0; i < 300; i++) for (const fn of Object.values(variants)) await fn(); // warm-up
const ratios = { client: [], 'client + onEvent': [], 'raw fetch + timeout': [] };
// The same ratios from each run's median call (a call's own time, not the run's total): one stalled
// call (a GC pause, a delayed ACK) moves a total by several per cent and a median by nothing.
const medianRatios = { client: [], 'client + onEvent': [], 'client (base)': [] };
const perCall = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  const totals = Object.fromEntries(Object.keys(variants).map((k) => [k, 0]));
  const calls = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  // The order of the variants turns by one each call, so that no variant always follows the same
  // one (the call after another variant's runs measurably slower or faster in a fixed order).
  const entries = Object.entries(variants);
  for (let i = 0; i < CALLS; i++)
    for (let k = 0; k < entries.length; k++) {
      const [name, fn] = entries[(i + k) % entries.length];
      const t = performance.now();
      await fn();
      const took = performance.now() - t;
      totals[name] += took;
      calls[name].push(took);
    }
  const base = median(calls['raw fetch + timeout']);
  medianRatios.client.push(median(calls.client) / base);
  medianRatios['client + onEvent'].push(median(calls['client + onEvent']) / base);
  if (calls['client (base)'])
    medianRatios['client (base)'].push(median(calls['client (base)']) / base);
  for (const name of Object.keys(variants)) perCall[name].push((totals[name] / CALLS) * 1000);
  ratios.client.push(totals.client / totals['raw fetch + timeout']);
  ratios['client + onEvent'].push(totals['client + onEvent'] / totals['raw fetch + timeout']);
  ratios['raw fetch + timeout'].push(totals['raw fetch + timeout'] / totals['raw fetch']);
}
await server.close();
const r = (xs) =>
  `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`;
console.log(
  `Node ${process.version}, ${RUNS} interleaved runs of ${CALLS} calls per variant, load ${load} at the start; median (min–max):`,
);
console.log(
  `| Node | raw fetch µs | raw + timeout µs | client µs | client + onEvent µs | client / raw+timeout | client+onEvent / raw+timeout | raw+timeout / raw |`,
);
console.log('|---|---|---|---|---|---|---|---|');
const us = (name) => Math.round(median(perCall[name]));
console.log(
  `| ${process.version} | ${us('raw fetch')} | ${us('raw fetch + timeout')} | ${us('client')} | ${us('client + onEvent')} | ${r(ratios.client)} | ${r(ratios['client + onEvent'])} | ${r(ratios['raw fetch + timeout'])} |`,
);
console.log("\nBy each run's median call, median (min–max) over the runs:");
console.log('| Node | client / raw+timeout | client+onEvent / raw+timeout |');
console.log('|---|---|---|');
console.log(
  `| ${process.version} | ${r(medianRatios.client)} | ${r(medianRatios['client + onEvent'])} |`,
);
if (process.env.BASE)
  console.log(
    `| ${process.version} | base build: ${r(medianRatios['client (base)'])} (client / raw+timeout) |`,
  );
if (events === 0) throw new Error('the onEvent listener never ran: the variant measured nothing');
