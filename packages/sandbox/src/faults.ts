// Fault injection for tests: only when the sandbox runs in test mode (`faults: true`, `--faults`).
// A fault applies to the next `count` matching /v1 requests, or to a `fraction` of them (a seeded
// generator, so a test run is repeatable).
//
//   delay     the request is handled after `delayMs` (after the idempotency claim: a slow server)
//   status    answered at once with `status` (429, 500, 502, 503 or 504) as problem+json, with
//             Retry-After when `retryAfter` is given (429 and 503 default to 1 s); not handled
//   reset     the connection is destroyed before the request is handled (ECONNRESET)
//   truncate  handled, then the response is cut mid-body and the connection closed
//   malformed handled, then answered 200-style with a body that is not valid JSON
export type FaultKind = 'delay' | 'status' | 'reset' | 'truncate' | 'malformed';

export interface FaultSpec {
  kind: FaultKind;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  /** How many matching requests it applies to; default 1, or unlimited with `fraction`. */
  count?: number;
  /** The share of matching requests it applies to, 0 to 1. */
  fraction?: number;
  /** Only requests whose path is this (or starts with it, when it ends with `*`). */
  path?: string;
}

const KINDS: FaultKind[] = ['delay', 'status', 'reset', 'truncate', 'malformed'];
const STATUSES = [429, 500, 502, 503, 504];

/** Checks a fault sent to the control endpoint; returns what is wrong, or undefined. */
export function faultProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'a fault is an object';
  const f = value as Record<string, unknown>;
  const allowed = new Set(['kind', 'status', 'retryAfter', 'delayMs', 'count', 'fraction', 'path']);
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
  for (const name of ['retryAfter', 'count'] as const) {
    if (f[name] !== undefined && !(Number.isInteger(f[name]) && (f[name] as number) >= 0))
      return `${name} must be a non-negative integer`;
  }
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

  /** The fault for this request, if one applies; counts it down. */
  take(path: string): FaultSpec | undefined {
    for (const fault of this.active) {
      if (fault.left <= 0 || !matches(fault.spec.path, path)) continue;
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
