// The conformance table (decision 0016): every wire fault the API can put in front of a step, and
// the outcome (policy.ts) it must give on every platform. core's tests run it on the client; each
// adapter runs it in its own host — n8n in real n8n, Zapier through the unzipped Lambda handler,
// Make through the emulator — and asserts its native error for the outcome, so that the same fault
// gives the same outcome on all three. Faults are the sandbox's (its `/__sandbox/faults`), meeting
// every attempt of the step.
import type { OutcomeKind } from './policy';

/** A fault the sandbox injects (packages/sandbox/src/faults.ts implements this vocabulary). */
export type WireFault =
  /** Answered at once with `status` as problem+json; `retryAfter` is sent as it is. */
  | { kind: 'status'; status: number; retryAfter?: number | string; retryAfterDate?: number }
  | { kind: 'reset' } // the connection is destroyed before an answer
  | { kind: 'truncate' } // half the body, then the connection closes
  | { kind: 'stall' } // half the body, then nothing: the connection is held open
  | { kind: 'malformed' } // a 2xx body that is not JSON
  | { kind: 'html' } // a 2xx HTML page (a proxy's, a captive portal's)
  | { kind: 'gzip' } // a 2xx body announced as gzip that is not (issue 21, item 8)
  | { kind: 'shuffle' } // a batch's results in reverse order, each with its index (item 7)
  | { kind: 'delay'; delayMs: number }; // handled after delayMs (the key claimed first)

export interface ConformanceRow {
  name: string;
  fault: WireFault;
  /** The outcome of every item of the step, or `ok` when every item is classified. */
  expect: OutcomeKind | 'ok';
  /** For `throttle`: the wait the platform is told, in ms (a platform rounds it up to its unit). */
  delayMs?: number;
  /**
   * What the host must set up for the row: `attemptTimeout` — the fault's delay is set past the
   * step's attempt timeout; `deadline` — only a platform whose step has a time limit (Zapier's).
   */
  needs?: 'attemptTimeout' | 'deadline';
}

const status = (code: number, extra: Partial<Extract<WireFault, { kind: 'status' }>> = {}) =>
  ({ kind: 'status', status: code, ...extra }) as const;

export const CONFORMANCE: readonly ConformanceRow[] = [
  { name: '400 bad request', fault: status(400), expect: 'fix-input' },
  { name: '401 key refused', fault: status(401), expect: 'reauthenticate' },
  { name: '403 not allowed', fault: status(403), expect: 'permission' },
  { name: '404 schema gone', fault: status(404), expect: 'not-found' },
  { name: '408 request timeout', fault: status(408), expect: 'temporary' },
  {
    name: '409 still running',
    fault: status(409, { retryAfter: 1 }),
    expect: 'throttle',
    delayMs: 1_000,
  },
  { name: '413 too large', fault: status(413), expect: 'fix-input' },
  { name: '415 media type', fault: status(415), expect: 'fix-input' },
  { name: '422 rule broken', fault: status(422), expect: 'fix-input' },
  {
    name: '429 without Retry-After',
    fault: status(429, { retryAfter: '' }),
    expect: 'throttle',
    delayMs: 60_000,
  },
  {
    name: '429 Retry-After 2',
    fault: status(429, { retryAfter: 2 }),
    expect: 'throttle',
    delayMs: 2_000,
  },
  {
    name: '429 Retry-After 120 (past every cap)',
    fault: status(429, { retryAfter: 120 }),
    expect: 'throttle',
    delayMs: 120_000,
  },
  {
    name: '429 Retry-After as an HTTP date 3 s ahead',
    fault: status(429, { retryAfterDate: 3 }),
    expect: 'throttle',
    delayMs: 3_000,
  },
  {
    name: '429 Retry-After as a date already past',
    fault: status(429, { retryAfterDate: -60 }),
    expect: 'throttle',
    delayMs: 500,
  },
  {
    name: '429 Retry-After unreadable',
    fault: status(429, { retryAfter: 'soon' }),
    expect: 'throttle',
    delayMs: 60_000,
  },
  { name: '500 server error', fault: status(500), expect: 'temporary' },
  { name: '502 bad gateway', fault: status(502), expect: 'temporary' },
  {
    name: '503 Retry-After 1',
    fault: status(503, { retryAfter: 1 }),
    expect: 'throttle',
    delayMs: 1_000,
  },
  { name: '504 gateway timeout', fault: status(504), expect: 'temporary' },
  { name: 'connection reset', fault: { kind: 'reset' }, expect: 'temporary' },
  { name: 'body cut off', fault: { kind: 'truncate' }, expect: 'temporary' },
  { name: 'body stalled', fault: { kind: 'stall' }, expect: 'temporary' },
  { name: '2xx not JSON', fault: { kind: 'malformed' }, expect: 'temporary' },
  { name: '2xx HTML page', fault: { kind: 'html' }, expect: 'temporary' },
  { name: '2xx invalid gzip', fault: { kind: 'gzip' }, expect: 'temporary' },
  { name: 'batch results out of order', fault: { kind: 'shuffle' }, expect: 'ok' },
  {
    name: 'attempt timeout, then the key in use',
    fault: { kind: 'delay', delayMs: 0 },
    expect: 'throttle',
    needs: 'attemptTimeout',
  },
  {
    name: 'deadline exhausted',
    fault: { kind: 'delay', delayMs: 0 },
    expect: 'throttle',
    delayMs: 1_000,
    needs: 'deadline',
  },
];
