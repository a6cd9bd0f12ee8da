// The wizard's start screen: the symptoms the seeds' sections are organised by, each with the
// command ladder the seeds walk through (as live steps) and the doctor areas that can name the cause.
import type { FactName } from '../facts/types.js';

export interface LadderStepSpec {
  /** The command the seeds would have you type; shown beside the step. */
  command: string;
  /** What the step looks at: one fact collected through the doctor's collectors. */
  fact: FactName;
}

export interface Symptom {
  id: string;
  label: string;
  steps: LadderStepSpec[];
  /** Doctor check areas (or check ids) to run; empty means every check. */
  areas: string[];
}

const STATUS: LadderStepSpec = { command: 'openclaw config validate', fact: 'config' };
const GATEWAY: LadderStepSpec = { command: 'openclaw gateway status', fact: 'gateway' };
const LOGS: LadderStepSpec = { command: 'openclaw logs --follow', fact: 'logs' };
const PORTS: LadderStepSpec = { command: 'ss -ltnp (who holds the port)', fact: 'ports' };
const LOCK: LadderStepSpec = { command: 'gateway lock file', fact: 'lock' };
const SERVICE: LadderStepSpec = { command: 'openclaw gateway status (service)', fact: 'services' };
const SYSTEM: LadderStepSpec = { command: 'node --version, free memory', fact: 'system' };
const CHANNELS: LadderStepSpec = { command: 'openclaw channels status --probe', fact: 'channels' };
const MODELS: LadderStepSpec = { command: 'openclaw models status', fact: 'models' };
const DEVICES: LadderStepSpec = { command: 'openclaw devices list', fact: 'devices' };

export const SYMPTOMS: Symptom[] = [
  { id: 'gateway-down', label: "Gateway won't start or stay up", steps: [STATUS, GATEWAY, PORTS, LOCK, SERVICE, LOGS], areas: ['gateway', 'config', 'service', 'state', 'system', 'logs'] },
  { id: 'no-replies', label: 'No replies', steps: [GATEWAY, CHANNELS, MODELS, LOGS], areas: ['gateway', 'channels', 'models', 'logs'] },
  { id: 'dashboard', label: "Dashboard / Control UI won't connect", steps: [STATUS, GATEWAY, DEVICES, LOGS], areas: ['gateway', 'devices', 'config'] },
  { id: 'probe-warnings', label: 'Probe warnings', steps: [STATUS, GATEWAY, SERVICE], areas: ['gateway', 'service', 'config'] },
  { id: 'channel-flow', label: "Channel connected but messages don't flow", steps: [GATEWAY, CHANNELS, LOGS], areas: ['channels', 'logs'] },
  { id: 'cron-heartbeat', label: 'Cron or heartbeat not delivering', steps: [GATEWAY, { command: 'openclaw cron status', fact: 'cron' }, { command: 'openclaw system heartbeat last', fact: 'heartbeat' }, LOGS], areas: ['cron', 'heartbeat'] },
  { id: 'nodes', label: 'Node tools failing', steps: [GATEWAY, { command: 'openclaw nodes status', fact: 'nodes' }, DEVICES], areas: ['nodes', 'devices'] },
  { id: 'browser', label: 'Browser tool failing', steps: [{ command: 'openclaw browser status', fact: 'browser' }, { command: 'CDP endpoint', fact: 'cdp' }, LOGS], areas: ['browser'] },
  { id: 'upgrade', label: 'Broke after an upgrade', steps: [STATUS, SYSTEM, SERVICE, GATEWAY, LOGS], areas: ['config', 'service', 'gateway', 'system'] },
  { id: 'context-429', label: 'Long-context 429', steps: [MODELS, LOGS], areas: ['models', 'logs'] },
  { id: 'local-model', label: 'Local model backend errors', steps: [MODELS, LOGS], areas: ['models', 'logs'] },
  { id: 'docker', label: 'Docker', steps: [STATUS, GATEWAY, PORTS, { command: 'state dir permissions', fact: 'state' }], areas: ['gateway', 'config', 'state', 'system'] },
  { id: 'everything', label: 'Not sure: check everything', steps: [STATUS, GATEWAY, PORTS, SERVICE, CHANNELS, MODELS, LOGS], areas: [] },
];
