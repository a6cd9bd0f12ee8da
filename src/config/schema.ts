// The part of OpenClaw's config this toolkit understands. Unknown keys pass through untouched
// everywhere except directly under `gateway` (and `gateway.auth`), where a stray key is usually a
// typo or a legacy key such as `gateway.token` that silently does nothing.
import { distance } from 'fastest-levenshtein';
import * as z from '../zod.js';
import type { MessageRef } from '../i18n/index.js';

const port = z.number().check(z.int(), z.gte(1), z.lte(65535));
/** A whole number of at least `min` (counts, milliseconds). */
const intAtLeast = (min: number) => z.number().check(z.int(), z.gte(min));
const loose = z.looseObject({});
// Schemas are immutable, so the common leaves are built once and shared: every CLI start builds
// this schema, and fewer instances make both that and the first parse cheaper.
const optString = z.optional(z.string());
const optBoolean = z.optional(z.boolean());

export const BIND_MODES = ['loopback', 'lan', 'tailnet', 'custom', 'auto'] as const;
/** Host values older releases accepted for gateway.bind; the doctor migrates them to a mode. */
export const LEGACY_BIND_ALIASES: Record<string, (typeof BIND_MODES)[number]> = {
  '0.0.0.0': 'lan',
  '::': 'lan',
  '*': 'lan',
  '127.0.0.1': 'loopback',
  localhost: 'loopback',
  '::1': 'loopback',
};
export const AUTH_MODES = ['none', 'token', 'password', 'trusted-proxy'] as const;
export const RELOAD_MODES = ['off', 'hot', 'restart', 'hybrid'] as const;
export const GATEWAY_MODES = ['local', 'remote'] as const;
export const DM_POLICIES = ['pairing', 'allowlist', 'open', 'disabled'] as const;

const rateLimit = z.looseObject({
  maxAttempts: z.optional(intAtLeast(1)),
  windowMs: z.optional(intAtLeast(1)),
  lockoutMs: z.optional(intAtLeast(0)),
  exemptLoopback: optBoolean,
});

const gatewayAuth = z.strictObject({
  mode: z.optional(z.enum(AUTH_MODES)),
  token: optString,
  password: optString,
  allowTailscale: optBoolean,
  trustedProxy: z.optional(loose),
  identityScopes: z.optional(z.record(z.string(), z.array(z.string()))),
  rateLimit: z.optional(rateLimit),
});

export const gatewaySchema = z.strictObject({
  mode: z.optional(z.enum(GATEWAY_MODES)),
  port: z.optional(port),
  bind: z.optional(z.union([z.enum(BIND_MODES), z.enum(Object.keys(LEGACY_BIND_ALIASES) as [string, ...string[]])])),
  customBindHost: optString,
  publicOrigin: optString,
  auth: z.optional(gatewayAuth),
  controlUi: z.optional(
    z.looseObject({
      enabled: optBoolean,
      basePath: optString,
      allowedOrigins: z.optional(z.array(z.string())),
      allowInsecureAuth: optBoolean,
      dangerouslyDisableDeviceAuth: optBoolean,
      dangerouslyAllowHostHeaderOriginFallback: optBoolean,
    }),
  ),
  reload: z.optional(z.looseObject({ mode: z.optional(z.enum(RELOAD_MODES)), debounceMs: z.optional(intAtLeast(0)) })),
  remote: z.optional(loose),
  tailscale: z.optional(loose),
  tls: z.optional(loose),
  http: z.optional(loose),
  nodes: z.optional(loose),
  roles: z.optional(loose),
  push: z.optional(loose),
  tools: z.optional(loose),
  terminal: z.optional(loose),
  trustedProxies: z.optional(z.array(z.string())),
  allowRealIpFallback: optBoolean,
  channelHealthCheckMinutes: z.optional(z.number().check(z.gte(0))),
  handshakeTimeoutMs: z.optional(intAtLeast(1)),
});

const channelAccount = z.looseObject({
  enabled: optBoolean,
  dmPolicy: z.optional(z.enum(DM_POLICIES)),
  allowFrom: z.optional(z.array(z.union([z.string(), z.number()]))),
  groupPolicy: optString,
  requireMention: optBoolean,
});

const hhmm = z.string().check(z.regex(/^\d{1,2}:\d{2}$/, 'expected HH:MM'));

const heartbeat = z.looseObject({
  every: optString,
  target: optString,
  to: optString,
  accountId: optString,
  directPolicy: z.optional(z.enum(['allow', 'block'])),
  activeHours: z.optional(z.looseObject({ start: z.optional(hhmm), end: z.optional(hhmm), timezone: optString })),
});

