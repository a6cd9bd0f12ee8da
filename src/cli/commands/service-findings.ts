// The service checks run over one services fact, for `gateway status --deep` (the doctor runs them
// with every other check; this keeps status honest without loading the doctor). They run through the
// engine's runner, so a check that throws is a finding about itself, as in the doctor.
import configDrift from '../../../checks/service/config-drift.js';
import extraGateways from '../../../checks/service/extra-gateways.js';
import notInstalled from '../../../checks/service/not-installed.js';
import portDrift from '../../../checks/service/port-drift.js';
import restartLoop from '../../../checks/service/restart-loop.js';
import systemdUnavailable from '../../../checks/service/systemd-unavailable.js';
import tokenDrift from '../../../checks/service/token-drift.js';
import tokenEmbedded from '../../../checks/service/token-embedded.js';
import type { Check, Finding } from '../../engine/check.js';
import { runChecks } from '../../engine/runner.js';
import type { Fact } from '../../facts/types.js';
import type { ServicesFact } from '../../facts/services.js';

export const SERVICE_CHECKS: readonly Check[] = [configDrift, tokenDrift, portDrift, tokenEmbedded, extraGateways, notInstalled, restartLoop, systemdUnavailable];

export function serviceFindings(fact: Fact<ServicesFact>): Finding[] {
  return runChecks([...SERVICE_CHECKS], { services: fact });
}
