import { catalog, ClassifailyError, formatError, normalizeApiKey } from '@classifaily/core';
import type {
  ICredentialDataDecryptedObject,
  Icon,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  INodeProperties,
} from 'n8n-workflow';

import { credentialBaseUrl } from '../nodes/Classifaily/credential';
import { fieldProperty } from '../nodes/Classifaily/fields';

const { credential } = catalog;

/** The statuses a client would follow to the Location; n8n's test rules match one status each. */
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

// Labels, help texts and defaults come from @classifaily/core's catalog. n8n applies the key through
// `authenticate`, on the credential test and on every node request, with core's rules for what a
// key is and where it may be sent (nodes/Classifaily/credential.ts); core's client runs with `auth: 'transport'`
// and never sees the key.
export class ClassifailyApi implements ICredentialType {
  name = 'classifailyApi';

  displayName = credential.label;

  icon: Icon = {
    light: 'file:../icons/classifaily.svg',
    dark: 'file:../icons/classifaily.dark.svg',
  };

  // The guide's "Get an API key" section: where the key is made and where it goes in n8n.
  documentationUrl = catalog.service.keyGuides.n8n;

  properties: INodeProperties[] = credential.fields.map((field) => fieldProperty(field));

  /**
   * Called by n8n for every request sent with this credential, the test included. It adds the key,
   * and only to a URL under the credential's own base URL (a relative one, like the test's, is put
   * under it), so that the key never goes where core's rule does not allow. A refusal is an error
   * worded by core's formatError: what n8n shows under a failed credential test.
   */
  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    request: IHttpRequestOptions,
  ): Promise<IHttpRequestOptions> {
    let apiKey: string;
    let base: string;
    try {
      apiKey = normalizeApiKey(credentials.apiKey);
      base = credentialBaseUrl(credentials);
    } catch (error) {
      if (error instanceof ClassifailyError) throw new Error(formatError(error));
      throw error;
    }
    const url = request.url.startsWith('/') ? `${base}${request.url}` : request.url;
    if (!url.startsWith(`${base}/`))
      throw new Error(`The Classifaily key is only sent to ${base}.`);
    return { ...request, url, headers: { ...request.headers, Authorization: `Bearer ${apiKey}` } };
  }

  test: ICredentialTestRequest = {
    // Core's test request, one schema read (decision 0038): it bills nothing, and where the API
    // lacks /v1/me it still answers 401 to a wrong key and 2xx to a good one. Relative:
    // `authenticate` puts it under the credential's base URL, after core's checks. n8n would follow
    // a redirect anywhere and, by default, copy the key there; the test leaves any 3xx unfollowed,
    // which fails it (decision 0236).
    request: {
      url: credential.testUrl,
      method: credential.testRequest.method,
      disableFollowRedirect: true,
    },
    // n8n passes these rules the answer's status, not its body (decision 0222): a refused key names
    // both a mistyped and a revoked key; a redirect says it was not followed and what to check.
    rules: [
      {
        type: 'responseCode',
        properties: { value: 401, message: credential.keyRejectedMessage },
      },
      ...REDIRECT_STATUSES.map((value) => ({
        type: 'responseCode' as const,
        properties: { value, message: credential.redirectMessage },
      })),
    ],
  };
}
