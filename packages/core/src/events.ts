// What the client reports as it works, through its `onEvent` option (decision 0020): n8n writes
// the events to its logger, Zapier to z.console. An event names the endpoint by method and path,
// never the URL's host, a header, a body or the key; a step that took minutes of 429 waits shows
// each wait and why.
import type { OutcomeKind } from './policy';

interface About {
  method: string;
  /** The path only (`/v1/classify/batch`): no host, no query. */
  path: string;
}

export type ClientEvent = About &
  (
    | { type: 'request'; attempt: number }
    | { type: 'response'; attempt: number; status: number; ms: number; requestId?: string }
    /** Another attempt follows after `delayMs`; `reason` is the failure's code (`rate_limited`…). */
    | { type: 'retry'; attempt: number; reason: string; delayMs: number }
    /** The API asked for a pause (Retry-After): every request of this client holds off `delayMs`. */
    | { type: 'throttle'; delayMs: number }
    /** No further attempt: why (`not retryable`, `retries exhausted`, `deadline`…) and the outcome. */
    | { type: 'give_up'; attempt: number; reason: string; outcome: OutcomeKind }
  );
