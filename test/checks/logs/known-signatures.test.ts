import { expect } from 'vitest';
import knownSignatures from '../../../checks/logs/known-signatures.js';
import { testCheck } from '../../helpers/check-tester.js';

// The line was seen once, at 11:50 UTC.
const seen = { id: 'logs/known-signatures.seen', params: { count: 1, first: '2026-11-21 11:50 UTC', last: '2026-11-21 11:50 UTC', same: true } };
const causeText = (cause: string) => ({
  id: 'logs/known-signatures.cause',
  params: { title: { id: `cause.${cause}.title`, english: expect.any(String) }, detail: null, explanation: { id: `cause.${cause}.explanation`, english: expect.any(String) } },
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
          // The cause's title and explanation are nested messages, shown in the reader's language (their
          // English from causes.yaml rides along), as `logs scan` and `explain` show them; nothing answers now.
          messageId: 'logs/known-signatures.answers-now',
          params: { explain: causeText('port-conflict'), id: 'gateway.port-in-use', details: seen, answersAt: null },
          // The cause's commands, untranslated.
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
          messageId: 'logs/known-signatures.answers-now',
          params: { id: 'gateway.port-in-use', details: seen, answersAt: 'ws://127.0.0.1:18789' },
          details: { signatureId: 'gateway.port-in-use', count: '1', firstSeen: '2026-11-21T11:50:00.000Z', lastSeen: '2026-11-21T11:50:00.000Z' },
        },
      ],
    },
  ],
});
