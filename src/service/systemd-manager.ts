// Drives `systemctl --user`. Before anything else it finds out whether systemd user services can
// work here at all, and if not, which of the three preconditions failed: a systemctl binary, a
// system booted with systemd, a reachable user bus (WSL without systemd and containers fail here).
import fs from 'node:fs';
import { findOnPath, runCommand, runSteps, supervisorAlternatives, type Availability, type ProbeStep, type RuntimeState, type ServiceManager } from './manager.js';

export interface SystemdOptions {
  env?: NodeJS.ProcessEnv;
  /** Exists only when the system was booted with systemd (sd_booted(3)); injectable for tests. */
  bootedMarker?: string;
  timeoutMs?: number;
  port?: number;
  /**
   * Ask `systemctl --user` even when systemd is not PID 1 (default true), so install and start
   * report every precondition. The doctor only needs the verdict and skips the extra process.
   */
  askBusWhenNotBooted?: boolean;
}

export const SYSTEMD_BOOTED_MARKER = '/run/systemd/system';

function unavailable(failed: string, detail: string, steps: ProbeStep[], port?: number): Availability {
  const fixes: Record<string, string> = {
    'systemctl-binary': 'Install systemd (the `systemd` package) or use one of the alternatives below.',
    'booted-with-systemd':
      'This machine (a container, or WSL without systemd) has no systemd as PID 1. On WSL2 set `systemd=true` under `[boot]` in /etc/wsl.conf and run `wsl --shutdown`; in a container use an alternative below.',
    'user-bus':
      'Log in through a real session (ssh or a console login, not `su`/`sudo -u`), or run `loginctl enable-linger "$USER"` and check that XDG_RUNTIME_DIR=/run/user/$(id -u) is set.',
  };
  return {
    ok: false,
    failed,
    reason: `systemd user services unavailable: ${detail}`,
    alternatives: [fixes[failed], ...supervisorAlternatives(port)],
    steps,
  };
}

export async function probeSystemd(opts: SystemdOptions = {}): Promise<Availability> {
  const env = opts.env ?? process.env;
  const steps: ProbeStep[] = [];
  const binary = findOnPath('systemctl', env);
  steps.push({ check: 'systemctl-binary', ok: Boolean(binary), detail: binary ?? 'no systemctl on PATH' });
  if (!binary) return unavailable('systemctl-binary', 'no `systemctl` binary on PATH', steps, opts.port);

  const marker = opts.bootedMarker ?? SYSTEMD_BOOTED_MARKER;
  const booted = fs.existsSync(marker);
  steps.push({ check: 'booted-with-systemd', ok: booted, detail: booted ? `${marker} exists` : `${marker} is missing` });

  if (!booted && opts.askBusWhenNotBooted === false) return unavailable('booted-with-systemd', `this system was not booted with systemd (${marker} is missing)`, steps, opts.port);
  // Asked even when not booted with systemd, so the report shows every precondition.
  const bus = await runCommand(binary, ['--user', 'show-environment'], env, opts.timeoutMs);
  const busDetail = bus.ok ? 'systemctl --user answers' : `systemctl --user: ${bus.stderr || `exit ${bus.exitCode}`}`;
  steps.push({ check: 'user-bus', ok: bus.ok, detail: busDetail });

  if (!booted) return unavailable('booted-with-systemd', `this system was not booted with systemd (${marker} is missing; ${busDetail})`, steps, opts.port);
  if (!bus.ok) {
    const what = /Failed to connect to bus/i.test(bus.stderr) ? 'no user bus' : 'the user manager did not answer';
    return unavailable('user-bus', `${what} (${busDetail})`, steps, opts.port);
  }
  return { ok: true, steps };
}

/** `systemctl show` output (`Key=value` lines) as a record. */
export function parseShow(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export function systemdManager(opts: SystemdOptions = {}): ServiceManager {
  const env = opts.env ?? process.env;
  const ctl = (...args: string[]) => () => runCommand('systemctl', ['--user', ...args], env, opts.timeoutMs);
  return {
    kind: 'systemd',
    available: () => probeSystemd(opts),
    activate: (name) => runSteps([ctl('daemon-reload'), ctl('enable', name), ctl('restart', name)]),
    deactivate: (name) => runSteps([ctl('disable', '--now', name)]),
    start: (name) => runSteps([ctl('start', name)]),
    stop: (name) => runSteps([ctl('stop', name)]),
    restart: (name) => runSteps([ctl('restart', name)]),
    async runtime(name): Promise<RuntimeState | undefined> {
      const r = await ctl('show', '-p', 'ActiveState,SubState,MainPID,NRestarts,ExecMainStatus', name)();
      if (!r.ok) return undefined;
      const p = parseShow(r.stdout);
      const num = (v: string | undefined) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
      return {
        state: p.ActiveState ?? 'unknown',
        detail: p.SubState,
        pid: num(p.MainPID) || undefined,
        restarts: num(p.NRestarts),
        lastExitStatus: num(p.ExecMainStatus),
      };
    },
  };
}
