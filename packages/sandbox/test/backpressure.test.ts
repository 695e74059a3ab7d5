// A client that pipelines requests and never reads the answers (issue 21, item 1): the sandbox must
// stop working for that socket once an answer is waiting to be read, not build every answer in
// memory. Run against the built CLI in a plain `node` child. Memory itself is measured by
// bench/pipelining.mjs; here the count of requests the sandbox took up is asserted, which does not
// depend on the machine.
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LIMITS } from '@classifaily/core';
import { startSandboxProcess, type SandboxProcess } from '../dist/process';

// Fewer than the 256 that may wait on a socket, so the socket stays open with its answers unread.
const PIPELINED = 200;

let sandbox: SandboxProcess;
beforeAll(async () => {
  sandbox = await startSandboxProcess();
  // A full page of the largest schemas: each answer to GET /v1/schemas?limit=100 is ~3 MB.
  const categories = Array.from({ length: LIMITS.categoriesMax }, (_, i) => ({
    name: `category ${i}`,
    description: 'd'.repeat(LIMITS.categoryDescriptionMaxLength),
  }));
  for (let i = 0; i < LIMITS.schemaListMaxLimit; i++) {
    const response = await fetch(`${sandbox.url}/v1/schemas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `schema ${i}`, categories }),
    });
    expect(response.status).toBe(201);
  }
}, 60_000);
afterAll(() => sandbox.close());

/** A socket to the sandbox, once connected. */
async function connected(): Promise<Socket> {
  const { hostname, port } = new URL(sandbox.url);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return socket;
}

/** One GET of the largest page there is (~3 MB an answer), as raw HTTP/1.1 to pipeline. */
function largestPageRequest(): string {
  const { host } = new URL(sandbox.url);
  return (
    `GET /v1/schemas?limit=${LIMITS.schemaListMaxLimit} HTTP/1.1\r\nHost: ${host}\r\n` +
    `Authorization: Bearer ${sandbox.apiKey}\r\n\r\n`
  );
}

/** Polls the sandbox's request count until it has not moved for a second (at most 15 s). */
async function settledTotal(): Promise<number> {
  let last = -1;
  for (let i = 0; i < 15; i++) {
    const { total } = await sandbox.stats();
    if (total === last) return total;
    last = total;
    await sleep(1000);
  }
  return last;
}

it('takes up no more pipelined requests while an answer waits to be read; others are answered', async () => {
  await sandbox.reset();
  const request = largestPageRequest();
  const socket = await connected();
  socket.pause(); // never read: the answers pile up on the server's side
  socket.write(request.repeat(PIPELINED));
  try {
    const taken = await settledTotal();
    // The kernel's socket buffers hold a few answers; the rest are never built.
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(20);

    const me = await fetch(`${sandbox.url}/v1/me`, {
      headers: { authorization: `Bearer ${sandbox.apiKey}` },
    });
    expect(me.status).toBe(200);
  } finally {
    socket.destroy();
  }
}, 60_000);

it('answers every pipelined request in order to a client that reads', async () => {
  const { hostname, port } = new URL(sandbox.url);
  const count = 50;
  const request = () =>
    `GET /v1/me HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
    `Authorization: Bearer ${sandbox.apiKey}\r\n\r\n`;
  const socket = connect({ host: hostname, port: Number(port) });
  let received = '';
  const done = new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if ((received.match(/HTTP\/1\.1 200 OK/g) ?? []).length === count) resolve();
    });
    socket.on('error', reject);
  });
  socket.write(Array.from({ length: count }, () => request()).join(''));
  await done;
  socket.destroy();
  expect((received.match(/HTTP\/1\.1 200 OK/g) ?? []).length).toBe(count);
}, 30_000);

it('closes sockets whose read breaks the bound before building answers for them', async () => {
  // 300 pipelined requests (~40 KB) in one write mostly arrive in one read on loopback: more than
  // the 256 that may wait. The socket is then closed before its first request is taken up, so a
  // client that floods and reconnects costs parsing, not a 3 MB answer per connection (decision
  // 0115). Taking the first request up at once (as before) counts one per socket; a read the kernel
  // happens to split can still let one through, hence a bound rather than 0.
  await sandbox.reset();
  const request = largestPageRequest();
  const SOCKETS = 20;
  let received = 0;
  for (let i = 0; i < SOCKETS; i++) {
    const socket = await connected();
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(request.repeat(300));
    await closed;
  }
  const { total } = await sandbox.stats();
  expect(total).toBeLessThan(SOCKETS / 2);
  expect(received).toBeLessThan(SOCKETS * 1000);
}, 60_000);
