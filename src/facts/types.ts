// Facts are collected once per doctor run, in parallel, each with its own timeout, and handed to
// pure checks. A collector that cannot answer returns `unavailable` with the reason, never throws.
// Each collector module adds its value type to FactMap below (one line per fact).

export type Fact<T> = { ok: true; value: T; ms?: number } | { ok: false; reason: string; ms?: number };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FactMap {
  // name: ValueType — filled in by the collectors, e.g. `config: ConfigFact;`
  services: import('./services.js').ServicesFact;
  cron: import('../subsystems/cron/facts.js').CronFact;
  heartbeat: import('../subsystems/heartbeat/facts.js').HeartbeatFact;
  channels: import('../subsystems/channels/facts.js').ChannelsFact;
  nodes: import('../subsystems/nodes/facts.js').NodesFact;
  browser: import('../subsystems/browser/facts.js').BrowserFact;
  models: import('../subsystems/models/facts.js').ModelsFact;
}

export type FactName = keyof FactMap & string;

/** What detect() receives: the facts the check asked for (others may be absent). */
export type Facts = { [K in FactName]?: Fact<FactMap[K]> };
