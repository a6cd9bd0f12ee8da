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
