// Wire frames of the OpenClaw gateway protocol (reference §4), as zod schemas shared by both ends.
import { z } from 'zod';

import { CLIENT_IDS, CLIENT_MODES } from './constants.js';

export * from './constants.js';

const str = z.string().max(4096);

export const requestFrame = z.object({
  type: z.literal('req'),
  id: z.string().min(1).max(256),
  method: z.string().min(1).max(256),
  params: z.unknown().optional(),
});

export const errorShape = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  retryable: z.boolean().optional(),
  retryAfterMs: z.number().optional(),
});

export const responseFrame = z.object({
  type: z.literal('res'),
  id: z.string(),
  ok: z.boolean(),
  payload: z.unknown().optional(),
  error: errorShape.optional(),
});

export const eventFrame = z.object({
  type: z.literal('event'),
  event: z.string(),
  payload: z.unknown().optional(),
  seq: z.number().optional(),
  stateVersion: z.unknown().optional(),
});

export const anyFrame = z.discriminatedUnion('type', [requestFrame, responseFrame, eventFrame]);

export const connectParams = z.object({
  minProtocol: z.number().int().min(0).max(1000),
  maxProtocol: z.number().int().min(0).max(1000),
  client: z.object({
    id: z.enum(CLIENT_IDS),
    version: str,
    platform: str,
    mode: z.enum(CLIENT_MODES),
    displayName: str.optional(),
    deviceFamily: str.optional(),
    modelIdentifier: str.optional(),
    instanceId: str.optional(),
  }),
  // The role is checked after the protocol range, so it is a plain string here.
  role: str.optional(),
  scopes: z.array(str).max(64).optional(),
  caps: z.array(str).max(256).optional(),
  commands: z.array(str).max(1024).optional(),
  permissions: z.record(z.string(), z.unknown()).optional(),
  pathEnv: str.optional(),
  auth: z
    .object({
      token: str.optional(),
      password: str.optional(),
      deviceToken: str.optional(),
      bootstrapToken: str.optional(),
    })
    .optional(),
  device: z
    .object({
      id: str,
      publicKey: str,
      signature: str,
      signedAt: z.number(),
      nonce: str.optional(),
    })
    .optional(),
  locale: str.optional(),
  userAgent: str.optional(),
});

export type RequestFrame = z.infer<typeof requestFrame>;
export type ResponseFrame = z.infer<typeof responseFrame>;
export type EventFrame = z.infer<typeof eventFrame>;
export type ErrorShape = z.infer<typeof errorShape>;
export type ConnectParams = z.infer<typeof connectParams>;

export interface HelloOk {
  type: 'hello-ok';
  protocol: number;
  server: { version: string; connId: string };
  features: { methods: string[]; events: string[] };
  snapshot: {
    presence: unknown[];
    health: unknown;
    stateVersion: { presence: number; health: number };
    uptimeMs: number;
    configPath?: string;
    stateDir?: string;
    authMode?: string;
  };
  auth?: { deviceToken?: string; role: string; scopes: string[]; method?: string };
  policy: { maxPayload: number; maxBufferedBytes: number; tickIntervalMs: number };
}

/** One zod issue in the wording upstream's validator uses (`must be equal to one of the allowed values`). */
function issueText(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_value':
      return 'must be equal to one of the allowed values';
    case 'invalid_type':
      return i.input === undefined ? 'is required' : `must be ${i.expected}`;
    case 'too_big':
      return `must NOT have more than ${String(i.maximum)} ${i.origin === 'string' ? 'characters' : 'items'}`;
    case 'too_small':
      return `must NOT have fewer than ${String(i.minimum)} ${i.origin === 'string' ? 'characters' : 'items'}`;
    default:
      return i.message;
  }
}

/** `at /client/id: must be equal to one of the allowed values; …` — zod issues as one short line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `at /${i.path.join('/')}: ${issueText(i)}`)
    .join('; ');
}
