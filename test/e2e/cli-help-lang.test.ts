// The built CLI's help and usage errors in the user's language: commander's section titles, its
// option extras and its errors come from the catalog; flags, command and argument names stay; and
// English, asked for or by default, is the same bytes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli-sync.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

/** Every way a user reads the program's own words: help pages and the four kinds of usage error. */
const COMMANDS: string[][] = [
  ['doctor', '--help'],
  ['gateway', '--help'],
  ['logs', '--help'],
  ['--help'],
  ['--bogus'],
  ['doctr'],
  ['config', 'set'],
  ['doctor', '--format', 'xml'],
  ['doctor', '--only'],
];

const lang = (LANG: string): CliResult[] => {
  const env = { ...cliEnv(fixture('healthy')), LANG };
  return COMMANDS.map((args) => runCli(args, env));
};

describe('help and usage errors in the user\'s language', () => {
  it('LANG=ko_KR.UTF-8: Korean titles, extras and errors; exit codes as in English', () => {
    const [doctor, gateway, logs, top, bogus, unknown, missing, choice, optArg] = lang('ko_KR.UTF-8');
    for (const help of [doctor!, gateway!, logs!, top!]) {
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^사용법: openclaw/);
      expect(help.stdout).toContain('\n옵션:\n');
      expect(help.stdout).toContain('명령 도움말 표시');
      expect(help.stdout).not.toMatch(/^(Usage|Options|Commands|Arguments|Examples):/m);
    }
    const unwrapped = (text: string) => text.replace(/\n {3,}/g, ' ');
    expect(unwrapped(doctor!.stdout)).toContain('(선택: "human", "json", "sarif", "junit", "prometheus")');
    expect(doctor!.stdout).toContain('--severity-min <level>'); // flags stay
    expect(gateway!.stdout).toContain('\n명령:\n');
    expect(gateway!.stdout).toMatch(/\n {2}status \[options\] +/); // command names stay
    expect(top!.stdout).toContain('\n예시:\n  openclaw doctor\n');
    expect(logs!.stdout).toContain('기본 명령의 옵션 (`openclaw logs [options]`은(는) `logs tail`을(를) 실행합니다):');
    expect(bogus!).toMatchObject({ code: 2, stdout: '' });
    expect(bogus!.stderr).toBe("오류: 알 수 없는 옵션 '--bogus'\n  (사용법은 --help로 확인하세요)\n");
    expect(unknown!.stderr).toMatch(/^오류: 알 수 없는 명령 'doctr'\n {2}혹시 doctor을\(를\) 뜻하셨나요\?\n/);
    expect(missing!).toMatchObject({ code: 2 });
    expect(missing!.stderr).toMatch(/^오류: 필수 인수가 없습니다: 'path'\n/);
    expect(choice!.stderr).toMatch(/^오류: 옵션 '--format <format>'의 값이 올바르지 않습니다: 'xml'\. 허용되는 값: human, json, sarif, junit, prometheus\.\n/);
    expect(optArg!.stderr).toMatch(/^오류: 옵션 '--only <ids>'에 값이 없습니다\n/);
    for (const r of [unknown!, missing!, choice!, optArg!]) expect(r.code).toBe(2);
  });

  it('LANG=zh_CN.UTF-8 and LANG=zh_TW.UTF-8: Simplified and Traditional titles and errors', () => {
    const cn = lang('zh_CN.UTF-8');
    expect(cn[0]!.stdout).toMatch(/^用法： openclaw doctor \[options\]\n/);
    expect(cn[0]!.stdout).toContain('\n选项：\n');
    expect(cn[4]!.stderr).toMatch(/^错误：未知选项 '--bogus'\n/);
    expect(cn[6]!.stderr).toMatch(/^错误：缺少必需参数 'path'\n/);
    const tw = lang('zh_TW.UTF-8');
    expect(tw[1]!.stdout).toMatch(/^用法： openclaw gateway/);
    expect(tw[1]!.stdout).toContain('\n指令：\n');
    expect(tw[0]!.stdout).toContain('\n選項：\n');
    expect(tw[4]!.stderr).toMatch(/^錯誤：未知的選項 '--bogus'\n/);
    expect(tw[7]!.stderr).toMatch(/^錯誤：選項 '--format <format>' 的值 'xml' 無效。允許的值：/);
    for (const [i, r] of [...cn, ...tw].entries()) expect(r.code, COMMANDS[i % COMMANDS.length]!.join(' ')).toBe(i % COMMANDS.length < 4 ? 0 : 2);
  });

  it('the rest of the CLI layer speaks it too: --version, a full-CLI command, clashing global flags', () => {
    const env = { ...cliEnv(fixture('healthy')), LANG: 'ko_KR.UTF-8' };
    const version = runCli(['--version'], env);
    expect(version.code).toBe(0);
    const [number, about, compat] = version.stdout.split('\n');
    expect(number).toMatch(/^\d+\.\d+\.\d+/); // the first line stays what scripts read
    expect(about).toContain('OpenClaw용 문제 해결 도구');
    expect(compat).toMatch(/^게이트웨이 프로토콜 \d+–\d+; /);
    const upstream = runCli(['models', 'list'], { ...env, LANG: 'zh_TW.UTF-8' });
    expect(upstream).toMatchObject({ code: 2, stdout: '' });
    expect(upstream.stderr).toBe('`openclaw models list` 是完整 OpenClaw CLI（npm install -g openclaw）的指令，不屬於本工具；請在那裡執行，或用 `openclaw --help` 查看本工具的指令。\n');
    const clash = runCli(['--profile', 'x', '--dev', 'doctor'], { ...env, LANG: 'zh_CN.UTF-8' });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/^错误：--profile 和 --dev 不能同时使用\n/);
  });

  it('--lang en is byte-identical to the default, whatever LANG says', () => {
    const env = cliEnv(fixture('healthy'));
    for (const args of [...COMMANDS, ['--version'], ['models', 'list'], ['--profile', 'x', '--dev', 'doctor']]) {
      const plain = runCli(args, env);
      const asked = runCli(['--lang', 'en', ...args], { ...env, LANG: 'ko_KR.UTF-8' });
      expect({ code: asked.code, stdout: asked.stdout, stderr: asked.stderr }, args.join(' ')).toEqual({ code: plain.code, stdout: plain.stdout, stderr: plain.stderr });
    }
    expect(runCli(['--bogus'], env).stderr).toBe("error: unknown option '--bogus'\n  (run with --help for usage)\n");
  });
});

