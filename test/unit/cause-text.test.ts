// A cause's title and explanation follow the active locale wherever they are shown: `logs scan` and
// `explain` (--json adds `text`, keeping the English `title`/`explanation`), and the doctor's log
// findings (the English `message` stays as it was, byte for byte; the text nests the cause's words).
import { afterEach, describe, expect, it } from 'vitest';
import knownSignatures from '../../checks/logs/known-signatures.js';
import { parseLogLine } from '../../src/facts/logs.js';
import { scanWithCatalog } from '../../src/facts/log-signatures.js';
import { en, setLocale, t } from '../../src/i18n/index.js';
import { causeMessageId, translatedCause } from '../../src/signatures/cause-text.js';
import { loadMatcher, scanLines } from '../../src/signatures/index.js';

afterEach(() => setLocale('en'));

const LINE = '[gateway] Refusing to bind gateway to lan without auth';
const KO = {
  [causeMessageId('bind-without-auth', 'title')]: '인증 없는 비루프백 바인딩',
  [causeMessageId('bind-without-auth', 'explanation')]: '토큰이나 비밀번호 없이 루프백이 아닌 주소에 바인딩하려 합니다.',
  'logs/known-signatures.cause': '{title}. {detail, select, null {} other {{detail} }}{explanation}',
  'logs/known-signatures.answers-now': '{explain} ({id}, {details}){answersAt, select, null {} other {, 이전 일: {answersAt} 게이트웨이는 지금 응답합니다}}',
};

async function doctorFindings(texts: string[]) {
  const lines = texts.map((text, i) => parseLogLine('/tmp/openclaw/openclaw-2026-12-06.log', text, i + 1));
  const matches = await scanWithCatalog(await loadMatcher(), lines);
  return knownSignatures.detect({ logSignatures: { ok: true, value: { matches } } });
}

describe('cause texts in the active locale', () => {
  it('a scan in English carries no `text`: title and explanation are the catalog English', async () => {
    const matcher = await loadMatcher();
    const [cause] = (await scanLines([LINE])).causes;
    expect(cause.cause).toBe('bind-without-auth');
    expect(cause.title).toBe(matcher.causes['bind-without-auth'].title);
    expect(cause).not.toHaveProperty('text');
  });

  it('a scan in Korean adds `text` with the translation and keeps the English for --json', async () => {
    const matcher = await loadMatcher();
    setLocale('ko', KO);
    const [cause] = (await scanLines([LINE])).causes;
    expect(cause.title).toBe(matcher.causes['bind-without-auth'].title);
    expect(cause.text).toEqual({ title: KO['cause.bind-without-auth.title'], explanation: KO['cause.bind-without-auth.explanation'] });
  });

  it('a locale that lacks a cause speaks its English from causes.yaml, not the message id', async () => {
    const matcher = await loadMatcher();
    setLocale('zh-CN', {});
    const english = matcher.causes['port-conflict'];
    expect(translatedCause('port-conflict', english)).toEqual({ title: english.title, explanation: english.explanation.trim() });
  });

  it("the doctor's log finding keeps its English message byte for byte and speaks the cause in Korean", async () => {
    const matcher = await loadMatcher();
    const cause = matcher.causes['bind-without-auth'];
    const [finding] = await doctorFindings([LINE]);
    expect(finding.cause).toBe('bind-without-auth');
    // What the check wrote before the cause texts were catalog messages: `<title>. <explanation> (…`.
    expect(finding.message).toContain(`${cause.title}. ${cause.explanation.trim()} (`);
    expect(en(finding.messageId!, finding.params)).toBe(finding.message);
    setLocale('ko', KO);
    const korean = t(finding.messageId!, finding.params);
    expect(korean).toContain(`${KO['cause.bind-without-auth.title']}. ${KO['cause.bind-without-auth.explanation']} (`);
    expect(en(finding.messageId!, finding.params)).toBe(finding.message);
  });

  it("a signature's detail stays between title and explanation, as before", () => {
    const params = { title: { id: 'cause.x.title', english: 'Title' }, detail: 'One more fact.', explanation: { id: 'cause.x.explanation', english: 'Why.' } };
    expect(en('logs/known-signatures.cause', params)).toBe(['Title.', 'One more fact.', 'Why.'].join(' '));
    expect(en('logs/known-signatures.cause', { ...params, detail: null })).toBe('Title. Why.');
  });
});
