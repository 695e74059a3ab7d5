// Idempotency keys that survive Zapier running a step again (decision 0306). When a step throws
// ThrottledError, or the user (or Autoreplay) replays it, Zapier calls `perform` again with the same
// bundle: the same inputData, authData and bundle.meta. Zapier offers no id of the step run in the
// bundle, so a key is derived from what a replay repeats exactly: the action, the Zap (when Zapier
// says which) and the request itself. A chunk that was already answered is then answered again
// from the API's idempotency store, never classified or billed twice.
import { createHash } from 'node:crypto';

import type { Bundle } from 'zapier-platform-core';

export interface KeyedRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** A UUID-shaped key (version nibble 8: "custom") from a SHA-256 of the parts. */
function uuidFrom(parts: unknown[]): string {
  const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20),
    hex.slice(20, 32),
  ].join('-');
}

/** The Zap's id when Zapier passes it (bundle.meta.zap.id, deprecated but still sent), else ''. */
const zapIdOf = (bundle: Pick<Bundle, 'meta'>) => String(bundle.meta?.zap?.id ?? '');

/** Key maker for core's client: one key per (action, Zap, request), equal across replays. */
export function replayStableKeys(action: string, bundle: Pick<Bundle, 'meta'>) {
  const zap = zapIdOf(bundle);
  return (request: KeyedRequest) =>
    uuidFrom([action, zap, request.method, request.path, request.body ?? null]);
}
