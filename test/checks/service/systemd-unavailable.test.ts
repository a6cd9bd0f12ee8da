import systemdUnavailable from '../../../checks/service/systemd-unavailable.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

// Nothing installed and no systemd to install into: nothing to say (containers, WSL).
testCheck(systemdUnavailable, {
  facts: SERVICES,
  neverShows: TOKENS,
  valid: quietOnServices(['service-clean, no user bus']),
  invalid: [
    {
      fixture: 'service-clean, no user bus',
      findings: [
        {
          severity: 'warning',
          messageId: 'service/systemd-unavailable.installed',
          params: { reason: 'systemd user services unavailable: no user bus (systemctl --user: Failed to connect to bus: No medium found)', name: 'openclaw-gateway.service' },
          cause: 'systemd-unavailable',
        },
      ],
    },
  ],
});
