import fs from 'node:fs';
import clobbered from '../../../checks/config/clobbered.js';
import { FIXTURES } from '../../helpers/fixtures.js';
import { testCheck } from '../../helpers/check-tester.js';

const lastGood = (name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}/state/openclaw.json.last-good`, 'utf8'));

testCheck(clobbered, {
  valid: ['healthy', 'config-unparseable'],
  invalid: [
    {
      // gateway.mode was lost and the file shrank.
      fixture: 'config-clobbered',
      findings: [{ severity: 'error', messageId: 'config/clobbered.config-looks-clobbered', params: { modeLost: true, shrank: true, before: 464, after: 41 } }],
      fixed: { yes: true, config: lastGood('config-clobbered') },
    },
  ],
});
