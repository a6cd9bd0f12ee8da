// Every failure message, symptom and signature the seed guides list (000 Korean and 001 Chinese
// troubleshooting, 002 Korean runbook, 003 English fix guide, 004 Chinese error guide) and every
// exact message of the compatibility reference, each with the cause it must be reported as.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import { scanLinesWith } from '../../src/signatures/index.js';

const SEEDS: [string, string][] = [
  // 000 / 001: gateway troubleshooting
  ['HTTP 429: rate_limit_error: Extra usage is required for long context requests', 'context1m-429'],
  ['drop guild message (mention required', 'mention-gating'],
  ['pairing request', 'dm-policy-blocked'],
  ['blocked / allowlist', 'dm-policy-blocked'],
  ['device identity required', 'device-identity-required'],
  ['origin not allowed', 'origin-not-allowed'],
  ['device nonce required', 'device-signature-invalid'],
  ['device nonce mismatch', 'device-signature-invalid'],
  ['device signature invalid', 'device-signature-invalid'],
  ['device signature expired', 'device-signature-invalid'],
  ['AUTH_TOKEN_MISMATCH canRetryWithDeviceToken=true', 'token-mismatch'],
  ['too many failed authentication attempts (retry later)', 'auth-rate-limited'],
  ['unauthorized', 'token-mismatch'],
  ['gateway connect failed:', 'gateway-unreachable'],
  ['AUTH_TOKEN_MISSING', 'token-missing'],
  ['AUTH_DEVICE_TOKEN_MISMATCH', 'device-token-stale'],
  ['PAIRING_REQUIRED', 'pairing-required'],
  ['Runtime: stopped', 'gateway-unreachable'],
  ['Config (service): /root/.openclaw/openclaw.json', 'service-drift'],
  ['Other gateway-like services detected (best effort)', 'extra-gateway-services'],
  ['Gateway start blocked: set gateway.mode=local', 'mode-unset'],
  ['existing config is missing gateway.mode', 'mode-unset'],
  ['refusing to bind gateway ... without auth', 'bind-without-auth'],
  ['another gateway instance is already listening', 'port-conflict'],
  ['EADDRINUSE', 'port-conflict'],
  ['SSH tunnel failed to start; falling back to direct probes.', 'gateway-unreachable'],
  ['multiple reachable gateways detected', 'extra-gateway-services'],
  ['Probe diagnostics are limited by gateway scopes (missing operator.read)', 'missing-operator-scope'],
  ['unresolved SecretRef gateway.auth.token', 'secret-ref-unresolved'],
  ['mention required', 'mention-gating'],
  ['missing_scope', 'channel-permission'],
  ['not_in_channel', 'channel-permission'],
  ['Forbidden', 'channel-permission'],
  ['401/403', 'channel-permission'],
  ['cron: scheduler disabled; jobs will not run automatically', 'cron-disabled'],
  ['cron: timer tick failed', 'cron-not-firing'],
  ['heartbeat skipped reason=quiet-hours', 'heartbeat-skipped'],
  ['heartbeat skipped reason=empty-heartbeat-file', 'heartbeat-skipped'],
  ['heartbeat skipped reason=no-tasks-due', 'heartbeat-skipped'],
  ['heartbeat skipped reason=requests-in-flight', 'heartbeat-skipped'],
  ['heartbeat skipped reason=alerts-disabled', 'heartbeat-skipped'],
  ['heartbeat: unknown accountId', 'heartbeat-skipped'],
  ['heartbeat skipped reason=dm-blocked', 'heartbeat-skipped'],
  ['NODE_BACKGROUND_UNAVAILABLE', 'node-background'],
  ['LOCATION_PERMISSION_REQUIRED', 'node-permission'],
  ['CAMERA_PERMISSION_REQUIRED', 'node-permission'],
  ['SYSTEM_RUN_DENIED: approval required', 'exec-approval'],
  ['SYSTEM_RUN_DENIED: allowlist miss', 'exec-approval'],
  ['unknown command "browser"', 'browser-plugin-excluded'],
  ["unknown command 'browser'", 'browser-plugin-excluded'],
  ['Failed to start Chrome CDP on port 18800 for profile "openclaw".', 'browser-launch-failed'],
  ['browser.executablePath not found: /usr/bin/chrome', 'browser-executable-missing'],
  ['browser.cdpUrl must be http(s) or ws(s), got: file:', 'cdp-url-invalid'],
  ['browser.cdpUrl has invalid port: 70000', 'cdp-url-invalid'],
  ['No Chrome tabs found for profile="user"', 'browser-no-tabs'],
  ['Remote CDP for profile "work" is not reachable at http://10.0.0.5:9222.', 'cdp-unreachable'],
  ['Browser attachOnly is enabled and profile "work" is not running.', 'cdp-unreachable'],
  ['Browser attachOnly is enabled and CDP websocket for profile "work" is not reachable.', 'cdp-unreachable'],
  ['Chrome CDP websocket for profile "work" is not reachable after start.', 'cdp-unreachable'],
  ["Playwright is not available in this gateway build; 'pdf' is unsupported.", 'playwright-missing'],
  ['fullPage is not supported for element screenshots', 'browser-existing-session-limit'],
  ['element screenshots are not supported for existing-session profiles; use ref from snapshot.', 'browser-existing-session-limit'],
  ['existing-session file uploads do not support element selectors; use ref/inputRef.', 'browser-existing-session-limit'],
  ['existing-session file uploads currently support one file at a time.', 'browser-existing-session-limit'],
  ['existing-session dialog handling does not support timeoutMs.', 'browser-existing-session-limit'],
  ['response body is not supported for existing-session profiles yet.', 'browser-existing-session-limit'],
  ['RPC probe: failed', 'gateway-unreachable'],
  ['pairing required', 'pairing-required'],
  // 002: runbook
  ['unauthorized during connect', 'token-mismatch'],
  // 003: English fix guide
  ['AUTH_TOKEN_MISMATCH', 'token-mismatch'],
  ['messages[...].content: invalid type: sequence, expected a string', 'string-content-compat'],
  ['Config auto-restored from last-known-good', 'config-clobbered'],
  ['drop guild message (mention required)', 'mention-gating'],
  // 004: Chinese error guide — gateway start blocked
  ['gateway start blocked: set gateway.mode=local (current: unset) or pass --allow-unconfigured', 'mode-unset'],
  ['gateway start blocked: set gateway.mode=local --allow-unconfigured', 'mode-unset'],
  ['Missing config. Run `openclaw setup` or set gateway.mode=local (or pass --allow-unconfigured).', 'mode-unset'],
  ['gateway.mode unset — gateway start will be blocked', 'mode-unset'],
  ['gateway.mode is unset', 'mode-unset'],
  ['ERROR: gateway.mode not configured. Run openclaw setup or set gateway.mode=local to start in local-only mode.', 'mode-unset'],
  ['missing config: run openclaw setup or set gateway.mode=local', 'mode-unset'],
  ['gateway start blocked: gateway.mode is unset — expected local, remote, or hybrid', 'mode-unset'],
  ['[gateway] start blocked — config key gateway.mode has no value', 'mode-unset'],
  // did not become ready
  ['gateway did not become ready', 'restart-health-timeout'],
  ['Error: gateway did not become ready within 60s', 'restart-health-timeout'],
  ['gateway startup timeout — did not become ready', 'restart-health-timeout'],
  ['[entrypoint] gateway did not become ready in time', 'restart-health-timeout'],
  ['timeout waiting for gateway: did not become ready', 'restart-health-timeout'],
  ['FAIL: gateway health check failed — not ready', 'restart-health-timeout'],
  // device token mismatch
  ['device token mismatch', 'device-token-stale'],
  ['connect failed: device token mismatch', 'device-token-stale'],
  ['disconnected (4008): connect failed — device token mismatch', 'device-token-stale'],
  ['openclaw gateway device token mismatch', 'device-token-stale'],
  ['Error: device token mismatch — please re-pair this device', 'device-token-stale'],
  ['WebSocket connection failed: device token mismatch', 'device-token-stale'],
  ['connect failed (4008): device identity rejected', 'device-token-stale'],
  // connect failed
  ['connection error', 'gateway-unreachable'],
  ['gateway connect failed', 'gateway-unreachable'],
  ['Error: connect ECONNREFUSED 127.0.0.1:3001', 'gateway-unreachable'],
  ['connect failed: connection refused', 'gateway-unreachable'],
  ["WebSocket connection to 'ws://localhost:3001' failed", 'gateway-unreachable'],
  ['openclaw connection error: gateway unreachable', 'gateway-unreachable'],
  ['failed to connect to gateway at localhost:3001', 'gateway-unreachable'],
  // send failed: gateway not connected
  ['send failed: gateway not connected', 'gateway-unreachable'],
  ['Error: send failed — gateway not connected', 'gateway-unreachable'],
  ['send failed: Error: gateway not connected', 'gateway-unreachable'],
  ['message delivery failed: gateway not connected', 'gateway-unreachable'],
  ['[telegram] send failed: gateway not connected', 'gateway-unreachable'],
  ['Error: cannot send — no active gateway connection', 'gateway-unreachable'],
  // disconnected (4008)
  ['disconnected (4008): connect failed', 'device-token-stale'],
  ['disconnected (4008): device identity rejected', 'device-token-stale'],
  ['WebSocket closed with code 4008', 'device-token-stale'],
  ['connection closed: 4008', 'device-token-stale'],
  // access not configured
  ['OpenClaw: access not configured.', 'mode-unset'],
  ['Error: web login provider is not available.', 'mode-unset'],
  ['Device identity required.', 'device-identity-required'],
  ['TUI gateway disconnected — closed idle.', 'gateway-unreachable'],
  // pairing required
  ['device not paired — approve this device to connect', 'pairing-required'],
  ['Error: device identity required', 'device-identity-required'],
  ['new device detected — waiting for approval', 'pairing-required'],
  ['[gateway] pairing request from device DEVICE_ID', 'pairing-required'],
  ['Telegram pairing required — approve code XXXXXX', 'dm-policy-blocked'],
  // symptoms named in 004's causes: crash words, OOM
  ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'oom'],
  ['Out of memory: Killed process 4242 (node)', 'oom'],
];

