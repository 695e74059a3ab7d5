// Idempotency keys, per API key: the first answer to a (key, Idempotency-Key) pair is stored and
// replayed for a repeat of the same request; a different request under the same key is refused; a
// repeat while the first is still running gets 409. See decisions 0103 and 0104.
//
// Memory is bounded by count and by bytes of stored answers, oldest evicted first, and an answer
// leaves when its window ends (a timer sweeps, so memory comes back when the sandbox is idle). With
// `--db` every stored answer is also written to the SQLite file and read back at start, so a POST
// replayed after a restart is not applied twice.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface StoredResponse {
  status: number;
  /** The answer's body as sent, JSON. */
  json: string;
  /** The first request's id: a replay is that request's answer. */
  requestId: string;
}

type Entry =
  | { state: 'running'; fingerprint: string; expires: number }
  | {
      state: 'done';
      fingerprint: string;
      expires: number;
      response: StoredResponse;
      bytes: number;
    };

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_use' }
  | { kind: 'reused' };

export interface IdempotencyOptions {
  /** How long an answer is kept for a replay. Default 24 h. */
  ttlMs?: number;
  /** At most this many keys. Default 10,000. */
  maxEntries?: number;
  /** At most this many bytes of stored answers. Default 32 MiB. */
  maxBytes?: number;
  /** The sandbox's SQLite database, when it is a file (`--db`): answers survive a restart. */
  db?: Database.Database;
  now?: () => number;
}

/** JSON with every object's keys sorted: the same request in another key order is the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/** The API key is never kept, in memory or in the file: entries are found by a hash. */
function entryId(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\u0000${key}`).digest('hex');
}

interface Row {
  id: string;
  fingerprint: string;
  status: number;
  body: string;
  request_id: string;
  expires: number;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;
  private readonly file?: {
    put: Database.Statement;
    delete: Database.Statement;
    expire: Database.Statement;
    clear: Database.Statement;
  };

  constructor(options: IdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.now = options.now ?? Date.now;
    if (options.db) {
      const db = options.db;
      db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        request_id TEXT NOT NULL,
        expires INTEGER NOT NULL
      )`);
      this.file = {
        put: db.prepare(
          'INSERT OR REPLACE INTO idempotency (id, fingerprint, status, body, request_id, expires) VALUES (?, ?, ?, ?, ?, ?)',
        ),
        delete: db.prepare('DELETE FROM idempotency WHERE id = ?'),
        expire: db.prepare('DELETE FROM idempotency WHERE expires <= ?'),
        clear: db.prepare('DELETE FROM idempotency'),
      };
      this.file.expire.run(this.now());
      const rows = db
        .prepare(
          'SELECT id, fingerprint, status, body, request_id, expires FROM idempotency ORDER BY seq',
        )
        .all() as Row[];
      for (const row of rows)
        this.store(row.id, row.fingerprint, row.expires, {
          status: row.status,
          json: row.body,
          requestId: row.request_id,
        });
    }
    // Expired answers leave even when no request comes to push them out.
    this.sweeper = setInterval(() => this.sweep(), Math.min(this.ttlMs, 60_000));
    this.sweeper.unref();
  }

  claim(scope: string, key: string, print: string): Claim {
    this.sweep();
    const id = entryId(scope, key);
    const entry = this.entries.get(id);
    if (entry) {
      if (entry.fingerprint !== print) return { kind: 'reused' };
      return entry.state === 'running'
        ? { kind: 'in_use' }
        : { kind: 'replay', response: entry.response };
    }
    this.entries.set(id, {
      state: 'running',
      fingerprint: print,
      expires: this.now() + this.ttlMs,
    });
    this.evict();
    return { kind: 'new' };
  }

  /** How many first requests are still running (tests wait on it instead of on the clock). */
  running(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.state === 'running') count++;
    return count;
  }

  /** How many answers are kept, and their bytes (tests and the soak benchmark read it). */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  complete(scope: string, key: string, response: StoredResponse): void {
    const id = entryId(scope, key);
    const entry = this.entries.get(id);
    if (entry?.state !== 'running') return;
    this.store(id, entry.fingerprint, entry.expires, response); // keeps its place: oldest claim first
    this.file?.put.run(
      id,
      entry.fingerprint,
      response.status,
      response.json,
      response.requestId,
      entry.expires,
    );
    this.evict();
  }

  /** The first request failed on our side (5xx) or never answered: let a retry run it again. */
  release(scope: string, key: string): void {
    const id = entryId(scope, key);
    if (this.entries.get(id)?.state === 'running') this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.file?.clear.run();
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private store(id: string, print: string, expires: number, response: StoredResponse): void {
    const bytes = Buffer.byteLength(response.json);
    this.entries.set(id, { state: 'done', fingerprint: print, expires, response, bytes });
    this.bytes += bytes;
  }

  private remove(id: string, entry: Entry): void {
    this.entries.delete(id);
    if (entry.state === 'done') {
      this.bytes -= entry.bytes;
      this.file?.delete.run(id);
    }
  }

  /** Oldest first, stored answers only: a running request keeps its claim. */
  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      if (entry.state === 'done') this.remove(id, entry);
    }
  }

  /** Entries expire in the order they were claimed (one window for all): drop them from the front. */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expires > now) break;
      this.remove(id, entry);
    }
  }
}
