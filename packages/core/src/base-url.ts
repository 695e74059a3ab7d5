// The one rule for where a key may be sent: https anywhere, plain http only to this machine (the
// sandbox). Core's client enforces it; the adapters use the same function (n8n's credential test,
// Zapier's middleware) or the same pattern (Make's connection field), so the rule is written once.
import { ClassifailyError } from './errors';

export const DEFAULT_BASE_URL = 'https://api.classifaily.com';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for a host name that can only mean this machine. */
function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/** True when a key may be sent to this URL: https, or plain http to this machine. */
export function isAllowedBaseUrl(url: URL, { allowLocalHttp = true } = {}): boolean {
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return allowLocalHttp && url.protocol === 'http:' && isLocalHost(url.hostname);
}

/**
 * The same rule as a regular expression, for platforms that validate a field by pattern (Make's
 * `validate.pattern`). `https` only, or with `allowLocalHttp` also http to localhost / 127.0.0.1 /
 * [::1] / *.localhost. No credentials in the URL, no query or fragment.
 */
export function baseUrlPattern({ allowLocalHttp = false } = {}): string {
  const https = 'https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s?#@]*)?';
  const local =
    'http://(localhost|127\\.0\\.0\\.1|\\[::1\\]|[A-Za-z0-9-]+\\.localhost)(:[0-9]{1,5})?(/[^\\s?#@]*)?';
  return allowLocalHttp ? `^(${https}|${local})$` : `^${https}$`;
}

/** Refuses to send a key in clear text anywhere but to this machine; returns the URL without a trailing slash. */
export function normalizeBaseUrl(raw: string, options: { allowLocalHttp?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ClassifailyError(`"${raw.slice(0, 100)}" is not a valid base URL.`, {
      code: 'invalid_base_url',
      hint: `Leave the base URL empty to use ${DEFAULT_BASE_URL}, or enter a full https:// URL.`,
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new ClassifailyError('The base URL must not contain a user name or password.', {
      code: 'invalid_base_url',
      hint: 'Remove the part before "@" from the base URL; the API key goes in its own field.',
    });
  }
  if (!isAllowedBaseUrl(url, options)) {
    throw new ClassifailyError(`The base URL ${url.origin} is not secure (https).`, {
      code: 'insecure_base_url',
      hint:
        options.allowLocalHttp === false
          ? 'Use an https:// base URL.'
          : 'Use an https:// base URL. Plain http:// is only allowed for localhost (the sandbox).',
    });
  }
  return url.toString().replace(/\/+$/, '');
}
