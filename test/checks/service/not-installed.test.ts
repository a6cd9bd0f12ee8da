import { expect } from 'vitest';
import notInstalled from '../../../checks/service/not-installed.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

const failing = ['service-none', 'service-none, in a VM', 'service-none on macOS'];

// Quiet with no systemd to install into and in a container (its runtime restarts the gateway).
testCheck(notInstalled, {
  facts: SERVICES,
  neverShows: TOKENS,
  valid: quietOnServices(failing),
  invalid: [
    { fixture: 'service-none', findings: [{ severity: 'info', messageId: 'service/not-installed.no-gateway-service', params: { name: 'openclaw-gateway.service', file: expect.stringMatching(/\/\.config\/systemd\/user\/openclaw-gateway\.service$/) } }] },
    { fixture: 'service-none, in a VM', findings: [{ severity: 'info', messageId: 'service/not-installed.no-gateway-service', params: { name: 'openclaw-gateway.service' } }] },
    {
      fixture: 'service-none on macOS',
      findings: [{ severity: 'info', messageId: 'service/not-installed.no-gateway-service', params: { name: 'ai.openclaw.gateway', file: expect.stringMatching(/\/Library\/LaunchAgents\/ai\.openclaw\.gateway\.plist$/) } }],
    },
  ],
});
