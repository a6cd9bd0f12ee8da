// The part of OpenClaw's config this toolkit understands. Unknown keys pass through untouched
// everywhere except directly under `gateway` (and `gateway.auth`), where a stray key is usually a
// typo or a legacy key such as `gateway.token` that silently does nothing.
import { z } from 'zod';

const port = z.number().int().min(1).max(65535);
const loose = z.looseObject({});

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
  maxAttempts: z.number().int().min(1).optional(),
  windowMs: z.number().int().min(1).optional(),
  lockoutMs: z.number().int().min(0).optional(),
  exemptLoopback: z.boolean().optional(),
});

const gatewayAuth = z.strictObject({
  mode: z.enum(AUTH_MODES).optional(),
  token: z.string().optional(),
  password: z.string().optional(),
  allowTailscale: z.boolean().optional(),
  trustedProxy: loose.optional(),
  identityScopes: z.record(z.string(), z.array(z.string())).optional(),
  rateLimit: rateLimit.optional(),
});

export const gatewaySchema = z.strictObject({
  mode: z.enum(GATEWAY_MODES).optional(),
  port: port.optional(),
  bind: z.union([z.enum(BIND_MODES), z.enum(Object.keys(LEGACY_BIND_ALIASES) as [string, ...string[]])]).optional(),
  customBindHost: z.string().optional(),
  publicOrigin: z.string().optional(),
  auth: gatewayAuth.optional(),
  controlUi: z
    .looseObject({
      enabled: z.boolean().optional(),
      basePath: z.string().optional(),
      allowedOrigins: z.array(z.string()).optional(),
      allowInsecureAuth: z.boolean().optional(),
      dangerouslyDisableDeviceAuth: z.boolean().optional(),
      dangerouslyAllowHostHeaderOriginFallback: z.boolean().optional(),
    })
    .optional(),
  reload: z.looseObject({ mode: z.enum(RELOAD_MODES).optional(), debounceMs: z.number().int().min(0).optional() }).optional(),
  remote: loose.optional(),
  tailscale: loose.optional(),
  tls: loose.optional(),
  http: loose.optional(),
  nodes: loose.optional(),
  roles: loose.optional(),
  push: loose.optional(),
  tools: loose.optional(),
  terminal: loose.optional(),
  trustedProxies: z.array(z.string()).optional(),
  allowRealIpFallback: z.boolean().optional(),
  channelHealthCheckMinutes: z.number().min(0).optional(),
  handshakeTimeoutMs: z.number().int().min(1).optional(),
});

const channelAccount = z.looseObject({
  enabled: z.boolean().optional(),
  dmPolicy: z.enum(DM_POLICIES).optional(),
  allowFrom: z.array(z.union([z.string(), z.number()])).optional(),
  groupPolicy: z.string().optional(),
  requireMention: z.boolean().optional(),
});

const heartbeat = z.looseObject({
  every: z.string().optional(),
  target: z.string().optional(),
  to: z.string().optional(),
  accountId: z.string().optional(),
  directPolicy: z.enum(['allow', 'block']).optional(),
  activeHours: z
    .looseObject({
      start: z.string().regex(/^\d{1,2}:\d{2}$/, 'expected HH:MM').optional(),
      end: z.string().regex(/^\d{1,2}:\d{2}$/, 'expected HH:MM').optional(),
      timezone: z.string().optional(),
    })
    .optional(),
});

const providerModel = z.looseObject({
  id: z.string().optional(),
  contextWindow: z.number().int().min(1).optional(),
  compat: z.looseObject({ requiresStringContent: z.boolean().optional(), supportsTools: z.boolean().optional() }).optional(),
});

export const configSchema = z.looseObject({
  meta: z.looseObject({ lastTouchedVersion: z.string().optional(), lastTouchedAt: z.string().optional() }).optional(),
  gateway: gatewaySchema.optional(),
  channels: z.record(z.string(), z.union([channelAccount, z.unknown()])).optional(),
  messages: z.looseObject({ groupChat: z.looseObject({ mentionPatterns: z.array(z.string()).optional() }).optional() }).optional(),
  agents: z
    .looseObject({
      defaults: z
        .looseObject({
          heartbeat: heartbeat.optional(),
          models: z.record(z.string(), z.looseObject({ params: loose.optional() })).optional(),
          workspace: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  cron: z.looseObject({ enabled: z.boolean().optional(), store: z.string().optional() }).optional(),
  browser: z
    .looseObject({
      enabled: z.boolean().optional(),
      executablePath: z.string().optional(),
      cdpUrl: z.string().optional(),
      attachOnly: z.boolean().optional(),
      headless: z.boolean().optional(),
      defaultProfile: z.string().optional(),
      profiles: z.record(z.string(), loose).optional(),
    })
    .optional(),
  plugins: z.looseObject({ allow: z.array(z.string()).optional(), deny: z.array(z.string()).optional() }).optional(),
  models: z
    .looseObject({
      providers: z
        .record(
          z.string(),
          z.looseObject({ baseUrl: z.string().optional(), apiKey: z.string().optional(), api: z.string().optional(), models: z.array(providerModel).optional() }),
        )
        .optional(),
    })
    .optional(),
  logging: z.looseObject({ file: z.string().optional(), level: z.string().optional() }).optional(),
  hooks: z.looseObject({ enabled: z.boolean().optional(), token: z.string().optional(), path: z.string().optional() }).optional(),
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
