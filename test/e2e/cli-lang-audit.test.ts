// Issue 16: the CLI's own commands speak the reader's language too, not only the doctor: what they
// print from lower layers (a probe's failure, the service manager's reason, a validation issue, a
// stopped gateway) comes from the catalog. Commands, keys, paths, URLs, quoted values and log
// excerpts stay as they are; anything else that reads as three English words in a row fails.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-sync.js';
import { englishRuns } from '../helpers/english-runs.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

/** Read-only commands a user runs on a machine whose gateway is down, with a mistyped config key. */
const COMMANDS: string[][] = [
  ['gateway', 'status'],
  ['gateway', 'probe'],
  ['gateway', 'stop'],
  ['gateway', 'restart', '--help'],
  ['status'],
  ['health'],
  ['config', 'validate'],
  ['config', 'get', 'gateway.nope'],
  ['config', 'file'],
  ['cron', 'list'],
  ['cron', 'status'],
  ['nodes', 'list'],
  ['devices', 'list'],
  ['pairing', 'list'],
  ['channels', 'status'],
  ['approvals', 'get'],
  ['browser', 'status'],
  ['models', 'status'],
  ['system', 'heartbeat', 'last'],
  ['setup'],
  ['doctor', '--undo'],
];

/** `key: value` pairs of a state file (exec approvals' `security: allowlist   ask: on-miss`): its keys, not prose. */
const KEY_VALUES = /^\s*(?:[a-z][\w-]*: [\w-]+\s*)+$/;

function run(lang: string, args: string[], fixtureName = 'config-mistyped'): string[] {
  const fx = fixture(fixtureName);
  const r = runCli(args, { ...cliEnv(fx), LANG: lang, OPENCLAW_DOCTOR_FACTS: undefined });
  const out = (r.stdout + r.stderr).split('\n').filter((line) => !KEY_VALUES.test(line)).join('\n');
  expect(out, args.join(' ')).toMatch(/\p{Script=Hangul}|\p{Script=Han}/u);
  return englishRuns(out, []).map((line) => `${args.join(' ')}: ${line}`);
}

describe('the CLI in Korean and Chinese on a stopped gateway', () => {
  it('ko: no English sentence from a lower layer in any read-only command', () => {
    const runs = [...COMMANDS.flatMap((args) => run('ko_KR.UTF-8', args)), ...run('ko_KR.UTF-8', ['config', 'validate'], 'config-unparseable')];
    expect(runs).toEqual([]);
  }, 180_000);

  for (const lang of ['zh_CN.UTF-8', 'zh_TW.UTF-8']) {
    it(`${lang}: the same for the gateway's status, a validation issue and a stopped gateway`, () => {
      const runs = [['gateway', 'status'], ['gateway', 'stop'], ['config', 'validate'], ['health']].flatMap((args) => run(lang, args));
      expect(runs).toEqual([]);
    }, 60_000);
  }

  it("ko: logs scan words a signature's detail in Korean, with the line's values", () => {
    const fx = fixture('healthy');
    const log = path.join(fx.root, 'app.log');
    fs.writeFileSync(log, '2026-12-06T10:00:00Z ERROR LLM request rejected: configured maxTokens is 64000, above the provider maximum of 8192. Lower maxTokens and try again.\n');
    const details = (lang: string) => runCli(['logs', 'scan', log], { ...cliEnv(fx), LANG: lang }).stdout.split('\n').filter((l) => l.startsWith('  · '));
    expect(details('en_US.UTF-8')).toEqual(['  · 64000 asked for, 8192 allowed.']);
    const ko = details('ko_KR.UTF-8');
    expect(ko).toHaveLength(1);
    expect(ko[0]).toMatch(/\p{Script=Hangul}/u);
    expect(ko[0]).toContain('64000');
    expect(ko[0]).toContain('8192');
  });
});
