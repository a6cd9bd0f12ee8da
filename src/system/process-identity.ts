// What a live process is, read from the OS rather than guessed: its command line and start time
// (/proc on Linux, `ps` on macOS and other Unixes, Win32_Process through PowerShell on Windows), and whether that command line is an OpenClaw gateway. Nothing
// here ever signals a process; callers signal only what `isGatewayCommand` and the lock's
// `createdAt` (or the gateway handshake, see gateway-handshake.ts) have positively identified.
// The process's environment is never evidence of what it is.
import { lazyRequire } from '../lazy-require.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { redactArgv } from '../config/redact.js';
import { escapeControl } from './untrusted-text.js';
import { said, type MessageRef, type Params } from '../i18n/index.js';

// Loaded on first use: the doctor reaches this module on every run but rarely starts a process,
// and child_process brings dgram and the child-process internals with it (~0.5 ms).
const childProcess = lazyRequire<typeof import('node:child_process')>('node:child_process');

export interface ProcessInfo {
  pid: number;
  /** The raw argv: for identity checks and for re-running the same command; never to be shown. */
  argv: string[];
  /** The command line to show: secrets redacted, control characters escaped. */
  command: string;
  /** When the process started (ms since the epoch), when the OS tells. */
  startedAtMs?: number;
}

// Linux reports start times in USER_HZ ticks, 100 on every architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;

/** The one way a command line is turned into text for people: secrets redacted, controls escaped. */
export function showCommand(argv: readonly string[]): string {
  return escapeControl(redactArgv(argv).join(' ')); // a process title cannot rewrite the terminal
}

function bootTimeMs(): number | undefined {
  try {
    const m = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    return m ? Number(m[1]) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** Start time from /proc/<pid>/stat field 22 (ticks after boot); the comm field may hold spaces and parens. */
export function startTimeFromStat(stat: string, bootMs: number): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]); // field 22 overall; fields[0] is field 3
  return Number.isFinite(ticks) ? bootMs + (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
}

function fromProc(pid: number): ProcessInfo | undefined {
  let argv: string[];
  try {
    argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
  let startedAtMs: number | undefined;
  const boot = bootTimeMs();
  try {
    if (boot !== undefined) startedAtMs = startTimeFromStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'), boot);
  } catch {
    /* exited between the two reads */
  }
  return { pid, argv, command: showCommand(argv), startedAtMs };
}

/** `ps -o lstart= -o args=`: a fixed-width 24-character local start time, then the command line. */
export function parsePsLine(pid: number, line: string): ProcessInfo | undefined {
  const trimmed = line.replace(/^\s+/, '');
  if (trimmed.length < 25) return undefined;
  const started = Date.parse(trimmed.slice(0, 24));
  const argv = trimmed.slice(24).trim().split(/ +/).filter(Boolean);
  if (!argv.length) return undefined;
  return { pid, argv, command: showCommand(argv), startedAtMs: Number.isNaN(started) ? undefined : started };
}

function fromPs(pid: number): ProcessInfo | undefined {
  const r = childProcess().spawnSync('ps', ['-o', 'lstart=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8', timeout: 1500, env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0 || !r.stdout) return undefined;
  return parsePsLine(pid, r.stdout.split('\n')[0]);
}

/** Splits a Windows command line on blanks outside double quotes (enough for `node "C:\\x y\\main.js" gateway`). */
export function splitWindowsCommandLine(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/**
 * `Get-CimInstance Win32_Process … | ConvertTo-Json`: CommandLine, and CreationDate either as
 * Windows PowerShell 5.1 writes it (`/Date(1733499275123)/`) or as PowerShell 7 does (ISO 8601).
 */
export function parseCimProcess(pid: number, json: string): ProcessInfo | undefined {
  let row: { CommandLine?: string | null; CreationDate?: string | null };
  try {
    row = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!row?.CommandLine) return undefined;
  const argv = splitWindowsCommandLine(row.CommandLine);
  const created = String(row.CreationDate ?? '');
  const ms = /\/Date\((\d+)\)\//.exec(created)?.[1];
  const startedAtMs = ms ? Number(ms) : Date.parse(created);
  return { pid, argv, command: showCommand(argv), startedAtMs: Number.isNaN(startedAtMs) ? undefined : startedAtMs };
}

function fromCim(pid: number): ProcessInfo | undefined {
  const script = `Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}' | Select-Object CommandLine,CreationDate | ConvertTo-Json -Compress`;
  const r = childProcess().spawnSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { encoding: 'utf8', timeout: 5000, windowsHide: true });
  return r.status === 0 && r.stdout ? parseCimProcess(pid, r.stdout.trim()) : undefined;
}

/** The process's command line and start time; undefined when it is gone or the OS will not say. */
export function readProcess(pid: number): ProcessInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'win32') return fromCim(pid);
  return fs.existsSync('/proc/self/stat') ? fromProc(pid) : fromPs(pid);
}

