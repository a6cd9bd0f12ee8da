// Someone else holds the gateway port. Names the holder (pid and command line, secrets redacted)
// and what it is: a gateway of this config that does not answer (fix with --yes: stop it), another
// OpenClaw gateway, an SSH tunnel, or a process not identified as a gateway (explain only). Only a
// holder proven to be this config's gateway (command line + handshake) is ever offered a stop.
import { en } from '../../src/i18n/index.js';
import { classifyHolder, fact, holderEvidence, type HolderKind } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding, type Said, say } from '../../src/engine/check.js';

const ID = 'gateway/port-conflict';

function explain(kind: HolderKind, port: number, pid: number | undefined, command: string | undefined, env: Record<string, string> | undefined): Said {
  // i18n-ignore: commands, the same in every language
  const stop = pid ? `kill ${pid}` : `ss -ltnp 'sport = :${port}'`;
  const held = { port, pid, command: command ?? null, stop };
  switch (kind) {
    case 'this-gateway':
      return say('gateway/port-conflict.this-gateway', { pid, port });
    case 'other-gateway':
      return say('gateway/port-conflict.other-gateway', { pid, port, stateDir: env?.OPENCLAW_STATE_DIR ?? null, profile: env?.OPENCLAW_PROFILE ?? null, stop });
    case 'unverified-gateway':
      return say('gateway/port-conflict.unverified-gateway', held);
    case 'ssh-tunnel':
      return say('gateway/port-conflict.ssh-tunnel', { pid, port, stop });
    case 'foreign':
      return say('gateway/port-conflict.foreign', held);
    default:
      return say('gateway/port-conflict.unknown', { port });
  }
}

export default defineCheck({
  meta: {
    id: ID,
    area: 'gateway',
    severity: 'error',
    facts: ['config', 'ports', 'lock', 'gateway'],
    fix: 'confirm',
    docs: 'seeds: Gateway troubleshooting › Gateway service not running (port/listener conflicts)',
  },
  detect(facts) {
    const ports = fact(facts, 'ports');
    if (!ports?.listening) return [];
    const probe = fact(facts, 'gateway');
    const config = fact(facts, 'config');
    const lock = fact(facts, 'lock');
    // A handshake that got as far as an auth, pairing, protocol or "starting" answer proves a gateway is there.
    const answered = probe?.ok === true || ['auth', 'pairing', 'protocol', 'origin', 'rpc', 'unavailable'].includes(probe?.connect.error?.kind ?? '');
    if (!ports.holders) {
      if (answered) return [];
      return [{ checkId: ID, severity: 'error', ...explain('unknown', ports.port, undefined, undefined, undefined), path: 'gateway.port', cause: 'port-conflict', evidence: [{ kind: 'process', source: `port ${ports.port}`, value: en('gateway/port-conflict.evidence.holder-hidden') }] }];
    }
    const out: Finding[] = [];
    for (const h of ports.holders) {
      const kind = classifyHolder(h, config, lock);
      // Our own gateway answering is not a conflict.
      if (kind === 'this-gateway' && answered) continue;
      if ((kind === 'foreign' || kind === 'unknown') && answered) continue; // it speaks the protocol: a gateway we could not attribute
      out.push({
        checkId: ID,
        severity: 'error',
        ...explain(kind, ports.port, h.pid, h.command, h.env),
        path: 'gateway.port',
        cause: 'port-conflict',
        evidence: [holderEvidence(h), { kind: 'config', source: 'gateway.port', value: String(ports.port) }],
        data: { kind, pid: h.pid, port: ports.port, command: h.command },
      });
    }
    // One finding per process, not per address it listens on.
    return out.filter((f, i) => out.findIndex((g) => g.data?.pid === f.data?.pid) === i);
  },
  repair: (finding) =>
    finding.data?.kind === 'this-gateway' && typeof finding.data.pid === 'number'
      ? [{ op: 'port.free', port: finding.data.port as number, pid: finding.data.pid, command: finding.data.command as string | undefined }]
      : [],
});
