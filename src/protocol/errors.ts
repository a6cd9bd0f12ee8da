// Error codes the gateway puts in `error.code` and `error.details.code` (reference §4), and close codes.
export const ERROR_CODES = {
  INVALID_REQUEST: 'INVALID_REQUEST',
  NOT_PAIRED: 'NOT_PAIRED',
  FORBIDDEN: 'FORBIDDEN',
  UNAVAILABLE: 'UNAVAILABLE',
} as const;

export const DETAIL_CODES = [
  'AUTH_REQUIRED',
  'AUTH_UNAUTHORIZED',
  'AUTH_TOKEN_MISSING',
  'AUTH_TOKEN_MISMATCH',
  'AUTH_TOKEN_NOT_CONFIGURED',
  'AUTH_PASSWORD_MISSING',
  'AUTH_PASSWORD_MISMATCH',
  'AUTH_PASSWORD_NOT_CONFIGURED',
  'AUTH_BOOTSTRAP_TOKEN_INVALID',
  'AUTH_DEVICE_TOKEN_MISMATCH',
  'AUTH_RATE_LIMITED',
  'CONTROL_UI_ORIGIN_NOT_ALLOWED',
  'CONTROL_UI_DEVICE_IDENTITY_REQUIRED',
  'DEVICE_IDENTITY_REQUIRED',
  'DEVICE_AUTH_INVALID',
  'DEVICE_AUTH_DEVICE_ID_MISMATCH',
  'DEVICE_AUTH_SIGNATURE_EXPIRED',
  'DEVICE_AUTH_NONCE_REQUIRED',
  'DEVICE_AUTH_NONCE_MISMATCH',
  'DEVICE_AUTH_SIGNATURE_INVALID',
  'DEVICE_AUTH_PUBLIC_KEY_INVALID',
  'PAIRING_REQUIRED',
] as const;
export type DetailCode = (typeof DETAIL_CODES)[number] | 'MISSING_SCOPE' | 'PROTOCOL_MISMATCH';

export const NEXT_STEPS = [
  'retry_with_device_token',
  'update_auth_configuration',
  'update_auth_credentials',
  'wait_then_retry',
  'review_auth_configuration',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** The recommendedNextStep values in words, for people (JSON output keeps the codes). */
const NEXT_STEP_WORDS: Record<NextStep, string> = {
  retry_with_device_token: "Use this gateway's token (gateway.auth.token), or pair this device so its own token is used.",
  update_auth_configuration: "Give this gateway's token or password: --token/--password, OPENCLAW_GATEWAY_TOKEN, or gateway.auth in the config.",
  update_auth_credentials: "The token or password is wrong: use this gateway's (--token/--password, OPENCLAW_GATEWAY_TOKEN, or gateway.auth in the config).",
  wait_then_retry: 'Wait a moment, then try again.',
  review_auth_configuration: "Check the gateway's auth settings (gateway.auth in its config).",
};

/** A recommendedNextStep in words; undefined for a value this toolkit does not know. */
export function nextStepWords(step: string | undefined): string | undefined {
  return step && Object.hasOwn(NEXT_STEP_WORDS, step) ? NEXT_STEP_WORDS[step as NextStep] : undefined;
}

export const CLOSE = {
  NORMAL: 1000,
  PROTOCOL: 1002,
  POLICY: 1008,
  TOO_BIG: 1009,
  /** A handler failed unexpectedly: that one connection is closed, the gateway stays up. */
  INTERNAL_ERROR: 1011,
  SERVICE_RESTART: 1012,
  TICK_TIMEOUT: 4000,
  AUTH_CHANGED: 4001,
} as const;
