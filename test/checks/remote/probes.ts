// Hand-made remote probe facts, one per situation `doctor --remote` tells apart; each remote check
// must fail on its own and stay quiet on all the others (each failure is explained by one check).
import type { RemoteProbe } from '../../../src/client/remote-probe.js';
import type { ProbeFailure } from '../../../src/client/types.js';
import type { Facts } from '../../../src/facts/types.js';

function probe(over: Partial<RemoteProbe> = {}): RemoteProbe {
  return {
    url: 'wss://gw.example.com',
    scheme: 'wss',
    host: 'gw.example.com',
    loopback: false,
    credential: 'token',
    withheld: false,
    connect: { ok: true, rpcOk: true, protocol: 4, serverVersion: '2026.9.6', authMode: 'token' },
    health: { ok: true },
    origin: { origin: 'https://gw.example.com', allowed: true },
    durationMs: 5,
    ...over,
  };
}

const failed = (error: ProbeFailure, over: Partial<RemoteProbe> = {}) => probe({ connect: { ok: false, rpcOk: false, error }, health: undefined, ...over });
const plain = { url: 'ws://10.0.0.5:18789', scheme: 'ws' as const, host: '10.0.0.5' };
const facts = (p: RemoteProbe): Facts => ({ remote: { ok: true, value: p } }) as Facts;

export const PROBES: Record<string, Facts> = {
  'healthy over TLS': facts(probe()),
  'ws:// on loopback': facts(probe({ ...plain, host: '127.0.0.1', loopback: true, url: 'ws://127.0.0.1:18789' })),
  'ws:// off loopback, secret kept back': facts(probe({ ...plain, withheld: true })),
  'ws:// off loopback, no secret': facts(probe({ ...plain, credential: 'none' })),
  'self-signed certificate': facts(failed({ kind: 'error', message: 'DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate' })),
  'connection refused': facts(failed({ kind: 'refused', message: 'connection refused' })),
  'gateway starting': facts(failed({ kind: 'unavailable', message: 'gateway starting; retry shortly' })),
  'invalid URL': facts(failed({ kind: 'error', message: 'invalid' }, { invalid: 'the scheme http: is not ws: or wss:' })),
  'probe timed out': { remote: { ok: false, reason: 'remote did not answer within 5000 ms' } } as Facts,
  'token mismatch': facts(failed({ kind: 'auth', message: 'unauthorized', code: 'AUTH_TOKEN_MISMATCH', errorCode: 'INVALID_REQUEST' })),
  'control characters from the peer': facts(failed({ kind: 'auth', message: 'bad\u001b[31m\nline', code: 'AUTH_WEIRD' })),
  'open gateway': facts(probe({ connect: { ok: true, rpcOk: true, protocol: 4, authMode: 'none' } })),
  'protocol mismatch': facts(failed({ kind: 'protocol', message: 'protocol mismatch', expectedProtocol: 5 })),
  'pairing required': facts(failed({ kind: 'pairing', message: 'pairing required', code: 'PAIRING_REQUIRED', requestId: 'r1' })),
  'pairing pending, worked around': facts(probe({ pairing: { kind: 'pairing', message: 'pairing required', requestId: 'req-42' } })),
  'health RPC failed': facts(probe({ connect: { ok: true, rpcOk: false, protocol: 4, error: { kind: 'rpc', message: 'health failed' } } })),
  'unhealthy gateway': facts(probe({ health: { ok: false } })),
  'older gateway': facts(probe({ connect: { ok: true, rpcOk: true, protocol: 3, serverVersion: '2026.4.2' } })),
  'Control UI origin refused': facts(
    probe({ origin: { origin: 'https://gw.example.com', allowed: false, failure: { kind: 'origin', message: 'origin not allowed', code: 'CONTROL_UI_ORIGIN_NOT_ALLOWED' } } }),
  ),
};

/** The probe situations a remote check must stay quiet on: all but the ones it fails on. */
export const quietOnProbes = (failing: string[]) => Object.keys(PROBES).filter((n) => !failing.includes(n));
