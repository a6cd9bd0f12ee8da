// The doctor in the user's language, through the built CLI: --lang, OPENCLAW_LANG and the POSIX
// locale chain pick it; --json, SARIF and JUnit stay machine-stable (messageId, params, English
// `message`) and add `text` only when the language is not English; English costs no formatter.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-sync.js';
import { traceModules } from '../helpers/module-trace.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';
import { en, setLocale, t, type Locale } from '../../src/i18n/index.js';

const fixture = useFixtures();
afterEach(() => setLocale('en'));

/** What the CLI should say for a finding in `locale`, from the same catalog. */
function expected(locale: Locale, id: string, params: any): string {
  setLocale(locale);
  try {
    return t(id, params);
  } finally {
    setLocale('en');
  }
}

describe('doctor speaks the user\'s language', () => {
  it('LANG=ko_KR.UTF-8: --json keeps message English and adds the Korean text', () => {
    const r = runCli(['doctor', '--json'], { ...cliEnv(fixture('mode-unset')), LANG: 'ko_KR.UTF-8' });
    expect(r.code).toBe(1);
    const findings = r.json().findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.message).toBe(en(f.messageId, f.params));
      expect(f.text).toBe(expected('ko', f.messageId, f.params));
      if (f.fixHintId) expect(f.fixHintText).toBe(expected('ko', f.fixHintId, f.params));
    }
  });

  it('--lang wins over OPENCLAW_LANG, which wins over LC_ALL and LANG', () => {
    const env = { ...cliEnv(fixture('mode-unset')), OPENCLAW_LANG: 'zh_CN', LC_ALL: 'ko_KR.UTF-8', LANG: 'ko_KR.UTF-8' };
    const viaFlag = runCli(['--lang', 'zh-TW', 'doctor', '--json'], env).json().findings[0];
    expect(viaFlag.text).toBe(expected('zh-TW', viaFlag.messageId, viaFlag.params));
    const viaEnv = runCli(['doctor', '--json'], env).json().findings[0];
    expect(viaEnv.text).toBe(expected('zh-CN', viaEnv.messageId, viaEnv.params));
  });

  it('English (--lang en, LANG=C, no locale) adds no text, and the terminal report is byte-identical', () => {
    const base = cliEnv(fixture('mode-unset'));
    const report = (env: NodeJS.ProcessEnv) => runCli(['doctor'], env).stdout.replace(/ in \d+ ms/, ' in N ms'); // the one part that varies
    const plain = report(base);
    expect(plain).toMatch(/1 error · \d+ checks in N ms · 1 fixable with `openclaw doctor --fix`/);
    for (const env of [{ ...base, LANG: 'C' }, { ...base, LANG: 'en_US.UTF-8' }, { ...base, LANG: 'ko_KR.UTF-8', OPENCLAW_LANG: 'en' }]) {
      expect(report(env)).toBe(plain);
    }
    const json = runCli(['--lang', 'en', 'doctor', '--json'], { ...base, LANG: 'ko_KR.UTF-8' }).json();
    for (const f of json.findings) expect(f.text).toBeUndefined();
  });

  it('a --lang it does not speak is a usage error that names the languages', () => {
    const r = runCli(['--lang', 'fr', 'doctor'], cliEnv(fixture('healthy')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang: unknown language "fr" \(known: en, ko, zh-CN, zh-TW\)/);
    expect(r.stdout).toBe('');
  });

  it('SARIF and JUnit carry each finding\'s messageId and params', () => {
    const env = cliEnv(fixture('mode-unset'));
    const sarif = JSON.parse(runCli(['doctor', '--format', 'sarif'], env).stdout);
    const result = sarif.runs[0].results[0];
    expect(result.properties.messageId).toMatch(/^gateway\/mode-unset\./);
    expect(en(result.properties.messageId, result.properties.params)).toBe(result.message.text.replace(/ Next: .*$/s, ''));
    const junit = runCli(['doctor', '--format', 'junit'], env).stdout;
    expect(junit).toMatch(/<property name="messageId" value="gateway\/mode-unset\.[a-z-]+"\/>/);
    expect(junit).toMatch(/<property name="params" value="\{[^"]*\}"\/>/);
  });

  it('no language loads the message formatter: English is in the bundle, the others compiled at build time', () => {
    for (const LANG of ['C', 'ko_KR.UTF-8', 'zh_TW.UTF-8']) {
      const r = traceModules(['doctor', '--json'], { ...cliEnv(fixture('mode-unset')), LANG });
      expect(r.modules).toContain('checks/gateway/mode-unset.ts'); // the trace works
      expect(r.modules.filter((m) => m.includes('@messageformat/core') || m.includes('@messageformat/parser'))).toEqual([]);
    }
  });
});
