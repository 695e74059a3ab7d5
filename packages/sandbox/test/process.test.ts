// The child-process sandbox the Zapier and n8n suites use: handshake, control calls, shutdown.
import { startSandboxProcess, type SandboxProcess } from '../dist/process'; // the compiled CLI sits beside it

let sandbox: SandboxProcess;
beforeAll(async () => {
  sandbox = await startSandboxProcess({ rateLimit: 5 });
});
afterAll(() => sandbox.close());

const me = (key = sandbox.apiKey) =>
  fetch(`${sandbox.url}/v1/me`, { headers: { authorization: `Bearer ${key}` } });

it('starts on 127.0.0.1 and hands over the URL and the keys', async () => {
  expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await me()).status).toBe(200);
  expect((await me(sandbox.revokedKey)).status).toBe(401);
});

it('counts, injects faults (replacing earlier ones), resets, and passes CLI options', async () => {
  await sandbox.reset();
  await sandbox.setFaults({ kind: 'status', status: 500, count: 5 });
  await sandbox.setFaults({ kind: 'status', status: 503, count: 1 });
  expect((await me()).status).toBe(503);
  expect((await me()).status).toBe(200); // the 500s were replaced, not added
  expect((await sandbox.stats()).byPath['/v1/me']).toBe(2);
  for (let i = 0; i < 4; i++) expect((await me()).status).toBe(200); // 5 answered in the window
  expect((await me()).status).toBe(429); // --rate-limit 5 reached the child
  await sandbox.reset();
  expect((await sandbox.stats()).total).toBe(0);
});

it('passes the rate limit window to the child', async () => {
  const other = await startSandboxProcess({ rateLimit: 1, rateLimitWindowMs: 1000 });
  try {
    const get = () =>
      fetch(`${other.url}/v1/me`, { headers: { authorization: `Bearer ${other.apiKey}` } });
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1'); // a minute's window would say up to 60
  } finally {
    await other.close();
  }
});

it('stops the child on close', async () => {
  const other = await startSandboxProcess();
  await other.close();
  await expect(fetch(`${other.url}/v1/me`)).rejects.toThrow();
});
