// ws:// to a host that is not loopback: the token and every message travel in clear.
import { en } from '../../src/i18n/index.js';
import { defineCheck, say } from '../../src/engine/check.js';
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
        ...say(withSecret ? 'remote/plaintext.secret' : 'remote/plaintext.open', { url: p.url, host: p.host, credential: p.credential }, 'remote/plaintext.fix'),
        evidence: [{ kind: 'probe', source: p.url, value: en('remote/plaintext.evidence') }],
      },
    ];
  },
});
