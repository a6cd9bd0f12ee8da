// Every fixture state dir through the built CLI: expected findings, a report that matches the
// shipped JSON Schema, and for repairable ones: --fix → expected config, verified, a second run
// clean, a second --fix that changes nothing, and --undo that restores the original bytes.
import fs from 'node:fs';
import path from 'node:path';
import JSON5 from 'json5';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateSchema } from '../helpers/json-schema.js';
import { cliEnv, fixtureNames, FIXTURES, useFixtures } from '../helpers/fixtures.js';
import { CLI, runCli } from '../helpers/cli-sync.js';
import { en } from '../../src/i18n/index.js';

const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, '../schemas/doctor-report.schema.json'), 'utf8'));
const fixture = useFixtures();

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('build first: npm run build');
});

describe('each fixture gives its expected findings', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const fx = fixture(name);
      const r = runCli(['doctor', '--json'], cliEnv(fx));
      const report = r.json();
      expect(validateSchema(schema, report)).toEqual([]);
      expect(report.findings.map((f: any) => f.checkId).sort()).toEqual([...fx.meta.findings].sort());
      // Every finding names its message in the catalog; `message` is that message in English.
      for (const f of report.findings) {
        expect(f.messageId, f.checkId).toMatch(/^[a-z]+\/[a-z0-9-]+\.[a-z0-9.-]+$/);
        expect(en(f.messageId, f.params)).toBe(f.message);
        if (f.fixHintId) expect(en(f.fixHintId, f.params)).toBe(f.fixHint);
        expect(f.text).toBeUndefined();
      }
      expect(r.code).toBe(report.findings.some((f: any) => f.severity === 'error') ? 1 : 0);
      expect(r.stderr).toBe('');
    });
  }
});

const serialized = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const original = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'state/openclaw.json'), 'utf8'));

/** Fixtures whose problems live in files, so --fix can repair them for real. */
const REPAIRS: { fixture: string; yes?: boolean; fixes: string[]; config?: () => unknown; text?: () => string; check?: (cfg: any) => void }[] = [
  { fixture: 'mode-unset', fixes: ['gateway/mode-unset'], config: () => ({ ...original('mode-unset'), gateway: { ...original('mode-unset').gateway, mode: 'local' } }) },
  // What `openclaw setup` writes (mode alone fails in a container: an unset bind is 0.0.0.0 there).
  { fixture: 'no-config', fixes: ['gateway/mode-unset'], check: (c) => expect(c).toEqual({ gateway: { mode: 'local', bind: 'loopback', auth: { mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) } } }) },
  { fixture: 'bind-auto-container', fixes: ['gateway/allowed-origins-missing', 'gateway/bind-without-auth'], check: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
  { fixture: 'password-missing', yes: true, fixes: ['gateway/password-missing'], check: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
  { fixture: 'auth-mode-invalid', yes: true, fixes: ['config/invalid'], check: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
  { fixture: 'config-unknown-key', yes: true, fixes: ['config/invalid'], config: () => original('healthy') },
  {
    fixture: 'legacy-token-key',
    fixes: ['gateway/legacy-token-key'],
    config: () => {
      const c = original('legacy-token-key');
      const { token, ...gateway } = c.gateway;
      return { ...c, gateway: { ...gateway, auth: { ...gateway.auth, token } } };
    },
  },
  { fixture: 'legacy-bind-alias', fixes: ['gateway/legacy-bind-alias'], config: () => ({ ...original('legacy-bind-alias'), gateway: { ...original('legacy-bind-alias').gateway, bind: 'loopback' } }) },
  { fixture: 'bind-lan-no-auth', fixes: ['gateway/bind-without-auth'], check: (c) => expect(c.gateway.auth).toEqual({ mode: 'token', token: expect.stringMatching(/^[0-9a-f]{48}$/) }) },
  { fixture: 'auth-none-exposed', yes: true, fixes: ['gateway/auth-none-exposed'], check: (c) => expect(c.gateway.auth.mode).toBe('token') },
  { fixture: 'allowed-origins-missing', fixes: ['gateway/allowed-origins-missing'], check: (c) => expect(c.gateway.controlUi.allowedOrigins.length).toBe(2) },
  // The missing comma is inserted; every other byte (JSON5 keys, trailing commas) stays.
  { fixture: 'config-unparseable', yes: true, fixes: ['config/unparseable'], text: () => fs.readFileSync(path.join(FIXTURES, 'config-unparseable/state/openclaw.json'), 'utf8').replace('mode: "local"\n', 'mode: "local",\n') },
  { fixture: 'config-unparseable-restore', yes: true, fixes: ['config/unparseable'], config: () => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'config-unparseable-restore/state/openclaw.json.last-good'), 'utf8')) },
  { fixture: 'config-mistyped', yes: true, fixes: ['config/mistyped', 'config/mistyped'], check: (c) => expect([c.gateway.port, c.gateway.prot, c.gateway.auth.mode]).toEqual([18790, undefined, 'token']) },
  { fixture: 'config-clobbered', yes: true, fixes: ['config/clobbered'], config: () => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'config-clobbered/state/openclaw.json.last-good'), 'utf8')) },
  { fixture: 'state-permissions', fixes: ['state/permissions', 'state/permissions'] },
  { fixture: 'cron-disabled', yes: true, fixes: ['cron/scheduler-disabled'], check: (c) => expect(c.cron.enabled).toBe(true) },
  { fixture: 'browser-plugin-excluded', yes: true, fixes: ['browser/plugin-excluded'], check: (c) => expect(c.plugins.allow).toEqual(['telegram', 'browser']) },
  { fixture: 'models-context1m', yes: true, fixes: ['models/context1m'] },
  { fixture: 'models-string-content', fixes: ['models/string-content'] },
];

