// Collects every subsystem fact at once (the doctor registers each collector separately; this is
// the convenience the tests and `npm start` use). Each collector already returns `unavailable`
// instead of throwing; the network-touching ones (browser, models) honour timeouts.
import type { JsonObject } from '../config/load.js';
import type { Facts } from './types.js';
import { collectBrowserFact } from './browser.js';
import { collectChannelsFact } from './channels.js';
import { collectCronFact } from './cron.js';
import { collectHeartbeatFact } from './heartbeat.js';
import { collectModelsFact } from './models.js';
import { collectNodesFact } from './nodes.js';

export interface SubsystemFactsInput {
  stateDir: string;
  config: JsonObject;
  now?: number;
  /** Send a one-token chat to each model (costs tokens on paid backends). */
  probeModels?: boolean;
  /** No network at all: models are judged from config only, browser profiles are not probed. */
  offline?: boolean;
  timeoutMs?: number;
}

export async function collectSubsystemFacts(input: SubsystemFactsInput): Promise<Facts> {
  const base = { stateDir: input.stateDir, config: input.config };
  const [browser, models] = await Promise.all([
    collectBrowserFact({ ...base, probe: !input.offline, probeTimeoutMs: input.timeoutMs }),
    collectModelsFact({ config: input.config, probe: input.probeModels, offline: input.offline, timeoutMs: input.timeoutMs }),
  ]);
  return {
    cron: collectCronFact(base),
    heartbeat: collectHeartbeatFact({ ...base, now: input.now }),
    channels: collectChannelsFact({ ...base, now: input.now }),
    nodes: collectNodesFact(base),
    browser,
    models,
  };
}
