// People read words, programs read codes: every recommendedNextStep and details.code maps to a
// sentence with no code in it (the JSON output keeps the codes).
import { describe, expect, it } from 'vitest';
import { describeFailure, failureText } from '../../src/client/cli-options.js';
import type { ProbeFailure } from '../../src/client/types.js';
import { DETAIL_CODES, NEXT_STEPS, nextStepWords } from '../../src/protocol/errors.js';

/** a snake_case step or an UPPER_CASE code (environment variable names are words a user types). */
const CODE = /\b[a-z]+(?:_[a-z]+){2,}\b|\b(?!OPENCLAW_)[A-Z]+(?:_[A-Z]+)+\b/;

describe('failures in words', () => {
  it('every recommendedNextStep has words, and no code shows', () => {
    for (const step of NEXT_STEPS) {
      const f: ProbeFailure = { kind: 'auth', message: 'unauthorized: gateway token mismatch', code: 'AUTH_TOKEN_MISMATCH', recommendedNextStep: step };
      const t = failureText(f);
      expect(nextStepWords(step), step).toMatch(/^[A-Z].*\.$/);
      expect(t.next).toBe(nextStepWords(step));
      expect(`${t.what} ${t.next}`, step).not.toMatch(CODE);
      expect(describeFailure(f), step).not.toMatch(CODE);
    }
    expect(nextStepWords('something_new_upstream')).toBeUndefined();
  });

  it('every detail code stays out of the text', () => {
    for (const code of DETAIL_CODES) {
      const kind = code === 'PAIRING_REQUIRED' ? 'pairing' : 'auth';
      const f: ProbeFailure = { kind, message: 'refused', code, errorCode: 'INVALID_REQUEST', requestId: 'r-1' };
      expect(describeFailure(f), code).not.toMatch(CODE);
    }
  });

  it('a refused connection never advises running the command that just failed', () => {
    const f: ProbeFailure = { kind: 'refused', message: 'connection refused' };
    expect(failureText(f, 'gateway status').next).not.toContain('gateway status');
    expect(failureText(f).next).toContain('`openclaw gateway status`');
  });
});
