// core's client for one Zapier invocation: its requests go through z.request (zapierFetch), and its
// retry budget fits inside the 30 seconds Zapier gives an action (decision 0302):
// at most 3 attempts × 7 s + 2 waits × 2 s = 25 s, leaving Zapier ~5 s of its own.
import { ClassifailyClient } from '@classifaily/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { zapierErrorFrom } from './errors';
import { zapierFetch } from './transport';
import { USER_AGENT } from './version';

export const CLIENT_BUDGET = { timeout: 7_000, maxRetries: 2, maxRetryDelay: 2_000 } as const;

export function clientFor(z: ZObject, bundle: Pick<Bundle, 'authData'>): ClassifailyClient {
  const baseUrl =
    typeof bundle.authData.base_url === 'string' ? bundle.authData.base_url.trim() : '';
  return new ClassifailyClient({
    apiKey: String(bundle.authData.api_key ?? ''),
    baseUrl: baseUrl === '' ? undefined : baseUrl,
    fetch: zapierFetch(z),
    userAgent: USER_AGENT,
    ...CLIENT_BUDGET,
  });
}

/** Runs `call` with a client for this connection; core's errors become z.errors.* errors. */
export async function withClient<T>(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  call: (client: ClassifailyClient) => Promise<T>,
): Promise<T> {
  try {
    return await call(clientFor(z, bundle));
  } catch (error) {
    throw zapierErrorFrom(z, error);
  }
}
