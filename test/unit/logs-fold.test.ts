// A log line pasted inside Korean, Simplified or Traditional Chinese text: the folding rules, and
// every catalog example recognised with the same cause and evidence as the bare line.
import { beforeAll, describe, expect, it } from 'vitest';
import { dropTrailingProse, foldQuotes, foldStream, foldWidth } from '../../src/logs/fold.js';
import { scanLinesWith } from '../../src/signatures/index.js';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import type { Catalog } from '../../src/signatures/schema.js';

let catalog: Catalog;
let compiled: CompiledCatalog;
beforeAll(async () => {
  catalog = await loadCatalogFromYaml(catalogDir());
  compiled = new CompiledCatalog(catalog);
});

/** Every printable ASCII character as an IME in full-width mode types it; spaces as U+3000. */
const fullWidth = (s: string) => [...s].map((ch) => (ch === ' ' ? '\u3000' : ch > ' ' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch)).join('');

/** How people paste a log line, in their own language and apps. */
const PASTES: Record<string, (line: string) => string> = {
  koreanNoteSameLine: (l) => `로그에 이렇게 나와요: ${l} 어떻게 고치나요?`,
  koreanPromptAndComment: (l) => `사용자@서버:~$ openclaw gateway\n${l}\n# 재시작해도 똑같아요`,
  zhCnBrackets: (l) => `【报错】「${l}」求助`,
  zhCnPromptAndComment: (l) => `root@服务器:~# openclaw gateway\n${l}\n# 绑定到局域网就报错，怎么办？`,
  zhTwChatMessage: (l) => `我在 Telegram 裡看到：${l}，請問要怎麼修？`,
  zhTwQuoted: (l) => `錯誤訊息：『${l}』`,
  curlyQuotes: (l) => `채팅 앱에서 복사했어요: ${l.replace(/"([^"]*)"/g, '“$1”').replace(/'([^']*)'/g, '‘$1’')}`,
  noBreakSpaces: (l) => `网页上复制的：${l.replace(/ /g, '\u00a0')}`,
  zeroWidthSpaces: (l) => l.replace(/ /g, ' \u200b'),
  imeFullWidth: (l) => `日志：${fullWidth(l)}`,
};

function causeAndEvidence(text: string, cause: string): string | undefined {
  const report = scanLinesWith(compiled, [foldWidth(text)]);
  if (!report.causes.some((c) => c.cause === cause)) return undefined;
  return JSON.stringify(report.matches.find((m) => m.cause === cause)?.evidence ?? {});
}

describe('a pasted line in any language', () => {
  it('every catalog example gives the same cause and evidence inside Korean and Chinese pastes', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const s of catalog.signatures) {
      for (const example of s.examples.match) {
        if (example.startsWith('{')) continue; // JSON documents are not retyped by hand
        const bare = causeAndEvidence(example, s.cause);
        for (const [name, paste] of Object.entries(PASTES)) {
          checked++;
          const got = causeAndEvidence(paste(example), s.cause);
          if (got !== bare) failures.push(`${s.id} [${name}]: ${got ?? 'no cause'} != ${bare}: ${paste(example)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it('full-width punctuation folds to ASCII inside the line and to a space around CJK text', () => {
    expect(foldWidth('Gateway start blocked：set gateway.mode=local（current：remote）or pass')).toBe('Gateway start blocked: set gateway.mode=local(current: remote)or pass');
    expect(foldWidth('看到：browser，請問')).toBe('看到 browser 請問');
    expect(foldWidth('address already in use ：：：3001 ws：//127.0.0.1：18789')).toBe('address already in use :::3001 ws://127.0.0.1:18789');
    expect(foldWidth('【错误】「EADDRINUSE」。')).toBe(' 错误  EADDRINUSE  ');
    expect(foldWidth('ｇａｔｅｗａｙ\u3000ｓｔａｒｔ\u00a0ｂｌｏｃｋｅｄ\u200b')).toBe('gateway start blocked');
    // Quotes are left to foldQuotes; other characters, Hangul and em dashes among them, are kept.
    expect(foldWidth('“a” ＂b＂ 재시작 — 重啟')).toBe('“a” ＂b＂ 재시작 — 重啟');
    expect(foldQuotes('profile “work” ‘x’ ＂y＂')).toBe(`profile "work" 'x' "y"`);
    const ascii = 'Error: listen EADDRINUSE: address already in use 127.0.0.1:18789';
    expect(foldWidth(ascii)).toBe(ascii);
  });

  it('a CJK note after the line is not evidence; CJK inside a path is', () => {
    expect(dropTrailingProse('at http://10.0.0.5:9222. 어떻게 고치나요?')).toBe('at http://10.0.0.5:9222.');
    expect(dropTrailingProse('write 어떻게 고치나요?\nnext 求助')).toBe('write\nnext');
    expect(dropTrailingProse('saved to /home/사용자/.openclaw/openclaw.json')).toBe('saved to /home/사용자/.openclaw/openclaw.json');
    expect(dropTrailingProse('Telegram에서 이렇게 나와요')).toBe('Telegram에서');
  });

  it("a peer's curly quote cannot close its own logged value and make it match", () => {
    // The gateway escapes `"` in a peer's value but not `”`: folding must not turn it into a quote.
    const line = 'client connected platform="x” listen EADDRINUSE: address already in use 127.0.0.1:18789 “" conn=1';
    expect(scanLinesWith(compiled, [foldWidth(line)]).causes).toEqual([]);
    // A chat app's curly quotes around a peer key's value are masked too.
    const chat = '我复制的日志：client connected platform=“EADDRINUSE: address already in use 127.0.0.1:18789” conn=1';
    expect(scanLinesWith(compiled, [foldWidth(chat)]).causes).toEqual([]);
  });

  it('folds a stream line by line, whatever the chunk boundaries', async () => {
    const text = '첫 줄：ｅｒｒｏｒ\n【报错】second\u3000line\nno newline at the end：ｘ';
    const bytes = Buffer.from(text);
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
    }
    const out: Buffer[] = [];
    for await (const b of foldStream(pieces())) out.push(b);
    expect(Buffer.concat(out).toString('utf8')).toBe(foldWidth(text));
    expect(foldWidth(text)).toBe('첫 줄 error\n 报错 second line\nno newline at the end:x');
  });
});
