// Saved schemas in SQLite (better-sqlite3): a file with --db, so they survive a restart, or
// `:memory:` otherwise. One code path for both.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

export interface SchemaCategory {
  name: string;
  description?: string;
}

export interface SavedSchema {
  id: string;
  object: 'schema';
  name: string;
  categories: SchemaCategory[];
  created_at: string;
}

interface Row {
  seq: number;
  id: string;
  name: string;
  categories: string;
  created_at: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newId(prefix: string, length = 20): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return out;
}

/** The cursor is the position of the last schema of a page, opaque to the caller. */
function encodeCursor(seq: number): string {
  return Buffer.from(`s:${seq}`).toString('base64url');
}
function decodeCursor(cursor: string): number | undefined {
  const match = /^s:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

export class InvalidCursorError extends Error {}

export class SchemaStore {
  /** Shared with the idempotency store when it is a file (`--db`). */
  readonly db: Database.Database;

  constructor(file = ':memory:') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // With WAL, NORMAL survives a crash of the sandbox (not of the machine) and spares an fsync
    // per stored idempotent answer.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS schemas (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL,
        name TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        categories TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS schemas_by_account ON schemas (account_id, seq);
    `);
  }

  create(accountId: string, name: string, categories: SchemaCategory[]): SavedSchema {
    const schema: SavedSchema = {
      id: newId('sch_'),
      object: 'schema',
      name,
      categories: categories.map((c) =>
        c.description === undefined
          ? { name: c.name }
          : { name: c.name, description: c.description },
      ),
      created_at: new Date().toISOString(),
    };
    this.db
      .prepare(
        'INSERT INTO schemas (id, account_id, name, name_lower, categories, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        schema.id,
        accountId,
        name,
        name.toLowerCase(),
        JSON.stringify(schema.categories),
        schema.created_at,
      );
    return schema;
  }

  get(accountId: string, id: string): SavedSchema | undefined {
    const row = this.db
      .prepare(
        'SELECT seq, id, name, categories, created_at FROM schemas WHERE account_id = ? AND id = ?',
      )
      .get(accountId, id) as Row | undefined;
    return row && toSchema(row);
  }

  delete(accountId: string, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM schemas WHERE account_id = ? AND id = ?').run(accountId, id)
        .changes > 0
    );
  }

  /** Newest first. Throws InvalidCursorError for a cursor this store did not hand out. */
  list(accountId: string, options: { limit: number; cursor?: string; name?: string }) {
    let before = Number.MAX_SAFE_INTEGER;
    if (options.cursor !== undefined) {
      const seq = decodeCursor(options.cursor);
      if (seq === undefined) throw new InvalidCursorError('cursor');
      before = seq;
    }
    const rows = (
      options.name === undefined
        ? this.db
            .prepare(
              'SELECT seq, id, name, categories, created_at FROM schemas WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
            )
            .all(accountId, before, options.limit + 1)
        : this.db
            .prepare(
              'SELECT seq, id, name, categories, created_at FROM schemas WHERE account_id = ? AND seq < ? AND name_lower = ? ORDER BY seq DESC LIMIT ?',
            )
            .all(accountId, before, options.name.toLowerCase(), options.limit + 1)
    ) as Row[];
    const page = rows.slice(0, options.limit);
    const hasMore = rows.length > options.limit;
    return {
      object: 'list' as const,
      data: page.map(toSchema),
      has_more: hasMore,
      next_cursor: hasMore ? encodeCursor(page[page.length - 1]!.seq) : null,
    };
  }

  clear(): void {
    this.db.exec('DELETE FROM schemas');
  }

  close(): void {
    this.db.close();
  }
}

function toSchema(row: Row): SavedSchema {
  return {
    id: row.id,
    object: 'schema',
    name: row.name,
    categories: JSON.parse(row.categories) as SchemaCategory[],
    created_at: row.created_at,
  };
}
