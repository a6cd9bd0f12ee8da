// Protocol constants, kept apart from the zod schemas so the HTTP side can use them without zod.
export const PROTOCOL_MIN = 3;
export const PROTOCOL_MAX = 4;

export const POLICY = {
  maxPayload: 26_214_400,
  maxBufferedBytes: 52_428_800,
  tickIntervalMs: 30_000,
} as const;

/** Frames before hello-ok may not exceed this (close 1009). */
export const PREAUTH_MAX_BYTES = 64 * 1024;

export const CLIENT_IDS = [
  'webchat-ui',
  'openclaw-control-ui',
  'openclaw-tui',
  'webchat',
  'cli',
  'gateway-client',
  'openclaw-macos',
  'openclaw-ios',
  'openclaw-android',
  'node-host',
  'test',
  'fingerprint',
  'openclaw-probe',
] as const;
export const CLIENT_MODES = ['webchat', 'cli', 'ui', 'backend', 'node', 'probe', 'test'] as const;
export const ROLES = ['operator', 'node'] as const;

export type ClientId = (typeof CLIENT_IDS)[number];
export type ClientMode = (typeof CLIENT_MODES)[number];
export type Role = (typeof ROLES)[number];
