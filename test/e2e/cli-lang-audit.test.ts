// Issue 16: the CLI's own commands speak the reader's language too, not only the doctor: what they
// print from lower layers (a probe's failure, the service manager's reason, a validation issue, a
// stopped gateway) comes from the catalog. Commands, keys, paths, URLs, quoted values and log
// excerpts stay as they are; anything else that reads as three English words in a row fails.
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
});
