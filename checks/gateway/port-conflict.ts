// Someone else holds the gateway port. Names the holder (pid and command line) and what it is:
// a stale gateway of this config (fix with --yes: stop it), another OpenClaw gateway, an SSH
// tunnel, or a foreign process (explain only).
import { classifyHolder, fact, holderEvidence, type HolderKind } from '../../src/engine/check-helpers.js';
import { defineCheck, type Finding } from '../../src/engine/check.js';

const ID = 'gateway/port-conflict';

function explain(kind: HolderKind, port: number, pid: number | undefined, env: Record<string, string> | undefined): { message: string; fixHint: string } {
  const stop = pid ? `kill ${pid}` : `ss -ltnp 'sport = :${port}'`;
  const move = `or move this gateway: \`openclaw config set gateway.port <free port>\``;
  switch (kind) {
    case 'this-gateway':
      return { message: `A gateway of this config (pid ${pid}) holds port ${port} but does not answer: a new one cannot start ("another gateway instance is already listening").`, fixHint: '`openclaw doctor --fix --yes` (stops it), then start the gateway again' };
    case 'other-gateway':
      return {
        message: `Another OpenClaw gateway (pid ${pid}${env?.OPENCLAW_STATE_DIR ? `, state dir ${env.OPENCLAW_STATE_DIR}` : env?.OPENCLAW_PROFILE ? `, profile ${env.OPENCLAW_PROFILE}` : ''}) holds port ${port}.`,
        fixHint: `Stop that gateway (\`openclaw${env?.OPENCLAW_PROFILE ? ` --profile ${env.OPENCLAW_PROFILE}` : ''} gateway stop\` or ${stop}), ${move}`,
      };
    case 'ssh-tunnel':
      return { message: `An SSH tunnel (pid ${pid}) forwards port ${port}, so a local gateway cannot listen there.`, fixHint: `Close the tunnel (${stop}) or forward another local port (ssh -L <other>:127.0.0.1:${port} …), ${move}` };
    case 'foreign':
      return { message: `Port ${port} is held by another program (pid ${pid}), so the gateway cannot listen (EADDRINUSE).`, fixHint: `Stop it if it is yours (${stop}), ${move}` };
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
      return [{ checkId: ID, severity: 'error', ...explain('unknown', ports.port, undefined, undefined), path: 'gateway.port', cause: 'port-conflict', evidence: [{ kind: 'process', source: `port ${ports.port}`, value: 'listening (holder not visible)' }] }];
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
        ...explain(kind, ports.port, h.pid, h.env),
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
