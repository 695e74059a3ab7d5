import {
  ClassifailyClient,
  DEFAULT_BASE_URL,
  type FetchLike,
  type FetchLikeResponse,
} from '@classifaily/core';
import {
  sleep,
  type IDataObject,
  type IExecuteFunctions,
  type IHttpRequestMethods,
  type ILoadOptionsFunctions,
  type IN8nHttpFullResponse,
} from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'classifailyApi';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * Core's client on n8n's own HTTP helper: n8n applies the credential (its generic Bearer
 * `authenticate`), its proxy settings and logging; core does retries with backoff, timeouts,
 * idempotency keys and the typed errors. The client never holds the key (`auth: 'transport'`).
 */
export async function classifailyClient(this: Context): Promise<ClassifailyClient> {
  const credentials = await this.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE);
  return new ClassifailyClient({
    auth: 'transport',
    baseUrl: credentials.baseUrl?.trim() || DEFAULT_BASE_URL,
    fetch: n8nFetch(this),
    sleep,
    userAgent: 'n8n-nodes-classifaily',
  });
}

/** A FetchLike over `httpRequestWithAuthentication`: resolves for every status, rejects only when no answer came. */
export function n8nFetch(context: Context): FetchLike {
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
          encoding: 'text',
          json: false,
          returnFullResponse: true,
          ignoreHttpStatusErrors: true,
        },
      )) as IN8nHttpFullResponse;
    } catch (error) {
      // n8n wraps network failures in a NodeApiError; core needs only the network code (ECONNREFUSED,
      // ETIMEDOUT...) to tell a timeout from a refused connection. Nothing else of it is kept.
      throw Object.assign(new Error('request failed'), { code: networkCode(error) });
    }
    const headers = lowerCaseKeys(response.headers);
    return {
      status: response.statusCode,
      headers: { get: (name) => headers[name.toLowerCase()] ?? null },
      text: async () => bodyText(response.body),
    };
  };
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
