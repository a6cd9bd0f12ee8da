// What counts as "this machine": parsed addresses, never a textual prefix (`127.evil.example` and
// `127.0.0.1.nip.io` are DNS names anyone can point anywhere).
import { BlockList, isIP } from 'node:net';

// Built on first use: creating a BlockList loads two more of Node's internal modules, a cost every
// command would pay at start-up for a check most runs never make.
let loopback: BlockList | undefined;
function loopbackList(): BlockList {
  if (!loopback) {
    loopback = new BlockList();
    loopback.addSubnet('127.0.0.0', 8, 'ipv4');
    loopback.addAddress('::1', 'ipv6');
  }
  return loopback;
}

/**
 * True for 127.0.0.0/8, ::1 (any spelling), IPv4-mapped ::ffff:127.x and the name `localhost`.
 * Accepts a bracketed IPv6 host as URL.hostname gives it ("[::1]").
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  const family = isIP(h);
  if (family === 0) return false;
  // BlockList.check maps ::ffff:a.b.c.d onto the IPv4 rules.
  return loopbackList().check(h, family === 4 ? 'ipv4' : 'ipv6');
}
