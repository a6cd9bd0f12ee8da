// Which process holds the gateway port, relative to this config. A real OpenClaw gateway writes no
// lock file the doctor can read and shows only "openclaw-gateway" as its command line, so its
// environment (HOME, OPENCLAW_HOME, OPENCLAW_PROFILE, OPENCLAW_STATE_DIR, OPENCLAW_CONFIG_PATH) is
// resolved with the CLI's own rules and compared with this config's path.
import { describe, expect, it } from 'vitest';
import { classifyHolder } from '../../src/engine/check-helpers.js';
import type { ConfigFact } from '../../src/facts/config.js';
import { holderConfigPath } from '../../src/facts/ports.js';

const config = { path: '/home/ada/.openclaw/openclaw.json', stateDir: '/home/ada/.openclaw' } as ConfigFact;
const holder = (command: string, env: Record<string, string>) => {
  const h = { port: 18789, address: '127.0.0.1', pid: 4321, command, env };
  return { ...h, configPath: holderConfigPath(h) };
};

describe('holderConfigPath', () => {
  it.each([
    ['the real gateway by HOME', 'openclaw-gateway', { HOME: '/home/ada' }, '/home/ada/.openclaw/openclaw.json'],
    ['a profile from the environment', 'openclaw-gateway', { HOME: '/home/ada', OPENCLAW_PROFILE: 'work' }, '/home/ada/.openclaw-work/openclaw.json'],
    ['a profile on the command line', 'node /usr/lib/node_modules/openclaw/openclaw.mjs --profile work gateway', { HOME: '/home/ada' }, '/home/ada/.openclaw-work/openclaw.json'],
    ['--dev', 'openclaw --dev gateway run', { HOME: '/home/ada' }, '/home/ada/.openclaw-dev/openclaw.json'],
    ['OPENCLAW_HOME', 'openclaw-gateway', { HOME: '/home/ada', OPENCLAW_HOME: '/srv/oc' }, '/srv/oc/.openclaw/openclaw.json'],
    ['OPENCLAW_CONFIG_PATH with ~', 'openclaw gateway', { HOME: '/home/ada', OPENCLAW_CONFIG_PATH: '~/cfg/oc.json' }, '/home/ada/cfg/oc.json'],
    ['a service by its kind marker', 'node /opt/oc/dist/index.js gateway', { HOME: '/home/ada', OPENCLAW_SERVICE_KIND: 'gateway' }, '/home/ada/.openclaw/openclaw.json'],
  ])('%s', (_name, command, env, expected) => {
    expect(holderConfigPath({ command, env })).toBe(expected);
  });

  it.each([
    ['a program that is not OpenClaw, whatever its HOME', 'python3 -m http.server 18789', { HOME: '/home/ada' }],
    ['an environment that could not be read', 'openclaw-gateway', undefined],
    ['an environment without any home or path', 'openclaw-gateway', { PATH: '/usr/bin' }],
    ['a profile name the CLI refuses', 'openclaw --profile ../x gateway', { HOME: '/home/ada' }],
  ])('none for %s', (_name, command, env) => {
    expect(holderConfigPath({ command, env: env as Record<string, string> | undefined })).toBeUndefined();
  });
});

describe('classifyHolder', () => {
  it('a gateway whose environment leads to this config is this config\'s gateway', () => {
    expect(classifyHolder(holder('openclaw-gateway', { HOME: '/home/ada' }), config, undefined)).toBe('this-gateway');
  });

  it('one of another profile or another user is another gateway', () => {
    expect(classifyHolder(holder('openclaw-gateway', { HOME: '/home/ada', OPENCLAW_PROFILE: 'work' }), config, undefined)).toBe('other-gateway');
    expect(classifyHolder(holder('openclaw-gateway', { HOME: '/home/bob' }), config, undefined)).toBe('other-gateway');
  });

  it('a foreign program with the same HOME stays foreign: --fix --yes must never stop it', () => {
    expect(classifyHolder(holder('python3 -m http.server 18789', { HOME: '/home/ada' }), config, undefined)).toBe('foreign');
  });
});
