// The targets file of `doctor --targets FILE`: the gateways to check, as YAML or JSON (YAML reads
// both). Secrets are named, never written: tokenEnv/passwordEnv name an environment variable,
// tokenFile/passwordFile a file (relative to the targets file). A target that names none uses the
// run's own credential (--token-file, OPENCLAW_GATEWAY_TOKEN, …).
import fs from 'node:fs';
import path from 'node:path';
import * as z from '../zod.js';
import type { RemoteTarget } from '../client/remote-probe.js';
import { lazyRequire } from '../lazy-require.js';

// Loaded from node_modules on first use: only a --targets file needs it, and bundled it added
// ~160 KB that every start reads.
const yaml = lazyRequire<typeof import('yaml')>('yaml');

export interface FleetTarget extends RemoteTarget {
  name: string;
  labels: Record<string, string>;
}

export class TargetsError extends Error {}

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_SECRET_FILE_BYTES = 64 * 1024;
export const MAX_TARGETS = 1000;

const optString = z.optional(z.string().check(z.minLength(1)));
const targetSchema = z.strictObject({
  url: z.string().check(z.minLength(1)),
  name: optString,
  labels: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  tokenEnv: optString,
  tokenFile: optString,
  passwordEnv: optString,
  passwordFile: optString,
});
const fileSchema = z.union([z.array(targetSchema), z.strictObject({ targets: z.array(targetSchema) })]);

const INLINE_SECRETS = ['token', 'password'];
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Parses and checks the file; secrets are resolved here, so a missing one stops the run before any probe. */
export function loadTargets(file: string, env: NodeJS.ProcessEnv, fallback: Pick<RemoteTarget, 'token' | 'password'> = {}): FleetTarget[] {
  const text = readBounded(file, MAX_FILE_BYTES, 'targets file');
  let raw: unknown;
  try {
    raw = yaml().parse(text, { maxAliasCount: 50 });
  } catch (err) {
    throw new TargetsError(`${file} is neither YAML nor JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(raw) ? raw : (raw as { targets?: unknown })?.targets;
  if (Array.isArray(list)) {
    // Named before the schema runs so the message says what to do, and never repeats the value.
    list.forEach((t, i) => {
      const key = t && typeof t === 'object' ? INLINE_SECRETS.find((k) => k in t) : undefined;
      if (key) throw new TargetsError(`${file}: target ${i + 1} writes its ${key} inline; name it instead with ${key}Env (a variable) or ${key}File (a file)`);
      if (typeof t?.url === 'string' && /^[a-z]+:\/\/[^/]*@/i.test(t.url)) throw new TargetsError(`${file}: target ${i + 1} has credentials inside its url; name the secret with tokenEnv or tokenFile instead`);
    });
  }
  const parsed = z.safeParse(fileSchema, raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '(top level)';
    throw new TargetsError(`${file}: ${where}: ${issue.message} (expected a list of {url, name?, labels?, tokenEnv?|tokenFile?, passwordEnv?|passwordFile?}, or {targets: [...]})`);
  }
  const targets = Array.isArray(parsed.data) ? parsed.data : parsed.data.targets;
  if (targets.length === 0) throw new TargetsError(`${file} lists no targets`);
  if (targets.length > MAX_TARGETS) throw new TargetsError(`${file} lists ${targets.length} targets; at most ${MAX_TARGETS} per run`);
  const dir = path.dirname(path.resolve(file));
  const names = new Set<string>();
  return targets.map((t, i) => {
    const name = t.name ?? hostOf(t.url);
    if (names.has(name)) throw new TargetsError(`${file}: two targets are named "${name}"; give each a distinct name`);
    names.add(name);
    const labels = Object.fromEntries(Object.entries(t.labels ?? {}).map(([k, v]) => [k, String(v)]));
    // Names and labels head every report block and JUnit suite: no terminal escapes or line breaks.
    if ([name, t.url, ...Object.entries(labels).flat()].some((s) => CONTROL.test(s))) throw new TargetsError(`${file}: target ${i + 1} has a control character in its url, name or labels`);
    const label = `target "${name}"`;
    if (t.tokenEnv && t.tokenFile) throw new TargetsError(`${file}: ${label} names both tokenEnv and tokenFile; keep one`);
    if (t.passwordEnv && t.passwordFile) throw new TargetsError(`${file}: ${label} names both passwordEnv and passwordFile; keep one`);
    const token = t.tokenEnv ? fromEnv(env, t.tokenEnv, label) : t.tokenFile ? secretFile(path.resolve(dir, t.tokenFile), label) : undefined;
    const password = t.passwordEnv ? fromEnv(env, t.passwordEnv, label) : t.passwordFile ? secretFile(path.resolve(dir, t.passwordFile), label) : undefined;
    const own = token !== undefined || password !== undefined;
    return {
      name,
      url: t.url,
      labels,
      token: own ? token : fallback.token,
      password: own ? password : fallback.password,
    };
  });
}

/** A secret kept in a file: its first line, trimmed (an editor's trailing newline is not part of it). */
export function secretFile(file: string, label: string): string {
  const value = readBounded(file, MAX_SECRET_FILE_BYTES, `secret file of ${label}`).split(/\r?\n/)[0].trim();
  if (!value) throw new TargetsError(`the secret file of ${label} (${file}) is empty`);
  return value;
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, label: string): string {
  const value = env[name];
  if (!value) throw new TargetsError(`${label} takes its secret from $${name}, which is not set`);
  return value;
}

function readBounded(file: string, max: number, what: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    throw new TargetsError(`cannot read the ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!st.isFile()) throw new TargetsError(`the ${what} ${file} is not a file`);
  if (st.size > max) throw new TargetsError(`the ${what} ${file} is ${st.size} bytes; at most ${max}`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new TargetsError(`cannot read the ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
