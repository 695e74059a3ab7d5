// The connection: an API key (a password field, so Zapier stores it encrypted and censors it in
// logs) and an optional base URL, tested on GET /v1/me, labelled with the account and key name.
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { apiUrl, BaseUrlError, DEFAULT_BASE_URL } from './base-url';
import { failureFromResponse, toZapierError } from './errors';
import type { RawRequestOptions } from './transport';
import { USER_AGENT } from './version';

/** GET /v1/me: who the key belongs to (the wire type `Me` of the OpenAPI contract). */
export interface Me {
  object: 'me';
  account: { id: string; name: string };
  key: { name: string; mode: 'live' | 'test' };
}

const test = async (z: ZObject, bundle: Bundle): Promise<Me> => {
  let url: string;
  try {
    url = apiUrl(bundle.authData, '/v1/me');
  } catch (error) {
    if (error instanceof BaseUrlError)
      throw new z.errors.Error(error.message, 'invalid_base_url', 400);
    throw error;
  }
  // Our own mapping sees every status, 429 included (see RawRequestOptions).
  const options: RawRequestOptions = {
    url,
    method: 'GET',
    headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
    skipThrowForStatus: true,
    throwForThrottlingEarly: false,
    merge: false,
  };
  const response = await z.request<Me>(options);
  if (response.status >= 300) throw toZapierError(z, failureFromResponse(response));
  return response.data;
};

/** "Acme Support – key Zapier (live)": names the account and the key, never the key itself. */
export const connectionLabel = async (
  _z: ZObject,
  bundle: Bundle<Partial<Me>>,
): Promise<string> => {
  const account = bundle.inputData.account?.name ?? 'Classifaily';
  const key = bundle.inputData.key;
  return key ? `${account} – key ${key.name} (${key.mode})` : account;
};

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'Your Classifaily API key. Create one in the Classifaily dashboard under API keys: it starts with `cai_live_` (or `cai_test_` for a test-mode key) and is shown only once.',
    },
    {
      key: 'base_url',
      label: 'Base URL',
      type: 'string',
      required: false,
      helpText: `Leave empty to use ${DEFAULT_BASE_URL}. Set it only for another Classifaily endpoint over https, or for the local sandbox (http://localhost:PORT).`,
    },
  ],
  test,
  connectionLabel,
} satisfies Authentication;
