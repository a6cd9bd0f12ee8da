// Start guards (reference §2): each refusal carries upstream's message and exits 78 (EX_CONFIG).
export const GUARD_MESSAGES = {
  missingConfig: 'Missing config. Run `openclaw setup` or set gateway.mode=local (or pass --allow-unconfigured).',
  modeUnset:
    'Gateway start blocked: existing config is missing gateway.mode. Treat this as suspicious or clobbered config. Re-run `openclaw onboard --mode local` (full OpenClaw CLI) or `openclaw setup`, set gateway.mode=local manually, or pass --allow-unconfigured.',
  modeNotLocal: (mode: string) => `Gateway start blocked: set gateway.mode=local (current: ${mode}) or pass --allow-unconfigured.`,
  bindWithoutAuth: (bind: string) => `Refusing to bind gateway to ${bind} without auth.`,
  passwordMissing: 'Gateway auth is set to password, but no password is configured.',
  unparseable: (location: string, message: string) => `Gateway start blocked: config is unparseable: ${location}: ${message}`,
  invalid: (file: string) => `Invalid config at ${file}:`,
};

export class StartBlockedError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
