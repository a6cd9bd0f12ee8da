// The contract between the gateway client (src/client) and its users (doctor facts, CLI commands).
// Every way a connection can fail is a typed result, never an exception.
import type { MessageRef } from '../i18n/index.js';

export type ProbeFailureKind =
  | 'refused' // nothing listens on the port (ECONNREFUSED): reported in milliseconds
  | 'timeout' // TCP or handshake did not finish within timeoutMs
  | 'auth' // shared auth or device auth rejected: see code (AUTH_TOKEN_MISMATCH, DEVICE_AUTH_…)
  | 'pairing' // device must be approved: see requestId
  | 'protocol' // protocol range mismatch: see expectedProtocol
  | 'origin' // browser Origin not allowed
  | 'unavailable' // the gateway answered but is not ready yet ("gateway starting; retry shortly"): retry after retryAfterMs
  | 'closed' // the socket closed before hello-ok (close code in closeCode)
  | 'rpc' // connected, but an RPC failed (e.g. missing scope)
  | 'error'; // anything else (DNS, TLS, bad URL): see message

export interface ProbeFailure {
  kind: ProbeFailureKind;
  message: string;
  /** The gateway URL, on a failure to reach it at all (refused, timed out): for wording it again. */
  url?: string;
  /** `error.details.code` from the gateway, e.g. AUTH_TOKEN_MISMATCH, PAIRING_REQUIRED. */
  code?: string;
  /** `error.code`, e.g. INVALID_REQUEST, NOT_PAIRED, FORBIDDEN. */
  errorCode?: string;
  requestId?: string;
  expectedProtocol?: number | { min: number; max: number };
  closeCode?: number;
  closeReason?: string;
  recommendedNextStep?: string;
  canRetryWithDeviceToken?: boolean;
  /** The gateway's hint that the same request may succeed later, and when. */
  retryable?: boolean;
  retryAfterMs?: number;
  details?: Record<string, unknown>;
}

export interface ProbeResult {
  /** True when the handshake succeeded (hello-ok received). */
  ok: boolean;
  url: string;
  durationMs: number;
  connect: {
    ok: boolean;
    /** True when the health RPC (and status, when asked) answered ok. */
    rpcOk: boolean;
    latencyMs?: number;
    protocol?: number;
    serverVersion?: string;
    authMode?: string;
    error?: ProbeFailure;
    /** `error.details` from the gateway, repeated here for JSON readers. */
    details?: Record<string, unknown>;
    /** Connected only with this device's cached token: the shared token or password was refused (drift other clients feel). */
    sharedAuthRejected?: ProbeFailure;
  };
  health?: unknown;
  status?: unknown;
  /** `system-presence` and `config.get` payloads (deep probes only). */
  presence?: unknown;
  config?: unknown;
  /** What the reader should know, in English (--json). */
  warnings: string[];
  /** The same warnings as catalog messages, in order, for the terminal in the reader's language. */
  warningRefs?: MessageRef[];
}

export interface ProbeOptions {
  url: string;
  token?: string;
  password?: string;
  /** Overall budget for connect + RPCs. */
  timeoutMs?: number;
  /** State dir holding identity/device.json and cached device tokens. */
  stateDir?: string;
  /** Call `status` (and more) after `health`. */
  deep?: boolean;
}
