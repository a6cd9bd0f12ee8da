// Facts are collected once per doctor run, in parallel, each with its own timeout, and handed to
// pure checks. A collector that cannot answer returns `unavailable` with the reason, never throws.
// Each collector module adds its value type to FactMap below (one line per fact).
import type { ProbeResult } from '../client/types.js';
import type { BrowserFact } from './browser.js';
import type { CdpFact } from './cdp.js';
import type { ConfigFact } from './config.js';
import type { CronFact } from './cron.js';
import type { DevicesFact } from './stores.js';
import type { LockFact } from './lock.js';
import type { LogsFact } from './logs.js';
import type { PortsFact } from './ports.js';
import type { StateFact } from './state.js';
import type { SystemFact } from './system.js';

import type { Fact } from './fact.js';

export type { Fact };

export interface FactMap {
  config: ConfigFact;
  state: StateFact;
  lock: LockFact;
  ports: PortsFact;
  gateway: ProbeResult;
  logs: LogsFact;
  logSignatures: import('./log-signatures.js').LogSignaturesFact;
  browser: BrowserFact;
  cdp: CdpFact;
  system: SystemFact;
  disk: import('./system-disk.js').DiskFact;
  memory: import('./system-memory.js').MemoryFact;
  virt: import('./system-virt.js').VirtFact;
  heartbeat: import('./heartbeat.js').HeartbeatFact;
  devices: DevicesFact;
  cron: CronFact;
  // The runtime state of subsystems (collected from src/subsystems' stores), beside the config-level facts above.
  services: import('./services.js').ServicesFact;
  channels: import('./channels.js').ChannelsFact;
  nodes: import('./nodes.js').NodesFact;
  models: import('./models.js').ModelsFact;
  /** A gateway seen from outside (`doctor --remote` / `--targets` only). */
  remote: import('../client/remote-probe.js').RemoteProbe;
}

export type FactName = keyof FactMap & string;

/** What detect() receives: the facts the check asked for (others may be absent). */
export type Facts = { [K in FactName]?: Fact<FactMap[K]> };
