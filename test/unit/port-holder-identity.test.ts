// Which process holds the gateway port, relative to this config. A gateway only on positive
// evidence: its command line is an OpenClaw gateway's and it answers the handshake. Its environment
// (HOME, OPENCLAW_HOME, OPENCLAW_PROFILE, OPENCLAW_STATE_DIR, OPENCLAW_CONFIG_PATH) then tells which
// config a proven gateway serves; it never makes a process a gateway.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyHolder } from '../../src/engine/check-helpers.js';
import type { ConfigFact } from '../../src/facts/config.js';
import type { LockFact } from '../../src/facts/lock.js';
import { holderConfigPath, type PortHolderInfo } from '../../src/facts/ports.js';
import { isGatewayCommand, parsePsLine, startedBy, startTimeFromStat } from '../../src/system/process-identity.js';

const OWN_ENTRY = path.resolve(__dirname, '../../dist/src/cli/main.js');

describe('isGatewayCommand', () => {
  it.each([
    ['the real gateway\'s process title', ['openclaw-gateway']],
    ['the real CLI running the gateway', ['/usr/bin/node', '/usr/lib/node_modules/openclaw/openclaw.mjs', 'gateway', 'run']],
    ['a global openclaw', ['openclaw', 'gateway']],
    ['with global options before the subcommand', ['openclaw', '--profile', 'work', '--dev', 'gateway', '--port', '18789']],
    ['this toolkit from its own dist', ['node', OWN_ENTRY, 'gateway', '--port', '18789', '--token', 'x']],
    ['this toolkit installed elsewhere', ['node', '--enable-source-maps', '/opt/x/node_modules/openclaw-doctor-toolkit/dist/src/cli/main.js', 'gateway', 'run']],
  ])('yes: %s', (_name, argv) => {
    expect(isGatewayCommand(argv)).toBe(true);
  });

  it.each([
    ['a web server', ['python3', '-m', 'http.server', '18789']],
    ['sleep', ['sleep', '300']],
    ['another gateway subcommand', ['openclaw', 'gateway', 'stop']],
    ['"gateway" as an argument of another command', ['openclaw', 'config', 'get', 'gateway']],
    ['a node one-liner that mentions it', ['node', '-e', '// openclaw gateway']],
    ['a shell wrapping it', ['bash', '-c', 'openclaw gateway']],
    ['a script that only looks like it', ['node', '/home/x/openclaw-fake.js', 'gateway']],
    ['an empty command line (a kernel thread)', []],
  ])('no: %s', (_name, argv) => {
    expect(isGatewayCommand(argv)).toBe(false);
  });
});

describe('another checkout of this toolkit', () => {
  /** A clone in a folder of any name: package.json beside dist/, and the CLI entry under dist/. */
  function clone(pkg: unknown): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-clone-'));
    fs.mkdirSync(path.join(root, 'dist/src/cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/src/cli/main.cjs'), '');
    if (pkg !== undefined) fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(pkg));
    return path.join(root, 'dist/src/cli/main.cjs');
  }

  it('is an OpenClaw gateway when its package.json names this toolkit', () => {
    expect(isGatewayCommand(['node', clone({ name: 'openclaw-doctor-toolkit' }), 'gateway', '--port', '18789'])).toBe(true);
  });

  it('is not, for the same layout under another package or none', () => {
    expect(isGatewayCommand(['node', clone({ name: 'left-pad' }), 'gateway'])).toBe(false);
    expect(isGatewayCommand(['node', clone(undefined), 'gateway'])).toBe(false);
    expect(isGatewayCommand(['node', clone('not an object'), 'gateway'])).toBe(false);
  });
});

describe('start time against the lock', () => {
  it('reads field 22 of /proc/<pid>/stat, even when the process name has spaces and parens', () => {
    // pid (comm) then fields 3…22: state, ppid, …, starttime (here 12345 ticks = 123.45 s after boot).
    const fields = ['S', ...Array.from({ length: 18 }, (_, i) => String(i + 1)), '12345', '99', '0'];
    expect(startTimeFromStat(`4242 (a (b) c) ${fields.join(' ')}`, 1_000_000)).toBe(1_000_000 + 123_450);
  });

  it('reads ps -o lstart= -o args=', () => {
    const info = parsePsLine(77, 'Sun Dec  6 15:34:35 2026     /usr/local/bin/openclaw gateway --token S');
    expect(info).toMatchObject({ pid: 77, argv: ['/usr/local/bin/openclaw', 'gateway', '--token', 'S'], command: '/usr/local/bin/openclaw gateway --token ***' });
    expect(info?.startedAtMs).toBe(new Date(2026, 11, 6, 15, 34, 35).getTime());
  });

  it('a process that started after the lock was written did not write it', () => {
    const info = { pid: 1, argv: [], command: '', startedAtMs: Date.parse('2026-12-06T12:00:00Z') };
    expect(startedBy(info, '2026-12-06T12:00:01Z')).toBe(true);
    expect(startedBy(info, '2026-12-06T11:00:00Z')).toBe(false);
    expect(startedBy(info, 'not a date')).toBeUndefined();
    expect(startedBy({ ...info, startedAtMs: undefined }, '2026-12-06T12:00:01Z')).toBeUndefined();
  });
});

