// Idempotency keys that survive Zapier running a step again (decision 0306). When a step throws
// ThrottledError, or the user (or Autoreplay) replays it, Zapier calls `perform` again with the same
// bundle: the same inputData, authData and bundle.meta. Zapier offers no id of the step run in the
// bundle, so the keys come from what a re-run repeats exactly — the action, the Zap (when Zapier
// says which) and each request's content — through core's stableIdempotencyKeys, as n8n's do. A
// request that was already answered is then answered again from the API's store, never classified
// or billed twice.
import { stableIdempotencyKeys } from '@classifaily/core';
import type { Bundle } from 'zapier-platform-core';

/** The Zap's id when Zapier passes it (bundle.meta.zap.id, deprecated but still sent), else ''. */
const zapIdOf = (bundle: Pick<Bundle, 'meta'>) => String(bundle.meta?.zap?.id ?? '');

/** The key maker for one run of `action`: `(request body) => Promise<key>`. */
export const stepKeys = (action: string, bundle: Pick<Bundle, 'meta'>) =>
  stableIdempotencyKeys({
    prefix: 'zapier',
    scope: ['classifaily-zapier', action, zapIdOf(bundle)],
  });
