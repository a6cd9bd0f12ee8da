import fs from 'node:fs';
import { expect } from 'vitest';
import unparseable from '../../../checks/config/unparseable.js';
import { FIXTURES } from '../../helpers/fixtures.js';
import { testCheck } from '../../helpers/check-tester.js';

const lastGood = (name: string) => JSON.parse(fs.readFileSync(`${FIXTURES}/${name}/state/openclaw.json.last-good`, 'utf8'));
const at = (line: number, col: number) => expect.stringMatching(new RegExp(`/state/openclaw\\.json:${line}:${col}$`));
const saved = expect.stringMatching(/\/state\/openclaw\.json\.last-good$/);

testCheck(unparseable, {
  valid: ['healthy', 'no-config', 'config-invalid'],
  invalid: [
    {
      fixture: 'config-unparseable',
      findings: [
        {
          severity: 'error',
          messageId: 'config/unparseable.repairable',
          params: { at: at(6, 5), message: 'cannot be parsed as JSON5: expected `,` or `}` after the value on line 5', copy: saved, repair: 'insert the missing "," after the value on line 5' },
          fixHintId: 'config/unparseable.repairable.fix',
          evidence: [expect.objectContaining({ value: 'port: 18790,' })],
        },
      ],
      // The repair keeps the user's new port; restoring last-known-good would have dropped it.
      fixed: { yes: true, config: { ...lastGood('config-unparseable'), gateway: { ...lastGood('config-unparseable').gateway, port: 18790 } } },
    },
    {
      fixture: 'config-unparseable-restore',
      findings: [
        {
          severity: 'error',
          // Restoring the saved copy drops what the broken file still says.
          messageId: 'config/unparseable.restore-drops',
          params: { at: at(7, 1), message: "cannot be parsed as JSON5: invalid character '<'", copy: saved, dropped: 'gateway.port, gateway.auth.token', more: 0 },
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
          severity: 'error',
          messageId: 'config/unparseable.no-small-edit',
          params: { at: at(7, 1), copy: null, file: expect.stringMatching(/\/state\/openclaw\.json$/) },
          fixHintId: 'config/unparseable.no-small-edit.fix',
        },
      ],
    },
    {
      fixture: 'config-truncated',
      findings: [
        {
          severity: 'error',
          messageId: 'config/unparseable.repairable',
          params: { at: at(5, 1), message: 'cannot be parsed as JSON5: the text stops before the JSON is complete: } } are missing at the end', copy: null, repair: 'add the missing } } at the end' },
          evidence: [expect.objectContaining({ value: '(end of file: the text stops before the JSON is complete)' })],
        },
      ],
      // No saved copy, but the missing closing braces are the repair.
      fixed: { yes: true, config: { gateway: { mode: 'local', port: 18789 } } },
    },
  ],
});
