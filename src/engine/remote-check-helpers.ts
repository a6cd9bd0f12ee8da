// Shared by the remote/* checks (checks/remote): the remote probe fact, which check owns which
// failure, and evidence whose text (it comes from the peer) has its control characters escaped.
import { fact } from './check-helpers.js';
import type { Evidence, Finding } from './check.js';
import type { ProbeFailure } from '../client/types.js';
import type { RemoteProbe } from '../client/remote-probe.js';
import type { Facts } from '../facts/types.js';

export const remoteProbe = (facts: Facts): RemoteProbe | undefined => fact(facts, 'remote');

/** Text from the peer, with control characters shown as \u escapes (never raw in a terminal). */
export function shown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Failed TLS: certificate, hostname or handshake errors from Node's TLS layer. */
const TLS_FAILURE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO|certificate|altnames|SSL routines/;

export type Owner = 'reachable' | 'tls' | 'auth' | 'pairing' | 'protocol' | 'health';

/** Which remote check explains the probe's failure (each failure is reported once). */
export function ownerOf(p: RemoteProbe): Owner | undefined {
  const e = p.connect.error;
  if (!e) return undefined;
  if (p.connect.ok) return 'health';
  switch (e.kind) {
    case 'auth':
      return 'auth';
    case 'pairing':
      return 'pairing';
    case 'protocol':
      return 'protocol';
    case 'rpc':
      return 'health';
    case 'error':
      return p.scheme === 'wss' && TLS_FAILURE.test(e.message) ? 'tls' : 'reachable';
    default:
      return 'reachable';
  }
}

export function probeEvidence(p: RemoteProbe, e?: ProbeFailure): Evidence {
  // Words only: the codes are in failureDetails (JSON).
  const value = e ? shown(e.message) : undefined;
  return { kind: 'probe', source: p.url, ...(value ? { value } : {}) };
}

/** details for --json: the failure's kind and the gateway's codes. */
export function failureDetails(e: ProbeFailure): Finding['details'] {
  return Object.fromEntries(
    Object.entries({ kind: e.kind, code: e.code ?? e.errorCode, requestId: e.requestId }).filter((kv): kv is [string, string] => typeof kv[1] === 'string'),
  );
}
