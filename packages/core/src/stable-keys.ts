// Idempotency keys that a platform reproduces when it runs the same work again: n8n's Retry On
// Fail, Zapier's re-run of a throttled or replayed step. core's default is a random key per logical
// request, so a re-run would bill every request that had already succeeded a second time. These
// keys come from what the re-run keeps — the platform's ids for the run (`scope`) and the request
// itself — so the API answers a repeat from its store (decisions 0211, 0306).
//
// Two equal requests in one run are two pieces of work: the n-th equal request gets ordinal n, in
// the order the requests are made (counted before anything is awaited), so a re-run that makes the
// same requests gives each the same key again. Different content never shares a key, so a re-run
// whose inputs changed is new work, not refused as a reused key.

export interface StableKeyOptions {
  /** Starts every key, readable in the API's logs (`n8n-<execution id>`, `zapier`). */
  prefix: string;
  /** What identifies the run and stays the same when it runs again (ids, the step's key). */
  scope: readonly string[];
}

/** A key maker for one run: `(request content) => Promise<key>`. */
export function stableIdempotencyKeys({
  prefix,
  scope,
}: StableKeyOptions): (content: unknown) => Promise<string> {
  const made = new Map<string, number>();
  return async (content) => {
    const text = JSON.stringify(content);
    const ordinal = made.get(text) ?? 0;
    made.set(text, ordinal + 1);
    const digest = await sha256Hex(JSON.stringify([...scope, ordinal, text]));
    return `${prefix}-${digest.slice(0, 48)}`;
  };
}

async function sha256Hex(text: string): Promise<string> {
  // Web Crypto: a global of every Node the platforms run on (no import, so n8n's bundle can take it).
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
