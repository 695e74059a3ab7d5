import { DEFAULT_BASE_URL, normalizeBaseUrl } from '@classifaily/core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// The Classifaily API credential's rules are core's: what a key is (`normalizeApiKey`: trimmed, a
// pasted "Bearer " removed, a value that cannot be a key refused) and where it may go
// (`normalizeBaseUrl`: https, or plain http to this machine only). The credential's `authenticate`
// and the node's client both use these two functions and nothing else.

export const CREDENTIAL_TYPE = 'classifailyApi';

/** The credential's base URL under core's rule, without a trailing slash; empty means the API's. */
export function credentialBaseUrl(credentials: ICredentialDataDecryptedObject): string {
  const raw = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
  return normalizeBaseUrl(raw || DEFAULT_BASE_URL);
}
