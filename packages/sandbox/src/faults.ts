import { Readable } from 'node:stream';

// Fault injection for tests: only when the sandbox runs in test mode (`faults: true`, `--faults`).
// A fault applies to the next `count` matching /v1 requests, or to a `fraction` of them (a seeded
// generator, so a test run is repeatable).
//
//   delay     the request is handled after `delayMs` (after the idempotency claim: a slow server)
//   status    answered at once with `status` (any status the contract names) as problem+json,
//             with Retry-After as `retryAfter` gives it (a number, or a text sent as it is; '' for
//             none; 429 and 503 default to 1 s) or `retryAfterDate` seconds from now as an HTTP
//             date; not handled
//   reset     the connection is destroyed before the request is handled (ECONNRESET)
//   truncate  handled, then the response is cut mid-body and the connection closed
//   stall     handled, then half the body is sent and the connection held open (decision 0019)
//   malformed handled, then answered 200-style with a body that is not valid JSON
//   html      handled, then answered with an HTML page instead (a proxy's, a captive portal's)
//   gzip      handled, then answered with a body announced as gzip that is not
//   shuffle   handled, then a batch's results are sent in reverse order, each with its index
// `key` limits a fault to requests with that API key, so that one sandbox serves many cases.
// These are the wire faults of core's conformance table (core's `WireFault`).
export type FaultKind =
  'delay' | 'status' | 'reset' | 'truncate' | 'stall' | 'malformed' | 'html' | 'gzip' | 'shuffle';

export interface FaultSpec {
  kind: FaultKind;
  status?: number;
  retryAfter?: number | string;
  retryAfterDate?: number;
  delayMs?: number;
  /** Only requests with this API key. */
  key?: string;
  /** How many matching requests it applies to; default 1, or unlimited with `fraction`. */
  count?: number;
  /** The share of matching requests it applies to, 0 to 1. */
  fraction?: number;
  /** Only requests whose path is this (or starts with it, when it ends with `*`). */
  path?: string;
}

const KINDS: FaultKind[] = [
  'delay',
  'status',
  'reset',
  'truncate',
  'stall',
  'malformed',
  'html',
  'gzip',
  'shuffle',
];
const STATUSES = [400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 502, 503, 504];

/** Checks a fault sent to the control endpoint; returns what is wrong, or undefined. */
export function faultProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'a fault is an object';
  const f = value as Record<string, unknown>;
  const allowed = new Set([
    ...['kind', 'status', 'retryAfter', 'retryAfterDate', 'delayMs', 'count', 'fraction', 'path'],
    'key',
  ]);
  const unknown = Object.keys(f).find((k) => !allowed.has(k));
  if (unknown) return `unknown field "${unknown}"`;
  if (!KINDS.includes(f.kind as FaultKind)) return `kind must be one of ${KINDS.join(', ')}`;
  if (f.kind === 'status' && !STATUSES.includes(f.status as number))
    return `status must be one of ${STATUSES.join(', ')}`;
  if (
    f.kind === 'delay' &&
    !(Number.isInteger(f.delayMs) && (f.delayMs as number) >= 0 && (f.delayMs as number) <= 60_000)
  ) {
    return 'delayMs must be an integer from 0 to 60000';
  }
  if (f.count !== undefined && !(Number.isInteger(f.count) && (f.count as number) >= 0))
    return 'count must be a non-negative integer';
  const retryAfter = f.retryAfter;
  if (
    retryAfter !== undefined &&
    !(Number.isInteger(retryAfter) && (retryAfter as number) >= 0) &&
    !(typeof retryAfter === 'string' && /^[\x20-\x7e]{0,64}$/.test(retryAfter))
  )
    return 'retryAfter must be a non-negative integer or a short text';
  if (f.retryAfterDate !== undefined && !Number.isInteger(f.retryAfterDate))
    return 'retryAfterDate must be a whole number of seconds from now';
  if (f.key !== undefined && typeof f.key !== 'string') return 'key must be a string';
  if (
    f.fraction !== undefined &&
    !(typeof f.fraction === 'number' && f.fraction >= 0 && f.fraction <= 1)
  ) {
    return 'fraction must be a number from 0 to 1';
  }
  if (f.path !== undefined && typeof f.path !== 'string') return 'path must be a string';
  return undefined;
}

interface ActiveFault {
  spec: FaultSpec;
  left: number;
}

/** mulberry32: a tiny seeded generator; the same seed gives the same sequence of faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private active: ActiveFault[] = [];
  private random: () => number;

  constructor(private readonly seed = 42) {
    this.random = seeded(seed);
  }

  add(spec: FaultSpec): void {
    const left = spec.count ?? (spec.fraction !== undefined ? Number.POSITIVE_INFINITY : 1);
    this.active.push({ spec, left });
  }

  set(specs: FaultSpec[]): void {
    this.clear();
    for (const spec of specs) this.add(spec);
  }

  clear(): void {
    this.active = [];
    this.random = seeded(this.seed);
  }

  list(): FaultSpec[] {
    return this.active.map((a) => ({
      ...a.spec,
      ...(Number.isFinite(a.left) ? { count: a.left } : {}),
    }));
  }

  /** The fault for this request (its path and Authorization header), if one applies; counts it down. */
  take(path: string, authorization?: string): FaultSpec | undefined {
    for (const fault of this.active) {
      if (fault.left <= 0 || !matches(fault.spec.path, path)) continue;
      if (fault.spec.key !== undefined && authorization?.trim() !== `Bearer ${fault.spec.key}`)
        continue;
      if (fault.spec.fraction !== undefined && this.random() >= fault.spec.fraction) continue;
      fault.left -= 1;
      this.active = this.active.filter((f) => f.left > 0);
      return fault.spec;
    }
    return undefined;
  }
}

function matches(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** The Retry-After header a status fault sends, if any. */
export function retryAfterOf(fault: FaultSpec, now = Date.now()): string | undefined {
  if (fault.retryAfterDate !== undefined)
    return new Date(now + fault.retryAfterDate * 1000).toUTCString();
  if (fault.retryAfter === '') return undefined;
  if (fault.retryAfter !== undefined) return String(fault.retryAfter);
  return fault.status === 429 || fault.status === 503 ? '1' : undefined;
}

/**
 * What an answer fault makes of a handled answer (`payload`, its JSON text): the body to send, and
 * the headers to set; undefined for the faults handled elsewhere. A stall announces the whole body,
 * sends half and holds the connection open.
 */
export function faultedAnswer(
  fault: FaultSpec,
  payload: string,
): { body: string | Buffer | Readable; headers: Record<string, string> } | undefined {
  switch (fault.kind) {
    case 'stall': {
      const half = payload.slice(0, Math.floor(payload.length / 2));
      const body = new Readable({ read() {} });
      body.push(half);
      return { body, headers: { 'content-length': String(Buffer.byteLength(payload)) } };
    }
    case 'html':
      return {
        body: '<!doctype html><html><body><h1>Sign in to continue</h1></body></html>',
        headers: { 'content-type': 'text/html; charset=utf-8' },
      };
    case 'gzip':
      return { body: Buffer.from('this is not gzip'), headers: { 'content-encoding': 'gzip' } };
    case 'shuffle': {
      const answer = JSON.parse(payload) as { results?: unknown[] };
      if (Array.isArray(answer.results)) answer.results.reverse();
      return { body: JSON.stringify(answer), headers: {} };
    }
    default:
      return undefined;
  }
}
