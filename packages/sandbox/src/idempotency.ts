// Idempotency keys, per API key: the first answer to a (key, Idempotency-Key) pair is stored and
// replayed for a repeat of the same request; a different request under the same key is refused; a
// repeat while the first is still running gets 409. See decisions 0103 and 0104.
//
// Stored answers live in SQLite, off the JavaScript heap: in the `--db` file, so that a POST
// replayed after a restart is not applied twice, or else in a private temporary database that SQLite
// deletes on close and keeps in a page cache of about 2 MB. They are capped by count and by bytes,
// oldest first, and leave when their window ends. Only requests still running are held in memory.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export interface StoredResponse {
  status: number;
  /** The answer's body as sent, JSON. */
  json: string;
  /** The first request's id: a replay is that request's answer. */
  requestId: string;
}

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_use' }
  | { kind: 'reused' }
  /** The store is at its hard cap with answers all younger than the floor (decision 0112). */
  | { kind: 'full'; retryAfterSeconds: number };

export interface IdempotencyOptions {
  /** How long an answer is kept for a replay. Default 24 h. */
  ttlMs?: number;
  /** At most this many stored answers. Default 10,000. */
  maxEntries?: number;
  /** At most this many bytes of stored answers. Default 32 MiB. */
  maxBytes?: number;
  /**
   * An answer is kept at least this long, whatever the caps above say: past them, only answers older
   * than the floor are dropped. Default 10 minutes (never more than ttlMs).
   */
  floorMs?: number;
  /**
   * Past this many bytes, with every answer younger than the floor, a new key is refused (`full`)
   * rather than an answer forgotten. Default 256 MiB (on disk, not in memory).
   */
  hardMaxBytes?: number;
  /** The sandbox's database file (`--db`); without it, a private temporary database. */
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
  fingerprint: string;
  status: number;
  body: string;
  request_id: string;
}

export class IdempotencyStore {
  /** First requests still running, by entry id. */
  private readonly inFlight = new Map<string, { fingerprint: string }>();
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly sql: Record<
    'get' | 'put' | 'drop' | 'dropOldest' | 'oldest' | 'expire' | 'totals' | 'clear',
    Database.Statement
  >;
  private stored = { entries: 0, bytes: 0 };
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly floorMs: number;
  private readonly hardMaxBytes: number;
  private readonly now: () => number;
  private nextSweep = 0;

