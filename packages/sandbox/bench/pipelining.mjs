// Hostile pipelining (issue 21): SOCKETS sockets (default 100) each pipeline
// `GET /v1/schemas?limit=100` over a page of the largest schemas (~3 MB an answer) and never read
// an answer, for DURATION s (default 60); a socket the sandbox closes is opened again. Meanwhile a
// well-behaved client asks GET /v1/me every 250 ms. Prints the sandbox's RSS (sampled every 250 ms),
// the probe's slowest answer and whether the sandbox stayed up. Runs the compiled CLI in its own
// process.
import { connect } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEY, rssMb, startProbe, startSandboxChild } from './sandbox-child.mjs';

const duration = Number(process.env.DURATION ?? 60);
const sockets = Number(process.env.SOCKETS ?? 100);

const load = `load average ${loadavg()
  .map((l) => l.toFixed(2))
  .join(', ')} on ${availableParallelism()} cores`;
const { child, url } = await startSandboxChild();
let exited;
child.on('exit', (code, signal) => (exited = code ?? signal));
const { hostname, port } = new URL(url);
const auth = { authorization: `Bearer ${KEY}` };

// 100 schemas of 50 categories with 500-character descriptions: the largest page there is.
const categories = Array.from({ length: 50 }, (_, i) => ({
  name: `category ${i}`,
  description: 'd'.repeat(500),
}));
for (let i = 0; i < 100; i++) {
  const r = await fetch(`${url}/v1/schemas`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `schema ${i}`, categories }),
  });
  if (r.status !== 201) throw new Error(`create: ${r.status}`);
}
const page = await (await fetch(`${url}/v1/schemas?limit=100`, { headers: auth })).text();
await sleep(1000);
const before = rssMb(child.pid);

const request = `GET /v1/schemas?limit=100 HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${KEY}\r\n\r\n`;
const burst = request.repeat(100);
let stop = false;
let opened = 0;
let closedByServer = 0;
const open = [];
function hostile() {
  if (stop) return;
  opened += 1;
  const socket = connect({ host: hostname, port: Number(port) });
  open.push(socket);
  socket.pause(); // never read
  socket.on('error', () => {});
  socket.on('close', () => {
    if (stop) return;
    closedByServer += 1;
    setTimeout(hostile, 100);
  });
  const write = () => {
    // Keep the pipeline full: write while the socket takes it.
    while (!stop && !socket.destroyed && socket.write(burst));
  };
  socket.on('connect', write);
  socket.on('drain', write);
}
for (let i = 0; i < sockets; i++) hostile();

let peak = before;
const sampler = setInterval(() => {
  if (exited === undefined) peak = Math.max(peak, rssMb(child.pid));
}, 250);
const probe = startProbe(url);
const end = Date.now() + duration * 1000;
while (Date.now() < end && exited === undefined) await sleep(250);
const { probes, failed: probeFailures, slowest, slowestLater, median, p99 } = await probe.stop();
stop = true;
clearInterval(sampler);
const atEnd = exited === undefined ? rssMb(child.pid) : NaN;
for (const s of open) s.destroy();
child.kill();

const mb = (n) => `${Math.round(n)} MB`;
console.log(
  `Pipelining: \`node bench/pipelining.mjs\` — ${sockets} sockets pipelining GET /v1/schemas?limit=100 (${(page.length / 1e6).toFixed(1)} MB an answer) and never reading, for ${duration} s; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; before the run: ${load}.`,
);
console.log('');
console.log(
  '| sandbox | RSS before | RSS peak | RSS at the end | probes (GET /v1/me) | failed | probe median | p99 | slowest probe | slowest after 10 s | sockets opened | closed by the sandbox |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
console.log(
  `| ${exited === undefined ? 'up' : `died (${exited})`} | ${mb(before)} | ${mb(peak)} | ${mb(atEnd)} | ${probes} | ${probeFailures} | ${Math.round(median)} ms | ${Math.round(p99)} ms | ${Math.round(slowest)} ms | ${Math.round(slowestLater)} ms | ${opened} | ${closedByServer} |`,
);