const REFERENCE: [string, string][] = [
  ['Gateway start blocked: existing config is missing gateway.mode. Run `openclaw config set gateway.mode local`.', 'mode-unset'],
  ['Gateway start blocked: set gateway.mode=local (current: remote) or pass --allow-unconfigured.', 'mode-unset'],
  ['Refusing to bind gateway to lan without auth.', 'bind-without-auth'],
  ['Gateway auth is set to password, but no password is configured.', 'auth-password-missing'],
  ['another gateway instance is already listening on ws://127.0.0.1:18789', 'port-conflict'],
  ['gateway already running (pid 4242); lock timeout after 5000ms', 'stale-lock'],
  ['config reload skipped (invalid config): gateway.port: expected number', 'config-invalid'],
  ['invalid handshake: first request must be connect', 'protocol-mismatch'],
  ['protocol mismatch', 'protocol-mismatch'],
  ['missing scope: operator.read', 'missing-operator-scope'],
  ['repeated unauthorized calls', 'auth-rate-limited'],
  ['slow consumer', 'slow-consumer'],
  ['preauth payload too large', 'protocol-mismatch'],
  ['service restart', 'gateway-restarting'],
  ['unauthorized: gateway token mismatch (set gateway.remote.token)', 'token-mismatch'],
  ['unauthorized: too many failed authentication attempts (retry later)', 'auth-rate-limited'],
  ['unauthorized: device token mismatch (rotate/reissue device token)', 'device-token-stale'],
  ['origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)', 'origin-not-allowed'],
  ['control ui requires device identity (use HTTPS or localhost secure context)', 'device-identity-required'],
  ...(
    [
      ['AUTH_REQUIRED', 'token-missing'],
      ['AUTH_UNAUTHORIZED', 'token-mismatch'],
      ['AUTH_TOKEN_MISSING', 'token-missing'],
      ['AUTH_TOKEN_MISMATCH', 'token-mismatch'],
      ['AUTH_TOKEN_NOT_CONFIGURED', 'auth-token-not-configured'],
      ['AUTH_PASSWORD_MISSING', 'token-missing'],
      ['AUTH_PASSWORD_MISMATCH', 'token-mismatch'],
      ['AUTH_PASSWORD_NOT_CONFIGURED', 'auth-password-missing'],
      ['AUTH_BOOTSTRAP_TOKEN_INVALID', 'setup-code-invalid'],
      ['AUTH_DEVICE_TOKEN_MISMATCH', 'device-token-stale'],
      ['AUTH_RATE_LIMITED', 'auth-rate-limited'],
      ['CONTROL_UI_ORIGIN_NOT_ALLOWED', 'origin-not-allowed'],
      ['CONTROL_UI_DEVICE_IDENTITY_REQUIRED', 'device-identity-required'],
      ['DEVICE_IDENTITY_REQUIRED', 'device-identity-required'],
      ['DEVICE_AUTH_INVALID', 'device-signature-invalid'],
      ['DEVICE_AUTH_DEVICE_ID_MISMATCH', 'device-signature-invalid'],
      ['DEVICE_AUTH_SIGNATURE_EXPIRED', 'device-signature-invalid'],
      ['DEVICE_AUTH_NONCE_REQUIRED', 'device-signature-invalid'],
      ['DEVICE_AUTH_NONCE_MISMATCH', 'device-signature-invalid'],
      ['DEVICE_AUTH_SIGNATURE_INVALID', 'device-signature-invalid'],
      ['DEVICE_AUTH_PUBLIC_KEY_INVALID', 'device-signature-invalid'],
      ['PAIRING_REQUIRED', 'pairing-required'],
    ] as [string, string][]
  ).map(([code, cause]): [string, string] => [`{"ok":false,"error":{"code":"UNAUTHORIZED","message":"connect rejected","details":{"code":"${code}"}}}`, cause]),
  ['heartbeat skipped reason=disabled', 'heartbeat-skipped'],
  ['heartbeat skipped reason=no-target', 'heartbeat-skipped'],
  ['heartbeat skipped reason=target-none', 'heartbeat-skipped'],
  ['heartbeat skipped reason=unknown-account', 'heartbeat-skipped'],
  ['reason: "no-mention"', 'mention-gating'],
  ['SCREEN_RECORDING_PERMISSION_REQUIRED', 'node-permission'],
  ['MIC_PERMISSION_REQUIRED', 'node-permission'],
  ['config reload restored last-known-good config', 'config-clobbered'],
  ['Config write rejected: gateway.bind: Invalid option', 'config-invalid'],
  ['Config was last written by a newer OpenClaw (2026.9.6)', 'config-newer-version'],
  ['Failed to connect to bus: No medium found', 'systemd-unavailable'],
  ['telegram: 409: Conflict: terminated by other getUpdates request', 'channel-conflict'],
];

