// beforeRequest middleware: the Bearer header on every request to this connection's API.
// Zapier runs it on each z.request, so its HTTP logging (which censors authData values) applies.
import type { BeforeRequestMiddleware } from 'zapier-platform-core';

import { resolveBaseUrl } from './base-url';

export const addBearerToken: BeforeRequestMiddleware = (request, _z, bundle) => {
  const key = typeof bundle.authData?.api_key === 'string' ? bundle.authData.api_key.trim() : '';
  if (key === '' || !isForApi(request.url, bundle.authData.base_url)) return request;
  request.headers = { ...request.headers, Authorization: `Bearer ${key}` };
  return request;
};

// The key only goes to the configured API, never to another host a request might name.
function isForApi(url: string, baseUrl: unknown): boolean {
  let base: string;
  try {
    base = resolveBaseUrl(baseUrl);
  } catch {
    return false;
  }
  return url === base || url.startsWith(`${base}/`);
}
