// 10,000 generated and mutated configs (plus random probe results, heartbeat files and log lines)
// through every check, the fix planner and the config operations: nothing may throw, and no check
// may report that it crashed. Seeded, so a failure reproduces.
import { describe, expect, it } from 'vitest';
import { applyConfigOps } from '../../src/engine/apply-config.js';
import type { Finding } from '../../src/engine/check.js';
import { loadChecks } from '../../src/engine/loader.js';
import { planFixes } from '../../src/engine/planner.js';
import { isCrash, runChecks } from '../../src/engine/runner.js';
import { configFactFromText } from '../../src/facts/config.js';
import type { Facts } from '../../src/facts/types.js';
import { heartbeatSettings } from '../../src/subsystems/heartbeat/evaluate.js';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['gateway', 'mode', 'bind', 'auth', 'token', 'password', 'port', 'customBindHost', 'controlUi', 'allowedOrigins', 'enabled', 'publicOrigin', 'remote', 'url', 'agents', 'defaults', 'heartbeat', 'activeHours', 'start', 'end', 'timezone', 'directPolicy', 'to', 'target', 'models', 'params', 'context1m', 'providers', 'baseUrl', 'compat', 'requiresStringContent', 'browser', 'cdpUrl', 'executablePath', 'plugins', 'allow', 'cron', 'store', 'meta', 'lastTouchedVersion', 'workspace', 'logging', 'file', '__proto__', 'constructor', 'anthropic/claude-opus-4', '0', ''];
const STRINGS = ['local', 'remote', 'lan', 'loopback', 'custom', 'auto', 'tailnet', '0.0.0.0', '127.0.0.1', '::', '*', 'none', 'token', 'password', 'trusted-proxy', 'block', 'user:1', '08:00', '25:99', '20:00', 'Mars/Olympus', 'UTC', 'http://127.0.0.1:9', 'ftp://x', 'ws://[::1]:0', 'http://x:99999', '${OPENCLAW_TOKEN}', '${lower}', '2026.12.1', '9999.1', '', ' ', 'browser', '\u0000', '🦞', 'a'.repeat(300)];

function value(r: () => number, depth: number): unknown {
  const k = r();
  if (depth > 4 || k < 0.35) {
    const p = r();
    if (p < 0.45) return STRINGS[Math.floor(r() * STRINGS.length)];
    if (p < 0.6) return Math.floor(r() * 140000) - 20000;
    if (p < 0.7) return r() < 0.5;
    if (p < 0.78) return null;
    return r() * 1e6;
  }
  if (k < 0.5) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 5); i >= 0; i--) o[KEYS[Math.floor(r() * KEYS.length)]] = value(r, depth + 1);
  return o;
}

/** Paths the checks read: random values placed there reach the code that interprets them. */
const PATHS = ['gateway', 'gateway.mode', 'gateway.bind', 'gateway.port', 'gateway.auth', 'gateway.auth.mode', 'gateway.auth.token', 'gateway.auth.password', 'gateway.token', 'gateway.customBindHost', 'gateway.controlUi', 'gateway.controlUi.enabled', 'gateway.controlUi.allowedOrigins', 'gateway.publicOrigin', 'gateway.remote', 'gateway.remote.url', 'agents', 'agents.defaults', 'agents.defaults.workspace', 'agents.defaults.heartbeat', 'agents.defaults.heartbeat.activeHours', 'agents.defaults.heartbeat.activeHours.start', 'agents.defaults.heartbeat.activeHours.end', 'agents.defaults.heartbeat.activeHours.timezone', 'agents.defaults.heartbeat.directPolicy', 'agents.defaults.heartbeat.to', 'agents.defaults.heartbeat.target', 'agents.defaults.models', 'agents.defaults.models.m', 'agents.defaults.models.m.params', 'agents.defaults.models.m.params.context1m', 'models', 'models.providers', 'models.providers.p', 'models.providers.p.baseUrl', 'models.providers.p.models', 'models.providers.p.models.0', 'models.providers.p.models.0.compat', 'browser', 'browser.enabled', 'browser.cdpUrl', 'browser.executablePath', 'plugins', 'plugins.allow', 'cron', 'cron.enabled', 'cron.store', 'meta', 'meta.lastTouchedVersion', 'logging', 'logging.file'];

