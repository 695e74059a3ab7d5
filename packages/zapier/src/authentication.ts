// The connection: an API key (a password field, so Zapier stores it encrypted and censors it in
// logs) and an optional base URL, tested on GET /v1/me, labelled with the account and key name.
// Labels, help texts and the label rule come from core's catalog (`catalog.credential`).
import { catalog, type Me } from '@classifaily/core';
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { withClient } from './client';
import { toInputField } from './fields';

const [apiKeySpec, baseUrlSpec] = catalog.credential.fields;

const test = (z: ZObject, bundle: Bundle): Promise<Me> =>
  withClient(z, bundle, (client) => client.me());

/** "Acme Support (Zapier, test mode)": names the account and the key, never the key itself. */
export const connectionLabel = async (_z: ZObject, bundle: Bundle): Promise<string> => {
  const me = bundle.inputData as Partial<Me>;
  return me.account && me.key ? catalog.credential.connectionLabel(me as Me) : catalog.service.name;
};

export default {
  type: 'custom',
  // Zapier's usual snake_case keys for the connection (authData_api_key in .env for invoke).
  fields: [
    toInputField(apiKeySpec, { key: 'api_key' }),
    toInputField(baseUrlSpec, { key: 'base_url' }),
  ],
  test,
  connectionLabel,
} satisfies Authentication;
