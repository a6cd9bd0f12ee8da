// probeGateway: connect, call health (and status, system-presence, config.get when deep), report.
// The doctor's gateway fact and `openclaw gateway probe` both use it.
import { VERSION } from '../version.js';
import { said, type MessageRef } from '../i18n/index.js';
import { sharedAuthWarning } from './cli-options.js';
import { connectGateway } from './connection.js';
import type { ProbeOptions, ProbeResult } from './types.js';

/** A warning in English for --json, and as a catalog message for the terminal. */
function warn(result: ProbeResult, ref: MessageRef): void {
  const { message, text } = said(ref.id, ref.params);
  result.warnings.push(message);
  (result.warningRefs ??= []).push(text);
}

export async function probeGateway(opts: ProbeOptions): Promise<ProbeResult> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const result: ProbeResult = { ok: false, url: opts.url, durationMs: 0, connect: { ok: false, rpcOk: false }, warnings: [], warningRefs: [] };
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
    warn(result, sharedAuthWarning(c.sharedAuthRejected));
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
        else warn(result, { id: 'client.probe.call-failed', params: { method, message: r.failure.message } }); // the gateway's words, quoted
      }
      result.status = extras.status;
      result.presence = extras["system-presence"];
      result.config = extras["config.get"];
      if (hello.auth && hello.auth.scopes.length === 0) warn(result, { id: 'client.probe.no-scopes' });
    }
    return result;
  } finally {
    client.close();
    result.durationMs = Date.now() - started;
  }
}