function structured(r: () => number): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (let i = 1 + Math.floor(r() * 8); i > 0; i--) {
    const p = PATHS[Math.floor(r() * PATHS.length)].split('.');
    let cur: any = out;
    for (const seg of p.slice(0, -1)) {
      if (!cur[seg] || typeof cur[seg] !== 'object') cur[seg] = r() < 0.1 && seg !== p[0] ? [] : {};
      cur = cur[seg];
    }
    cur[p.at(-1)!] = value(r, 3);
  }
  if (r() < 0.05) out = JSON.parse(JSON.stringify(out));
  return out;
}

function mutate(text: string, r: () => number): string {
  let t = text;
  for (let i = Math.floor(r() * 4); i >= 0; i--) {
    const at = Math.floor(r() * (t.length + 1));
    const op = r();
    if (op < 0.33) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 5));
    else if (op < 0.66) t = t.slice(0, at) + '{}[],:"\'/*\n'[Math.floor(r() * 11)] + t.slice(at);
    else t = t.slice(0, at) + t.slice(Math.floor(r() * t.length)).slice(0, 20) + t.slice(at);
  }
  return t;
}

const PROBES = [
  { ok: true, url: 'ws://127.0.0.1:18789', durationMs: 3, connect: { ok: true, rpcOk: true }, warnings: [] },
  { ok: false, url: 'ws://127.0.0.1:18789', durationMs: 1, connect: { ok: false, rpcOk: false, error: { kind: 'refused', message: 'x' } }, warnings: [] },
  { ok: false, url: 'ws://127.0.0.1:18789', durationMs: 1, connect: { ok: false, rpcOk: false, error: { kind: 'auth', code: 'AUTH_TOKEN_MISMATCH', message: 'x' } }, warnings: [] },
  { ok: false, url: 'ws://127.0.0.1:18789', durationMs: 1, connect: { ok: false, rpcOk: false, error: { kind: 'protocol', message: 'x', expectedProtocol: 9 } }, warnings: [] },
  { ok: false, url: 'ws://127.0.0.1:18789', durationMs: 1, connect: { ok: false, rpcOk: false, error: { kind: 'rpc', message: 'missing scope: operator.read' } }, warnings: [] },
];
const LOG_TEXTS = ['heartbeat skipped reason=dm-blocked', 'cron: scheduler disabled', 'HTTP 429: rate_limit_error: Extra usage is required for long context requests', 'messages[0].content: invalid type: sequence, expected a string', 'unknown command "browser"', 'plain'];