const providerModel = z.looseObject({
  id: optString,
  contextWindow: z.optional(intAtLeast(1)),
  compat: z.optional(z.looseObject({ requiresStringContent: optBoolean, supportsTools: optBoolean })),
});

const provider = z.looseObject({
  baseUrl: optString,
  apiKey: optString,
  api: optString,
  models: z.optional(z.array(providerModel)),
});

export const configSchema = z.looseObject({
  meta: z.optional(z.looseObject({ lastTouchedVersion: optString, lastTouchedAt: optString })),
  gateway: z.optional(gatewaySchema),
  channels: z.optional(z.record(z.string(), z.union([channelAccount, z.unknown()]))),
  messages: z.optional(z.looseObject({ groupChat: z.optional(z.looseObject({ mentionPatterns: z.optional(z.array(z.string())) })) })),
  agents: z.optional(
    z.looseObject({
      defaults: z.optional(
        z.looseObject({
          heartbeat: z.optional(heartbeat),
          models: z.optional(z.record(z.string(), z.looseObject({ params: z.optional(loose) }))),
          workspace: optString,
        }),
      ),
    }),
  ),
  cron: z.optional(z.looseObject({ enabled: optBoolean, store: optString })),
  browser: z.optional(
    z.looseObject({
      enabled: optBoolean,
      executablePath: optString,
      cdpUrl: optString,
      attachOnly: optBoolean,
      headless: optBoolean,
      defaultProfile: optString,
      profiles: z.optional(z.record(z.string(), loose)),
    }),
  ),
  plugins: z.optional(z.looseObject({ allow: z.optional(z.array(z.string())), deny: z.optional(z.array(z.string())) })),
  models: z.optional(z.looseObject({ providers: z.optional(z.record(z.string(), provider)) })),
  logging: z.optional(z.looseObject({ file: optString, level: optString })),
  hooks: z.optional(z.looseObject({ enabled: optBoolean, token: optString, path: optString })),
});

export type OpenClawConfig = z.infer<typeof configSchema>;

export interface ValidationIssue {
  /** Dotted path, e.g. `gateway.auth.mode` or `models.providers.local.models[0].contextWindow`. */
  path: string;
  /** What is wrong, with the value found and what is allowed, e.g. `"public" is not one of: …`. */
  message: string;
  /** The same as data: a catalog id and its params (locales/<locale>/config-reasons.json), for the reader's language. */
  reason?: MessageRef;
  /** Zod's issue code, e.g. `unrecognized_keys`, `invalid_value`. */
  code: string;
  /** For an unknown key: the path of the known key it most likely means (`gateway.port` for `gateway.prot`). */
  didYouMean?: string;
  /** For a value outside a closed set: the allowed values, and the one it most likely means. */
  allowed?: string[];
  suggestedValue?: string;
}

export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(s))) out += out ? `.${String(s)}` : String(s);
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

type Def = { type: string; innerType?: Schema; shape?: Record<string, Schema>; valueType?: Schema; element?: Schema; options?: Schema[] };
type Schema = { _zod: { def: Def } };

/** The object schema at a path of the config (through optionals, records, arrays and unions). */
function objectSchemaAt(segments: ReadonlyArray<PropertyKey>): Record<string, Schema> | undefined {
  let node: Schema | undefined = configSchema as unknown as Schema;
  const unwrap = (n: Schema | undefined): Schema | undefined => {
    while (n && n._zod.def.type === 'optional') n = n._zod.def.innerType;
    if (n && n._zod.def.type === 'union') n = n._zod.def.options?.find((o) => o._zod.def.type === 'object') ?? n;
    return n;
  };
  for (const seg of segments) {
    const def: Def | undefined = unwrap(node)?._zod.def;
    if (!def) return undefined;
    node = def.type === 'object' ? def.shape?.[String(seg)] : def.type === 'record' ? def.valueType : def.type === 'array' ? def.element : undefined;
  }
  return unwrap(node)?._zod.def.shape;
}

