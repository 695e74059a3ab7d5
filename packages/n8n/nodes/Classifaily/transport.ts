import {
  abortableSleep,
  ClassifailyClient,
  networkFailure,
  nodeResponse,
  normalizeApiKey,
  type FetchLike,
  type FetchLikeResponse,
} from '@classifaily/core';
import {
  sleep,
  type ICredentialDataDecryptedObject,
  type IExecuteFunctions,
  type IHttpRequestMethods,
  type ILoadOptionsFunctions,
  type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, credentialBaseUrl } from './credential';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * Core's client on n8n's own HTTP helper: n8n applies the credential (its `authenticate`), its
 * proxy settings and logging; core does retries with backoff, timeouts, idempotency keys and the
 * typed errors. The client never holds the key (`auth: 'transport'`); a value that cannot be a key
 * is refused here, by core, before anything is sent.
 */
export async function classifailyClient(this: Context): Promise<ClassifailyClient> {
  const credentials = await this.getCredentials(CREDENTIAL_TYPE);
  normalizeApiKey(credentials.apiKey);
  return new ClassifailyClient({
    auth: 'transport',
    baseUrl: credentialBaseUrl(credentials),
    fetch: n8nFetch(this, credentials),
    // n8n-workflow's sleep (a node's bundle may not use timers), ended early by core's signal.
    sleep: abortableSleep(sleep),
    userAgent: 'n8n-nodes-classifaily',
    // What core does, in n8n's log (decision 0020): each request, answer, retry and wait.
    onEvent: (event) => this.logger.debug(`Classifaily: ${event.type}`, { ...event }),
  });
}

/**
 * A FetchLike over `httpRequestWithAuthentication`: resolves for every status, rejects only when no
 * answer came. The credential read for the client is handed to n8n with each request, so that n8n
 * does not read and decrypt it again per request. Core's signal (the caller's cancel and the
 * per-attempt timeout) is n8n's `abortSignal`; where n8n puts the execution's cancel signal in its
 * place, core's timeout still holds through `timeout` until the answer's headers, and through
 * core's body reader (nodeResponse) while its body arrives.
 *
 * n8n would follow a redirect itself, anywhere, re-sending the texts and (by default) the key; and
 * it gives axios no size limit and takes none. So a 3xx comes back as it is, for core to decide
 * (`disableFollowRedirect`: axios's `maxRedirects: 0`), and the body comes as a stream that is read
 * no further than core allows (decision 0235).
 */
export function n8nFetch(
  context: Context,
  credentials?: ICredentialDataDecryptedObject,
): FetchLike {
  const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
  const decrypted =
    credentials && reference?.id
      ? {
          credentialsDecrypted: {
            id: reference.id,
            name: reference.name,
            type: CREDENTIAL_TYPE,
            data: credentials,
          },
        }
      : undefined;
  return async (url, init): Promise<FetchLikeResponse> => {
    let response: IN8nHttpFullResponse;
    try {
      response = (await context.helpers.httpRequestWithAuthentication.call(
        context,
        CREDENTIAL_TYPE,
        {
          url,
          method: init.method as IHttpRequestMethods,
          headers: init.headers,
          body: init.body,
          timeout: init.timeout,
          abortSignal: init.signal,
          disableFollowRedirect: true,
          encoding: 'stream',
          json: false,
          returnFullResponse: true,
          ignoreHttpStatusErrors: true,
        },
        decrypted,
      )) as IN8nHttpFullResponse;
    } catch (error) {
      // n8n wraps network failures in a NodeApiError; core keeps only the network code.
      throw networkFailure(error);
    }
    // axios's answer: its headers a plain object, its body a stream (or, in an n8n evaluation, the
    // mocked answer as it is), read by core's reader and given up when core's signal fires.
    const { statusCode: status, headers, body } = response;
    return nodeResponse({ status, headers, body }, init);
  };
}
