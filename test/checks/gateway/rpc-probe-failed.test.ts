import { expect } from 'vitest';
import rpcProbe from '../../../checks/gateway/rpc-probe-failed.js';
import { testCheck } from '../../helpers/check-tester.js';

const tokenDrift = { severity: 'error', messageId: 'gateway/rpc-probe-failed.token-drift-openclaw', params: {}, cause: 'token-mismatch' } as const;

testCheck(rpcProbe, {
  valid: ['healthy', 'gateway-down', 'port-conflict-foreign', 'port-conflict-other-gateway'],
  invalid: [
    { fixture: 'token-drift', findings: [{ ...tokenDrift, evidence: expect.arrayContaining([expect.objectContaining({ kind: 'env', source: 'OPENCLAW_GATEWAY_TOKEN' })]) }] },
    // Without OPENCLAW_GATEWAY_TOKEN in the environment: the gateway just rejects the token.
    { fixture: 'token-drift', options: { env: {} as NodeJS.ProcessEnv }, findings: [{ ...tokenDrift, messageId: 'gateway/rpc-probe-failed.gateway-rejected-token' }] },
    {
      fixture: 'pairing-required',
      findings: [{ severity: 'error', messageId: 'gateway/rpc-probe-failed.device-must-approved', params: { requestId: 'req-7f3a' }, fixHintId: 'gateway/rpc-probe-failed.device-must-approved.fix', cause: 'pairing-required' }],
    },
    { fixture: 'protocol-mismatch', findings: [{ severity: 'error', messageId: 'gateway/rpc-probe-failed.protocol-mismatch-gateway', params: { exp: '5–5' }, cause: 'protocol-mismatch' }] },
    { fixture: 'port-conflict-stale-gateway', findings: [{ severity: 'error', messageId: 'gateway/rpc-probe-failed.gateway-accepts-connections', params: {}, cause: 'gateway-unreachable' }] },
    // A cached device token still connects this machine: the hint is to unset the env token.
    {
      fixture: 'token-drift-hidden',
      findings: [
        {
          severity: 'warning',
          messageId: 'gateway/rpc-probe-failed.machine-still-connects',
          params: { step: { id: 'gateway/rpc-probe-failed.token-drift-openclaw', params: {} } },
          fixHintId: 'gateway/rpc-probe-failed.token-drift-openclaw.fix',
          cause: 'token-mismatch',
        },
      ],
    },
    {
      fixture: 'gateway-starting',
      findings: [
        {
          severity: 'warning',
          messageId: 'gateway/rpc-probe-failed.gateway-up-but',
          params: { message: 'gateway starting; retry shortly', reason: 'startup-sidecars' },
          fixHintId: 'gateway/rpc-probe-failed.gateway-up-but.fix',
          cause: 'gateway-starting',
        },
      ],
    },
  ],
});
