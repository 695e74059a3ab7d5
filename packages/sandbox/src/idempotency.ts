// Idempotency keys, per API key: the first response to a (key, Idempotency-Key) pair is stored and
// replayed for a repeat with the same request; a different request under the same key is refused;
// a repeat while the first is still running gets 409. Kept in memory (see decision 0103).
import { createHash } from 'node:crypto';

export interface StoredResponse {
  status: number;
  body: unknown;
}

type Entry =
  | { state: 'running'; fingerprint: string; expires: number }
  | { state: 'done'; fingerprint: string; expires: number; response: StoredResponse };

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_use' }
  | { kind: 'reused' };

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  claim(scope: string, key: string, print: string): Claim {
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry && entry.expires > this.now()) {
      if (entry.fingerprint !== print) return { kind: 'reused' };
      return entry.state === 'running'
        ? { kind: 'in_use' }
        : { kind: 'replay', response: entry.response };
    }
    if (this.entries.size >= MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, { state: 'running', fingerprint: print, expires: this.now() + TTL_MS });
    return { kind: 'new' };
  }

  /** How many first requests are still running (tests wait on it instead of on the clock). */
  running(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.state === 'running') count++;
    return count;
  }

  complete(scope: string, key: string, response: StoredResponse): void {
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry)
      this.entries.set(id, {
        state: 'done',
        fingerprint: entry.fingerprint,
        expires: entry.expires,
        response,
      });
  }

  /** The first request failed on our side (5xx) or never answered: let a retry run it again. */
  release(scope: string, key: string): void {
    const id = `${scope}\u0000${key}`;
    if (this.entries.get(id)?.state === 'running') this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