const config = { path: '/home/ada/.openclaw/openclaw.json', stateDir: '/home/ada/.openclaw' } as ConfigFact;
function holder(command: string, env: Record<string, string> | undefined, proof: { gatewayCommand: boolean; answersHandshake?: boolean }): PortHolderInfo {
  const h = { port: 18789, address: '127.0.0.1', pid: 4321, command, env, ...proof };
  return { ...h, configPath: holderConfigPath(h) };
}
const gateway = { gatewayCommand: true, answersHandshake: true };

describe('holderConfigPath (which config a proven gateway serves)', () => {
  it.each([
    ['the real gateway by HOME', 'openclaw-gateway', { HOME: '/home/ada' }, '/home/ada/.openclaw/openclaw.json'],
    ['a profile from the environment', 'openclaw-gateway', { HOME: '/home/ada', OPENCLAW_PROFILE: 'work' }, '/home/ada/.openclaw-work/openclaw.json'],
    ['a profile on the command line', 'node /usr/lib/node_modules/openclaw/openclaw.mjs --profile work gateway', { HOME: '/home/ada' }, '/home/ada/.openclaw-work/openclaw.json'],
    ['--dev', 'openclaw --dev gateway run', { HOME: '/home/ada' }, '/home/ada/.openclaw-dev/openclaw.json'],
    ['OPENCLAW_HOME', 'openclaw-gateway', { HOME: '/home/ada', OPENCLAW_HOME: '/srv/oc' }, '/srv/oc/.openclaw/openclaw.json'],
    ['OPENCLAW_CONFIG_PATH with ~', 'openclaw gateway', { HOME: '/home/ada', OPENCLAW_CONFIG_PATH: '~/cfg/oc.json' }, '/home/ada/cfg/oc.json'],
  ])('%s', (_name, command, env, expected) => {
    expect(holderConfigPath({ command, env, gatewayCommand: true })).toBe(expected);
  });

  it.each([
    ['a program that is not OpenClaw, whatever its environment', 'python3 -m http.server 18789', { HOME: '/home/ada', OPENCLAW_STATE_DIR: '/home/ada/.openclaw' }, false],
    ['a service marker in the environment of a non-gateway command line', 'node /opt/oc/dist/index.js gateway', { HOME: '/home/ada', OPENCLAW_SERVICE_KIND: 'gateway' }, false],
    ['an environment that could not be read', 'openclaw-gateway', undefined, true],
    ['an environment without any home or path', 'openclaw-gateway', { PATH: '/usr/bin' }, true],
    ['a profile name the CLI refuses', 'openclaw --profile ../x gateway', { HOME: '/home/ada' }, true],
  ])('none for %s', (_name, command, env, gatewayCommand) => {
    expect(holderConfigPath({ command, env: env as Record<string, string> | undefined, gatewayCommand })).toBeUndefined();
  });
});

describe('classifyHolder', () => {
  it("a proven gateway whose environment leads to this config is this config's gateway", () => {
    expect(classifyHolder(holder('openclaw-gateway', { HOME: '/home/ada' }, gateway), config, undefined)).toBe('this-gateway');
  });

  it('a proven gateway named by a lock that readLock identified is this config\'s', () => {
    const lock = { state: 'held', path: '/l', configPath: config.path, lock: { pid: 4321, createdAt: 0, configPath: config.path } } as LockFact;
    expect(classifyHolder(holder('openclaw-gateway', undefined, gateway), config, lock)).toBe('this-gateway');
  });

  it('one of another profile or another user is another gateway', () => {
    expect(classifyHolder(holder('openclaw-gateway', { HOME: '/home/ada', OPENCLAW_PROFILE: 'work' }, gateway), config, undefined)).toBe('other-gateway');
    expect(classifyHolder(holder('openclaw-gateway', { HOME: '/home/bob' }, gateway), config, undefined)).toBe('other-gateway');
  });

  it('a gateway command line that does not answer the handshake is unverified, whatever its environment or lock', () => {
    const lock = { state: 'held', path: '/l', configPath: config.path, lock: { pid: 4321, createdAt: 0, configPath: config.path } } as LockFact;
    expect(classifyHolder(holder('openclaw-gateway', { HOME: '/home/ada' }, { gatewayCommand: true, answersHandshake: false }), config, lock)).toBe('unverified-gateway');
  });

  it('a foreign program with this config\'s OPENCLAW_STATE_DIR, HOME and even its stale lock pid stays foreign', () => {
    const env = { HOME: '/home/ada', OPENCLAW_STATE_DIR: '/home/ada/.openclaw', OPENCLAW_CONFIG_PATH: config.path, OPENCLAW_SERVICE_KIND: 'gateway' };
    const stale = { state: 'stale', path: '/l', configPath: config.path, lock: { pid: 4321, createdAt: 0, configPath: config.path }, ownerAlive: true, reason: 'x' } as LockFact;
    expect(classifyHolder(holder('python3 -m http.server 18789', env, { gatewayCommand: false }), config, stale)).toBe('foreign');
    // Facts recorded before identity existed carry no proof: not a gateway either.
    expect(classifyHolder({ port: 18789, address: '127.0.0.1', pid: 4321, command: 'openclaw-gateway', env }, config, undefined)).toBe('foreign');
  });

  it('ssh is a tunnel; no pid is unknown', () => {
    expect(classifyHolder(holder('ssh -N -L 18789:127.0.0.1:18789 host', undefined, { gatewayCommand: false }), config, undefined)).toBe('ssh-tunnel');
    expect(classifyHolder({ port: 18789, address: '*' }, config, undefined)).toBe('unknown');
  });
});
