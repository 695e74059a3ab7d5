// Core's client over Zapier's z.request (`clientFor` passes `zapierFetch(z)` as the client's `fetch`),
// so that every request runs Zapier's middleware: our beforeRequest (the Bearer header), Zapier's
// HTTP logging with authData censored, and its request timeout handling.
import { nodeResponse, type FetchLike, type NodeAnswer } from '@classifaily/core';
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
type RawRequestOptions = HttpRequestOptions & {
  url: string;
  skipThrowForStatus: true;
  throwForThrottlingEarly: false;
  merge: false;
  raw: true;
};

type Method = NonNullable<HttpRequestOptions['method']>;
const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);

export function zapierFetch(z: ZObject): FetchLike {
  return async (url, init) => {
    const method = init.method.toUpperCase();
    if (!METHODS.has(method)) throw new TypeError(`Unsupported HTTP method ${init.method}`);
    const options: RawRequestOptions & { signal?: AbortSignal; redirect: 'manual' | 'follow' } = {
      url,
      method: method as Method,
      headers: init.headers,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      merge: false,
      // The answer as it arrives (node-fetch's Response, its body a Node stream), so that core's
      // reader reads it: no further than core allows (decision 0009), and given up after a
      // silence mid-body (0019) instead of node-fetch waiting out the attempt's whole timeout.
      raw: true,
      // z.request hands these to node-fetch 2, which honours an AbortSignal and a timeout (ms).
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.signal ? { signal: init.signal } : {}),
      ...(init.timeout === undefined ? {} : { timeout: init.timeout }),
      // A 3xx comes back as it is, so that core decides where the key and the texts may go (0008).
      redirect: init.redirect ?? 'follow',
    };
    // node-fetch 2's Response: its status, URL, headers and body stream, read by core's reader.
    return nodeResponse((await z.request(options)) as unknown as NodeAnswer, init);
  };
}
