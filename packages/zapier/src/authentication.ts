// The connection: one API key (a password field, so Zapier stores it encrypted and censors it in
// logs), tested by core's connection test (GET /v1/me; where the API has none, a classification it
// must refuse, decision 0036), labelled with the account and key name when /v1/me told them. Label, help text and the
// label rule come from core's catalog (`catalog.credential`). The catalog's Base URL field is not
// shown: Zapier has no advanced connection fields, and the published app only talks to the real
// API (development points it at the sandbox with CLASSIFAILY_BASE_URL; see client.ts, 0304).
import { catalog, type Me } from '@classifaily/core';
import type { AuthField, Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { withClient } from './client';
import { toInputField } from './fields';

/** The catalog's key field under Zapier's usual snake_case key (authData_api_key in .env for invoke). */
const apiKeyField = toInputField(catalog.fields.apiKey, { key: 'api_key' }) as AuthField;

/** What the test hands Zapier: the account (when /v1/me answered) and core's label of the key. */
const test = (z: ZObject, bundle: Bundle): Promise<Partial<Me> & { label: string }> =>
  withClient(z, bundle, 'authentication', async ({ client }) => {
    const result = await client.testConnection();
    return { ...(result.via === 'me' ? result.me : {}), label: result.label };
  });

/**
 * "Acme Support (Zapier, test mode)": core's label of the tested key (the account and the key's
 * name, never the key itself; the connection's label where the API did not say whose key it is).
 */
const connectionLabel = async (_z: ZObject, bundle: Bundle) =>
  String(bundle.inputData.label ?? catalog.service.name);

export default {
  type: 'custom',
  fields: [apiKeyField],
  test,
  connectionLabel,
} satisfies Authentication;
