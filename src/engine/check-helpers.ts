// Small pure helpers the check modules share: reading facts safely, naming evidence, and the
// gateway's exposure and auth as the server will see them.
import crypto from 'node:crypto';
import { bindHost, defaultBindMode, isLoopbackHost, resolveServerAuth, type BindMode } from '../config/gateway-settings.js';
import { getPath, parsePath } from '../config/dotpath.js';
import { isSecretKey, REDACTED } from '../config/redact.js';
import { normalizeBind } from '../config/gateway-settings.js';
import type { ConfigFact } from '../facts/config.js';
import type { Operation } from './operations.js';
import type { LockFact } from '../facts/lock.js';
import type { LogLine } from '../facts/logs.js';
import type { PortHolderInfo } from '../facts/ports.js';
import type { FactMap, FactName, Facts } from '../facts/types.js';
import type { Evidence } from './check.js';
import type { MessageRef } from '../i18n/index.js';
import { nextStepWords } from '../protocol/errors.js';

/** The fact's value, or undefined when it was not collected or is unavailable. */
export function fact<K extends FactName>(facts: Facts, name: K): FactMap[K] | undefined {
  const f = facts[name];
  return f && f.ok ? (f.value as FactMap[K]) : undefined;
}

/** The resolved config when the file exists and parses; undefined otherwise (config/* checks report that). */
export function parsedConfig(facts: Facts): { cfg: Record<string, any>; config: ConfigFact } | undefined {
  const config = fact(facts, 'config');
  if (!config || !config.exists || config.error || !config.resolved) return undefined;
  return { cfg: config.resolved as Record<string, any>, config };
}

export function get(cfg: unknown, path: string): unknown {
  return getPath(cfg, parsePath(path)).value;
}

