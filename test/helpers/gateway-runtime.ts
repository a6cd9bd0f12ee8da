// An in-memory gateway Runtime for unit tests of the gateway's handlers: a temp state dir, a quiet
// logger, fresh limiters. Callers remove the returned dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GatewayLogger } from '../../src/gateway/logger.js';
import { PairingStore } from '../../src/gateway/device-pairing-store.js';
import { DEFAULT_RATE_LIMIT, FailureLimiter } from '../../src/gateway/rate-limit.js';
import type { GatewaySettings, Runtime } from '../../src/gateway/runtime.js';

export function bareRuntime(settings: Partial<GatewaySettings>, extra: Partial<Runtime> = {}): { rt: Runtime; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-rt-'));
  const logger = new GatewayLogger({ logsDir: path.join(dir, 'logs'), console: false });
  const rt: Runtime = {
    version: 't',
    startedAtMs: Date.now(),
    settings: { configPath: '', stateDir: dir, config: {}, host: '127.0.0.1', port: 1, bind: 'loopback', authMode: 'token', allowedOrigins: [], handshakeTimeoutMs: 1000, tickIntervalMs: 1000, verbose: false, ...settings },
    logger,
    log: logger.child('gateway'),
    wsLog: logger.child('gateway/ws'),
    pairing: new PairingStore(dir),
    authLimiter: new FailureLimiter(DEFAULT_RATE_LIMIT),
    originLimiter: new FailureLimiter(DEFAULT_RATE_LIMIT),
    rateLimitExemptLoopback: true,
    connections: new Map(),
    stateVersion: { presence: 0, health: 0 },
    broadcast: () => undefined,
    ...extra,
  };
  return { rt, dir };
}
