import { expect, it } from 'vitest';
import portDrift from '../../../checks/service/port-drift.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

testCheck(portDrift, {
  facts: SERVICES,
  neverShows: TOKENS,
  valid: quietOnServices(['service-port-drift']),
  invalid: [
    {
      fixture: 'service-port-drift',
      findings: [
        {
          severity: 'error',
          messageId: 'service/port-drift.gateway-service-listens',
          params: { servicePort: 19999, svcFrom: '--port in its command line', port: 18789, cliPort: 'config gateway.port' },
          cause: 'service-drift',
        },
      ],
      fixed: { yes: true },
    },
  ],
});

it('service/port-drift: the config already has the port, so only reinstall', async () => {
  const facts = await SERVICES['service-port-drift']();
  const [finding] = portDrift.detect(facts);
  expect(portDrift.repair!(finding, facts)).toEqual([{ op: 'service.install', force: true }]);
});