function shown(path: string, value: unknown): string {
  const last = path.split('.').at(-1) ?? '';
  if (typeof value === 'string' && isSecretKey(last) && value) return REDACTED;
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

export function configEvidence(path: string, value: unknown): Evidence {
  return { kind: 'config', source: path, value: shown(path, value) };
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('hex'); // 48 hex characters
}

/**
 * Token auth, keeping a token the config already has, else a generated one: the repair for an auth
 * mode the gateway refuses (none while exposed, password without a password, a mode that does not exist).
 */
export function switchToTokenAuth(cfg: Record<string, any> | undefined): Operation[] {
  const token = cfg?.gateway?.auth?.token;
  return [
    { op: 'config.set', path: 'gateway.auth.mode', value: 'token' },
    ...(typeof token === 'string' && token ? [] : [{ op: 'config.set' as const, path: 'gateway.auth.token', value: newToken() }]),
  ];
}

export interface Exposure {
  mode: BindMode | undefined;
  raw: unknown;
  host?: string;
  /** True when the gateway listens beyond loopback. */
  exposed: boolean;
}

export function exposure(config: ConfigFact): Exposure {
  const raw = get(config.resolved, 'gateway.bind');
  // Unset means "auto" in a container (0.0.0.0 there), loopback elsewhere: as upstream decides.
  const unset = defaultBindMode(config.resolved, { OPENCLAW_IN_CONTAINER: config.env.inContainer ? '1' : '0' });
  const mode = raw === undefined ? unset : typeof raw === 'string' ? normalizeBind(raw) : undefined;
  if (!mode) return { mode, raw, exposed: false };
  let host: string | undefined;
  try {
    host = bindHost(mode, config.resolved, {
      env: { OPENCLAW_IN_CONTAINER: config.env.inContainer ? '1' : '0' },
      tailnetAddress: () => '100.64.0.1', // any tailnet address: what matters is that it is not loopback
    });
  } catch {
    host = undefined;
  }
  return { mode, raw, host, exposed: host !== undefined && !isLoopbackHost(host) };
}

/** The server's view of auth from the config plus which env secrets are present (values never leave the fact). */
export function serverAuth(config: ConfigFact) {
  const env: NodeJS.ProcessEnv = {};
  if (config.env.tokenSet) env.OPENCLAW_GATEWAY_TOKEN = 'set';
  if (config.env.passwordSet) env.OPENCLAW_GATEWAY_PASSWORD = 'set';
  return resolveServerAuth(config.resolved, {}, env);
}

/** Password auth with no password: the real gateway refuses to start (gateway/password-missing). */
export function passwordMissing(config: ConfigFact | undefined): boolean {
  if (!config) return false;
  const auth = serverAuth(config);
  return auth.mode.value === 'password' && !auth.password;
}

/**
 * A bind beyond loopback with token auth (or none chosen) and no token: the real gateway refuses to
 * start (gateway/bind-without-auth). Modes none, trusted-proxy and password have checks of their own.
 */
export function bindsWithoutAuth(config: ConfigFact | undefined): boolean {
  if (!config || !exposure(config).exposed) return false;
  const auth = serverAuth(config);
  return !['none', 'trusted-proxy', 'password'].includes(auth.mode.value as string) && !auth.token;
}

/**
 * The fix hint for a gateway's recommendedNextStep: its catalog message `next-step.<step>` (whose
 * English is nextStepWords'), or undefined for a step this toolkit does not know (the message's own hint then).
 */
export function nextStepId(step: string | undefined): string | undefined {
  return nextStepWords(step) === undefined ? undefined : `next-step.${step}`;
}

/** The bind in words, as a catalog message for the reader's language (describeBind says it in English). */
export function bindRef(x: Exposure): MessageRef {
  if (x.raw === undefined) return { id: 'bind.unset', params: { mode: x.mode, host: x.host } };
  return { id: 'bind.set', params: { value: String(x.raw ?? x.mode), host: x.host && x.host !== x.raw ? x.host : null } };
}

export function describeBind(x: Exposure): string {
  if (x.raw === undefined) return `${x.mode} (gateway.bind unset${x.mode === 'auto' ? ' in a container' : ''}; ${x.host})`;
  return `${String(x.raw ?? x.mode)}${x.host && x.host !== x.raw ? ` (${x.host})` : ''}`;
}

export type HolderKind = 'this-gateway' | 'other-gateway' | 'unverified-gateway' | 'ssh-tunnel' | 'foreign' | 'unknown';

/**
 * Who a port holder is, relative to this config. A gateway only on positive evidence: a gateway
 * command line that answers the gateway handshake; then this config's when the lock it wrote (checked
 * by readLock: command line, start time) or its environment leads here. Environment alone never counts.
 */
export function classifyHolder(h: PortHolderInfo, config: ConfigFact | undefined, lock: LockFact | undefined): HolderKind {
  if (!h.pid) return 'unknown';
  const exe = (h.command ?? '').split(/\s+/)[0]?.split('/').at(-1) ?? '';
  if (exe === 'ssh' || exe === 'autossh') return 'ssh-tunnel';
  if (!h.gatewayCommand) return 'foreign';
  if (!h.answersHandshake) return 'unverified-gateway';
  if (lock?.state === 'held' && lock.lock.pid === h.pid) return 'this-gateway';
  if (config && h.configPath === config.path) return 'this-gateway';
  return 'other-gateway';
}

export function holderEvidence(h: PortHolderInfo): Evidence {
  return { kind: 'process', source: h.pid ? `pid ${h.pid}` : `port ${h.port}`, value: h.command ?? '(command line not visible)' };
}

/** Compares dotted versions (`2026.9.6`, `20.19.0`) numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** This install's recent log lines (not another instance's in the shared log) that contain any of the given texts (newest last). */
export function logLinesWith(facts: Facts, ...needles: (string | RegExp)[]): LogLine[] {
  const logs = fact(facts, 'logs');
  if (!logs) return [];
  return logs.lines.filter((l) => !l.otherInstance && needles.some((n) => (typeof n === 'string' ? l.text.includes(n) : n.test(l.text))));
}

export function logEvidence(line: LogLine): Evidence {
  return { kind: 'log', source: line.line ? `${line.file}:${line.line}` : line.file, value: line.text.length > 300 ? `${line.text.slice(0, 300)}…` : line.text };
}

/** The value when it is a plain object, else an empty one: configs in the wild hold anything anywhere. */
export function obj(v: unknown): Record<string, any> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {};
}
