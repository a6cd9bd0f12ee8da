// Can this machine reach the gateway at all: a valid URL, something listening, a handshake that ends.
import { defineCheck } from '../../src/engine/check.js';
import { failureDetails, ownerOf, probeEvidence, remoteProbe, shown } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/reachable',
    title: 'The remote gateway is reachable',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway troubleshooting › Remote access',
  },
  detect(facts) {
    const f = facts.remote;
    if (f && !f.ok) return [{ checkId: 'remote/reachable', severity: 'error', message: `The remote probe did not finish: ${shown(f.reason)}.`, cause: 'gateway-unreachable', fixHint: 'Raise --timeout, or check the network path to the gateway' }];
    const p = remoteProbe(facts);
    const e = p?.connect.error;
    if (!p || !e || ownerOf(p) !== 'reachable') return [];
    if (p.invalid) return [{ checkId: 'remote/reachable', severity: 'error', message: `Cannot probe ${shown(p.url)}: ${p.invalid}.`, fixHint: 'Give the gateway as ws://host:port (loopback or a private network) or wss://host (TLS)' }];
    const base = { checkId: 'remote/reachable', evidence: [probeEvidence(p, e)], details: failureDetails(e) };
    if (e.kind === 'unavailable') {
      return [{ ...base, severity: 'warning', cause: 'gateway-starting', message: `The gateway at ${p.url} answers but is not ready yet ("${shown(e.message)}").`, fixHint: 'Check again in a few seconds; if it stays, read its log on the gateway host: `openclaw logs --follow`' }];
    }
    const why =
      e.kind === 'refused'
        ? 'nothing is listening there (connection refused)'
        : e.kind === 'timeout'
          ? 'it did not answer in time'
          : `the connection failed: ${shown(e.message)}`;
    return [{ ...base, severity: 'error', cause: 'gateway-unreachable', message: `The gateway at ${p.url} is not reachable: ${why}.`, fixHint: 'On the gateway host: `openclaw gateway status`; from here, check DNS, firewall and the port' }];
  },
});
