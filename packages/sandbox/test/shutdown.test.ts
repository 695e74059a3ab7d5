// Shutdown with clients still connected (issue 21, item 5), on the built CLI in a plain `node`
// child: SIGTERM closes idle keep-alive connections, answers what is in flight, cuts what outlasts
// the grace, and exits; startSandboxProcess().close() waits a bounded time, then kills. Durations
// are never asserted: a hang fails by a bound far below the 72 s keep-alive timeout that used to
// hold the process.
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSandboxProcess, type SandboxProcess } from '../dist/process';

/** A hang: the child has not exited this long after SIGTERM. */
const HANG_MS = 20_000;

function exited(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Resolves when the process is gone; rejects if it is still there after HANG_MS. */
async function untilExited(pid: number): Promise<void> {
  for (let waited = 0; waited < HANG_MS; waited += 50) {
    if (exited(pid)) return;
    await sleep(50);
  }
  throw new Error(`the sandbox (pid ${pid}) was still running ${HANG_MS} ms after SIGTERM`);
}

/** A raw keep-alive connection that sends one request, reads its answer and stays open. */
async function keepAliveConnection(sandbox: SandboxProcess): Promise<Socket> {
  const { hostname, port } = new URL(sandbox.url);
  const socket = connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (/\r\n\r\n[\s\S]*\}$/.test(received)) resolve();
    });
    socket.once('error', reject);
    socket.write(
      `GET /v1/me HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${sandbox.apiKey}\r\n\r\n`,
    );
  });
  return socket;
}

const me = (sandbox: SandboxProcess) =>
  fetch(`${sandbox.url}/v1/me`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });

async function untilArrived(sandbox: SandboxProcess, count: number): Promise<void> {
  for (let i = 0; i < 400 && (await sandbox.stats()).total < count; i++) await sleep(25);
}

it('SIGTERM: idle keep-alive connections are closed, an answer in flight is sent, the process exits', async () => {
  const sandbox = await startSandboxProcess();
  const idle = await keepAliveConnection(sandbox);
  const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
  await sandbox.reset();
  await sandbox.setFaults({ kind: 'delay', delayMs: 1500 });
  const inFlight = me(sandbox);
  await untilArrived(sandbox, 1);

  process.kill(sandbox.pid, 'SIGTERM');
  const answer = await inFlight;
  expect(answer.status).toBe(200);
  expect((await answer.json()).object).toBe('me');
  await untilExited(sandbox.pid);
  await idleClosed;
});

it('SIGTERM: a request that outlasts the shutdown grace is cut, and the process exits', async () => {
  const sandbox = await startSandboxProcess({ args: ['--shutdown-grace', '500'] });
  await sandbox.setFaults({ kind: 'delay', delayMs: 60_000 });
  const held = me(sandbox).then(
    (r) => r.status,
    () => 'cut',
  );
  await untilArrived(sandbox, 1);
  process.kill(sandbox.pid, 'SIGTERM');
  await untilExited(sandbox.pid);
  expect(await held).toBe('cut');
});

it('close() waits at most stopTimeoutMs, then kills the child', async () => {
  // A grace longer than the stop timeout: the child would linger, so close() must kill it.
  const sandbox = await startSandboxProcess({
    args: ['--shutdown-grace', '60000'],
    stopTimeoutMs: 300,
  });
  await sandbox.setFaults({ kind: 'delay', delayMs: 60_000 });
  const held = me(sandbox).catch(() => 'cut');
  await untilArrived(sandbox, 1);
  let closed = false;
  const closing = sandbox.close().then(() => (closed = true));
  await Promise.race([closing, sleep(HANG_MS, undefined, { ref: false })]);
  expect(closed).toBe(true);
  expect(exited(sandbox.pid)).toBe(true);
  expect(await held).toBe('cut');
});
