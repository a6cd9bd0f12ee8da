import fs from 'node:fs';
import { expect } from 'vitest';
import invalid from '../../../checks/config/invalid.js';
import { FIXTURES } from '../../helpers/fixtures.js';
import { testCheck } from '../../helpers/check-tester.js';

const configOf = (name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}/state/openclaw.json`, 'utf8'));

testCheck(invalid, {
  valid: ['healthy', 'legacy-token-key', 'legacy-bind-alias', 'config-unparseable'],
  invalid: [
    {
      // A bad value only the user can choose: no fix, and the hint says so.
      fixture: 'config-invalid',
      findings: [
        {
          severity: 'error',
          messageId: 'config/invalid.issue',
          params: { path: 'gateway.port', message: 'expected a number, found a string ("18789x")', allowed: null },
          fixHintId: 'config/invalid.value.fix',
          path: 'gateway.port',
        },
      ],
    },
    {
      // No typo of a known key: removed after asking, with its value shown first.
      fixture: 'config-unknown-key',
      findings: [
        {
          severity: 'error',
          messageId: 'config/invalid.issue',
          params: { path: 'gateway.frobnicate', message: 'unknown key "frobnicate"' },
          fixHintId: 'config/invalid.unknown-key.fix',
          path: 'gateway.frobnicate',
          evidence: [{ kind: 'config', source: 'gateway.frobnicate', value: '{"level":3}' }],
        },
      ],
      fixed: { yes: true, config: configOf('healthy') },
    },
    {
      // No typo of a real mode and no secret: token auth with a generated token.
      fixture: 'auth-mode-invalid',
      findings: [
        {
          severity: 'error',
          messageId: 'config/invalid.issue',
          params: { path: 'gateway.auth.mode', mode: 'token', generated: true },
          fixHintId: 'config/invalid.auth-mode.fix',
          path: 'gateway.auth.mode',
        },
      ],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
    },
  ],
});
