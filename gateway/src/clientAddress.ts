import { BlockList, isIP } from 'node:net';

/** `1.2.3.4` for `::ffff:1.2.3.4`, so that a client has one address whichever way it connected. */
const normalise = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/**
 * Checks one `TRUSTED_PROXIES` entry: an IPv4 or IPv6 address, or a CIDR block (`10.0.0.0/8`,
 * `fd00::/8`). Returns what is wrong with it, or null.
 */
export function proxyEntryProblem(entry: string): string | null {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return `"${entry}" is not an IP address or CIDR block`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const max = family === 4 ? 32 : 128;
  return /^\d+$/.test(prefix) && bits <= max ? null : `"${entry}" has a prefix length outside 0..${max}`;
}

/** Resolves the address of the client behind a request, trusting `X-Forwarded-For` only from the listed proxies. */
export interface ClientAddressResolver {
  /** Whether `address` is one of the trusted proxies (also Express's `trust proxy` predicate). */
  isTrusted(address: string): boolean;
  /**
   * The client's address: the socket's peer, unless that peer is a trusted proxy; then the right-most
   * `X-Forwarded-For` entry that is not itself a trusted proxy (the left part is written by the client
   * and proves nothing). An entry that is not an address stops the walk at the proxy that passed it on.
   */
  resolve(peer: string | undefined, forwardedFor: string | string[] | undefined): string | undefined;
}

/** A resolver over `TRUSTED_PROXIES` entries (checked with `proxyEntryProblem`); none trusts no header. */
export function clientAddressResolver(trustedProxies: readonly string[]): ClientAddressResolver {
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(prefix), family);
  }
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return trustedProxies.length > 0 && family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  return {
    isTrusted,
    resolve(peer, forwardedFor) {
      if (!peer) return undefined;
      let client = normalise(peer);
      if (!isTrusted(client) || !forwardedFor) return client;
      const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(normalise);
      for (let i = hops.length - 1; i >= 0 && isTrusted(client); i--) {
        if (!isIP(hops[i])) break;
        client = hops[i];
      }
      return client;
    },
  };
}