/** The known name nearest to a mistyped key or value, when it is near enough to be a typo. */
function nearestName(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  // Short keys allow one edit, longer ones two or three (a swap of two letters counts as two).
  const allowed = key.length <= 3 ? 1 : key.length <= 8 ? 2 : 3;
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

function valueAt(value: unknown, segments: ReadonlyArray<PropertyKey>): unknown {
  let v = value;
  for (const s of segments) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[s as string] : undefined;
  return v;
}

/** A value as the user wrote it, short: `"public"`, `18789`, `an object`. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/**
 * The allowed values of an enum issue; for a union, those of its first enum branch (later branches
 * are compatibility aliases such as bind's legacy host values: accepted, never advised).
 */
function allowedValues(issue: z.core.$ZodIssue): string[] | undefined {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code === 'invalid_union') {
    const first = issue.errors.flat().find((i) => i.code === 'invalid_value');
    return first?.code === 'invalid_value' ? first.values.map(String) : undefined;
  }
  return undefined;
}

type Described = Pick<ValidationIssue, 'message' | 'reason' | 'allowed' | 'suggestedValue'>;

/** One issue in words and as data: the value found, and what would be accepted. */
function describe(issue: z.core.$ZodIssue, input: unknown): Described {
  const value = valueAt(input, issue.path);
  const allowed = allowedValues(issue);
  if (allowed) {
    const meant = typeof value === 'string' ? nearestName(value, allowed) : undefined;
    const params = { value: shown(value), allowed: allowed.join(', '), meant: meant ?? null };
    return {
      message: `${params.value} is not allowed here; use one of: ${params.allowed}${meant ? ` (did you mean "${meant}"?)` : ''}`,
      reason: { id: 'config.issue.not-allowed', params },
      allowed,
      ...(meant && { suggestedValue: meant }),
    };
  }
  if (issue.code === 'invalid_type') {
    const found = Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
    const got = found === 'list' ? 'a list' : found === 'null' ? 'null' : article(found);
    const numeric = issue.expected === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
    const expected = issue.expected === 'int' ? 'whole number' : issue.expected;
    const seen = value !== undefined && typeof value !== 'object' ? shown(value) : null;
    const params = { expected: issue.expected, found, value: seen, numeric: numeric ? String(Number(value)) : null };
    return {
      message: `expected ${article(expected)}, found ${got}${seen !== null ? ` (${seen})` : ''}${numeric ? `; write it without quotes: ${Number(value)}` : ''}`,
      reason: { id: 'config.issue.wrong-type', params },
    };
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const [bound, limit] = issue.code === 'too_small' ? ['min', String(issue.minimum)] : ['max', String(issue.maximum)];
    return {
      message: `${shown(value)} is out of range: must be ${bound === 'min' ? 'at least' : 'at most'} ${limit}`,
      reason: { id: 'config.issue.out-of-range', params: { value: shown(value), bound, limit } },
    };
  }
  // The schema's own words (a format or a custom rule) stay as written.
  if (issue.code === 'invalid_format' || issue.code === 'custom') {
    return { message: `${shown(value)}: ${issue.message}`, reason: { id: 'config.issue.rule', params: { value: shown(value), rule: issue.message } } };
  }
  if (issue.code === 'not_multiple_of') return { message: `${shown(value)} must be a whole number`, reason: { id: 'config.issue.not-whole', params: { value: shown(value) } } };
  return { message: issue.message, reason: { id: 'config.issue.other', params: { message: issue.message } } };
}

/**
 * Validates a resolved config; an unknown key becomes one issue per key, with its full path. With
 * `reasons`, each issue also carries its reason as a catalog message (the doctor's facts do).
 */
export function validateConfig(value: unknown, opts: { reasons?: boolean } = {}): ValidationIssue[] {
  const result = configSchema.safeParse(value);
  if (result.success) return [];
  const issues: ValidationIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(objectSchemaAt(issue.path) ?? {});
      for (const key of issue.keys) {
        const p = formatPath([...issue.path, key]);
        if (p === 'gateway.token') {
          const reason = { id: 'config.issue.legacy-token' };
          issues.push({ path: p, message: 'legacy key: gateway.token is not read; the token belongs in gateway.auth.token', reason, code: issue.code });
          continue;
        }
        const meant = nearestName(key, known);
        const didYouMean = meant ? formatPath([...issue.path, meant]) : undefined;
        const reason = { id: 'config.issue.unknown-key', params: { key, meant: meant ?? null } };
        issues.push({ path: p, message: `unknown key "${key}"${meant ? `; did you mean "${meant}"?` : ''}`, reason, code: issue.code, ...(didYouMean && { didYouMean }) });
      }
    } else {
      issues.push({ path: formatPath(issue.path) || '(root)', code: issue.code, ...describe(issue, value) });
    }
  }
  return opts.reasons ? issues : issues.map(({ reason: _, ...issue }) => issue);
}
