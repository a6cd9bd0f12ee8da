// Who is listening on a TCP port: pid and command line, from `ss -ltnp` (iproute2) or `lsof`,
// whichever answers. Used for EADDRINUSE messages and the doctor's port-conflict check.
import fs from 'node:fs';

export interface PortHolder {
  port: number;
  address: string;
  pid?: number;
  /** The process's full command line, when /proc or ps can tell. */
  command?: string;
}

const TIMEOUT_MS = 1500;

// execa costs ~90 ms to import; load it only when a port actually has to be looked up.
async function run(cmd: string, args: string[]) {
  const { execa } = await import('execa');
  return execa(cmd, args, { reject: false, timeout: TIMEOUT_MS });
}

function commandLine(pid: number): string | undefined {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const cmd = raw.split('\0').filter(Boolean).join(' ');
    if (cmd) return cmd;
  } catch {
    /* not Linux, or gone */
  }
  return undefined;
}

async function viaSs(port: number): Promise<PortHolder[] | undefined> {
  const r = await run('ss', ['-H', '-ltnp', `sport = :${port}`]);
  if (r.exitCode !== 0 || r.failed) return undefined;
  const out: PortHolder[] = [];
  for (const line of r.stdout.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 4) continue;
    const local = cols[3];
    const address = local.slice(0, local.lastIndexOf(':'));
    const pids = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
    if (pids.length === 0) out.push({ port, address });
    for (const pid of new Set(pids)) out.push({ port, address, pid, command: commandLine(pid) });
  }
  return out;
}

async function viaLsof(port: number): Promise<PortHolder[] | undefined> {
  const r = await run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpn']);
  if (r.failed && r.exitCode !== 1) return undefined;
  const out: PortHolder[] = [];
  let pid: number | undefined;
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('p')) pid = Number(line.slice(1));
    else if (line.startsWith('n') && pid) {
      const name = line.slice(1);
      out.push({ port, address: name.slice(0, name.lastIndexOf(':')), pid, command: commandLine(pid) });
    }
  }
  return out;
}

/** The listeners on a port; empty when none; undefined when no tool could tell. */
export async function findPortHolders(port: number): Promise<PortHolder[] | undefined> {
  for (const probe of [viaSs, viaLsof]) {
    try {
      const r = await probe(port);
      if (r) return r;
    } catch {
      /* tool missing: try the next */
    }
  }
  return undefined;
}
