import { expect } from 'vitest';
import modeUnset from '../../../checks/gateway/mode-unset.js';
import { testCheck } from '../../helpers/check-tester.js';

const TOKEN = /^[0-9a-f]{48}$/;

testCheck(modeUnset, {
  valid: ['healthy', 'mode-remote', 'config-unparseable'],
  invalid: [
    {
      fixture: 'mode-unset',
      findings: [{ severity: 'error', messageId: 'gateway/mode-unset.gateway-mode-set', params: {}, path: 'gateway.mode', cause: 'mode-unset' }],
      fixed: { config: (c) => expect(c.gateway.mode).toBe('local') },
    },
    // What `openclaw setup` writes: with gateway.mode alone, a container's gateway binds 0.0.0.0 and refuses to start without auth.
    {
      fixture: 'no-config',
      findings: [{ severity: 'error', messageId: 'gateway/mode-unset.no-config-file', params: { path: expect.stringMatching(/\/state\/openclaw\.json$/) } }],
      fixed: { config: { gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: expect.stringMatching(TOKEN) } } } },
    },
  ],
});
