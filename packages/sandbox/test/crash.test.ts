// kill -9 while an idempotent create is under way (issue 21, item 2), on the built CLI with a
// database file: the schema and the stored answer commit together, so a retry with the same key
// after the restart replays the first answer and never creates the schema twice.
// bench/crash.mjs does this for many creates over several rounds and counts doubles and losses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { startSandboxProcess, type SandboxProcess } from '../dist/process';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sandbox-crash-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const create = (sandbox: SandboxProcess, key: string) =>
  fetch(`${sandbox.url}/v1/schemas`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify({ name: 'Crash', categories: [{ name: 'a' }, { name: 'b' }] }),
  });

const names = async (sandbox: SandboxProcess): Promise<string[]> => {
  const page = await fetch(`${sandbox.url}/v1/schemas?limit=100`, {
    headers: { authorization: `Bearer ${sandbox.apiKey}` },
  });
  return ((await page.json()) as { data: Array<{ name: string }> }).data.map((s) => s.name);
};

it('a create killed after its schema was saved is replayed after the restart, not applied twice', async () => {
  const db = path.join(dir, 'crash.db');
  // The answer leaves 3 s after the request: the schema is saved at once, then the kill comes.
  const args = ['--db', db, '--latency', '3000'];
  const first = await startSandboxProcess({ args });
  const pending = create(first, 'crash-1').catch(() => 'killed');
  // Every /v1 answer waits for --latency, so the file is read to see the schema saved.
  const saved = () => {
    const reader = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (reader.prepare('SELECT COUNT(*) AS n FROM schemas').get() as { n: number }).n;
    } finally {
      reader.close();
    }
  };
  for (let i = 0; i < 200 && saved() === 0; i++) await sleep(10);
  expect(saved()).toBe(1);
  process.kill(first.pid, 'SIGKILL');
  expect(await pending).toBe('killed');
  await first.close();

  const second = await startSandboxProcess({ args: ['--db', db] });
  try {
    const retry = await create(second, 'crash-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await names(second)).toEqual(['Crash']);
  } finally {
    await second.close();
  }
});
