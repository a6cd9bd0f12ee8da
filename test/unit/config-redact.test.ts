import { describe, expect, it } from 'vitest';
import { collectSecrets, isSecretKey, redactText, redactValue, REDACTED } from '../../src/config/redact.js';

describe('redaction', () => {
  it('recognises secret-named keys but not token counts', () => {
    for (const k of ['token', 'botToken', 'password', 'apiKey', 'api_key', 'clientSecret', 'privateKey']) expect(isSecretKey(k), k).toBe(true);
    for (const k of ['maxTokens', 'mode', 'tokens', 'port']) expect(isSecretKey(k), k).toBe(false);
  });

  it('redacts secret values deeply and keeps ${ENV} references', () => {
    const v = redactValue({ gateway: { auth: { token: 'abc', password: '${OC_PW}' } }, models: { providers: { x: { apiKey: 'sk-1' } } }, list: [{ botToken: 'b' }], maxTokens: 5 });
    expect(v).toEqual({ gateway: { auth: { token: REDACTED, password: '${OC_PW}' } }, models: { providers: { x: { apiKey: REDACTED } } }, list: [{ botToken: REDACTED }], maxTokens: 5 });
  });

  it('scrubs known secrets and token-shaped text from free text', () => {
    const secrets = collectSecrets({ gateway: { auth: { token: 'deadbeefcafe' } } });
    expect(redactText('connect failed token deadbeefcafe', secrets)).toBe(`connect failed token ${REDACTED}`);
    expect(redactText('Authorization: Bearer abcdefghijkl')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('url?token=0123456789abcdef&x=1')).toBe(`url?token=${REDACTED}&x=1`);
  });
});
