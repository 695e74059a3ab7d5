// The client's own work per `classify`, without the network: an in-memory `fetch` that hands the
// answer to the client's reader in one chunk (so the body-idle watch, the size cap, the answer check
// and the attempt's timer all run). Prints the best and the median of ROUNDS (default 15) rounds of
// CALLS (default 5,000) calls, with and without an `onEvent` listener; with BASE=<path of another
// build's dist/index.js>, that build's too, round by round in turn with this one.
// Run: `pnpm --filter @classifaily/core exec node bench/own-work.mjs` (Node 24) or
// `node bench/own-work.mjs` (Node 20) in packages/core, after a build.
import { loadavg } from 'node:os';
import { TextEncoder } from 'node:util';
import { ClassifailyClient } from '../dist/index.js';
import { CLASSIFY_BODY, KEY, memoryFetch } from './wire.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 15);
const CALLS = Number(process.env.CALLS ?? 5000);
const answer = new TextEncoder().encode(
  JSON.stringify({
    id: '42',
    status: 'completed',
    type: 'text',
    result: { label: 'billing', confidence: 0.9 },
  }),
);
const fetch = memoryFetch(() => answer);
let events = 0;
const variantsOf = (Client, suffix = '') => ({
  [`client${suffix}`]: new Client({ apiKey: KEY, baseUrl: 'http://127.0.0.1:1', fetch }),
  [`client + onEvent${suffix}`]: new Client({
    apiKey: KEY,
    baseUrl: 'http://127.0.0.1:1',
    fetch,
    onEvent: () => (events += 1),
  }),
});
// BASE=<another build's dist/index.js> (e.g. a worktree of main): that build's clients too, in turn.
const clients = {
  ...variantsOf(ClassifailyClient),
  ...(process.env.BASE
    ? variantsOf((await import(process.env.BASE)).ClassifailyClient, ' (base)')
    : {}),
};
const load = loadavg()[0].toFixed(1);
const took = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const [name, client] of Object.entries(clients)) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) await client.classify(CLASSIFY_BODY);
    took[name].push(Number(process.hrtime.bigint() - t) / CALLS / 1000);
  }
if (events === 0) throw new Error('the onEvent listener never ran: the variant measured nothing');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `Node ${process.version}, ${ROUNDS} rounds of ${CALLS} calls, load ${load} at the start:`,
);
console.log('| Node | variant | best µs/call | median µs/call |');
console.log('|---|---|---|---|');
for (const [name, xs] of Object.entries(took))
  console.log(
    `| ${process.version} | ${name} | ${Math.min(...xs).toFixed(2)} | ${median(xs).toFixed(2)} |`,
  );