describe('fuzz', () => {
  it('10,000 generated and mutated configs never crash a check, the planner or the config operations', async () => {
    const checks = await loadChecks();
    const r = rng(Number(process.env.DOCTOR_FUZZ_SEED ?? 20261122));
    const started = Date.now();
    let parsed = 0;
    for (let i = 0; i < 10_000; i++) {
      const generated = i % 2 === 0 ? structured(r) : value(r, 0);
      const json = JSON.stringify(generated && typeof generated === 'object' && !Array.isArray(generated) ? generated : { gateway: generated }, null, 2) ?? '{}';
      const text = i % 3 === 0 ? mutate(json, r) : json;
      const env = r() < 0.3 ? { OPENCLAW_GATEWAY_TOKEN: 'x'.repeat(8), OPENCLAW_TOKEN: 'y', OPENCLAW_GATEWAY_PORT: r() < 0.5 ? '18790' : 'nope' } : {};
      const config = configFactFromText('/fuzz/openclaw.json', text, env, { stateDir: '/fuzz', lastKnownGood: r() < 0.2 ? { path: '/fuzz/lg', size: 999, raw: { gateway: { mode: 'local' } } } : undefined });
      if (config.raw) parsed++;
      const facts: Facts = {
        config: { ok: true, value: config },
        gateway: r() < 0.9 ? { ok: true, value: PROBES[Math.floor(r() * PROBES.length)] as any } : { ok: false, reason: 'timeout' },
        ports: { ok: true, value: { port: 18789, host: '127.0.0.1', listening: r() < 0.5, holders: r() < 0.5 ? [{ port: 18789, address: '127.0.0.1', pid: 1 + Math.floor(r() * 9), command: r() < 0.5 ? 'ssh -L x' : undefined }] : undefined, lookup: 'ss-or-lsof' } },
        lock: { ok: true, value: r() < 0.5 ? { state: 'absent', path: '/l', configPath: '/fuzz/openclaw.json' } : { state: 'stale', path: '/l', lock: { pid: 3, createdAt: 0, configPath: 'x' }, configPath: 'x' } },
        system: { ok: true, value: { nodeVersion: r() < 0.5 ? '18.0.0' : 'weird', platform: 'linux', memAvailableBytes: r() * 1e9, memTotalBytes: 1e9, nowMs: r() * 2e12, timeZone: r() < 0.5 ? 'UTC' : 'Nowhere/Land' } },
        heartbeat: { ok: true, value: { settings: heartbeatSettings({}), heartbeatFile: { path: '/fuzz/HEARTBEAT.md', exists: r() < 0.7, content: mutate('# H\n\ntasks:\n  - name: a\n    enabled: false\n', r) }, last: null, collectedAt: r() * 2e12 } },
        logs: { ok: true, value: { files: [], lines: LOG_TEXTS.filter(() => r() < 0.3).map((t) => ({ file: "/fuzz/log", text: t })) } },
        logSignatures: { ok: true, value: { matches: [] } },
        browser: { ok: true, value: { enabled: r() < 0.5, plugin: { allowed: r() < 0.5 }, configProblems: [], profiles: [], executablePath: r() < 0.2 ? '/x' : undefined, executableExists: false } },
        cdp: { ok: true, value: { probed: r() < 0.2, httpOk: false, url: 'http://x' } },
        devices: { ok: true, value: { path: '/d', exists: true, pending: r() < 0.2 ? [{ requestId: 'r1' }] : [] } },
        cron: { ok: true, value: { enabled: r() < 0.5, storePath: '/c', nextWakeAtMs: r() < 0.5 ? null : r() * 2e12, jobs: r() < 0.5 ? [{ id: 'j', enabled: true, schedule: 'every 60s', nextRunAtMs: r() < 0.5 ? null : r() * 2e12, lastRunAtMs: null, lastStatus: r() < 0.5 ? null : 'error', lastError: mutate('boom', r), consecutiveErrors: Math.floor(r() * 5) }] : [] } },
        state: { ok: true, value: { stateDir: '/fuzz', exists: true, entries: [{ path: '/fuzz', kind: 'dir', mode: Math.floor(r() * 0o777), role: 'stateDir' }] } },
      };
      let findings: Finding[] = [];
      try {
        findings = runChecks(checks, facts);
        const crashed = findings.filter(isCrash);
        if (crashed.length) throw new Error(crashed.map((f) => `${f.checkId}: ${f.message}`).join('; '));
        const plans = planFixes(findings, checks, facts, { yes: true });
        const failed = plans.filter((p) => p.status === 'failed');
        if (failed.length) throw new Error(failed.map((p) => `${p.checkId}: ${p.reason}`).join('; '));
        if (config.raw) for (const p of plans) {
          try {
            applyConfigOps(config.raw, p.operations, () => ({}));
          } catch (err) {
            if (!(err as Error).message.includes('already holds a different value')) throw err;
          }
        }
      } catch (err) {
        throw new Error(`config #${i} (${text.slice(0, 300)}): ${(err as Error).message}`);
      }
    }
    expect(parsed).toBeGreaterThan(5000); // most inputs reach the checks as parsed configs
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
