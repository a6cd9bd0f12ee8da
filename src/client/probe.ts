// probeGateway: connect, call health (and status, system-presence, config.get when deep), report.
// The doctor's gateway fact and `openclaw gateway probe` both use it.
import { VERSION } from '../version.js';
import { en } from '../i18n/index.js';
import { sharedAuthWarning } from './cli-options.js';
import { connectGateway } from './connection.js';
import type { ProbeOptions, ProbeResult } from './types.js';

export async function probeGateway(opts: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const result: ProbeResult = { ok: false, url: opts.url, durationMs: 0, connect: { ok: false, rpcOk: false }, warnings: [] };
  const c = await connectGateway({ url: opts.url, token: opts.token, password: opts.password, timeoutMs, stateDir: opts.stateDir, clientId: 'cli', clientMode: 'probe', version: VERSION });
  if (!c.ok) {
    result.connect.error = c.failure;
    if (c.failure.details) result.connect.details = c.failure.details;
    result.durationMs = Date.now() - started;
    return result;
  }
  const { client, hello } = c;
  result.ok = true;
  Object.assign(result.connect, { ok: true, latencyMs: c.latencyMs, protocol: hello.protocol, serverVersion: hello.server?.version, authMode: hello.snapshot?.authMode });
  if (c.sharedAuthRejected) {
    result.connect.sharedAuthRejected = c.sharedAuthRejected;
    const warning = sharedAuthWarning(c.sharedAuthRejected);
    result.warnings.push(en(warning.id, warning.params)); // --json's words; a terminal rewords it (cli/rpc-command.ts)
  }
  const remaining = () => Math.max(1, timeoutMs - (Date.now() - started));
  try {
    const health = await client.call('health', {}, remaining());
    if (!health.ok) {
      result.connect.error = health.failure;
      return result;
    }
    result.health = health.payload;
    result.connect.rpcOk = true;
    if (opts.deep) {
      const extras: Record<string, unknown> = {};
      for (const method of ['status', 'system-presence', 'config.get']) {
        const r = await client.call(method, {}, remaining());
        if (r.ok) extras[method] = r.payload;
        else result.warnings.push(`${method}: ${r.failure.message}`); // words only: people read these warnings
      }
      result.status = extras.status;
      result.presence = extras["system-presence"];
      result.config = extras["config.get"];
      if (hello.auth && hello.auth.scopes.length === 0) result.warnings.push('connected without operator scopes (no paired device identity): only health is available');
    }
    return result;
  } finally {
    client.close();
    result.durationMs = Date.now() - started;
  }
}
