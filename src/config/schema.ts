// The part of OpenClaw's config this toolkit understands. Unknown keys pass through untouched
// everywhere except directly under `gateway` (and `gateway.auth`), where a stray key is usually a
// typo or a legacy key such as `gateway.token` that silently does nothing.
import * as z from '../zod.js';

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
  message: string;
  /** Zod's issue code, e.g. `unrecognized_keys`, `invalid_value`. */
  code: string;
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

/** Validates a resolved config; an unknown key becomes one issue per key, with its full path. */
export function validateConfig(value: unknown): ValidationIssue[] {
  const result = configSchema.safeParse(value);
  if (result.success) return [];
  const issues: ValidationIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = formatPath([...issue.path, key]);
        const message =
          p === 'gateway.token'
            ? 'legacy key: gateway.token is not read; the token belongs in gateway.auth.token'
            : `unknown key "${key}"`;
        issues.push({ path: p, message, code: issue.code });
      }
    } else {
      issues.push({ path: formatPath(issue.path) || '(root)', message: issue.message, code: issue.code });
    }
  }
  return issues;
}
