// The wizard's start screen: the symptoms the seeds' sections are organised by, each with the
// command ladder the seeds walk through (as live steps) and the doctor areas that can name the cause.
import type { FactName } from '../facts/types.js';
import { t } from '../i18n/index.js';

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

/** A step whose description is words (not a command to type): read in the active locale when shown. */
function described(fact: FactName): LadderStepSpec {
  return {
    fact,
    get command() {
      return t(`tui.step.${fact}`);
    },
  };
}

/** A symptom whose label is read from the catalog when shown. */
function symptom(id: string, rest: Omit<Symptom, 'id' | 'label'>): Symptom {
  return {
    id,
    get label() {
      return t(`tui.symptom.${id}`);
    },
    ...rest,
  };
}

const STATUS: LadderStepSpec = { command: 'openclaw config validate', fact: 'config' }; // i18n-ignore: commands, typed as they are
const GATEWAY: LadderStepSpec = { command: 'openclaw gateway status', fact: 'gateway' }; // i18n-ignore: commands, typed as they are
const LOGS: LadderStepSpec = { command: 'openclaw logs --follow', fact: 'logs' }; // i18n-ignore: commands, typed as they are
const PORTS: LadderStepSpec = described('ports');
const LOCK: LadderStepSpec = described('lock');
const SERVICE: LadderStepSpec = described('services');
const SYSTEM: LadderStepSpec = described('system');
const CHANNELS: LadderStepSpec = { command: 'openclaw channels status --probe', fact: 'channels' }; // i18n-ignore: commands, typed as they are
const MODELS: LadderStepSpec = { command: 'openclaw models status', fact: 'models' }; // i18n-ignore: commands, typed as they are
const DEVICES: LadderStepSpec = { command: 'openclaw devices list', fact: 'devices' }; // i18n-ignore: commands, typed as they are

export const SYMPTOMS: Symptom[] = [
  symptom('gateway-down', { steps: [STATUS, GATEWAY, PORTS, LOCK, SERVICE, LOGS], areas: ['gateway', 'config', 'service', 'state', 'system', 'logs'] }),
  symptom('no-replies', { steps: [GATEWAY, CHANNELS, MODELS, LOGS], areas: ['gateway', 'channels', 'models', 'logs'] }),
  symptom('dashboard', { steps: [STATUS, GATEWAY, DEVICES, LOGS], areas: ['gateway', 'devices', 'config'] }),
  symptom('probe-warnings', { steps: [STATUS, GATEWAY, SERVICE], areas: ['gateway', 'service', 'config'] }),
  symptom('channel-flow', { steps: [GATEWAY, CHANNELS, LOGS], areas: ['channels', 'logs'] }),
  symptom('cron-heartbeat', { steps: [GATEWAY, { command: 'openclaw cron status', fact: 'cron' }, { command: 'openclaw system heartbeat last', fact: 'heartbeat' }, LOGS], areas: ['cron', 'heartbeat'] }), // i18n-ignore: commands, typed as they are
  symptom('nodes', { steps: [GATEWAY, { command: 'openclaw nodes status', fact: 'nodes' }, DEVICES], areas: ['nodes', 'devices'] }), // i18n-ignore: commands, typed as they are
  symptom('browser', { steps: [{ command: 'openclaw browser status', fact: 'browser' }, described('cdp'), LOGS], areas: ['browser'] }), // i18n-ignore: commands, typed as they are
  symptom('upgrade', { steps: [STATUS, SYSTEM, SERVICE, GATEWAY, LOGS], areas: ['config', 'service', 'gateway', 'system'] }),
  symptom('context-429', { steps: [MODELS, LOGS], areas: ['models', 'logs'] }),
  symptom('local-model', { steps: [MODELS, LOGS], areas: ['models', 'logs'] }),
  symptom('docker', { steps: [STATUS, GATEWAY, PORTS, described('state')], areas: ['gateway', 'config', 'state', 'system'] }),
  symptom('everything', { steps: [STATUS, GATEWAY, PORTS, SERVICE, CHANNELS, MODELS, LOGS], areas: [] }),
];
