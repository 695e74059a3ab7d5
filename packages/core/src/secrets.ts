// The configured API keys in every form a server could echo them back (decision 0030): the value
// without its cai_live_/cai_test_ prefix, in any case, percent-encoded character by character
// (`%5F` for `_`), and base64 or base64url at any alignment (inside a Basic credential, say).
// redact() in errors.ts removes these besides anything shaped like a key. A key is remembered
// when a client is made with it; the last MAX_KEYS are kept (a process with more clients than
// that redacts the newest), and nothing but these patterns is kept.
const MAX_KEYS = 64;
const PREFIX = /^cai_(?:live|test)_/;

/** A key's patterns, newest last. */
const known = new Map<string, RegExp[]>();

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, '0');

/** The text, in any case, with any of its characters percent-encoded. */
function textPattern(text: string): RegExp {
  return new RegExp([...text].map((c) => `(?:${escape(c)}|%${hex(c)})`).join(''), 'gi');
}

/**
 * The part of `base64(n bytes + text)` that depends only on the text, for n = 0, 1, 2: whatever
 * comes before or after it in an encoded stream, these characters are the same.
 */
function base64Cores(text: string): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const bytes = Buffer.concat([Buffer.alloc(offset), Buffer.from(text)]);
    const encoded = bytes.toString('base64');
    const core = encoded.slice(offset === 0 ? 0 : 4, 4 * Math.floor(bytes.length / 3));
    if (core.length >= 12) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

export function rememberKey(key: string): void {
  if (known.has(key)) return;
  const secret = key.replace(PREFIX, '');
  const spellings = new Set([key, secret, key.toUpperCase(), secret.toUpperCase()]);
  spellings.add(key.toLowerCase()).add(secret.toLowerCase());
  const cores = new Set([...spellings].flatMap(base64Cores));
  known.set(key, [...[...cores].map((core) => new RegExp(escape(core), 'g')), textPattern(secret)]);
  if (known.size > MAX_KEYS) known.delete(known.keys().next().value!);
}

/** The text with every remembered key, in every form, replaced by `***`. */
export function redactKnownKeys(text: string): string {
  let out = text;
  for (const patterns of known.values())
    for (const pattern of patterns) out = out.replace(pattern, '***');
  return out;
}
