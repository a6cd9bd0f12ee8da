import { expect } from 'vitest';
import cdpInvalid from '../../checks/browser/cdp-url-invalid.js';
import cdpUnreachable from '../../checks/browser/cdp-unreachable.js';
import executableMissing from '../../checks/browser/executable-missing.js';
import pluginExcluded from '../../checks/browser/plugin-excluded.js';
import dmBlocked from '../../checks/heartbeat/dm-blocked.js';
import emptyFile from '../../checks/heartbeat/empty-file.js';
import noTasks from '../../checks/heartbeat/no-tasks-due.js';
import quietHours from '../../checks/heartbeat/quiet-hours.js';
import knownSignatures from '../../checks/logs/known-signatures.js';
import context1m from '../../checks/models/context1m.js';
import stringContent from '../../checks/models/string-content.js';
import { testCheck } from '../helpers/check-tester.js';

testCheck(quietHours, {
  valid: ['healthy'],
  invalid: [{ fixture: 'heartbeat-quiet-hours', findings: [{ severity: 'info', message: expect.stringContaining('20:00–23:00 UTC') }] }],
});

testCheck(emptyFile, {
  valid: ['healthy', 'heartbeat-no-tasks-due'],
  invalid: [{ fixture: 'heartbeat-empty-file', findings: [{ severity: 'warning', message: expect.stringContaining('HEARTBEAT.md') }] }],
});

testCheck(noTasks, {
  valid: ['healthy', 'heartbeat-empty-file'],
  invalid: [{ fixture: 'heartbeat-no-tasks-due', findings: [{ severity: 'info', evidence: [expect.objectContaining({ kind: 'file' }), expect.objectContaining({ kind: 'log' })] }] }],
});

testCheck(dmBlocked, {
  valid: ['healthy'],
  invalid: [{ fixture: 'heartbeat-dm-blocked', findings: [{ severity: 'warning', path: 'agents.defaults.heartbeat.directPolicy' }] }],
});

testCheck(pluginExcluded, {
  valid: ['healthy'],
  invalid: [{ fixture: 'browser-plugin-excluded', findings: [{ path: 'plugins.allow' }], fixed: { yes: true, config: (c) => expect(c.plugins.allow).toEqual(['telegram', 'browser']) } }],
});

testCheck(executableMissing, {
  valid: ['healthy'],
  invalid: [{ fixture: 'browser-executable-missing', findings: [{ severity: 'error', message: 'browser.executablePath not found: /nonexistent/chromium-browser (missing or not executable).' }] }],
});

testCheck(cdpInvalid, {
  valid: ['healthy', 'browser-cdp-unreachable'],
  invalid: [{ fixture: 'browser-cdp-url-invalid', findings: [{ message: 'browser.cdpUrl must be http(s) or ws(s), got: ftp' }] }],
});

testCheck(cdpUnreachable, {
  valid: ['healthy', 'browser-cdp-url-invalid'],
  invalid: [{ fixture: 'browser-cdp-unreachable', findings: [{ severity: 'warning', evidence: expect.arrayContaining([expect.objectContaining({ kind: 'log' })]) }] }],
});

testCheck(context1m, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'models-context1m',
      findings: [{ path: 'agents.defaults.models["anthropic/claude-opus-4"].params.context1m' }],
      fixed: { yes: true, config: (c) => expect(c.agents.defaults.models['anthropic/claude-opus-4'].params.context1m).toBe(false) },
    },
  ],
});

testCheck(stringContent, {
  valid: ['healthy'],
  invalid: [
    {
      fixture: 'models-string-content',
      findings: [{ path: 'models.providers.local', message: expect.stringContaining('"local"') }],
      fixed: { config: (c) => expect(c.models.providers.local.models[0].compat).toEqual({ requiresStringContent: true }) },
    },
  ],
});

// The real catalog (the default scanner) recognises the line and carries its cause, evidence and fix.
testCheck(knownSignatures, {
  valid: ['healthy', 'heartbeat-quiet-hours'],
  invalid: [
    {
      fixture: 'logs-known-signature-down',
      findings: [
        {
          severity: 'error',
          cause: 'port-conflict',
          // The cause's own title, explanation and fix (causes.yaml), as `logs scan` and `explain` show it.
          message: expect.stringMatching(/^Gateway port already in use\. Another process .* \(gateway\.port-in-use, /),
          fixHint: 'openclaw gateway status --deep; openclaw gateway --force; openclaw config set gateway.port <free port>; openclaw doctor --only gateway/port-conflict',
          evidence: [expect.objectContaining({ kind: 'log', source: expect.stringMatching(/openclaw-2026-11-21\.log:3$/), value: expect.stringContaining('already listening') })],
        },
      ],
    },
    // The same line while the gateway answers: history, kept as info with when it happened.
    {
      fixture: 'logs-known-signature',
      findings: [
        {
          severity: 'info',
          cause: 'port-conflict',
          message: expect.stringMatching(/\(gateway\.port-in-use, 1 line, at 2026-11-21 11:50 UTC\), earlier: the gateway at ws:\/\/127\.0\.0\.1:18789 answers now$/),
          details: { signatureId: 'gateway.port-in-use', count: '1', firstSeen: '2026-11-21T11:50:00.000Z', lastSeen: '2026-11-21T11:50:00.000Z' },
        },
      ],
    },
  ],
});
