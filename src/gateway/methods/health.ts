// `health`: is the gateway alive, and the little it knows about itself. Needs no scope.
import type { Runtime } from '../runtime.js';
import type { MethodDef } from './types.js';

export function healthSnapshot(rt: Runtime) {
  return {
    ok: true,
    ts: Date.now(),
    uptimeMs: Date.now() - rt.startedAtMs,
    version: rt.version,
    pid: process.pid,
    connections: rt.connections.size,
    channels: {},
    gateway: { port: rt.settings.port, bind: rt.settings.bind, authMode: rt.settings.authMode },
  };
}

export const health: MethodDef = {
  name: 'health',
  handle: (_params, { rt }) => healthSnapshot(rt),
};
