// Is this process in a container? What OpenClaw itself asks before it picks its default bind:
// inside one, an unset gateway.bind means "auto" (0.0.0.0), which it refuses to open without auth.
// The markers are upstream's (sentinel files, /proc/1/cgroup, Fly) plus $container, which the
// container runtimes set. OPENCLAW_IN_CONTAINER=1 or 0 overrides the guess (tests, odd runtimes).
import fs from 'node:fs';

export interface ContainerMarker {
  /** docker, podman, kubernetes, lxc, fly, or the value of $container. */
  name: string;
  /** What told us, e.g. `/.dockerenv` or `/proc/1/cgroup: /kubepods/…`. */
  evidence: string;
}

const SENTINELS: [string, string][] = [
  ['/.dockerenv', 'docker'],
  ['/run/.containerenv', 'podman'],
  ['/var/run/.containerenv', 'podman'],
];

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The first container marker found, or undefined on bare metal or a VM. */
export function containerMarker(env: NodeJS.ProcessEnv): ContainerMarker | undefined {
  for (const [file, name] of SENTINELS) if (fs.existsSync(file)) return { name, evidence: file };
  if (env.KUBERNETES_SERVICE_HOST) return { name: 'kubernetes', evidence: 'KUBERNETES_SERVICE_HOST' };
  if (env.container) return { name: env.container, evidence: `container=${env.container}` };
  if (env.FLY_MACHINE_ID?.trim() && env.FLY_APP_NAME?.trim()) return { name: 'fly', evidence: 'FLY_MACHINE_ID' };
  const cg = /\/(docker|kubepods|lxc|libpod)[/.-][^\n]*|cri-containerd-[0-9a-f][^\n]*/.exec(read('/proc/1/cgroup'));
  if (cg) return { name: cg[1] === 'kubepods' || !cg[1] ? 'kubernetes' : cg[1] === 'libpod' ? 'podman' : cg[1], evidence: `/proc/1/cgroup: ${cg[0]}` };
  return undefined;
}

/** True when the gateway would see a container (OPENCLAW_IN_CONTAINER=1/0 decides when set). */
export function inContainer(env: NodeJS.ProcessEnv): boolean {
  if (env.OPENCLAW_IN_CONTAINER === '1') return true;
  if (env.OPENCLAW_IN_CONTAINER === '0') return false;
  return containerMarker(env) !== undefined;
}
