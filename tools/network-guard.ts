/**
 * The network guard: every URL the crawler (or the browser it drives) wants to reach is resolved
 * and checked here first. Crawled pages are hostile input, and a link or redirect to
 * `http://169.254.169.254/` or `http://10.0.0.5/admin` must never turn our crawler into a proxy
 * into the network it runs in. Only public unicast addresses pass, unless a host, address or
 * CIDR was explicitly allowed (tests and the demo allow 127.0.0.1).
 *
 * DNS rebinding: a host can resolve to a public address when we check it and to a private one a
 * moment later when the socket connects. `connectLookup` closes that gap for plain HTTP: it is
 * handed to the HTTP client as the socket's `lookup`, so the addresses actually connected to are
 * checked again at connect time. The browser never connects by itself (every request it makes is
 * fulfilled through the guarded HTTP client), so the same check covers it.
 */
import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

export type GuardVerdict = { allowed: true; address: string } | { allowed: false; reason: string };

/** Resolves a host name to all its addresses; swappable so tests can script DNS answers. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export interface NetworkGuardOptions {
  /** Hosts, IP addresses or CIDR ranges that may be reached even though they are not public. */
  allowPrivateHosts: readonly string[];
  /** DNS resolution; defaults to `dns.lookup` with `all: true` (the system resolver, /etc/hosts included). */
  resolveHost?: ResolveHost;
}

/** The `lookup` signature `net.connect` accepts. */
export type ConnectLookup = (
  hostname: string,
  options: dns.LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface NetworkGuard {
  /** Checks a URL before any connection is made: scheme, host resolution, every resolved address. */
  check(url: string): Promise<GuardVerdict>;
  /** Checks one address reached through `hostname` (used at connect time). */
  checkAddress(address: string, hostname: string): GuardVerdict;
  /** A `net.connect` lookup that re-applies the guard to the addresses actually connected to. */
  connectLookup: ConnectLookup;
}

/** Plain-language names for the ipaddr.js ranges we refuse. */
const rangeDescriptions: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address (this range holds cloud metadata services)',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a unique-local IPv6 address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
};

const defaultResolveHost: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Host part of a URL without IPv6 brackets, lower-cased. */
export function hostnameOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

type AllowEntry = { kind: 'host'; host: string } | { kind: 'cidr'; range: [ipaddr.IPv4 | ipaddr.IPv6, number] };

function parseAllowEntries(entries: readonly string[]): AllowEntry[] {
  return entries.map((raw): AllowEntry => {
    const entry = raw.trim().toLowerCase().replace(/^\[|\]$/g, '');
    if (entry.includes('/')) {
      try {
        return { kind: 'cidr', range: ipaddr.parseCIDR(entry) };
      } catch {
        return { kind: 'host', host: entry };
      }
    }
    if (ipaddr.isValid(entry)) {
      const parsed = ipaddr.process(entry);
      return { kind: 'cidr', range: [parsed, parsed.kind() === 'ipv4' ? 32 : 128] };
    }
    return { kind: 'host', host: entry };
  });
}

function addressMatches(address: ipaddr.IPv4 | ipaddr.IPv6, range: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean {
  const [network, bits] = range;
  if (address.kind() !== network.kind()) return false;
  return address.match(network as never, bits);
}

/** Builds a guard for one crawl; cheap, holds no connections. */
export function createNetworkGuard(options: NetworkGuardOptions): NetworkGuard {
  const allowEntries = parseAllowEntries(options.allowPrivateHosts);
  const resolveHost = options.resolveHost ?? defaultResolveHost;

  const hostIsAllowed = (hostname: string): boolean =>
    allowEntries.some((entry) => entry.kind === 'host' && entry.host === hostname);

  const checkAddress = (rawAddress: string, hostname: string): GuardVerdict => {
    if (!ipaddr.isValid(rawAddress)) return { allowed: false, reason: `${hostname} resolved to "${rawAddress}", which is not an IP address` };
    // process() turns IPv4-mapped IPv6 (::ffff:10.0.0.1) into the IPv4 address it hides.
    const address = ipaddr.process(rawAddress);
    const normalised = address.toString();
    if (hostIsAllowed(hostname)) return { allowed: true, address: normalised };
    if (allowEntries.some((entry) => entry.kind === 'cidr' && addressMatches(address, entry.range))) {
      return { allowed: true, address: normalised };
    }
    const range = address.range();
    if (range === 'unicast') return { allowed: true, address: normalised };
    const description = rangeDescriptions[range] ?? `a non-public address (${range})`;
    const via = hostname === normalised ? '' : ` (resolved from ${hostname})`;
    return {
      allowed: false,
      reason: `${normalised}${via} is ${description}; add it to the allowed private hosts if this crawl should reach it`,
    };
  };

  const check = async (rawUrl: string): Promise<GuardVerdict> => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { allowed: false, reason: `"${rawUrl}" is not a valid URL` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { allowed: false, reason: `${url.protocol} URLs are not fetched over the network (only http and https)` };
    }
    const hostname = hostnameOf(url);
    if (ipaddr.isValid(hostname)) return checkAddress(hostname, hostname);
    let addresses: LookupAddress[];
    try {
      addresses = await resolveHost(hostname);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed';
      return { allowed: false, reason: `could not resolve ${hostname} (${code})` };
    }
    if (addresses.length === 0) return { allowed: false, reason: `${hostname} has no addresses` };
    // Refuse when any address is refused: the connection may use any of them.
    let first: GuardVerdict | undefined;
    for (const { address } of addresses) {
      const verdict = checkAddress(address, hostname);
      if (!verdict.allowed) return verdict;
      first ??= verdict;
    }
    return first!;
  };

  const connectLookup: ConnectLookup = (hostname, lookupOptions, callback) => {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    resolveHost(host).then(
      (addresses) => {
        const wanted = addresses.filter((entry) => !lookupOptions.family || lookupOptions.family === entry.family);
        for (const { address } of wanted) {
          const verdict = checkAddress(address, host);
          if (!verdict.allowed) {
            const error: NodeJS.ErrnoException = new Error(`refused by network guard at connect time: ${verdict.reason}`);
            error.code = 'ERR_NETWORK_GUARD';
            callback(error, '');
            return;
          }
        }
        if (wanted.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`could not resolve ${host}`);
          error.code = 'ENOTFOUND';
          callback(error, '');
          return;
        }
        if (lookupOptions.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };

  return { check, checkAddress, connectLookup };
}
