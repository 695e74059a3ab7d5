// Which Host names the /v1 API answers (decision 0114). A web page can rebind a name it controls
// (evil.example) to 127.0.0.1 and then call the sandbox with the published test key from the
// user's browser; its requests still carry `Host: evil.example`. So /v1 answers only the loopback
// names, the name the sandbox listens on (--host), and names given with --allow-host.
import { hostname, networkInterfaces } from 'node:os';

// Loopback addresses, IPv4-mapped ones included (`[::ffff:127.0.0.1]`, which URL parsers write as
// `[::ffff:7f00:1]`): an address literal cannot be rebound, only a name can.
const LOOPBACK =
  /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[::ffff:(?:127(?:\.\d{1,3}){3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})\])$/;
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** `Example.COM.:8787` → `example.com`; `[::1]:80` → `[::1]`. */
function bareName(host: string): string {
  // A bracketed address is followed by nothing or a port; anything else is no address at all.
  const name = host.startsWith('[')
    ? (/^(\[[^\]]*\])(?::\d*)?$/.exec(host)?.[1] ?? host)
    : host.split(':')[0]!;
  return name.toLowerCase().replace(/\.$/, '');
}

const bracketed = (address: string) => (address.includes(':') ? `[${address}]` : address);

/**
 * A test of a Host header (or an absolute-form target's authority). Listening on every interface
 * (0.0.0.0, ::), the machine's own name and addresses are allowed too.
 */
export function hostAllowList(listenHost: string, extra: string[] = []): (host: string) => boolean {
  const allowed = new Set(extra.map(bareName));
  if (WILDCARD.has(listenHost)) {
    allowed.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const info of list ?? []) allowed.add(bracketed(info.address).toLowerCase());
  } else allowed.add(bareName(bracketed(listenHost.replace(/^\[|\]$/g, ''))));
  return (host) => {
    const name = bareName(host);
    return LOOPBACK.test(name) || allowed.has(name);
  };
}
