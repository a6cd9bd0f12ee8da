// The command groups whose texts moved into locales/cli-*.json, run in each language: the built CLI
// says each catalog message in the language asked for (the expected text is compiled here from the
// catalog files, never typed), English stays what it was, and --json output is the same English in
// every language.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale, t, type Locale, type Params } from '../../src/i18n/index.js';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';

const LANGS = ['en', 'ko', 'zh-CN', 'zh-TW'] as const;

/** One catalog message of a locale, formatted from the catalog's sources. */
function message(lang: Locale, id: string, params: Params = {}): string {
  setLocale(lang);
  try {
    return t(id, params);
  } finally {
    setLocale('en');
  }
}

let dir: string;
let env: Record<string, string | undefined>;
const cli = (lang: Locale, args: string[]) => runCli(['--lang', lang, ...args], { env });

beforeEach(() => {
  dir = tempDir('cli-texts-');
  env = cleanEnv({ OPENCLAW_STATE_DIR: dir, HOME: dir, NO_COLOR: '1' });
  fs.writeFileSync(path.join(dir, 'openclaw.json'), '{ "gateway": { "mode": "local" } }\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('converted command texts, in every language', () => {
  it.each(LANGS)('%s: config set / unset / file say their catalog messages', async (lang) => {
    const file = path.join(dir, 'openclaw.json');
    const set = await cli(lang, ['config', 'set', 'gateway.port', '18790']);
    expect(set.code).toBe(0);
    expect(set.stdout.split('\n')).toEqual([
      message(lang, 'cli.config.edited', { action: 'set', key: 'gateway.port', path: file }),
      message(lang, 'cli.config.backup', { path: `${file}.bak` }),
    ]);

    const unset = await cli(lang, ['config', 'unset', 'gateway.nothing']);
    expect(unset.stdout).toBe(message(lang, 'cli.config.unset.nothing', { key: 'gateway.nothing' }));

    const where = await cli(lang, ['config', 'file']);
    expect(where.stdout.split('\n')[2]).toBe(message(lang, 'cli.config.file.state-dir', { dir }));
  });

  it.each(LANGS)('%s: cron, nodes and heartbeat on an empty state dir', async (lang) => {
    expect((await cli(lang, ['cron', 'list'])).stdout).toBe(message(lang, 'cli.cron.list.none'));
    const nodes = await cli(lang, ['nodes', 'status']);
    expect(nodes.stdout.split('\n')).toEqual([message(lang, 'cli.nodes.status.not-live'), message(lang, 'cli.nodes.status.none')]);
    expect((await cli(lang, ['system', 'heartbeat', 'last'])).stdout).toBe(message(lang, 'cli.system.heartbeat.none'));
  });

  it.each(LANGS)('%s: usage errors come from the catalog and keep their exit code', async (lang) => {
    const r = await cli(lang, ['config', 'patch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message(lang, 'cli.config.patch.one-source'));
  });

  it('the English texts are the ones the commands printed before the move', async () => {
    expect((await cli('en', ['cron', 'list'])).stdout).toBe('No cron jobs.');
    expect((await cli('en', ['config', 'unset', 'a.b'])).stdout).toBe('a.b was not set; nothing to do.');
  });

  it('--json output is the same English whatever the language', async () => {
    const outputs = await Promise.all(LANGS.map((lang) => cli(lang, ['config', 'unset', 'a.b', '--json'])));
    const parsed = outputs.map((r) => JSON.parse(r.stdout) as { note: string });
    expect(parsed[0].note).toBe('a.b was not set');
    for (const p of parsed) expect(p).toEqual(parsed[0]);
  });
});