  constructor(options: IdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.floorMs = Math.min(options.floorMs ?? 10 * 60 * 1000, this.ttlMs);
    this.hardMaxBytes = Math.max(options.hardMaxBytes ?? 256 * 1024 * 1024, this.maxBytes);
    this.now = options.now ?? Date.now;
    this.ownsDb = options.db === undefined;
    this.db = options.db ?? new Database(''); // '': temporary, deleted when closed
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        request_id TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        expires INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idempotency_by_expiry ON idempotency (expires);
    `);
    this.sql = {
      get: this.db.prepare(
        'SELECT fingerprint, status, body, request_id FROM idempotency WHERE id = ? AND expires > ?',
      ),
      put: this.db.prepare(
        'INSERT INTO idempotency (id, fingerprint, status, body, request_id, bytes, expires) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      // Each drop returns what it freed, so the totals stay exact without a recount.
      drop: this.db.prepare('DELETE FROM idempotency WHERE id = ? RETURNING bytes'),
      // The oldest answer, if it is past the floor: stored at `expires - ttl` (one TTL per store).
      dropOldest: this.db.prepare(
        'DELETE FROM idempotency WHERE seq = (SELECT MIN(seq) FROM idempotency) AND expires <= ? RETURNING bytes',
      ),
      oldest: this.db.prepare(
        'SELECT expires FROM idempotency WHERE seq = (SELECT MIN(seq) FROM idempotency)',
      ),
      expire: this.db.prepare('DELETE FROM idempotency WHERE expires <= ?'),
      totals: this.db.prepare(
        'SELECT COUNT(*) AS entries, COALESCE(SUM(bytes), 0) AS bytes FROM idempotency',
      ),
      clear: this.db.prepare('DELETE FROM idempotency'),
    };
    this.sweep();
  }

  claim(scope: string, key: string, print: string): Claim {
    this.sweep();
    const id = entryId(scope, key);
    const running = this.inFlight.get(id);
    if (running) return running.fingerprint === print ? { kind: 'in_use' } : { kind: 'reused' };
    const row = this.sql.get.get(id, this.now()) as Row | undefined;
    if (row) {
      if (row.fingerprint !== print) return { kind: 'reused' };
      return {
        kind: 'replay',
        response: { status: row.status, json: row.body, requestId: row.request_id },
      };
    }
    if (this.stored.bytes >= this.hardMaxBytes) {
      this.trim();
      if (this.stored.bytes >= this.hardMaxBytes) return this.full();
    }
    this.inFlight.set(id, { fingerprint: print });
    return { kind: 'new' };
  }

  /** The floor, for messages. */
  get floorSeconds(): number {
    return this.floorMs / 1000;
  }

  /** How many first requests are still running (tests wait on it instead of on the clock). */
  running(): number {
    return this.inFlight.size;
  }

  /** How many answers are stored, and their bytes. */
  size(): { entries: number; bytes: number } {
    return { ...this.stored };
  }

  /**
   * Runs a request's work so that its effect and its stored answer (record) commit together: one
   * transaction when the answers live in the sandbox's database file (--db), where a kill -9
   * between the two would otherwise leave the effect without the answer, and a retry would apply
   * it twice. The private temporary database dies with the process, so there it is run as is.
   */
  atomically<T>(work: () => T): T {
    return this.ownsDb ? work() : this.db.transaction(work)();
  }

  /**
   * Stores the first request's answer for replays. The key stays in use (409 to a repeat) until
   * finish(): the answer is stored as soon as the work is done, though with --latency it is sent
   * later.
   */
  record(scope: string, key: string, response: StoredResponse): void {
    const id = entryId(scope, key);
    const running = this.inFlight.get(id);
    if (!running) return;
    const bytes = Buffer.byteLength(response.json);
    this.forget(this.sql.drop.get(id)); // an expired answer under this key, not yet swept
    this.sql.put.run(
      id,
      running.fingerprint,
      response.status,
      response.json,
      response.requestId,
      bytes,
      this.now() + this.ttlMs,
    );
    this.stored.entries += 1;
    this.stored.bytes += bytes;
    this.trim();
  }

  /** The first request's answer is sent: a repeat now gets the stored answer. */
  finish(scope: string, key: string): void {
    this.inFlight.delete(entryId(scope, key));
  }

  /** record() and finish() at once. */
  complete(scope: string, key: string, response: StoredResponse): void {
    this.record(scope, key, response);
    this.finish(scope, key);
  }

  /** The first request failed on our side (5xx) or never answered: let a retry run it again. */
  release(scope: string, key: string): void {
    this.inFlight.delete(entryId(scope, key));
  }

  clear(): void {
    this.inFlight.clear();
    this.sql.clear.run();
    this.recount();
  }

  close(): void {
    if (this.ownsDb) this.db.close();
  }

  /** Oldest first, until both caps hold or the oldest answer is younger than the floor. */
  private trim(): void {
    const pastFloor = this.now() + this.ttlMs - this.floorMs;
    while (
      this.stored.entries > 0 &&
      (this.stored.entries > this.maxEntries || this.stored.bytes > this.maxBytes)
    ) {
      const dropped = this.sql.dropOldest.get(pastFloor);
      if (!dropped) return;
      this.forget(dropped);
    }
  }

  /** When the oldest answer passes the floor, a new key can be taken again. */
  private full(): Claim {
    const oldest = this.sql.oldest.get() as { expires: number } | undefined;
    const wait = oldest ? oldest.expires - this.ttlMs + this.floorMs - this.now() : 1000;
    return { kind: 'full', retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }

  private forget(dropped: unknown): void {
    if (!dropped) return;
    this.stored.entries -= 1;
    this.stored.bytes -= (dropped as { bytes: number }).bytes;
  }

  private recount(): void {
    this.stored = this.sql.totals.get() as { entries: number; bytes: number };
  }

  /** Drops answers whose window ended; at most once a second, so a claim stays one lookup. */
  private sweep(): void {
    const now = this.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + 1000;
    if (this.sql.expire.run(now).changes > 0) this.recount();
  }
}
