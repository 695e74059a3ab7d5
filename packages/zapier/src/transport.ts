// Core's client over Zapier's z.request (`clientFor` passes `zapierFetch(z)` as the client's `fetch`),
// so that every request runs Zapier's middleware: our beforeRequest (the Bearer header), Zapier's
// HTTP logging with authData censored, and its request timeout handling.
import type { FetchLike } from '@classifaily/core';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

/**
 * z.request options that hand every response back untouched: core reads the status itself and
 * owns retries. `throwForThrottlingEarly: false` matters: since core 18, a 429 otherwise throws
 * ThrottledError inside z.request, before any retry or afterResponse middleware could see it.
 * `merge: false` matters too: with the default `merge: true`, z.request throws (since core 17)
 * when a URL, header or body string contains `{{bundle.…}}` or `{{process.…}}`, so a user's text
 * that happens to contain such a template would fail. We use no requestTemplate to merge.
 * (Both flags work at runtime but are missing from HttpRequestOptions' type.)
 */
export type RawRequestOptions = HttpRequestOptions & {
  url: string;
  skipThrowForStatus: true;
  throwForThrottlingEarly: false;
  merge: false;
};

type Method = NonNullable<HttpRequestOptions['method']>;
const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);

export function zapierFetch(z: ZObject): FetchLike {
  return async (url, init) => {
    const method = init.method.toUpperCase();
    if (!METHODS.has(method)) throw new TypeError(`Unsupported HTTP method ${init.method}`);
    const options: RawRequestOptions & {
      signal?: AbortSignal;
      redirect: 'manual' | 'follow';
      size?: number;
    } = {
      url,
      method: method as Method,
      headers: init.headers,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      merge: false,
      // z.request hands these to node-fetch 2, which honours an AbortSignal and a timeout (ms).
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal ? { signal: init.signal } : {}),
      ...(init.timeout === undefined ? {} : { timeout: init.timeout }),
      // node-fetch 2 options, passed through by z.request: a 3xx comes back as it is, so that core
      // decides where the key and the texts may go (decision 0008); the body is read no further
      // than core allows (decision 0009).
      redirect: init.redirect ?? 'follow',
      ...(init.maxResponseBytes === undefined ? {} : { size: init.maxResponseBytes }),
    };
    let response: Awaited<ReturnType<ZObject['request']>>;
    try {
      response = await z.request(options);
    } catch (error) {
      // node-fetch's FetchError for a body over `size`: core's "answer too large".
      if ((error as { type?: unknown }).type === 'max-size')
        throw Object.assign(new Error('The answer is larger than core allows.'), {
          code: 'answer_too_large',
        });
      throw error;
    }
    return {
      status: response.status,
      headers: { get: (name: string) => response.getHeader(name) ?? null },
      text: async () => response.content,
    };
  };
}
