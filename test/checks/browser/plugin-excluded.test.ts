import { expect } from 'vitest';
import pluginExcluded from '../../../checks/browser/plugin-excluded.js';
import { testCheck } from '../../helpers/check-tester.js';

testCheck(pluginExcluded, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'browser-plugin-excluded',
      findings: [{ severity: 'warning', messageId: 'browser/plugin-excluded.plugins-allow-set', params: {}, path: 'plugins.allow' }],
      fixed: { yes: true, config: (c) => expect(c.plugins.allow).toEqual(['telegram', 'browser']) },
    },
  ],
});
