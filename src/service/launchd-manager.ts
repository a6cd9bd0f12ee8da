// Drives launchctl for the per-user agent (gui/<uid> domain).
import { binaryAvailability, optional, runCommand, runSteps, type RuntimeState, type ServiceManager } from './manager.js';

export function launchdManager(opts: { env?: NodeJS.ProcessEnv; uid?: number; timeoutMs?: number; port?: number } = {}): ServiceManager {
  const env = opts.env ?? process.env;
  const domain = `gui/${opts.uid ?? process.getuid?.() ?? 501}`;
  const ctl = (...args: string[]) => () => runCommand('launchctl', args, env, opts.timeoutMs);
  return {
    kind: 'launchd',
    available: async () => binaryAvailability('launchctl', 'launchd', env, opts.port),
    // bootout first so a changed plist is reloaded; it fails harmlessly when nothing was loaded.
    activate: (name, file) => runSteps([optional(ctl('bootout', `${domain}/${name}`)), ctl('bootstrap', domain, file), ctl('kickstart', '-k', `${domain}/${name}`)]),
    deactivate: (name) => runSteps([ctl('bootout', `${domain}/${name}`)]),
    start: (name, file) => runSteps([ctl('bootstrap', domain, file), ctl('kickstart', `${domain}/${name}`)]),
    stop: (name) => runSteps([ctl('bootout', `${domain}/${name}`)]),
    restart: (name) => runSteps([ctl('kickstart', '-k', `${domain}/${name}`)]),
    async runtime(name): Promise<RuntimeState | undefined> {
      const r = await ctl('print', `${domain}/${name}`)();
      if (!r.ok) return { state: 'not loaded' };
      const pid = /\bpid = (\d+)/.exec(r.stdout);
      const state = /\bstate = (\w+)/.exec(r.stdout);
      const runs = /\bruns = (\d+)/.exec(r.stdout);
      const exit = /last exit code = (-?\d+)/.exec(r.stdout);
      return { state: state?.[1] ?? 'unknown', pid: pid ? Number(pid[1]) : undefined, restarts: runs ? Math.max(0, Number(runs[1]) - 1) : undefined, lastExitStatus: exit ? Number(exit[1]) : undefined };
    },
  };
}
