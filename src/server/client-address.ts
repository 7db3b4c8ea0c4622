/**
 * The address a request comes from, for the per-address limits (join-code guessing, request rates,
 * sockets and joins per address). Behind a load balancer every connection comes from the proxy, so
 * one class would share one budget. With TRUST_PROXY (a list of proxy addresses and CIDR ranges)
 * the server reads X-Forwarded-For, but only from a peer in that list: walking the header from the
 * right (the hop nearest this server), every trusted proxy is skipped and the first address that
 * is not one is the client. A header sent by anyone else is ignored, so it cannot be forged to get
 * a fresh budget. HTTP and the WebSocket upgrade use the same function.
 */
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  /** True when `address` is one of the proxies. */
  has(address: string): boolean;
  /** The list as given, for messages. */
  readonly text: string;
}

export type ProxyListAnswer = { ok: true; proxies: TrustedProxies | null } | { ok: false; message: string };

/** IPv4 written as IPv6 (::ffff:10.0.0.1, how a dual-stack socket reports it) is the IPv4 address. */
function plain(address: string): string {
  const lower = address.trim().toLowerCase();
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/** One entry of X-Forwarded-For without a port or brackets ("[2001:db8::1]:443", "10.0.0.1:5000"). */
function hop(entry: string): string {
  const e = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(e);
  if (bracketed !== null) return plain(bracketed[1]!);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(e);
  return plain(withPort === null ? e : withPort[1]!);
}

/**
 * Reads TRUST_PROXY: addresses and CIDR ranges, separated by commas or spaces (e.g.
 * "10.0.0.0/8, 192.168.1.5, fd00::/8"). Empty or unset: no proxy is trusted (null).
 */
export function parseTrustedProxies(text: string | undefined): ProxyListAnswer {
  const entries = (text ?? '').split(/[\s,]+/).filter((e) => e !== '');
  if (entries.length === 0) return { ok: true, proxies: null };
  const list = new BlockList();
  const bad: string[] = [];
  for (const entry of entries) {
    const [base = '', bits, extra] = entry.split('/');
    const address = plain(base);
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (family === 0 || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits))) {
      bad.push(`"${entry}"`);
      continue;
    }
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  if (bad.length > 0) return { ok: false, message: `TRUST_PROXY must list IP addresses or CIDR ranges (like 10.0.0.0/8 or fd00::/8), separated by commas; these are not: ${bad.join(', ')}` };
  return {
    ok: true,
    proxies: {
      text: entries.join(', '),
      has(address) {
        const a = plain(address);
        const family = isIP(a);
        return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
      },
    },
  };
}

/**
 * The client's address: the connection's peer, or, when the peer is a trusted proxy, the right-most
 * address in X-Forwarded-For that is not a trusted proxy (the left-most one when all are). An entry
 * that is not an address ends the walk at the last hop that was.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxies: TrustedProxies | null): string {
  const direct = peer === undefined ? 'unknown' : plain(peer);
  if (proxies === null || forwardedFor === undefined || !proxies.has(direct)) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(hop).filter((h) => h !== '');
  let client = direct;
  for (let i = hops.length - 1; i >= 0; i--) {
    const next = hops[i]!;
    if (isIP(next) === 0) break;
    client = next;
    if (!proxies.has(next)) break;
  }
  return client;
}

/** The same for a Node request (the HTTP routes' and the WebSocket upgrade's). */
export function requestAddress(req: { readonly socket?: { readonly remoteAddress?: string | undefined }; readonly headers?: { readonly [name: string]: string | string[] | undefined } }, proxies: TrustedProxies | null): string {
  return clientAddress(req.socket?.remoteAddress, req.headers?.['x-forwarded-for'], proxies);
}
