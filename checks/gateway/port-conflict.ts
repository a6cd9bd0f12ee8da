// Someone else holds the gateway port. Names the holder (pid and command line, secrets redacted)
// and what it is: a gateway of this config that does not answer (fix with --yes: stop it), another
// OpenClaw gateway, an SSH tunnel, or a process not identified as a gateway (explain only). Only a
// holder proven to be this config's gateway (command line + handshake) is ever offered a stop.
import { classifyHolder, fact, holderEvidence, type HolderKind } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding } from '../../src/engine/check.js';

const ID = 'gateway/port-conflict';

function explain(kind: HolderKind, port: number, pid: number | undefined, command: string | undefined, env: Record<string, string> | undefined): { message: string; fixHint: string } {
  const stop = pid ? `kill ${pid}` : `ss -ltnp 'sport = :${port}'`;
  const move = `or move this gateway: \`openclaw config set gateway.port <free port>\``;
  const held = `Port ${port} is held by pid ${pid} (${command ?? 'command line not visible'})`;
  switch (kind) {
    case 'this-gateway':
      return { message: `A gateway of this config (pid ${pid}) holds port ${port} but does not answer: a new one cannot start ("another gateway instance is already listening").`, fixHint: '`openclaw doctor --fix --yes` (stops it), then start the gateway again' };
    case 'other-gateway':
      return {
        message: `Another OpenClaw gateway (pid ${pid}${env?.OPENCLAW_STATE_DIR ? `, state dir ${env.OPENCLAW_STATE_DIR}` : env?.OPENCLAW_PROFILE ? `, profile ${env.OPENCLAW_PROFILE}` : ''}) holds port ${port}.`,
        fixHint: `Stop that gateway (\`openclaw${env?.OPENCLAW_PROFILE ? ` --profile ${env.OPENCLAW_PROFILE}` : ''} gateway stop\` or ${stop}), ${move}`,
      };
    case 'unverified-gateway':
      return { message: `${held}: its command line is an OpenClaw gateway's, but it does not answer the gateway handshake, so it is not known whose it is and the doctor will not stop it.`, fixHint: `If it is a hung gateway of yours, stop it yourself (${stop}), ${move}` };
    case 'ssh-tunnel':
      return { message: `An SSH tunnel (pid ${pid}) forwards port ${port}, so a local gateway cannot listen there.`, fixHint: `Close the tunnel (${stop}) or forward another local port (ssh -L <other>:127.0.0.1:${port} …), ${move}` };
    case 'foreign':
      return { message: `${held}, which is not an OpenClaw gateway, so the gateway cannot listen (EADDRINUSE). The doctor never stops it.`, fixHint: `Stop it yourself if it is yours (${stop}), ${move}` };
    default:
      return { message: `Something listens on port ${port} and the doctor cannot see which process.`, fixHint: `Find it with \`ss -ltnp 'sport = :${port}'\` (as root) or \`lsof -iTCP:${port} -sTCP:LISTEN\`, ${move}` };
  }
}

export default defineCheck({
  meta: {
    id: ID,
    title: 'The gateway port is held by another process',
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
      return [{ checkId: ID, severity: 'error', ...explain('unknown', ports.port, undefined, undefined, undefined), path: 'gateway.port', cause: 'port-conflict', evidence: [{ kind: 'process', source: `port ${ports.port}`, value: 'listening (holder not visible)' }] }];
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
