// kill -9 during idempotent creates (issue 21): for --latency 0 and 200 (LATENCIES), ROUNDS rounds
// (default 5) of CREATES (default 80) concurrent POST /v1/schemas, each with its own Idempotency-Key,
// against the compiled CLI on a database file; the sandbox is killed (SIGKILL) at a random moment
// when a random number of schemas are saved, restarted on the same file, and every create is retried with its key until it is
// answered. Then counts, per name: doubles (more than one schema) and losses (a create answered 201
// before the kill whose schema is gone). Prints a Markdown table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { KEY, startSandboxChild } from './sandbox-child.mjs';

const rounds = Number(process.env.ROUNDS ?? 5);
const creates = Number(process.env.CREATES ?? 80);
const latencies = (process.env.LATENCIES ?? '0,200').split(',').map(Number);

const start = (db, latency) => startSandboxChild(['--db', db, '--latency', String(latency)]);

const create = (url, i, round) =>
  fetch(`${url}/v1/schemas`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
      'idempotency-key': `round-${round}-${i}`,
    },
    body: JSON.stringify({ name: `schema ${i}`, categories: [{ name: 'a' }, { name: 'b' }] }),
  });

async function all(url) {
  const schemas = [];
  let cursor;
  do {
    const q = cursor ? `&cursor=${cursor}` : '';
    const page = await (
      await fetch(`${url}/v1/schemas?limit=100${q}`, {
        headers: { authorization: `Bearer ${KEY}` },
      })
    ).json();
    schemas.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return schemas;
}

const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-crash-bench-'));
const rows = [];
try {
  for (const latency of latencies) {
    const total = { acknowledged: 0, killedInFlight: 0, doubles: 0, lost: 0, replayed: 0 };
    for (let round = 0; round < rounds; round++) {
      const db = path.join(dir, `crash-${latency}-${round}.db`);
      const first = await start(db, latency);
      const acknowledged = new Map();
      const sent = Array.from({ length: creates }, (_, i) =>
        create(first.url, i, round)
          .then(async (r) => {
            if (r.status === 201) acknowledged.set(i, (await r.json()).id);
          })
          .catch(() => undefined),
      );
      // The kill comes when k schemas are saved (k at random): some creates answered or waiting
      // for --latency, the others still arriving.
      const k = 1 + Math.floor(Math.random() * (creates - 1));
      const saved = () => {
        try {
          const reader = new Database(db, { readonly: true, fileMustExist: true });
          try {
            return reader.prepare('SELECT COUNT(*) AS n FROM schemas').get().n;
          } finally {
            reader.close();
          }
        } catch {
          return 0;
        }
      };
      while (saved() < k && acknowledged.size < creates) await sleep(1);
      first.child.kill('SIGKILL');
      await Promise.all(sent);
      const second = await start(db, 0);
      for (let i = 0; i < creates; i++) {
        for (;;) {
          const r = await create(second.url, i, round).catch(() => undefined);
          if (r?.status === 201) {
            if (r.headers.get('idempotent-replayed') === 'true') total.replayed += 1;
            await r.text();
            break;
          }
          await sleep(50);
        }
      }
      const schemas = await all(second.url);
      second.child.kill();
      const byName = new Map();
      for (const s of schemas) byName.set(s.name, [...(byName.get(s.name) ?? []), s.id]);
      for (const ids of byName.values()) if (ids.length > 1) total.doubles += ids.length - 1;
      for (const [i, id] of acknowledged)
        if (!(byName.get(`schema ${i}`) ?? []).includes(id)) total.lost += 1;
      total.acknowledged += acknowledged.size;
      total.killedInFlight += creates - acknowledged.size;
    }
    rows.push({ latency, ...total });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `kill -9 during creates: \`node bench/crash.mjs\` — ${rounds} rounds of ${creates} concurrent keyed creates per latency; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
);
console.log('');
console.log(
  '| --latency | creates | answered before the kill | cut by the kill | replayed on retry | doubles | lost |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.latency} ms | ${rounds * creates} | ${r.acknowledged} | ${r.killedInFlight} | ${r.replayed} | ${r.doubles} | ${r.lost} |`,
  );
