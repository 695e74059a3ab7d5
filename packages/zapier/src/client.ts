// core's client for one Zapier step. It owns the Authorization header (the key cleaned by core:
// a pasted "Bearer " or newline removed; decision 0304); its requests go through z.request
// (zapierFetch), so Zapier's logging and censoring apply; its retries fit the step's time budget
// (budget.ts, decision 0305). With it, each step gets the idempotency keys that survive Zapier
// running the step again (idempotency.ts, 0306).
import { ClassifailyClient } from '@classifaily/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { ATTEMPT_TIMEOUT_MS, deadlineFrom, MAX_RETRIES, MAX_RETRY_DELAY_MS } from './budget';
import { zapierErrorFrom } from './errors';
import { stepKeys } from './idempotency';
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

/** A client for one run of a step: its time budget counts from now (the start of `perform`). */
function clientFor(z: ZObject, bundle: Pick<Bundle, 'authData'>): ClassifailyClient {
  return new ClassifailyClient({
    apiKey: bundle.authData.api_key,
    baseUrl: baseUrl(),
    fetch: zapierFetch(z),
    userAgent: USER_AGENT,
    timeout: ATTEMPT_TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    maxRetryDelay: MAX_RETRY_DELAY_MS,
    deadline: deadlineFrom(Date.now()),
  });
}

/** Makes the idempotency key of one POST of this step (0306): pass it as `idempotencyKey`. */
export type KeyFor = (body: unknown) => Promise<string>;

/**
 * Runs one step of the action `action` with a client and the step's key maker; core's errors
 * become z.errors.* errors.
 */
export async function withClient<T>(
  z: ZObject,
  bundle: Pick<Bundle, 'authData' | 'meta'>,
  action: string,
  call: (client: ClassifailyClient, keyFor: KeyFor) => Promise<T>,
): Promise<T> {
  try {
    return await call(clientFor(z, bundle), stepKeys(action, bundle));
  } catch (error) {
    throw zapierErrorFrom(z, error);
  }
}
