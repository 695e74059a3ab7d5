// beforeRequest middleware: the Bearer header on every request to this connection's API.
// Zapier runs it on each z.request, so its HTTP logging (which censors authData values) applies.
// (core's client sets the same header; this keeps any plain z.request of the app authenticated.)
import { DEFAULT_BASE_URL, normalizeBaseUrl } from '@classifaily/core';
import type { BeforeRequestMiddleware } from 'zapier-platform-core';

export const addBearerToken: BeforeRequestMiddleware = (request, _z, bundle) => {
  const key = typeof bundle.authData?.api_key === 'string' ? bundle.authData.api_key.trim() : '';
  if (key === '' || !isForApi(request.url, bundle.authData.base_url)) return request;
  request.headers = { ...request.headers, Authorization: `Bearer ${key}` };
  return request;
};

// The key only goes to the configured API, never to another host a request might name.
function isForApi(url: string | undefined, baseUrl: unknown): boolean {
  let base: string;
  try {
    const raw = typeof baseUrl === 'string' && baseUrl.trim() !== '' ? baseUrl : DEFAULT_BASE_URL;
    base = normalizeBaseUrl(raw);
  } catch {
    return false;
  }
  return url !== undefined && (url === base || url.startsWith(`${base}/`));
}
