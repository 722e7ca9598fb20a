// Where a webhook may be sent (SSRF): an http(s) URL whose host resolves only to public addresses.
// Loopback, private, link-local, carrier-grade NAT, documentation, multicast and reserved ranges
// are refused unless the operator allows them (PONTE_WEBHOOKS_ALLOW_PRIVATE, for tests and
// on-premise installs). The check runs when an endpoint is added and again at every delivery, in
// the connection's own DNS lookup, so a name that later resolves to an internal address (DNS
// rebinding) is refused too: the address checked is the address connected to.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True when `ip` (an IPv4 or IPv6 literal) is one webhooks may not reach by default. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped and IPv4-compatible forms reach the IPv4 address they carry.
  const mapped = /^(?:::ffff:(?:0:)?|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] !== undefined) return blocked.check(mapped[1], 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (hexMapped?.[1] !== undefined && hexMapped[2] !== undefined) {
    const hi = parseInt(hexMapped[1], 16);
    const lo = parseInt(hexMapped[2], 16);
    return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return blocked.check(ip, 'ipv6');
}

export class WebhookAddressError extends Error {}

/** The URL parsed, or why it cannot be a webhook endpoint (scheme, credentials). */
export function parseWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookAddressError('the webhook URL is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebhookAddressError('the webhook URL must be http:// or https://');
  }
  if (url.username !== '' || url.password !== '') {
    throw new WebhookAddressError('the webhook URL must not carry credentials (the signature authenticates)');
  }
  if (url.hash !== '') throw new WebhookAddressError('the webhook URL must not have a #fragment');
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refuse(host: string, address: string): WebhookAddressError {
  return new WebhookAddressError(
    `the webhook host ${host} resolves to ${address}, a private, loopback or reserved address: refused (PONTE_WEBHOOKS_ALLOW_PRIVATE=true allows it)`,
  );
}

/** Resolves the URL's host and checks every address it has; throws WebhookAddressError. */
export async function checkWebhookUrl(text: string, allowPrivate: boolean): Promise<URL> {
  const url = parseWebhookUrl(text);
  if (allowPrivate) return url;
  const host = hostOf(url);
  if (isIP(host) !== 0) {
    if (isPrivateAddress(host)) throw refuse(host, host);
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
      dnsLookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
    );
  } catch (error) {
    throw new WebhookAddressError(`the webhook host ${host} does not resolve: ${(error as Error).message}`);
  }
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw refuse(host, bad.address);
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for the connection (net.connect's option): resolves every address and fails the
 * connection when any is private, so what is checked is what is connected to. IP literals never
 * reach a lookup: checkWebhookUrl checks them before the request.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(refuse(hostname, bad.address), { code: 'EPRIVATE' }), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
