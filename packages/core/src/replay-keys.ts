// The replay rule (decision 0017): the same step classifying the same text with the same options,
// within the API's idempotency window, is billed once — across core's retries, the platform's own
// re-runs of the step (n8n's Retry On Fail, Zapier's throttle replay, Make's incomplete executions),
// a re-run from n8n's executions list and a run on pinned test data. So a classification's
// Idempotency-Key comes from what such a replay keeps: the platform, the workflow (Zap, scenario),
// the step and the request body, never the run. A write (schema create, delete) also takes the run,
// so that a platform's retry of the same run is safe but a later run is a new write; where the
// platform names no run (Zapier, Make), a write gets no derived key and core makes one per request.
//
// Two equal requests in one run are two pieces of work: the n-th equal request gets ordinal n, in
// the order the keys are asked for (counted before anything is awaited), so a replay that makes the
// same requests gives each the same key again. Billed once relies on the API honouring
// Idempotency-Key as the contract says; the vendor's page does not document it.

export interface ReplayIdentity {
  /** `n8n`, `zapier`, `make`: starts every key, readable in the API's logs. */
  platform: string;
  /** What names the workflow: n8n's instance and workflow ids, a Zap's id, a scenario's. */
  workflow: readonly string[];
  /** The step within it: n8n's node id, a Zapier action's key, a Make module's. */
  step: string;
  /** The run (n8n's execution id), for writes only; absent where the platform names none. */
  run?: string;
}

export interface ReplayKeys {
  /** The key of a classification request (classify, or one batch of many). */
  classification(body: unknown): Promise<string>;
  /** The key of a write, or undefined where the platform names no run (core then makes one). */
  write(body: unknown): Promise<string | undefined>;
}

/** The key makers of one run of one step. */
export function replayKeys(identity: ReplayIdentity): ReplayKeys {
  const scope = [identity.platform, ...identity.workflow, identity.step];
  const classification = keyMaker(identity.platform, scope);
  const write =
    identity.run === undefined
      ? undefined
      : keyMaker(identity.platform, [...scope, 'write', identity.run]);
  return {
    classification,
    write: async (body) => (write ? write(body) : undefined),
  };
}

function keyMaker(prefix: string, scope: readonly string[]): (body: unknown) => Promise<string> {
  const made = new Map<string, number>();
  return async (body) => {
    const text = JSON.stringify(body);
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
