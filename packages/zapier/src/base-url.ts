// Where a connection's requests go. The default is the hosted API; a user may point the app at
// another https origin, or at a sandbox on this machine over plain http (nowhere else: the key
// would travel in clear text).
export const DEFAULT_BASE_URL = 'https://api.classifaily.com';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export class BaseUrlError extends Error {
  override name = 'BaseUrlError';
}

/** The normalised base URL (no trailing slash), or a BaseUrlError that says what to fix. */
export function resolveBaseUrl(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BaseUrlError(
      `The base URL "${text}" is not a URL. Leave it empty for ${DEFAULT_BASE_URL}.`,
    );
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!secure && !local) {
    throw new BaseUrlError(
      `The base URL must start with https:// (plain http:// is accepted only for localhost), got "${url.protocol}//${url.host}".`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new BaseUrlError('The base URL must not contain credentials, a query or a fragment.');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The absolute URL of an API path (`/v1/me`) for this connection. */
export function apiUrl(authData: Record<string, unknown>, path: string): string {
  return resolveBaseUrl(authData.base_url) + path;
}
