import { expect, it } from 'vitest';
import tokenDrift from '../../../checks/service/token-drift.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

testCheck(tokenDrift, {
  facts: SERVICES,
  neverShows: TOKENS,
  valid: quietOnServices(['service-token-drift']),
  invalid: [
    {
      fixture: 'service-token-drift',
      findings: [{ severity: 'warning', messageId: 'service/token-drift.service-s-openclaw', params: { path: expect.stringMatching(/\/state\/openclaw\.json$/), file: expect.stringMatching(/openclaw-gateway\.service$/) }, cause: 'service-drift' }],
      fixed: { yes: true },
    },
  ],
});

it('service/token-drift: the config already has the token, so only reinstall', async () => {
  const facts = await SERVICES['service-token-drift']();
  const [finding] = tokenDrift.detect(facts);
  expect(tokenDrift.repair!(finding, facts)).toEqual([{ op: 'service.install', force: true }]);
});