// Real OpenClaw 2026.9.6 messages (templates read from the package, filled in) that issue 15 found
// unrecognised; each must be reported as its own cause.
const UPSTREAM_QUOTED: [string, string][] = [
  ['gateway auth mode is token, but no token was configured (set gateway.auth.token or OPENCLAW_GATEWAY_TOKEN).', 'auth-token-not-configured'],
  ['gateway start failed: port 18789 is already in use.', 'port-conflict'],
  ['Gateway restart timed out after 60s waiting for health checks.', 'restart-health-timeout'],
  ['Service is loaded but not running (likely exited immediately).', 'service-not-running'],
  ['Root cause: CLI and service are using different config paths (likely a profile/state-dir mismatch).', 'service-drift'],
  ['Gateway service embeds OPENCLAW_GATEWAY_TOKEN and should be reinstalled.', 'secret-in-service'],
  ['Systemd lingering is disabled for alice. Run: sudo loginctl enable-linger alice', 'systemd-linger-disabled'],
  ['gateway closed (1012): gateway restarting', 'gateway-restarting'],
  ['gateway closed (1008): scope upgrade pending approval', 'pairing-required'],
  ['Config uses "gateway.token". This key is ignored; use "gateway.auth.token" instead.', 'legacy-config-key'],
  ['Your OpenClaw config was written by version 2026.10.2, but this command is running 2026.9.6.', 'config-newer-version'],
  ['Startup failed: required secrets are unavailable.', 'secret-ref-unresolved'],
  ['exec denied: allowlist miss', 'exec-approval'],
  ['node command not allowed: the node (platform: ios) does not support "system.run"', 'node-command-unsupported'],
  ['No API key found for "anthropic"', 'provider-auth-missing'],
];

