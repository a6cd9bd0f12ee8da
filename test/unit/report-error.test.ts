// reportError, the one path every command's error takes: for each kind of user error, the exit code,
// the terminal's text and the --json shape `{ok: false, error: {message, hint?, exitCode, ...}}`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/cli/run-action.js';
import { CliError, EXIT } from '../../src/cli/exit-codes.js';
import { chalk } from '../../src/color.js';
import { ConfigError } from '../../src/config/errors.js';
import { readConfigFile } from '../../src/config/load.js';
import { parsePath, PathSyntaxError } from '../../src/config/dotpath.js';
import { ConfigBusyError, ConfigWriteRejectedError } from '../../src/config/write-errors.js';
import { SettingError } from '../../src/config/setting-error.js';
import { GatewayControlError } from '../../src/client/gateway-control-error.js';
import { RpcError } from '../../src/protocol/rpc.js';
import { readJsonFile, StateFileError } from '../../src/subsystems/json-file.js';
import { DurationError, parseDuration } from '../../src/system/duration.js';
import { en, setLocale } from '../../src/i18n/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-error-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let out: string[];
let err: string[];
const level = chalk.level;
beforeEach(() => {
  out = [];
  err = [];
  chalk.level = 0;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  chalk.level = level;
  setLocale('en');
});

/** The error as a terminal and as --json show it. */
function report(e: unknown) {
  out.length = 0;
  err.length = 0;
  const humanCode = reportError(e, false);
  const human = err.join('');
  const stdout = out.join('');
  out.length = 0;
  err.length = 0;
  const jsonCode = reportError(e, true);
  expect(err.join('')).toBe(''); // --json says it all on stdout
  expect(stdout).toBe(''); // the terminal's error goes to stderr only
  return { humanCode, human, jsonCode, json: JSON.parse(out.join('')) };
}

