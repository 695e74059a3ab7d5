import {
  ClassifailyClient,
  normalizeApiKey,
  readChunks,
  type FetchLike,
  type FetchLikeInit,
  type FetchLikeResponse,
} from '@classifaily/core';
import {
  sleep,
  type ICredentialDataDecryptedObject,
  type IDataObject,
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
    sleep: abortableSleep,
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
 * `readBody` while its body arrives.
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
      // n8n wraps network failures in a NodeApiError; core needs only the network code (ECONNREFUSED,
      // ETIMEDOUT...) to tell a timeout from a refused connection. Nothing else of it is kept.
      throw Object.assign(new Error('request failed'), { code: networkCode(error) });
    }
    const headers = lowerCaseKeys(response.headers);
    const body: unknown = response.body;
    // Core reads no body it refuses (a redirect elsewhere): a late error on that stream (n8n's
    // cancel, a reset) must not be an uncaught one. A body that is read sees its errors anyway.
    if (isStream(body)) body.on('error', () => undefined);
    return {
      status: response.statusCode,
      headers: { get: (name) => headers[name.toLowerCase()] ?? null },
      text: () => readBody(body, init),
    };
  };
}

/** A Node stream as n8n hands it with `encoding: 'stream'` (axios's response stream). */
interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: unknown): void;
  on(event: 'error', listener: () => void): unknown;
}

function isStream(body: unknown): body is BodyStream {
  const b = body as Partial<BodyStream> | null | undefined;
  return typeof b?.destroy === 'function' && typeof b[Symbol.asyncIterator] === 'function';
}

/**
 * The body's text, read by core's reader (at most `maxResponseBytes` decoded bytes, failing after
 * a silence mid-body; axios has already undone any gzip), given up when core's signal fires:
 * axios's own timeout ends with the headers. A body that is not a stream (an n8n evaluation's
 * mocked answer) is taken as it is.
 */
async function readBody(body: unknown, init: FetchLikeInit): Promise<string> {
  if (!isStream(body)) return bodyText(body);
  const { signal } = init;
  const stop = () => body.destroy(signal?.reason);
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  try {
    const chunks = body[Symbol.asyncIterator]();
    const read = init.readBody ?? ((c) => readChunks(c, { maxBytes: init.maxResponseBytes }));
    return await read({ next: () => chunks.next(), stop: () => body.destroy() });
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** n8n-workflow's `sleep` (a node's bundle may not use timers), ended early by the signal. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    void sleep(ms).then(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    });
  });
}

function networkCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : e?.code;
  return typeof code === 'string' ? code : undefined;
}

function lowerCaseKeys(headers: IDataObject | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) out[key.toLowerCase()] = String(value);
  }
  return out;
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === undefined || body === null) return '';
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return JSON.stringify(body);
}