// `unauthorized: …` lines of the real gateway: each has its own cause; the generic `unauthorized`
// signature must not swallow them as a token mismatch (issue 15, "specific beats generic").
const UNAUTHORIZED_VARIANTS: [string, string][] = [
  ['unauthorized: gateway password missing (set gateway.auth.password on the client)', 'token-missing'],
  ['unauthorized: gateway password not configured on gateway (set gateway.auth.password)', 'auth-password-missing'],
  ['unauthorized: gateway token not configured on gateway (set gateway.auth.token)', 'auth-token-not-configured'],
  ['unauthorized: tailscale identity mismatch (use Tailscale Serve auth or gateway token/password)', 'tailscale-auth'],
  ['unauthorized: tailscale proxy headers missing (use Tailscale Serve or gateway token/password)', 'tailscale-auth'],
  ['unauthorized: setup code invalid, expired, revoked, or already used (create a new code; review pairing)', 'setup-code-invalid'],
  ['unauthorized: proxy client attribution is required (configure gateway.trustedProxies narrowly)', 'trusted-proxy-auth'],
  ['unauthorized: device token scope mismatch (re-pair or approve scope upgrade)', 'missing-operator-scope'],
  ['unauthorized: device token rejected (pair/repair this device, or provide gateway token)', 'device-token-stale'],
  ['telegram: getMe failed: 401 Unauthorized', 'channel-permission'],
];

let compiled: CompiledCatalog;
beforeAll(async () => {
  compiled = new CompiledCatalog(await loadCatalogFromYaml(catalogDir()));
});

describe.each([
  ['seed guides', SEEDS],
  ['compatibility reference', REFERENCE],
  ['real OpenClaw messages quoted in issue 15', UPSTREAM_QUOTED],
  ['real `unauthorized: …` variants', UNAUTHORIZED_VARIANTS],
])('every message in the %s is recognised', (_name, list) => {
  it.each(list)('%s → %s', (message, cause) => {
    const report = scanLinesWith(compiled, [message]);
    expect(report.causes.map((c) => c.cause)[0]).toBe(cause);
  });
});
