// What every part of a running gateway shares: settings, stores, connections, logger.
import type { JsonObject } from '../config/load.js';
import type { PairingStore } from './device-pairing-store.js';
import type { GatewayLogger, SubsystemLogger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';
import type { FailureLimiter } from './rate-limit.js';
import type { GatewaySubsystems } from './hosted-subsystems.js';
import type { ConnectionInfo, LiveConnection } from './live-connection.js';

export type { ConnectionInfo, LiveConnection };

export interface GatewaySettings {
  configPath: string;
  stateDir: string;
  /** The resolved config (after ${ENV}); {} when running unconfigured. */
  config: JsonObject;
  configHash?: string;
  host: string;
  port: number;
  bind: string;
  authMode: 'none' | 'token' | 'password' | 'trusted-proxy';
  token?: string;
  password?: string;
  allowedOrigins: string[];
  handshakeTimeoutMs: number;
  tickIntervalMs: number;
  verbose: boolean;
}

export interface Runtime {
  version: string;
  startedAtMs: number;
  settings: GatewaySettings;
  logger: GatewayLogger;
  log: SubsystemLogger;
  wsLog: SubsystemLogger;
  pairing: PairingStore;
  authLimiter: FailureLimiter;
  originLimiter: FailureLimiter;
  rateLimitExemptLoopback: boolean;
  connections: Map<string, LiveConnection>;
  stateVersion: { presence: number; health: number };
  broadcast(event: string, payload: unknown, filter?: (c: LiveConnection) => boolean): void;
  /** Counters behind /metrics; absent in tests that build a bare runtime. */
  metrics?: GatewayMetrics;
  /** Cron, heartbeat, nodes and channels; absent in tests that build a bare runtime. */
  subsystems?: GatewaySubsystems;
}

export function presenceOf(rt: Runtime): ConnectionInfo[] {
  return [...rt.connections.values()].map((c) => c.info);
}
