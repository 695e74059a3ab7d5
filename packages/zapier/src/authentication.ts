// The connection: one API key (a password field, so Zapier stores it encrypted and censors it in
// logs), tested by core's connection test (GET /v1/me; where the API has none, a classification it
// must refuse, decision 0036), labelled with the account and key name when /v1/me told them. Label, help text and the
// label rule come from core's catalog (`catalog.credential`). The catalog's Base URL field is not
// shown: Zapier has no advanced connection fields, and the published app only talks to the real
// API (development points it at the sandbox with CLASSIFAILY_BASE_URL; see client.ts, 0304).
import { catalog, type Me } from '@classifaily/core';
import type { AuthField, Authentication, Bundle, ZObject } from 'zapier-platform-core';

import { withClient } from './client';
import { zapierHelp } from './fields';

const apiKeySpec = catalog.fields.apiKey;

/** Zapier's usual snake_case key (authData_api_key in .env for invoke); a password field. */
const apiKeyField: AuthField = {
  key: 'api_key',
  label: apiKeySpec.label,
  helpText: zapierHelp(apiKeySpec.help),
  required: true,
  type: 'password',
  ...(apiKeySpec.placeholder ? { placeholder: apiKeySpec.placeholder } : {}),
};

/** What the test hands Zapier: the account (when /v1/me answered) and the connection's label. */
type TestResult = Partial<Me> & { label: string };

const test = (z: ZObject, bundle: Bundle): Promise<TestResult> =>
  withClient(z, bundle, 'authentication', async ({ client }) => {
    const result = await client.testConnection();
    return result.via === 'me' ? { ...result.me, label: result.label } : { label: result.label };
  });

/**
 * "Acme Support (Zapier, test mode)": names the account and the key, never the key itself; core's
 * label where the API did not say whose key it is (no /v1/me).
 */
const connectionLabel = async (_z: ZObject, bundle: Bundle): Promise<string> => {
  const tested = bundle.inputData as Partial<TestResult>;
  if (tested.account && tested.key) return catalog.credential.connectionLabel(tested as Me);
  return tested.label ?? catalog.service.name;
};

export default {
  type: 'custom',
  fields: [apiKeyField],
  test,
  connectionLabel,
} satisfies Authentication;
