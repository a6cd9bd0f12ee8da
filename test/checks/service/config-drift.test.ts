import path from 'node:path';
import { expect, it } from 'vitest';
import configDrift from '../../../checks/service/config-drift.js';
import { testCheck } from '../../helpers/check-tester.js';
import { quietOnServices, SERVICES, TOKENS } from './situations.js';

const failing = ['service-config-drift', 'service-launchd-drift on macOS'];
const tmp = (tail: string) => expect.stringMatching(new RegExp(`^/.*${tail.replace(/[.]/g, '\\.')}$`));

testCheck(configDrift, {
  facts: SERVICES,
  neverShows: TOKENS,
  valid: quietOnServices(failing),
  invalid: [
    {
      fixture: 'service-config-drift',
      findings: [
        {
          severity: 'error',
          messageId: 'service/config-drift.gateway-service-reads',
          params: { cli: tmp('/state/openclaw.json'), service: tmp('/.openclaw-old/openclaw.json'), causes: expect.stringMatching(/^state dir differs: /) },
          cause: 'service-drift',
        },
      ],
      // Through the doctor on the fixture machine: --fix rewrites the unit in the temp home.
      fixed: { yes: true },
    },
    {
      // macOS: the same drift read from a launchd plist (OPENCLAW_CONFIG_PATH pinned to an old copy).
      fixture: 'service-launchd-drift on macOS',
      findings: [
        {
          severity: 'error',
          messageId: 'service/config-drift.gateway-service-reads',
          params: { service: tmp('/Documents/openclaw-backup/openclaw.json'), causes: expect.stringMatching(/^the service pins OPENCLAW_CONFIG_PATH=/) },
        },
      ],
    },
  ],
});

it('service/config-drift keeps the token the service used before reinstalling', async () => {
  const facts = await SERVICES['service-config-drift']();
  const [finding] = configDrift.detect(facts);
  expect(configDrift.repair!(finding, facts)).toEqual([
    { op: 'config.set', path: 'gateway.auth.token', value: 'tok-old-state-0123456789' },
    { op: 'service.install', force: true },
  ]);
  // The CLI's state dir came from the environment, so the command carries it.
  const cliConfig = finding.data!.cliConfig as string;
  expect(finding).toMatchObject({ fixHintId: 'service/config-drift.gateway-service-reads.fix', params: { paths: `OPENCLAW_STATE_DIR=${path.dirname(cliConfig)} OPENCLAW_CONFIG_PATH=${cliConfig} openclaw gateway install --force` } });
});
