// Container or VM: decides which service advice applies (a container's supervisor is its runtime's
// restart policy, not systemd). The markers are what the runtimes leave behind; `/.dockerenv` is
// what OpenClaw itself checks. Direct reads, no spawned tools.
import fs from 'node:fs';
import { containerMarker } from '../system/container.js';

export interface VirtFact {
  /** docker, podman, kubernetes, lxc, fly, wsl, or the value of $container; undefined on bare metal/VM. */
  container?: string;
  /** From DMI (Linux); undefined when no hypervisor vendor is named there. /proc/cpuinfo is not read: on a big machine it alone costs milliseconds. */
  vm?: string;
  /** What told us, e.g. `/.dockerenv`, `/proc/1/cgroup: /kubepods/…`, `DMI sys_vendor: QEMU`. */
  evidence: string[];
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Records what told us, and returns the answer. */
function found(evidence: string[], what: string, answer: string): string {
  evidence.push(what);
  return answer;
}

const VM_VENDORS: [RegExp, string][] = [
  [/QEMU|KVM/i, 'kvm'],
  [/VMware/i, 'vmware'],
  [/VirtualBox|innotek/i, 'virtualbox'],
  [/Microsoft Corporation/i, 'hyperv'],
  [/Xen/i, 'xen'],
  [/Amazon EC2/i, 'amazon'],
  [/Google/i, 'google'],
  [/Parallels/i, 'parallels'],
];

function container(env: NodeJS.ProcessEnv, evidence: string[]): string | undefined {
  const marker = containerMarker(env);
  if (marker) return found(evidence, marker.evidence, marker.name);
  if (/microsoft/i.test(read('/proc/sys/kernel/osrelease') ?? '')) return found(evidence, '/proc/sys/kernel/osrelease: microsoft', 'wsl');
  return undefined;
}

function vm(evidence: string[]): string | undefined {
  for (const f of ['sys_vendor', 'product_name']) {
    const v = read(`/sys/class/dmi/id/${f}`)?.trim();
    const hit = v && VM_VENDORS.find(([re]) => re.test(v));
    if (hit) return found(evidence, `DMI ${f}: ${v}`, hit[1]);
  }
  return undefined;
}

export function collectVirt(env: NodeJS.ProcessEnv): VirtFact {
  const evidence: string[] = [];
  return { container: container(env, evidence), vm: vm(evidence), evidence };
}
