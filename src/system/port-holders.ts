// Who is listening on a TCP port: pid and command line. Linux: `ss -ltnp` (iproute2), else `lsof`;
// macOS: `lsof`; Windows: `netstat -ano` for the pid, its command line from Win32_Process, else
// `tasklist` for its image name. Used for
// EADDRINUSE messages, the doctor's port-conflict check, `gateway status` and `--force`.
// Whether a holder is an OpenClaw gateway is decided from its command line and the gateway
// handshake (isIdentifiedGateway), never from its environment.
import { isGatewayCommand, readProcess, showCommand } from './process-identity.js';

export interface PortHolder {
  port: number;
  address: string;
  pid?: number;
  /** The process's command line to show (secrets redacted), when /proc, ps or tasklist can tell. */
  command?: string;
  /** Its command line is an OpenClaw gateway's (the handshake is the other half of the proof). */
  gatewayCommand?: boolean;
}

const TIMEOUT_MS = 1500;

// execa costs ~90 ms to import; load it only when a port actually has to be looked up.
async function run(cmd: string, args: string[]) {
  const { execa } = await import('execa');
  return execa(cmd, args, { reject: false, timeout: TIMEOUT_MS, env: { LC_ALL: 'C' } });
}

/** Splits `host:port` (`127.0.0.1:80`, `[::1]:80`, `*:80`) into its address and port. */
function splitHostPort(local: string): { address: string; port: number } {
  const at = local.lastIndexOf(':');
  return { address: local.slice(0, at), port: Number(local.slice(at + 1)) };
}

/** `ss -H -ltnp 'sport = :PORT'`: one line per listening socket, pids in `users:(("name",pid=N,fd=M))`. */
export function parseSs(stdout: string, port: number): { address: string; pid?: number }[] {
  const out: { address: string; pid?: number }[] = [];
  for (const line of stdout.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 4) continue;
    const local = splitHostPort(cols[3]);
    if (local.port !== port) continue;
    const pids = [...new Set([...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
    if (pids.length === 0) out.push({ address: local.address });
    for (const pid of pids) out.push({ address: local.address, pid });
  }
  return out;
}

/** `lsof -nP -iTCP:PORT -sTCP:LISTEN -Fpn`: `p<pid>` starts a process, `n<addr>:<port>` names a socket (other fields ignored). */
export function parseLsof(stdout: string, port: number): { address: string; pid?: number }[] {
  const out: { address: string; pid?: number }[] = [];
  let pid: number | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    if (line.startsWith('p')) pid = Number(line.slice(1));
    else if (line.startsWith('n') && pid) {
      const local = splitHostPort(line.slice(1));
      if (local.port === port) out.push({ address: local.address, pid });
    }
  }
  return out;
}

/** `netstat -ano` (Windows): `TCP  <local>  <foreign>  <state>  <pid>` (UDP rows have no state); a listener's foreign port is 0 (the state word is localised). */
export function parseNetstat(stdout: string, port: number): { address: string; pid?: number }[] {
  const out: { address: string; pid?: number }[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length !== 5 || !/^TCP(v6)?$/i.test(cols[0]) || !/:0$/.test(cols[2])) continue;
    const local = splitHostPort(cols[1]);
    const pid = Number(cols[4]);
    if (local.port === port && Number.isInteger(pid)) out.push({ address: local.address, pid: pid > 0 ? pid : undefined });
  }
  return out;
}

/** `tasklist /FO CSV /NH /FI "PID eq N"`: `"image.exe","N","Session","1","12,345 K"`, or an INFO line when none. */
export function parseTasklist(stdout: string, pid: number): string | undefined {
  for (const line of stdout.split(/\r?\n/)) {
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
    if (cells.length >= 2 && Number(cells[1]) === pid) return cells[0];
  }
  return undefined;
}

type Listener = { address: string; pid?: number };

async function viaSs(port: number): Promise<Listener[] | undefined> {
  const r = await run('ss', ['-H', '-ltnp', `sport = :${port}`]);
  return r.exitCode !== 0 || r.failed ? undefined : parseSs(r.stdout, port);
}

async function viaLsof(port: number): Promise<Listener[] | undefined> {
  const r = await run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpn']);
  return r.failed && r.exitCode !== 1 ? undefined : parseLsof(r.stdout, port); // 1: nothing listens
}

async function viaNetstat(port: number): Promise<Listener[] | undefined> {
  const r = await run('netstat', ['-ano']); // not `-p TCP`: that leaves out the IPv6 rows
  return r.exitCode !== 0 || r.failed ? undefined : parseNetstat(r.stdout, port);
}

/** What to show for a pid and whether it is a gateway's command line. */
async function describe(pid: number, platform: NodeJS.Platform): Promise<Pick<PortHolder, 'command' | 'gatewayCommand'>> {
  const info = readProcess(pid);
  if (info) return { command: info.command, gatewayCommand: isGatewayCommand(info.argv) };
  if (platform !== 'win32') return {};
  // No command line (another user's process): tasklist still names the image, never enough to identify a gateway.
  const r = await run('tasklist', ['/FO', 'CSV', '/NH', '/FI', `PID eq ${pid}`]);
  const image = r.failed ? undefined : parseTasklist(r.stdout, pid);
  return { command: image && showCommand([image]), gatewayCommand: false };
}

/** The listeners on a port; empty when none; undefined when no tool could tell. */
export async function findPortHolders(port: number, platform: NodeJS.Platform = process.platform): Promise<PortHolder[] | undefined> {
  const probes = platform === 'win32' ? [viaNetstat] : platform === 'darwin' ? [viaLsof] : [viaSs, viaLsof];
  for (const probe of probes) {
    let found: Listener[] | undefined;
    try {
      found = await probe(port);
    } catch {
      continue; // tool missing: try the next
    }
    if (!found) continue;
    const out: PortHolder[] = [];
    for (const l of found) out.push({ port, ...l, ...(l.pid ? await describe(l.pid, platform) : {}) });
    return out;
  }
  return undefined;
}

/**
 * Positive proof that a holder is an OpenClaw gateway: a gateway command line, and it answers the
 * gateway handshake (`connect.challenge`) where it listens. Only such a holder may ever be signalled.
 */
export async function isIdentifiedGateway(h: PortHolder, timeoutMs?: number): Promise<boolean> {
  if (!h.pid || !h.gatewayCommand) return false;
  const { answersChallenge } = await import('./gateway-handshake.js');
  return answersChallenge(h.address, h.port, timeoutMs);
}