describe('the man page in every language (built by npm run build)', () => {
  const render = (page: string) => {
    const r = spawnSync('man', ['-l', page], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, MANWIDTH: '200', MANPAGER: 'cat', PAGER: 'cat' } });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.replace(/.\x08/g, '');
  };
  const pages: [string, string, string[]][] = [
    ['ko', 'man/ko/man1/openclaw.1', ['이름', '사용법', '전역 옵션', '종료 상태', '함께 보기', '하위 명령: run, status, probe']],
    ['zh-CN', 'man/zh-CN/man1/openclaw.1', ['名称', '全局选项', '退出状态', '状态目录（默认 ~/.openclaw）']],
    ['zh-TW', 'man/zh-TW/man1/openclaw.1', ['名稱', '全域選項', '結束狀態', '資料目錄（預設 ~/.openclaw）']],
  ];
  for (const [locale, page, words] of pages) {
    it(`${locale}: valid roff (groff -ww says nothing), its prose in ${locale}, commands and flags as typed`, () => {
      expect(fs.existsSync(page)).toBe(true);
      const lint = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', page], { encoding: 'utf8', timeout: 10_000 });
      expect(lint.stderr).toBe('');
      const text = render(page);
      for (const w of words) expect(text).toContain(w);
      expect(text).toMatch(/^ {3}openclaw gateway install\b/m);
      expect(text).toContain('--severity-min <level>');
      expect(text).not.toMatch(/^(NAME|SYNOPSIS|EXIT STATUS|SEE ALSO)$/m);
      // Only non-ASCII as \[uXXXX]: no raw CJK byte reaches roff (groff reads the page as Latin-1 otherwise).
      expect(fs.readFileSync(page, 'utf8')).toMatch(/^[\x00-\x7f]*$/);
    });
  }
  it('English is the page it always was', () => {
    const text = render(path.resolve('man/openclaw.1'));
    expect(text).toMatch(/^NAME$/m);
    expect(text).toContain('Run openclaw help command for the same text on the terminal.');
  });
});