describe('--fix repairs, verifies, is idempotent, and --undo restores', () => {
  for (const c of REPAIRS) {
    it(c.fixture, () => {
      const fx = fixture(c.fixture);
      const env = cliEnv(fx);
      const before = fs.existsSync(fx.configPath) ? fs.readFileSync(fx.configPath, 'utf8') : undefined;
      const yes = c.yes ? ['--yes'] : [];

      const fixed = runCli(['doctor', '--fix', ...yes, '--json'], env).json();
      expect(validateSchema(schema, fixed)).toEqual([]);
      const applied = fixed.fixes.filter((f: any) => f.status === 'applied');
      expect(applied.map((f: any) => [f.checkId, f.verified])).toEqual(c.fixes.map((id) => [id, true]));
      // Anything not applied was made moot by a restore (and is verified gone below).
      for (const f of fixed.fixes.filter((f: any) => f.status !== 'applied')) expect(f.reason).toContain('superseded');
      expect(fixed.findings.filter((f: any) => f.severity === 'error' && c.fixes.includes(f.checkId))).toEqual([]);
      const text = fs.readFileSync(fx.configPath, 'utf8');
      if (c.config) expect(text).toBe(serialized(c.config())); // byte for byte
      if (c.text) expect(text).toBe(c.text());
      c.check?.(JSON5.parse(text));
      expect(fs.statSync(fx.configPath).mode & 0o777).toBe(0o600);

      const again = runCli(['doctor', '--json'], env).json();
      for (const id of c.fixes) expect(again.findings.map((f: any) => f.checkId)).not.toContain(id);

      const second = runCli(['doctor', '--fix', ...yes, '--json'], env).json();
      expect((second.fixes ?? []).filter((f: any) => f.status === 'applied')).toEqual([]);
      expect(fs.readFileSync(fx.configPath, 'utf8')).toBe(text);

      const undo = runCli(['doctor', '--undo', '--json'], env);
      expect(undo.code).toBe(0);
      expect(fs.existsSync(fx.configPath) ? fs.readFileSync(fx.configPath, 'utf8') : undefined).toBe(before);
    });
  }
});
