// `openclaw explain` and `logs scan` on what Korean and Chinese users paste: a log line inside their own
// notes, shell prompts and chat messages, with an IME's full-width forms and a chat app's quotes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killChildren, runCli } from './logs-scan-helpers.js';

let dir: string;
const env = () => ({ PATH: process.env.PATH, NO_COLOR: '1', HOME: dir, TMPDIR: dir });
const explainJson = async (args: string[], input = '') => {
  const r = await runCli(['explain', '--json', ...args], { env: env(), input });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { causes: { cause: string }[]; matches: { cause: string; line: number; text: string; evidence: Record<string, string> }[] };
};
/** Each cause found, with the evidence of its first match. */
const found = (out: Awaited<ReturnType<typeof explainJson>>) =>
  Object.fromEntries(out.causes.map((c) => [c.cause, out.matches.find((m) => m.cause === c.cause)!.evidence]));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-lang-'));
});
afterEach(killChildren);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('explain, whatever the language around the line', () => {
  it('Korean: a KakaoTalk message with no-break spaces, after a shell prompt, read from stdin', async () => {
    const pasted = [
      '사용자@서버:~$ openclaw gateway --bind lan',
      '게이트웨이가 안 떠요: Refusing\u00a0to\u00a0bind\u00a0gateway\u00a0to\u00a0lan\u00a0without\u00a0auth. 어떻게 하죠?',
      '# 토큰은 아직 설정하지 않았습니다',
    ].join('\n');
    const out = await explainJson([], pasted);
    expect(found(out)).toEqual({ 'bind-without-auth': { bind: 'lan' } });
    // The line is shown with its note; only the odd spaces became plain ones.
    expect(out.matches[0]).toMatchObject({ line: 2, text: pasted.split('\n')[1].replace(/\u00a0/g, ' ') });
  });

  it('Korean: an IME in full-width mode, given as an argument', async () => {
    const out = await explainJson(['로그：ＥＲＲＯＲ：　ｌｉｓｔｅｎ　ＥＡＤＤＲＩＮＵＳＥ：　ａｄｄｒｅｓｓ　ａｌｒｅａｄｙ　ｉｎ　ｕｓｅ　１２７．０．０．１：１８７８９']);
    expect(found(out)).toEqual({ 'port-conflict': { port: '18789' } });
  });

  it('Simplified Chinese: full-width punctuation and brackets around and inside the line', async () => {
    const out = await explainJson([], '【报错】Gateway start blocked：set gateway.mode=local（current：remote）or pass --allow-unconfigured。怎么办？\n');
    expect(found(out)).toEqual({ 'mode-unset': { mode: 'remote' } });
  });

  it('Simplified Chinese: a prompt, a comment and a quoted path', async () => {
    const pasted = 'root@服务器:~# openclaw gateway status\n服务的配置路径不一样：「Config (service): /root/.openclaw/openclaw.json」求助\n';
    const out = await explainJson([], pasted);
    expect(found(out)).toEqual({ 'service-drift': { path: '/root/.openclaw/openclaw.json' } });
  });

  it('Traditional Chinese: a Telegram message with curly quotes', async () => {
    const out = await explainJson([], '我在 Telegram 裡看到：Failed to start Chrome CDP on port 18800 for profile “openclaw”，請問要怎麼修？\n');
    expect(found(out)).toEqual({ 'browser-launch-failed': { port: '18800', profile: 'openclaw' } });
  });

  it('Traditional Chinese: a note after the URL is not part of the evidence', async () => {
    const out = await explainJson(['錯誤訊息：Remote CDP for profile "work" is not reachable at http://10.0.0.5:9222.，請問要怎麼修？']);
    expect(found(out)).toEqual({ 'cdp-unreachable': { profile: 'work', url: 'http://10.0.0.5:9222' } });
  });

  it('--each-line answers each language the same', async () => {
    const lines = [
      '포트 충돌인가요? ｌｉｓｔｅｎ　ＥＡＤＤＲＩＮＵＳＥ：　ａｄｄｒｅｓｓ　ａｌｒｅａｄｙ　ｉｎ　ｕｓｅ　：：：１８７８９',
      '【报错】unauthorized：gateway\u00a0token\u00a0mismatch（set gateway.remote.token）',
      '日誌顯示：pairing\u200b required，請問怎麼核准？',
    ];
    const r = await runCli(['explain', '--each-line', '--json'], { env: env(), input: `${lines.join('\n')}\n` });
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).causes[0])).toEqual(['port-conflict', 'token-mismatch', 'pairing-required']);
  });
});

describe('logs scan of a saved support thread', () => {
  it('finds the same causes and evidence in Korean and Chinese notes as in the bare log lines', async () => {
    const thread = path.join(dir, 'support-thread.txt');
    fs.writeFileSync(
      thread,
      [
        '[14:02] 민수: 재시작하니까 이렇게 나옵니다 → Error: listen EADDRINUSE: address already in use 127.0.0.1:18789 왜죠?',
        '[14:05] 小王：我这边是 Gateway start blocked：set gateway.mode=local（current：remote）or pass --allow-unconfigured。',
        '[14:07] 阿明：Browser attachOnly is enabled and profile “work” is not running. 請問要怎麼修？',
        '',
      ].join('\n'),
    );
    const r = await runCli(['logs', 'scan', thread, '--json'], { env: env() });
    const out = JSON.parse(r.stdout) as Awaited<ReturnType<typeof explainJson>>;
    expect(found(out)).toEqual({
      'port-conflict': { port: '18789' },
      'mode-unset': { mode: 'remote' },
      'cdp-unreachable': { profile: 'work' },
    });
  });
});
