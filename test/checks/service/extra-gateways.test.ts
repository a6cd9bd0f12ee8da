import extraGateways from '../../../checks/service/extra-gateways.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

testCheck(extraGateways, {
  facts: SERVICES,
  neverShows: TOKENS,
  // Without --deep the other units are not looked for.
  valid: quietOnServices(['service-extra-gateways']),
  invalid: [
    {
      fixture: 'service-extra-gateways',
      findings: [
        {
          severity: 'warning',
          messageId: 'service/extra-gateways.other-gateway-like',
          params: {
            services:
              'openclaw-gateway-work.service (user, port 18789, same port as this profile); clawdbot-gateway.service (system, port 18789, legacy, same port as this profile); openclaw-gateway.service (system, port 18789, same port as this profile, same config as this profile, duplicate of this profile’s unit)',
          },
          cause: 'extra-gateway-services',
        },
      ],
    },
  ],
});
