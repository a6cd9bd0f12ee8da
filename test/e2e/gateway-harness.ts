// Shared by the gateway/client end-to-end tests: temp state dirs, a real gateway process from dist,
// raw WebSocket helpers, a signed device, and the secret-leak scan every file runs in afterAll.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { lockPathFor, readLock } from '../../src/system/gateway-lock.js';
import { base64url, deviceIdFor, rawPublicKey, signPayload, signedPayload } from '../../src/protocol/device-auth.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/src/cli/main.js');

const stateDirs: string[] = [];
const children: ChildProcess[] = [];
const outputs: string[] = [];
const secrets = new Set<string>();

/** A loopback port the OS just handed out (and took back), for a config that names its port. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('hex');
}

/** A temp state dir with openclaw.json (object → JSON, string → written as is, undefined → none). */
export function makeState(config?: object | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-gw-e2e-'));
  stateDirs.push(dir);
  if (config !== undefined) fs.writeFileSync(path.join(dir, 'openclaw.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2), { mode: 0o600 });
  collectSecrets(config);
  return dir;
}

function collectSecrets(config: unknown): void {
  if (!config || typeof config !== 'object') return;
  const auth = (config as any).gateway?.auth;
  if (auth?.token) secrets.add(auth.token);
  if (auth?.password) secrets.add(auth.password);
}

export function trackSecret(s: string): void {
  secrets.add(s);
}

export function envFor(stateDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENCLAW_STATE_DIR: stateDir, NO_COLOR: '1', ...extra };
  delete env.OPENCLAW_CONFIG_PATH;
  delete env.OPENCLAW_GATEWAY_TOKEN;
  delete env.OPENCLAW_GATEWAY_PASSWORD;
  delete env.OPENCLAW_GATEWAY_PORT;
  delete env.OPENCLAW_PROFILE;
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function cli(stateDir: string, args: string[], extraEnv: Record<string, string> = {}, timeoutMs = 15_000): CliResult {
  const t = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { env: envFor(stateDir, extraEnv), encoding: 'utf8', timeout: timeoutMs });
  outputs.push(r.stdout ?? '', r.stderr ?? '');
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t };
}

