import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach (server-side request forgery): loopback, private, shared (CGNAT),
 * link-local (which holds the cloud metadata service at 169.254.169.254), unique-local, multicast and
 * reserved ranges, IPv4-mapped and NAT64 forms of them included.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

// Names that mean "this machine" or the metadata service whatever DNS says.
const BLOCKED_NAMES = [/^localhost$/i, /\.localhost$/i, /^metadata\.google\.internal$/i, /^metadata$/i];

/** True when a literal IP address (v4 or v6) is one a webhook may not reach. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const embedded = embeddedIpv4(address.toLowerCase());
  if (embedded) return blocked.check(embedded, 'ipv4');
  return blocked.check(address, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), compatible or NAT64 (64:ff9b::) IPv6 one. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(address);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = parseInt(match[2]!, 16);
  const low = parseInt(match[3]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** The host of a URL without IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Why a webhook URL is refused by its literal host, or null when it may be registered. A host name
 * passes here; its addresses are checked again each time it is resolved (see safe-lookup.ts).
 */
export function literalHostProblem(url: URL): string | null {
  const host = bareHost(url);
  if (isIP(host)) return isForbiddenAddress(host) ? `${host} is a loopback, private, link-local or reserved address` : null;
  if (BLOCKED_NAMES.some((pattern) => pattern.test(host.replace(/\.$/, '')))) return `${host} names this machine or a metadata service`;
  return null;
}
