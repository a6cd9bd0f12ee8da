// Wire frames of the OpenClaw gateway protocol (reference §4), as zod schemas shared by both ends.
import * as z from '../zod.js';

import { CLIENT_IDS, CLIENT_MODES } from './constants.js';

export * from './constants.js';

const str = z.string().check(z.maxLength(4096));
const name = z.string().check(z.minLength(1), z.maxLength(256));
const strings = (max: number) => z.optional(z.array(str).check(z.maxLength(max)));

export const requestFrame = z.object({
  type: z.literal('req'),
  id: name,
  method: name,
  params: z.optional(z.unknown()),
});

export const errorShape = z.object({
  code: z.string(),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.unknown())),
  retryable: z.optional(z.boolean()),
  retryAfterMs: z.optional(z.number()),
});

export const responseFrame = z.object({
  type: z.literal('res'),
  id: z.string(),
  ok: z.boolean(),
  payload: z.optional(z.unknown()),
  error: z.optional(errorShape),
});

export const eventFrame = z.object({
  type: z.literal('event'),
  event: z.string(),
  payload: z.optional(z.unknown()),
  seq: z.optional(z.number()),
  stateVersion: z.optional(z.unknown()),
});

export const anyFrame = z.discriminatedUnion('type', [requestFrame, responseFrame, eventFrame]);

const protocolVersion = z.number().check(z.int(), z.gte(0), z.lte(1000));

export const connectParams = z.object({
  minProtocol: protocolVersion,
  maxProtocol: protocolVersion,
  client: z.object({
    id: z.enum(CLIENT_IDS),
    version: str,
    platform: str,
    mode: z.enum(CLIENT_MODES),
    displayName: z.optional(str),
    deviceFamily: z.optional(str),
    modelIdentifier: z.optional(str),
    instanceId: z.optional(str),
  }),
  // The role is checked after the protocol range, so it is a plain string here.
  role: z.optional(str),
  scopes: strings(64),
  caps: strings(256),
  commands: strings(1024),
  permissions: z.optional(z.record(z.string(), z.unknown())),
  pathEnv: z.optional(str),
  auth: z.optional(
    z.object({
      token: z.optional(str),
      password: z.optional(str),
      deviceToken: z.optional(str),
      bootstrapToken: z.optional(str),
    }),
  ),
  device: z.optional(
    z.object({
      id: str,
      publicKey: str,
      signature: str,
      signedAt: z.number(),
      nonce: z.optional(str),
    }),
  ),
  locale: z.optional(str),
  userAgent: z.optional(str),
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
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `at /${i.path.join('/')}: ${issueText(i)}`)
    .join('; ');
}
