// `status`: where the gateway's files are, how it is bound, who is connected.
import type { MethodDef } from './types.js';

export const status: MethodDef = {
  name: 'status',
  scope: 'operator.read',
  handle: (_params, { rt }) => {
    const s = rt.settings;
    return {
      version: rt.version,
      pid: process.pid,
      uptimeMs: Date.now() - rt.startedAtMs,
      configPath: s.configPath,
      stateDir: s.stateDir,
      logFile: rt.logger.file,
      gateway: {
        host: s.host,
        port: s.port,
        bind: s.bind,
        authMode: s.authMode,
        reloadMode: ((s.config.gateway as any)?.reload?.mode as string) ?? 'hybrid',
        url: `ws://${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}`,
      },
      connections: rt.connections.size,
      devices: { paired: rt.pairing.listPaired().length, pending: rt.pairing.listPending().length },
      memory: { rssBytes: process.memoryUsage().rss },
    };
  },
};
