import fs from 'node:fs';
import { expect } from 'vitest';
import clobbered from '../../checks/config/clobbered.js';
import invalid from '../../checks/config/invalid.js';
import newerVersion from '../../checks/config/newer-version.js';
import unparseable from '../../checks/config/unparseable.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { testCheck } from '../helpers/check-tester.js';

const lastGood = (name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}/state/openclaw.json.last-good`, 'utf8'));

testCheck(unparseable, {
  valid: ['healthy', 'no-config', 'config-invalid'],
  invalid: [
    {
      fixture: 'config-unparseable',
      findings: [{ severity: 'error', message: expect.stringMatching(/openclaw\.json:4:5: cannot be parsed as JSON5/), evidence: [expect.objectContaining({ value: 'port: 18789,' })] }],
      fixed: { yes: true, config: lastGood('config-unparseable') },
    },
    {
      fixture: 'config-truncated',
      findings: [{ severity: 'error', message: expect.stringMatching(/openclaw\.json:5:1: cannot be parsed as JSON5: invalid end of input/), evidence: [expect.objectContaining({ value: '(end of file: the text stops before the JSON is complete)' })] }],
    },
  ],
});

testCheck(invalid, {
  valid: ['healthy', 'legacy-token-key', 'legacy-bind-alias', 'config-unparseable'],
  invalid: [
    {
      fixture: 'config-invalid',
      findings: [
        { path: 'gateway.port', message: expect.stringContaining('gateway.port') },
        { path: 'gateway.bindd', message: 'gateway.bindd: unknown key "bindd"' },
      ],
    },
  ],
});

testCheck(clobbered, {
  valid: ['healthy', 'config-unparseable'],
  invalid: [
    {
      fixture: 'config-clobbered',
      findings: [{ severity: 'error', message: expect.stringContaining('gateway.mode was lost') }],
      fixed: { yes: true, config: lastGood('config-clobbered') },
    },
  ],
});

testCheck(newerVersion, {
  valid: ['healthy'],
  invalid: [{ fixture: 'config-newer-version', findings: [{ severity: 'warning', message: expect.stringContaining('2026.12.3') }] }],
});
