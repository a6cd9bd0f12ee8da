// `explain` speaks a cause's title and explanation in the user's language through the built CLI:
// the terminal shows the locale's words, --json keeps the English `title`/`explanation` and the cause
// id and adds `text` only when the language is not English. The expected words come from the same
// catalogs (a locale without a cause's translation shows the English from causes.yaml).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli-sync.js';
import { validateSchema } from '../helpers/json-schema.js';
import { CLI, cleanup, envFor, freePort, makeState, newToken, ROOT } from './gateway-harness.js';
import { dailyLogPath } from '../../src/gateway/logger.js';
import { en, readCatalog, resolveLocale, setLocale, t } from '../../src/i18n/index.js';
import { causeMessageId, translatedCause } from '../../src/signatures/cause-text.js';
import { catalogDir } from '../../src/signatures/load.js';

afterEach(() => setLocale('en'));
afterAll(cleanup);

// A line a real gateway writes when gateway.bind is lan and no auth is configured.
const LINE = '[gateway] Refusing to bind gateway to lan without auth';
const CAUSE = 'bind-without-auth';
const english = (parse(fs.readFileSync(path.join(catalogDir(), 'causes.yaml'), 'utf8')) as Record<string, { title: string; explanation: string }>)[CAUSE];
const env = (LANG: string) => ({ PATH: process.env.PATH, NO_COLOR: '1', HOME: '/nonexistent', LANG });

function expectedText(lang: string) {
  setLocale(resolveLocale(undefined, { LANG: lang }));
  try {
    return translatedCause(CAUSE, english);
  } finally {
    setLocale('en');
  }
}

describe('explain speaks the cause in the user\'s language', () => {
  for (const lang of ['ko_KR.UTF-8', 'zh_CN.UTF-8', 'zh_TW.UTF-8']) {
    it(`LANG=${lang}: the terminal shows the locale's title; --json keeps English and adds text`, () => {
      const want = expectedText(lang)!;
      const json = runCli(['explain', '--json', LINE], env(lang));
      expect(json.code).toBe(1);
      const [cause] = json.json().causes;
      expect(cause.cause).toBe(CAUSE);
      expect(cause.title).toBe(english.title);
      expect(cause.explanation).toBe(english.explanation);
      expect(cause.text).toEqual(want);
      const human = runCli(['explain', LINE], env(lang));
      expect(human.code).toBe(1);
      expect(human.stdout.split('\n')[0]).toContain(`${CAUSE}: ${want.title}`);
    });
  }

  it('LANG=C: --json has no text and the terminal shows the English title', () => {
    expect(expectedText('C')).toBeUndefined();
    const [cause] = runCli(['explain', '--json', LINE], env('C')).json().causes;
    expect(cause).not.toHaveProperty('text');
    expect(cause.title).toBe(english.title);
    expect(runCli(['explain', LINE], env('C')).stdout.split('\n')[0]).toContain(`${CAUSE}: ${english.title} (once)`);
  });
});

describe("the doctor's log findings speak the cause in the user's language", () => {
  it('LANG=ko_KR.UTF-8: --json keeps the English message and its text has the Korean cause; the terminal shows it', async () => {
    const port = await freePort(); // nothing listens there: the gateway is down, so the line is live evidence
    const stateDir = makeState({ gateway: { mode: 'local', bind: 'loopback', port, auth: { mode: 'token', token: newToken() } } });
    const upstream = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-upstream-'));
    try {
      const name = JSON.stringify({ subsystem: 'gateway' });
      const at = new Date().toISOString();
      fs.writeFileSync(dailyLogPath(upstream), `${JSON.stringify({ '0': name, '1': 'Refusing to bind gateway to lan without auth', _meta: { name, date: at, logLevelName: 'ERROR' }, time: at })}\n`);
      const env = { ...envFor(stateDir, { HOME: stateDir }), OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: upstream, LANG: 'ko_KR.UTF-8' };
      const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'doctor', '--skip', 'service', ...args], { env, encoding: 'utf8', timeout: 20_000 });
      const report = JSON.parse(run(['--json']).stdout);
      expect(validateSchema(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/doctor-report.schema.json'), 'utf8')), report)).toEqual([]);
      const finding = report.findings.find((f: any) => f.checkId === 'logs/known-signatures' && f.cause === CAUSE);
      expect(finding).toBeDefined();
      expect(finding.message).toBe(en(finding.messageId, finding.params));
      expect(finding.message).toContain(`${english.title}. ${english.explanation}`);
      setLocale('ko');
      const want = t(finding.messageId, finding.params);
      setLocale('en');
      expect(finding.text).toBe(want);
      const korean = readCatalog('ko')[causeMessageId(CAUSE, 'title')];
      expect(korean).toBeTruthy();
      expect(finding.text).toContain(korean);
      expect(run([]).stdout).toContain(korean);
    } finally {
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });
});
