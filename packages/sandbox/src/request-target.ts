// A request line may carry its target in absolute form (`GET http://host/v1/me HTTP/1.1`, RFC 9112
// §3.2.2), and a server must accept it. Fastify routes such a request by its path, so every check
// that reads the path (auth, rate limit, faults, counters, idempotency fingerprints) reads the
// origin form too, or a request would reach a route without them (decision 0113).
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)(.*)$/i;

/** `/v1/me?x=1` for both `/v1/me?x=1` and `http://host/v1/me?x=1`. */
export function originForm(url: string): string {
  if (url.startsWith('/')) return url;
  const match = ABSOLUTE.exec(url);
  if (!match) return url;
  const rest = match[2]!;
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The host an absolute-form target names (it overrides the Host header), else undefined. */
export function targetAuthority(url: string): string | undefined {
  if (url.startsWith('/')) return undefined;
  return ABSOLUTE.exec(url)?.[1]?.replace(/^[^@]*@/, '');
}
