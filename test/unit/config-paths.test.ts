import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSource, ProfileNameError, resolvePaths } from '../../src/config/paths.js';
import { resolveBind, resolvePort, resolveServerAuth, SettingError } from '../../src/config/gateway-settings.js';

const home = '/home/ada';
const env = (e: Record<string, string> = {}) => ({ HOME: home, ...e }) as NodeJS.ProcessEnv;

describe('resolvePaths', () => {
  it('defaults to ~/.openclaw/openclaw.json', () => {
    const p = resolvePaths({ env: env() });
    expect(p.stateDir).toEqual({ value: '/home/ada/.openclaw', source: 'default' });
    expect(p.configPath.value).toBe('/home/ada/.openclaw/openclaw.json');
    expect(p.defaultPort).toBe(18789);
  });

  it('OPENCLAW_HOME replaces ~', () => {
    const p = resolvePaths({ env: env({ OPENCLAW_HOME: '/srv/oc' }) });
    expect(p.stateDir.value).toBe('/srv/oc/.openclaw');
    expect(p.home.source).toBe('env');
  });

  it('--profile NAME uses ~/.openclaw-NAME and --dev uses ~/.openclaw-dev with port 19001', () => {
    expect(resolvePaths({ env: env(), profile: 'work' }).stateDir).toMatchObject({ value: '/home/ada/.openclaw-work', source: 'flag', from: '--profile' });
    const dev = resolvePaths({ env: env(), dev: true });
    expect(dev.stateDir.value).toBe('/home/ada/.openclaw-dev');
    expect(dev.defaultPort).toBe(19001);
  });

  it('OPENCLAW_STATE_DIR beats a profile, OPENCLAW_CONFIG_PATH beats the state dir', () => {
    const p = resolvePaths({ env: env({ OPENCLAW_STATE_DIR: '/tmp/s', OPENCLAW_CONFIG_PATH: '/etc/oc.json' }), profile: 'work' });
    expect(p.stateDir).toMatchObject({ value: '/tmp/s', source: 'env', from: 'OPENCLAW_STATE_DIR' });
    expect(p.configPath).toMatchObject({ value: '/etc/oc.json', source: 'env', from: 'OPENCLAW_CONFIG_PATH' });
    expect(describeSource(p.configPath)).toBe('env OPENCLAW_CONFIG_PATH');
  });

  it('expands ~ in env paths and resolves relative ones', () => {
    expect(resolvePaths({ env: env({ OPENCLAW_STATE_DIR: '~/state' }) }).stateDir.value).toBe('/home/ada/state');
    expect(resolvePaths({ env: env({ OPENCLAW_CONFIG_PATH: 'rel.json' }) }).configPath.value).toBe(path.resolve('rel.json'));
  });

  it('OPENCLAW_PROFILE applies when no flag is given', () => {
    expect(resolvePaths({ env: env({ OPENCLAW_PROFILE: 'ci' }) }).stateDir.value).toBe('/home/ada/.openclaw-ci');
  });

  it('rejects a profile name that could escape the home directory', () => {
    expect(() => resolvePaths({ env: env(), profile: '../etc' })).toThrow(ProfileNameError);
  });
});

describe('gateway settings resolution', () => {
  const cfg = { gateway: { port: 20000, bind: '0.0.0.0', auth: { token: 'cfg-token' } } };

  it('port: --port > OPENCLAW_GATEWAY_PORT > gateway.port > default', () => {
    expect(resolvePort(cfg, { port: '1234' }, env({ OPENCLAW_GATEWAY_PORT: '5' }))).toMatchObject({ value: 1234, source: 'flag' });
    expect(resolvePort(cfg, {}, env({ OPENCLAW_GATEWAY_PORT: '127.0.0.1:4321' }))).toMatchObject({ value: 4321, source: 'env' });
    expect(resolvePort(cfg, {}, env())).toMatchObject({ value: 20000, source: 'config', from: 'gateway.port' });
    expect(resolvePort({}, {}, env(), 19001)).toEqual({ value: 19001, source: 'default' });
    expect(() => resolvePort({}, {}, env({ OPENCLAW_GATEWAY_PORT: 'abc' }))).toThrow(SettingError);
  });

  it('bind: legacy host values map to modes', () => {
    expect(resolveBind(cfg)).toMatchObject({ value: 'lan', raw: '0.0.0.0', source: 'config' });
    expect(resolveBind({ gateway: { bind: 'localhost' } }).value).toBe('loopback');
    expect(resolveBind({}).value).toBe('loopback');
    expect(() => resolveBind({ gateway: { bind: 'everywhere' } })).toThrow(/must be one of/);
  });

  it('auth: server prefers config over env; password presence implies password mode', () => {
    const a = resolveServerAuth(cfg, {}, env({ OPENCLAW_GATEWAY_TOKEN: 'env-token' }));
    expect(a.mode.value).toBe('token');
    expect(a.token).toMatchObject({ value: 'cfg-token', source: 'config' });
    expect(resolveServerAuth({}, {}, env({ OPENCLAW_GATEWAY_TOKEN: 'env-token' })).token).toMatchObject({ value: 'env-token', source: 'env' });
    expect(resolveServerAuth({ gateway: { auth: { password: 'pw' } } }, {}, env()).mode.value).toBe('password');
  });
});
