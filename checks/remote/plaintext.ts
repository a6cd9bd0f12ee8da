// ws:// to a host that is not loopback: the token and every message travel in clear.
import { defineCheck } from '../../src/engine/check.js';
import { remoteProbe } from '../../src/engine/remote-check-helpers.js';

export default defineCheck({
  meta: {
    id: 'remote/plaintext',
    area: 'remote',
    severity: 'error',
    facts: ['remote'],
    fix: 'none',
    docs: 'seeds: Gateway security › Remote access over TLS or a tunnel',
  },
  detect(facts) {
    const p = remoteProbe(facts);
    if (!p || p.invalid || p.scheme !== 'ws' || p.loopback) return [];
    const withSecret = p.credential !== 'none';
    return [
      {
        checkId: 'remote/plaintext',
        severity: withSecret ? 'error' : 'warning',
        message: withSecret
          ? `${p.url} is plain ws:// to ${p.host}, which is not loopback: the ${p.credential} would travel in clear, so the doctor did not send it.`
          : `${p.url} is plain ws:// to ${p.host}, which is not loopback: whatever a client sends (tokens, messages) travels in clear.`,
        fixHint: 'Put TLS in front of the gateway and use wss:// (a reverse proxy, or tailscale serve), or reach it through an SSH tunnel to loopback',
        evidence: [{ kind: 'probe', source: p.url, value: 'scheme ws, host not loopback' }],
      },
    ];
  },
});
