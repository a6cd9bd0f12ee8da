import { expect } from 'vitest';
import permissions from '../../../checks/state/permissions.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(permissions, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'state-permissions',
      findings: [
        {
          severity: 'warning',
          messageId: 'state/permissions.other-users-machine',
          params: { path: expect.stringMatching(/\/state$/), mode: '0755', kind: 'dir', role: 'stateDir', want: '0700' },
          evidence: [expect.objectContaining({ value: '0755' })],
          data: expect.objectContaining({ mode: 0o700 }),
        },
        {
          severity: 'warning',
          messageId: 'state/permissions.other-users-machine',
          params: { path: expect.stringMatching(/\/state\/openclaw\.json$/), mode: '0644', kind: 'file', role: 'config', want: '0600' },
          evidence: [expect.objectContaining({ value: '0644' })],
          data: expect.objectContaining({ mode: 0o600 }),
        },
      ],
      fixed: {},
    },
  ],
});
