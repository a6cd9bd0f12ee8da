import fs from 'node:fs';
import { expect } from 'vitest';
import clobbered from '../../checks/config/clobbered.js';
import invalid from '../../checks/config/invalid.js';
import mistyped from '../../checks/config/mistyped.js';
import newerVersion from '../../checks/config/newer-version.js';
import unparseable from '../../checks/config/unparseable.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { testCheck } from '../helpers/check-tester.js';

const configOf = (name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}/state/openclaw.json`, 'utf8'));
const lastGood = (name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}/state/openclaw.json.last-good`, 'utf8'));

testCheck(unparseable, {
  valid: ['healthy', 'no-config', 'config-invalid'],
  invalid: [
    {
      fixture: 'config-unparseable',
      findings: [{ severity: 'error', message: expect.stringMatching(/openclaw\.json:6:5: cannot be parsed as JSON5: expected `,` or `}` after the value on line 5/), evidence: [expect.objectContaining({ value: 'port: 18790,' })], fixHint: expect.stringContaining('insert the missing "," after the value on line 5') }],
      // The repair keeps the user's new port; restoring last-known-good would have dropped it.
      fixed: { yes: true, config: { ...lastGood('config-unparseable'), gateway: { ...lastGood('config-unparseable').gateway, port: 18790 } } },
    },
    {
      fixture: 'config-unparseable-restore',
      findings: [
        {
          message: expect.stringContaining('drops what the broken file still says: gateway.port, gateway.auth.token'),
          evidence: [expect.objectContaining({ value: '<<<<<<< HEAD' }), { kind: 'config', source: 'gateway.port', value: '18790' }, { kind: 'config', source: 'gateway.auth.token', value: '***' }],
        },
      ],
      fixed: { yes: true, config: lastGood('config-unparseable-restore') },
    },
    {
      // No small edit and no saved copy: no fix, and the hint says so and what to do instead.
      fixture: 'config-unparseable-no-copy',
      findings: [
        {
          message: expect.stringContaining('No small edit makes it parse and there is no saved copy to restore.'),
          fixHint: expect.stringMatching(/^Cannot repair automatically: edit .*openclaw\.json:\d+:\d+.*`openclaw config validate`; or keep it aside and start fresh: `mv .*openclaw\.json .*openclaw\.json\.broken && openclaw setup`$/),
        },
      ],
    },
    {
      fixture: 'config-truncated',
      findings: [{ severity: 'error', message: expect.stringMatching(/openclaw\.json:5:1: cannot be parsed as JSON5: the text stops before the JSON is complete: } } are missing at the end/), evidence: [expect.objectContaining({ value: '(end of file: the text stops before the JSON is complete)' })] }],
      // No saved copy, but the missing closing braces are the repair.
      fixed: { yes: true, config: { gateway: { mode: 'local', port: 18789 } } },
    },
  ],
});

testCheck(invalid, {
  valid: ['healthy', 'legacy-token-key', 'legacy-bind-alias', 'config-unparseable'],
  invalid: [
    {
      // A bad value only the user can choose: no fix, and the hint says so.
      fixture: 'config-invalid',
      findings: [{ path: 'gateway.port', message: expect.stringContaining('gateway.port'), fixHint: expect.stringMatching(/^Cannot repair automatically: .*openclaw config set gateway\.port <value>/) }],
    },
    {
      // No typo of a known key: removed after asking, with its value shown first.
      fixture: 'config-unknown-key',
      findings: [{ path: 'gateway.frobnicate', evidence: [{ kind: 'config', source: 'gateway.frobnicate', value: '{"level":3}' }], fixHint: expect.stringContaining('removes it; `openclaw doctor --undo` brings it back') }],
      fixed: { yes: true, config: configOf('healthy') },
    },
    {
      // No typo of a real mode and no secret: token auth with a generated token.
      fixture: 'auth-mode-invalid',
      findings: [{ path: 'gateway.auth.mode', fixHint: expect.stringContaining('sets it to "token" with a generated token') }],
      fixed: { yes: true, config: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
    },
  ],
});

testCheck(mistyped, {
  valid: ['healthy', 'legacy-token-key', 'config-unparseable'],
  invalid: [
    {
      // bind is set too: which one is meant is the user's call, so no repair.
      fixture: 'config-invalid',
      findings: [{ path: 'gateway.bindd', message: expect.stringContaining('gateway.bind is probably meant, and it is set too'), fixHint: expect.stringContaining('openclaw config unset gateway.bindd') }],
    },
    {
      fixture: 'config-mistyped',
      findings: [
        { path: 'gateway.auth.mode', message: expect.stringContaining('"tokn" is not allowed here; use one of: none, token, password, trusted-proxy (did you mean "token"?)') },
        { path: 'gateway.prot', message: expect.stringContaining('gateway.port is probably meant'), evidence: [{ kind: 'config', source: 'gateway.prot', value: '18790' }, expect.anything()] },
      ],
      fixed: {
        yes: true,
        config: (cfg) => {
          expect(cfg.gateway.port).toBe(18790);
          expect(cfg.gateway).not.toHaveProperty('prot');
          expect(cfg.gateway.auth.mode).toBe('token');
        },
      },
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
