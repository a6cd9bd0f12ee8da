import { expect, it } from 'vitest';
import tokenEmbedded from '../../../checks/service/token-embedded.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

const file = expect.stringMatching(/\/\.config\/systemd\/user\/openclaw-gateway\.service$/);

testCheck(tokenEmbedded, {
  facts: SERVICES,
  neverShows: TOKENS,
  valid: quietOnServices(['service-token-embedded', 'service-token-repeated']),
  invalid: [
    // The token lives only in the service definition.
    { fixture: 'service-token-embedded', findings: [{ severity: 'warning', messageId: 'service/token-embedded.only-in-service', params: { file }, cause: 'secret-in-service' }], fixed: { yes: true } },
    // The unit repeats the gateway token the config has.
    { fixture: 'service-token-repeated', findings: [{ severity: 'warning', messageId: 'service/token-embedded.repeated', params: { file }, cause: 'secret-in-service' }] },
  ],
});

it('service/token-embedded: config.set first, then service.install', async () => {
  const facts = await SERVICES['service-token-embedded']();
  const [finding] = tokenEmbedded.detect(facts);
  expect(tokenEmbedded.repair!(finding, facts)).toEqual([
    { op: 'config.set', path: 'gateway.auth.token', value: 'tok-only-in-service-0123456789' },
    { op: 'service.install', force: true },
  ]);
});