// This toolkit's own CLI entry (dist/src/cli/main.cjs, the bin, or main.js, which starts it), from
// wherever this module runs.
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OWN_ENTRIES = ['../cli/main.cjs', '../cli/main.js', '../../dist/src/cli/main.cjs', '../../dist/src/cli/main.js'].map((p) => path.resolve(HERE, p));

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** The last path segment, for POSIX and Windows paths alike (a Windows command line read anywhere). */
const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** A script that is an OpenClaw CLI: the real package's, a global `openclaw`, or this toolkit's (any install). */
function isOpenClawScript(script: string): boolean {
  const base = baseName(script);
  if (base === 'openclaw' || base === 'openclaw.mjs' || base === 'openclaw.js' || base === 'openclaw.exe') return true;
  if (/[\\/]node_modules[\\/](openclaw|openclaw-doctor-toolkit)[\\/]/.test(script)) return true;
  if (/[\\/]openclaw-doctor-toolkit[\\/]dist[\\/]src[\\/]cli[\\/]main\.c?js$/.test(script)) return true;
  const real = realpath(script);
  return OWN_ENTRIES.some((e) => e === script || e === real) || isToolkitEntry(real);
}

const TOOLKIT_ENTRY = /^(.*)[\\/]dist[\\/]src[\\/]cli[\\/]main\.c?js$/;

/**
 * Another install or checkout of this toolkit (a global install, a clone in any folder): its CLI
 * entry with the package's own package.json beside dist/. A file named main.js alone is no evidence.
 */
function isToolkitEntry(script: string): boolean {
  const root = TOOLKIT_ENTRY.exec(script)?.[1];
  if (!root) return false;
  try {
    const file = path.join(root, 'package.json');
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > 64 * 1024) return false;
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name === 'openclaw-doctor-toolkit';
  } catch {
    return false;
  }
}

const VALUE_OPTIONS = new Set(['--profile', '--log-level', '--config']);
const INTERPRETERS = /^(node|nodejs|bun|deno)(\.exe)?$|^node\d+$/;

/**
 * True for the command line of an OpenClaw gateway: the real gateway's process title
 * `openclaw-gateway`, or an OpenClaw CLI (the real one or this toolkit) running `gateway` / `gateway run`
 * (not `gateway stop`, `status`, …). A bare "openclaw" somewhere in the arguments is not enough.
 */
export function isGatewayCommand(argv: readonly string[]): boolean {
  if (!argv.length) return false;
  const exe = baseName(argv[0]);
  if (exe === 'openclaw-gateway' || exe === 'openclaw-gateway.exe') return true;
  let rest: readonly string[];
  if (isOpenClawScript(argv[0])) rest = argv.slice(1);
  else if (INTERPRETERS.test(exe)) {
    const at = argv.findIndex((a, i) => i > 0 && !a.startsWith('-'));
    if (at < 0 || !isOpenClawScript(argv[at])) return false;
    rest = argv.slice(at + 1);
  } else return false;
  // The first word that is neither an option nor a global option's value must be `gateway`.
  let g = 0;
  while (g < rest.length && (rest[g].startsWith('-') || VALUE_OPTIONS.has(rest[g - 1] ?? ''))) g++;
  if (rest[g] !== 'gateway') return false;
  const next = rest[g + 1];
  return next === undefined || next === 'run' || next.startsWith('-');
}

// /proc start times are exact to a tick but boot time only to a second; ps's lstart to a second.
const START_SLACK_MS = 2000;

/** Whether the process started no later than `createdAt` (a lock written by it cannot predate it). */
export function startedBy(info: ProcessInfo, createdAt: string | number | undefined): boolean | undefined {
  if (info.startedAtMs === undefined || createdAt === undefined) return undefined;
  const created = typeof createdAt === 'number' ? createdAt : Date.parse(createdAt);
  if (Number.isNaN(created)) return undefined;
  return info.startedAtMs <= created + START_SLACK_MS;
}

export type GatewayIdentity = { gateway: true; info: ProcessInfo } | { gateway: false; info?: ProcessInfo; reason: string; reasonRef: MessageRef };

/** Why a pid is not the gateway that wrote a lock: English (logs, --json) and the catalog message. */
function notGateway(info: ProcessInfo | undefined, id: string, params: Params): GatewayIdentity {
  const { message, text } = said(id, params);
  return { gateway: false, ...(info ? { info } : {}), reason: message, reasonRef: text };
}

/**
 * Whether the owner pid of a lock is the gateway that wrote it: an OpenClaw gateway command line that
 * started no later than the lock. The reason says why not, with the command, for the user to see.
 */
export function identifyLockOwner(pid: number, createdAt: string | number | undefined): GatewayIdentity {
  const info = readProcess(pid);
  if (!info) return notGateway(undefined, 'system.lock-owner.unreadable', { pid });
  if (!isGatewayCommand(info.argv)) return notGateway(info, 'system.lock-owner.not-gateway', { pid, command: info.command });
  if (startedBy(info, createdAt) === false) return notGateway(info, 'system.lock-owner.started-later', { pid, command: info.command });
  return { gateway: true, info };
}