/** What `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

const DAMAGED_HINT = en('cli.subsystem.damaged-file.hint');

describe('reportError: one path for every user error', () => {
  it('a damaged config file blocks a start: 78, its excerpt and caret on the terminal, the whole record in JSON', () => {
    const file = path.join(dir, 'openclaw.json');
    fs.writeFileSync(file, '{ "gateway": { "port": 18789,, } }\n');
    const e = thrown(() => readConfigFile(file)) as ConfigError;
    expect(e).toBeInstanceOf(ConfigError);
    const r = report(e);
    expect(r.humanCode).toBe(EXIT.CONFIG);
    expect(r.jsonCode).toBe(EXIT.CONFIG);
    expect(r.human).toBe(`error: ${e.format()}\n`);
    expect(r.human).toContain(`${file}:1:`);
    expect(r.human).toMatch(/\n {2}\s*\^\n/);
    expect(r.json).toEqual({ ok: false, error: { message: `${e.location}: ${e.message}`, hint: e.hint, exitCode: 78, config: JSON.parse(JSON.stringify(e.toJSON())) } });
    expect(r.json.error.config).toMatchObject({ code: 'parse', file, line: 1 });
  });

  it('a refused config write fails (1) and names the issues and where the rejected content went', () => {
    const issues = [{ path: 'gateway.port', message: 'expected a number', code: 'invalid_type' }];
    const e = new ConfigWriteRejectedError('/cfg/openclaw.json', issues, '/cfg/openclaw.json.rejected');
    const r = report(e);
    expect([r.humanCode, r.jsonCode]).toEqual([1, 1]);
    expect(r.human).toBe(
      'error: refused to write /cfg/openclaw.json: the result would not be valid\n  gateway.port: expected a number\n  The rejected content was saved as /cfg/openclaw.json.rejected; the config was not changed.\n',
    );
    expect(r.json).toEqual({ ok: false, error: { message: e.message, exitCode: 1, issues, rejectedPath: '/cfg/openclaw.json.rejected' } });
  });

  it('a busy config fails (1) with the lock and its owner in JSON', () => {
    const r = report(new ConfigBusyError('/cfg/openclaw.json.lock', 4242));
    expect([r.humanCode, r.jsonCode]).toEqual([1, 1]);
    expect(r.human).toBe(
      'error: the config is being written by pid 4242 (lock /cfg/openclaw.json.lock); try again when it has finished; if pid 4242 is not an openclaw command, remove /cfg/openclaw.json.lock\n',
    );
    expect(r.json.error).toMatchObject({ exitCode: 1, lockPath: '/cfg/openclaw.json.lock', ownerPid: 4242 });
    expect(Object.keys(r.json.error)).toEqual(['message', 'exitCode', 'lockPath', 'ownerPid']);
  });

  it('a malformed config path and an invalid gateway setting are usage errors (2)', () => {
    const p = thrown(() => parsePath('gateway..port'));
    expect(p).toBeInstanceOf(PathSyntaxError);
    for (const e of [p as Error, new SettingError('invalid --port "x": expected 1-65535')]) {
      const r = report(e);
      expect([r.humanCode, r.jsonCode]).toEqual([2, 2]);
      expect(r.human).toBe(`error: ${e.message}\n`);
      expect(r.json).toEqual({ ok: false, error: { message: e.message, exitCode: 2 } });
    }
  });

  it('a gateway that cannot be stopped fails (1) with the next step under the error', () => {
    const r = report(new GatewayControlError('no gateway is running', 'Start it with `openclaw gateway`.'));
    expect([r.humanCode, r.jsonCode]).toEqual([1, 1]);
    expect(r.human).toBe('error: no gateway is running\n  Start it with `openclaw gateway`.\n');
    expect(r.json).toEqual({ ok: false, error: { message: 'no gateway is running', hint: 'Start it with `openclaw gateway`.', exitCode: 1 } });
  });

  it("a command's own error keeps its exit code and hint", () => {
    for (const code of [EXIT.FAILED, EXIT.USAGE, EXIT.CONFIG] as const) {
      const r = report(new CliError('no config file at /x', code, 'Run `openclaw setup`.'));
      expect([r.humanCode, r.jsonCode]).toEqual([code, code]);
      expect(r.human).toBe('error: no config file at /x\n  Run `openclaw setup`.\n');
      expect(r.json).toEqual({ ok: false, error: { message: 'no config file at /x', hint: 'Run `openclaw setup`.', exitCode: code } });
    }
    expect(report(new CliError('plain')).json).toEqual({ ok: false, error: { message: 'plain', exitCode: 1 } });
  });

  it("a subsystem's refused request is a usage error (2); its other RPC errors fail (1)", () => {
    const invalid = report(new RpcError('INVALID_REQUEST', 'unknown cron job: nope'));
    expect([invalid.humanCode, invalid.jsonCode]).toEqual([2, 2]);
    expect(invalid.human).toBe('error: unknown cron job: nope\n');
    expect(invalid.json).toEqual({ ok: false, error: { message: 'unknown cron job: nope', exitCode: 2 } });
    for (const code of ['NOT_FOUND', 'UNAVAILABLE', 'AGENT_TIMEOUT']) {
      const r = report(new RpcError(code, 'no such node', { node: 'n1' }));
      expect([r.humanCode, r.jsonCode]).toEqual([1, 1]);
      expect(r.json).toEqual({ ok: false, error: { message: 'no such node', exitCode: 1 } });
    }
  });

  it('a damaged state file fails (1) with the hint to move it aside, in the active locale', () => {
    const file = path.join(dir, 'jobs.json');
    fs.writeFileSync(file, '{"jobs": [');
    const e = thrown(() => readJsonFile(file));
    expect(e).toBeInstanceOf(StateFileError);
    const r = report(e);
    expect([r.humanCode, r.jsonCode]).toEqual([1, 1]);
    expect((e as Error).message).toMatch(new RegExp(`^${file}: is not valid JSON \\(.+\\)$`));
    expect(r.human).toBe(`error: ${(e as Error).message}\n  ${DAMAGED_HINT}\n`);
    expect(r.json).toEqual({ ok: false, error: { message: (e as Error).message, hint: DAMAGED_HINT, exitCode: 1 } });
    // The hint is a message id, shown in the language active when the error is reported.
    setLocale('ko', { 'cli.subsystem.damaged-file.hint': '손상된 파일을 옮기세요.' });
    expect(report(e).json.error.hint).toBe('손상된 파일을 옮기세요.');
  });

  it('an invalid duration is a usage error (2)', () => {
    const e = thrown(() => parseDuration('soon'));
    expect(e).toBeInstanceOf(DurationError);
    const r = report(e);
    expect([r.humanCode, r.jsonCode]).toEqual([2, 2]);
    expect(r.human).toBe('error: invalid duration "soon": use forms like 30m, 1h, 90s, 1h30m\n');
    expect(r.json).toEqual({ ok: false, error: { message: 'invalid duration "soon": use forms like 30m, 1h, 90s, 1h30m', exitCode: 2 } });
  });

  it('anything else is a bug: said briefly (1), the stack only with OPENCLAW_DEBUG', () => {
    vi.stubEnv('OPENCLAW_DEBUG', '');
    for (const e of [new TypeError('x is undefined'), 'a thrown string']) {
      const r = report(e);
      const what = e instanceof Error ? e.message : e;
      expect([r.humanCode, r.jsonCode]).toEqual([1, 1]);
      expect(r.human).toBe(`error: unexpected failure: ${what}\n  ${en('cli.error.unexpected.hint')}\n`);
      expect(r.json).toEqual({ ok: false, error: { message: `unexpected failure: ${what}`, hint: en('cli.error.unexpected.hint'), exitCode: 1 } });
    }
    vi.stubEnv('OPENCLAW_DEBUG', '1');
    reportError(new TypeError('x is undefined'), false);
    expect(err.join('')).toMatch(/^TypeError: x is undefined\n {4}at /);
  });
});
