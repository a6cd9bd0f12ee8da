// Drives `systemctl --user`. Before anything else it finds out whether systemd user services can
// work here at all, and if not, which of the three preconditions failed: a systemctl binary, a
// system booted with systemd, a reachable user bus (WSL without systemd and containers fail here).
import fs from 'node:fs';
import type { MessageRef } from '../i18n/index.js';
import { findOnPath, runCommand, runSteps, supervisorAlternativeRefs, supervisorAlternatives, type Availability, type ProbeStep, type RuntimeState, type ServiceManager } from './manager.js';

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

/** The step that failed, in English and as a catalog message (`service.systemd.<failed>`, its advice `.fix`). */
function unavailable(failed: string, detail: Detail, steps: ProbeStep[], port?: number): Availability {
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
    reason: `systemd user services unavailable: ${detail.english}`,
    alternatives: [fixes[failed], ...supervisorAlternatives(port)],
    steps,
    reasonRef: { id: 'service.unavailable.systemd', params: { detail: detail.ref } },
    alternativeRefs: [{ id: `service.systemd.${failed}.fix` }, ...supervisorAlternativeRefs(port)],
  };
}

interface Detail {
  english: string;
  ref: MessageRef;
}

/** `systemctl --user`'s answer: it answered, or its stderr (the tool's own words) / exit code. */
function busDetail(bus: { ok: boolean; stderr: string; exitCode?: number }): Detail {
  if (bus.ok) return { english: 'systemctl --user answers', ref: { id: 'service.systemd.bus-answers' } };
  const said = bus.stderr || `exit ${bus.exitCode}`;
  return { english: `systemctl --user: ${said}`, ref: { id: 'service.systemd.bus-failed', params: { said } } };
}

export async function probeSystemd(opts: SystemdOptions = {}): Promise<Availability> {
  const env = opts.env ?? process.env;
  const steps: ProbeStep[] = [];
  const binary = findOnPath('systemctl', env);
  steps.push({ check: 'systemctl-binary', ok: Boolean(binary), detail: binary ?? 'no systemctl on PATH' });
  if (!binary) return unavailable('systemctl-binary', { english: 'no `systemctl` binary on PATH', ref: { id: 'service.systemd.systemctl-binary' } }, steps, opts.port);

  const marker = opts.bootedMarker ?? SYSTEMD_BOOTED_MARKER;
  const booted = fs.existsSync(marker);
  steps.push({ check: 'booted-with-systemd', ok: booted, detail: booted ? `${marker} exists` : `${marker} is missing` });

  const notBooted = (bus?: Detail): Detail => ({
    english: `this system was not booted with systemd (${marker} is missing${bus ? `; ${bus.english}` : ''})`,
    ref: { id: 'service.systemd.booted-with-systemd', params: { marker, bus: bus?.ref ?? null } },
  });
  if (!booted && opts.askBusWhenNotBooted === false) return unavailable('booted-with-systemd', notBooted(), steps, opts.port);
  // Asked even when not booted with systemd, so the report shows every precondition.
  const bus = await runCommand(binary, ['--user', 'show-environment'], env, opts.timeoutMs);
  const busSaid = busDetail(bus);
  steps.push({ check: 'user-bus', ok: bus.ok, detail: busSaid.english });

  if (!booted) return unavailable('booted-with-systemd', notBooted(busSaid), steps, opts.port);
  if (!bus.ok) {
    const noBus = /Failed to connect to bus/i.test(bus.stderr);
    const what = noBus ? 'no user bus' : 'the user manager did not answer';
    return unavailable('user-bus', { english: `${what} (${busSaid.english})`, ref: { id: 'service.systemd.user-bus', params: { noBus, bus: busSaid.ref } } }, steps, opts.port);
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
