// core's client for one Zapier step. It owns the Authorization header (the key cleaned by core:
// a pasted "Bearer " or newline removed; decision 0304); its requests go through z.request
// (zapierFetch), so Zapier's logging and censoring apply; what it does goes to z.console. Each
// step fits Zapier's 30 s (decision 0305): a deadline 25 s after `perform` starts, 12 s per
// attempt, no attempt or wait that would not fit; Classify Batch's queue takes the same deadline.
// The replay rule's keys (0017) come with it.
import { ClassifailyClient, LIMITS, replayKeys, type ReplayKeys } from '@classifaily/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { zapierErrorFrom } from './errors';
import { zapierFetch } from './transport';
import { USER_AGENT } from './version';

/**
 * Where the API is. Not a connection field: the published app talks to api.classifaily.com. For
 * development, the environment variable points it elsewhere (the sandbox): `.env` for `zapier-
 * platform invoke`, `zapier-platform env:set <version> CLASSIFAILY_BASE_URL=…` for a private
 * version, `environment` in a Lambda event.
 */
export const BASE_URL_VARIABLE = 'CLASSIFAILY_BASE_URL';
const baseUrl = () => process.env[BASE_URL_VARIABLE]?.trim() || undefined;

/** From the start of `perform`: the rest of Zapier's 30 s (5 s) is Zapier's own. */
const STEP_BUDGET_MS = 25_000;

/** Classify Batch: full requests, and enough at once that 500 lines at 6.5 s each fit (2 rounds). */
export const BATCH_QUEUE = { batchSize: LIMITS.batchMaxItems, concurrency: 10 } as const;

export interface Step {
  client: ClassifailyClient;
  keys: ReplayKeys;
  /** When this step's requests must be over. */
  deadline: number;
}

/**
 * Runs one step of the action `action`; core's errors become z.errors.* errors. Zapier names no
 * run, so a write gets no derived key: a later run is a new write (the replay rule, 0017).
 */
export async function withClient<T>(
  z: ZObject,
  bundle: Pick<Bundle, 'authData' | 'meta'>,
  action: string,
  call: (step: Step) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + STEP_BUDGET_MS;
  try {
    const client = new ClassifailyClient({
      apiKey: bundle.authData.api_key,
      baseUrl: baseUrl(),
      fetch: zapierFetch(z),
      userAgent: USER_AGENT,
      timeout: 12_000,
      maxRetries: 2,
      maxRetryDelay: 2_000,
      deadline,
      onEvent: (event) => z.console.log(`Classifaily ${event.type}`, JSON.stringify(event)),
    });
    // The Zap's id when Zapier passes it (bundle.meta.zap.id, deprecated but still sent).
    const zap = String(bundle.meta?.zap?.id ?? '');
    const keys = replayKeys({ platform: 'zapier', workflow: [zap], step: action });
    return await call({ client, keys, deadline });
  } catch (error) {
    throw zapierErrorFrom(z, error);
  }
}
