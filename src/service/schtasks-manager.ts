// Drives schtasks.exe for the `OpenClaw Gateway` task.
import { binaryAvailability, optional, runCommand, runSteps, type RuntimeState, type ServiceManager } from './manager.js';

export function schtasksManager(opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; port?: number } = {}): ServiceManager {
  const env = opts.env ?? process.env;
  const run = (...args: string[]) => () => runCommand('schtasks', args, env, opts.timeoutMs);
  return {
    kind: 'schtasks',
    available: async () => binaryAvailability('schtasks', 'Task Scheduler', env, opts.port),
    activate: (name, file) => runSteps([run('/Create', '/TN', name, '/XML', file, '/F'), run('/Run', '/TN', name)]),
    deactivate: (name) => runSteps([optional(run('/End', '/TN', name)), run('/Delete', '/TN', name, '/F')]),
    start: (name) => runSteps([run('/Run', '/TN', name)]),
    stop: (name) => runSteps([run('/End', '/TN', name)]),
    restart: (name) => runSteps([optional(run('/End', '/TN', name)), run('/Run', '/TN', name)]),
    async runtime(name): Promise<RuntimeState | undefined> {
      const r = await run('/Query', '/TN', name, '/V', '/FO', 'LIST')();
      if (!r.ok) return { state: 'not registered' };
      const status = /^Status:\s*(.+)$/m.exec(r.stdout);
      const last = /^Last Result:\s*(-?\d+)/m.exec(r.stdout);
      return { state: status?.[1].trim().toLowerCase() ?? 'unknown', lastExitStatus: last ? Number(last[1]) : undefined };
    },
  };
}
