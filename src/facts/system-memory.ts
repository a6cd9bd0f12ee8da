// Memory pressure the machine-wide MemAvailable (system.ts) cannot see: a container's or a service's
// cgroup limit, the kernel OOM killer's kills in that cgroup, and pressure stall information. Direct
// reads of /proc and /sys (Linux only); elsewhere nothing is reported.
import fs from 'node:fs';
import path from 'node:path';

export interface CgroupMemory {
  /** Whose cgroup: the doctor's own (in a container, the container's) or the running gateway's. */
  of: 'self' | 'gateway';
  /** The control files' directory, for evidence. */
  dir: string;
  /** undefined when the cgroup has no limit. */
  limitBytes?: number;
  usageBytes?: number;
  /** Processes the OOM killer killed in this cgroup since it was created. */
  oomKills: number;
}

export interface MemoryFact {
  cgroups: CgroupMemory[];
  /** /proc/pressure/memory: share of the last 60 s in which every task waited on memory (percent). */
  pressureFullAvg60?: number;
}

const CGROUP_ROOT = '/sys/fs/cgroup';
/** cgroup v1 writes "no limit" as a page-rounded 2^63. */
const UNLIMITED = 2 ** 60;

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const num = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
const field = (text: string | undefined, name: string) => num(new RegExp(`^${name} (\\d+)$`, 'm').exec(text ?? '')?.[1]);

/** The memory cgroup directory of a process: v2's unified hierarchy, else v1's memory controller. */
function cgroupDirOf(pid: number | 'self'): { dir: string; v2: boolean } | undefined {
  const lines = read(`/proc/${pid}/cgroup`)?.split('\n') ?? [];
  const v1 = lines.map((l) => /^\d+:(?:[^:]*,)?memory(?:,[^:]*)?:(.*)$/.exec(l)?.[1]).find((p) => p !== undefined);
  const v2 = lines.map((l) => /^0::(.*)$/.exec(l)?.[1]).find((p) => p !== undefined);
  // Inside a cgroup namespace the listed path may not exist under /sys/fs/cgroup: use the root then.
  const pick = (base: string, rel: string, probe: string) => [path.join(base, rel), base].find((d) => fs.existsSync(path.join(d, probe)));
  if (v1 !== undefined) {
    const dir = pick(path.join(CGROUP_ROOT, 'memory'), v1, 'memory.limit_in_bytes');
    if (dir) return { dir, v2: false };
  }
  if (v2 !== undefined) {
    const dir = pick(CGROUP_ROOT, v2, 'memory.current');
    if (dir) return { dir, v2: true };
  }
  return undefined;
}

function cgroupMemory(pid: number | 'self', of: CgroupMemory['of']): CgroupMemory | undefined {
  const cg = cgroupDirOf(pid);
  if (!cg) return undefined;
  const f = (name: string) => read(path.join(cg.dir, name));
  const limit = cg.v2 ? num(f('memory.max')) : num(f('memory.limit_in_bytes'));
  return {
    of,
    dir: cg.dir,
    limitBytes: limit !== undefined && limit < UNLIMITED ? limit : undefined,
    usageBytes: num(f(cg.v2 ? 'memory.current' : 'memory.usage_in_bytes')),
    oomKills: field(f(cg.v2 ? 'memory.events' : 'memory.oom_control'), 'oom_kill') ?? 0,
  };
}

/** `gatewayPid`: the running gateway (from its lock), whose cgroup may be a service's own. */
export function collectMemory(gatewayPid?: number): MemoryFact {
  const cgroups: CgroupMemory[] = [];
  const self = cgroupMemory('self', 'self');
  if (self) cgroups.push(self);
  const gw = gatewayPid ? cgroupMemory(gatewayPid, 'gateway') : undefined;
  if (gw && gw.dir !== self?.dir) cgroups.push(gw);
  const full = /^full avg10=[\d.]+ avg60=([\d.]+)/m.exec(read('/proc/pressure/memory') ?? '');
  return { cgroups, pressureFullAvg60: full ? Number(full[1]) : undefined };
}