export interface RunningGateway {
  proc: ChildProcess;
  port: number;
  url: string;
  stateDir: string;
  output(): string;
  /** Resolves with the exit code (SIGTERM by default). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Spawns `openclaw gateway` and waits for its `listening on ws://host:port` line. */
export async function startGateway(stateDir: string, args: string[] = ['--port', '0'], extraEnv: Record<string, string> = {}, timeoutMs = 10_000): Promise<RunningGateway> {
  const proc = spawn(process.execPath, [CLI, 'gateway', ...args], { env: envFor(stateDir, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  exited.then(() => outputs.push(out));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not listen within ${timeoutMs}ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /listening on ws:\/\/[^\s]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    proc.stderr!.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    proc,
    port,
    url: `ws://127.0.0.1:${port}`,
    stateDir,
    output: () => out,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

/** Runs a gateway command to completion (for guards): exit code and output. */
export function runGatewayOnce(stateDir: string, args: string[], extraEnv: Record<string, string> = {}, timeoutMs = 15_000): CliResult {
  return cli(stateDir, ['gateway', ...args], extraEnv, timeoutMs);
}

export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function logText(stateDir: string): string {
  const dir = path.join(stateDir, 'logs');
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('openclaw-') && f.endsWith('.log'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('');
}

// ---- raw protocol helpers ----

export interface RawSocket {
  ws: WebSocket;
  challenge: Promise<{ nonce: string; ts: number }>;
  /** The next frame that matches (or any frame). */
  next(match?: (f: any) => boolean, timeoutMs?: number): Promise<any>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
}

export function rawConnect(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  const frames: any[] = [];
  const waiters: Array<{ match: (f: any) => boolean; resolve: (f: any) => void }> = [];
  ws.on('message', (d) => {
    let f: any;
    try {
      f = JSON.parse(d.toString());
    } catch {
      return;
    }
    const i = waiters.findIndex((w) => w.match(f));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(f);
    else frames.push(f);
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const next = (match: (f: any) => boolean = () => true, timeoutMs = 5000) =>
    new Promise<any>((resolve, reject) => {
      const i = frames.findIndex(match);
      if (i >= 0) return resolve(frames.splice(i, 1)[0]);
      const t = setTimeout(() => reject(new Error('no matching frame')), timeoutMs);
      waiters.push({ match, resolve: (f) => (clearTimeout(t), resolve(f)) });
    });
  const challenge = next((f) => f.type === 'event' && f.event === 'connect.challenge').then((f) => f.payload);
  return {
    ws,
    challenge,
    next,
    closed,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
  };
}

export interface TestDevice {
  id: string;
  publicKey: string;
  privateKey: crypto.KeyObject;
}

export function newDevice(): TestDevice {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return { id: deviceIdFor(raw), publicKey: base64url(raw), privateKey };
}

export interface ConnectSpec {
  token?: string;
  password?: string;
  deviceToken?: string;
  bootstrapToken?: string;
  device?: TestDevice;
  role?: string;
  scopes?: string[];
  clientId?: string;
  mode?: string;
  minProtocol?: number;
  maxProtocol?: number;
  /** Tamper with the signed device block. */
  sign?: { version?: 'v3' | 'v2'; signedAt?: number; nonce?: string | null; id?: string; publicKey?: string; signature?: string; signNonce?: string };
}

export function connectFrame(nonce: string, spec: ConnectSpec, id = 'c1') {
  const clientId = spec.clientId ?? 'test';
  const mode = spec.mode ?? 'test';
  const role = spec.role ?? 'operator';
  const scopes = spec.scopes ?? ['operator.admin'];
  const auth: Record<string, string> = {};
  if (spec.token) auth.token = spec.token;
  if (spec.password) auth.password = spec.password;
  if (spec.deviceToken) auth.deviceToken = spec.deviceToken;
  if (spec.bootstrapToken) auth.bootstrapToken = spec.bootstrapToken;
  const params: any = {
    minProtocol: spec.minProtocol ?? 3,
    maxProtocol: spec.maxProtocol ?? 4,
    client: { id: clientId, version: '1.0.0', platform: 'Linux', mode },
    role,
    scopes,
    auth,
  };
  if (spec.device) {
    const s = spec.sign ?? {};
    const signedAt = s.signedAt ?? Date.now();
    const payload = signedPayload(
      {
        deviceId: spec.device.id,
        clientId,
        clientMode: mode,
        role,
        scopes,
        signedAtMs: signedAt,
        token: auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? '',
        nonce: s.signNonce ?? nonce,
        platform: 'Linux',
      },
      s.version ?? 'v3',
    );
    params.device = {
      id: s.id ?? spec.device.id,
      publicKey: s.publicKey ?? spec.device.publicKey,
      signature: s.signature ?? signPayload(spec.device.privateKey, payload),
      signedAt,
    };
    if (s.nonce !== null) params.device.nonce = s.nonce ?? nonce;
  }
  return { type: 'req', id, method: 'connect', params };
}

/** Opens a socket, answers the challenge with `spec`, returns the connect response. */
export async function handshake(url: string, spec: ConnectSpec, headers: Record<string, string> = {}): Promise<{ sock: RawSocket; res: any }> {
  const sock = rawConnect(url, headers);
  const { nonce } = await sock.challenge;
  sock.send(connectFrame(nonce, spec));
  const res = await sock.next((f) => f.type === 'res' && f.id === 'c1');
  return { sock, res };
}

export async function rpc(sock: RawSocket, method: string, params: unknown = {}): Promise<any> {
  const id = crypto.randomUUID();
  sock.send({ type: 'req', id, method, params });
  return sock.next((f) => f.type === 'res' && f.id === id);
}

// ---- teardown ----

/** Fails when any configured token/password appears in a log line or a CLI output of this file. */
export function assertNoSecretLeaks(): void {
  const texts = [...outputs, ...stateDirs.map(logText)];
  for (const dir of stateDirs) {
    for (const f of ['gateway.log', 'gateway.err.log']) {
      const p = path.join(dir, 'logs', f);
      if (fs.existsSync(p)) texts.push(fs.readFileSync(p, 'utf8'));
    }
  }
  for (const s of secrets) {
    for (const t of texts) if (t.includes(s)) throw new Error(`secret leaked into output or log: …${t.slice(Math.max(0, t.indexOf(s) - 120), t.indexOf(s) + 20)}…`);
  }
}

export async function cleanup(): Promise<void> {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  assertNoSecretLeaks();
  for (const d of stateDirs) {
    // A gateway started by a command under test (gateway restart) is not our child: end it by its lock.
    const lock = readLock(lockPathFor(path.join(d, 'openclaw.json')));
    if (lock.state === 'held' && lock.lock.pid !== process.pid) {
      try {
        process.kill(lock.lock.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(lockPathFor(path.join(d, 'openclaw.json')), { force: true });
    fs.rmSync(d, { recursive: true, force: true });
  }
  stateDirs.length = 0;
  outputs.length = 0;
}

export function readJsonFile(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
