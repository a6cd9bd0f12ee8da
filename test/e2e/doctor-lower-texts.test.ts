// Issue 16: a translated doctor report holds no English sentence, also where the text is made below
// the checks (the JSON5 parser, config validation, the CDP URL parser, the lock folder, the config
// source, the log window, the planner's operations and the executor's reasons). Commands, keys,
// paths, URLs, quoted values and evidence (log and file excerpts) stay as they are; anything else
// that reads as three English words in a row fails, quoted with its line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-sync.js';
import { englishRuns } from '../helpers/english-runs.js';
import { cliEnv, fixtureNames, useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

const LABELS = {
  'ko_KR.UTF-8': ['해결:', '다음:'],
  'zh_CN.UTF-8': ['修复：', '下一步：'],
  'zh_TW.UTF-8': ['修復：', '下一步：'],
} as const;
type Lang = keyof typeof LABELS;

/** `AUDIT_ALL=1`: every fixture, to find what is left (a report, not part of the suite). */
const ALL = process.env.AUDIT_ALL === '1';

/** A broken machine: a fixture, optionally with its config edited. */
interface Machine {
  fixture: string;
  edit?: (config: Record<string, any>) => void;
}

/** Broken machines whose findings carry text made below the checks. */
const BROKEN: Record<string, Machine> = {
  'missing comma': { fixture: 'config-unparseable' },
  'truncated file': { fixture: 'config-truncated' },
  'merge conflict markers, no saved copy': { fixture: 'config-unparseable-no-copy' },
  'unknown key prot': { fixture: 'config-mistyped' },
  'unknown key, no typo': { fixture: 'config-unknown-key' },
  'bind "public"': { fixture: 'healthy', edit: (c) => void (c.gateway.bind = 'public') },
  'port "18789x"': { fixture: 'config-invalid' },
  'password mode without a password': { fixture: 'password-missing' },
  'bind unset in a container': { fixture: 'bind-auto-container' },
  'bad cdpUrl': { fixture: 'browser-cdp-url-invalid' },
  'lock folder others can write': { fixture: 'lock-dir-unsafe' },
  'service on another port': { fixture: 'service-port-drift' },
  'service drift': { fixture: 'service-config-drift' },
  'service restarting': { fixture: 'service-restart-loop' },
  'stopped gateway': { fixture: 'gateway-down' },
  'stale lock': { fixture: 'stale-lock' },
  'an old log line (history)': { fixture: 'service-restart-once' },
};

function machines(names: string[] = Object.keys(BROKEN)): [string, Machine][] {
  if (ALL) return fixtureNames().map((f) => [f, { fixture: f }]);
  return names.map((n) => [n, BROKEN[n]!]);
}

function audit(name: string, m: Machine, lang: Lang, args: string[]): string[] {
  const fx = fixture(m.fixture);
  if (m.edit) {
    const config = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
    m.edit(config);
    fs.writeFileSync(fx.configPath, JSON.stringify(config, null, 2), { mode: 0o600 });
  }
  const r = runCli(args, { ...cliEnv(fx), LANG: lang, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: path.join(fx.root, 'upstream-logs') });
  expect(r.stdout, `${name}: ${args.join(' ')}`).toMatch(/\p{Script=Hangul}|\p{Script=Han}/u);
  return englishRuns(r.stdout + r.stderr, LABELS[lang]).map((run) => `${name} (${args.join(' ')}): ${run}`);
}

describe('a translated doctor report holds no English made below the checks', () => {
  it('ko: doctor and doctor --fix --dry-run over broken configs', () => {
    const runs = machines().flatMap(([name, m]) => [...audit(name, m, 'ko_KR.UTF-8', ['doctor']), ...audit(name, m, 'ko_KR.UTF-8', ['doctor', '--fix', '--dry-run'])]);
    expect(runs).toEqual([]);
  }, 120_000);

  it('ko: doctor --fix --yes says why a repair was skipped or failed in Korean', () => {
    const runs = machines(['stale lock', 'stopped gateway', 'missing comma']).flatMap(([name, m]) => audit(name, m, 'ko_KR.UTF-8', ['doctor', '--fix', '--yes']));
    expect(runs).toEqual([]);
  }, 60_000);

  for (const lang of ['zh_CN.UTF-8', 'zh_TW.UTF-8'] as const) {
    it(`${lang}: doctor --fix --dry-run on a subset`, () => {
      const subset = machines(['missing comma', 'unknown key prot', 'port "18789x"', 'bad cdpUrl', 'service on another port', 'lock folder others can write']);
      expect(subset.flatMap(([name, m]) => audit(name, m, lang, ['doctor', '--fix', '--dry-run']))).toEqual([]);
    }, 60_000);
  }

  it('the audit itself: English made below the checks is caught, what stays English by design is not', () => {
    const report = [
      '✖ config',
      '  ✖ 오류     /s/openclaw.json:6:5: cannot be parsed as JSON5: expected `,` or `}` after the value on line 5. [config/unparseable]',
      '      /s/openclaw.json:6:5: port: 18790, and more English words in evidence',
      '      해결: `openclaw doctor --fix --yes`(5번째 줄의 값 뒤에 빠진 "," 삽입), 또는 openclaw config set gateway.auth.mode token 실행',
      '  ▲ 경고     gateway.auth.mode: "oauth"은(는) 쓸 수 없습니다: none, token, password, trusted-proxy (http://127.0.0.1:9222/json/version)',
    ].join('\n');
    const runs = englishRuns(report, LABELS['ko_KR.UTF-8']);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^cannot be parsed as/);
  });
});
