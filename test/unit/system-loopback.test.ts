import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/system/loopback.js';

const hostOf = (origin: string) => new URL(origin).hostname;

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.255.255.254', '127.0.0.2', '::1', '0:0:0:0:0:0:0:1', '[::1]', '::ffff:127.0.0.1', '::ffff:7f00:1', 'localhost', 'LOCALHOST'])(
    '%s is loopback',
    (h) => expect(isLoopbackHost(h)).toBe(true),
  );

  it.each([
    '127.evil.example',
    '127.0.0.1.nip.io',
    '127.0.0.1.',
    'localhost.evil.example',
    'evil-localhost',
    '128.0.0.1',
    '10.0.0.1',
    '0.0.0.0',
    '::',
    '::2',
    '::ffff:10.0.0.1',
    '::ffff:128.0.0.1',
    '1127.0.0.1',
    '127.1',
    '',
    ' ',
    'gateway',
  ])('%s is not loopback', (h) => expect(isLoopbackHost(h)).toBe(false));

  it('undefined (a socket with no address) is not loopback', () => expect(isLoopbackHost(undefined)).toBe(false));

  it('browser origins: only real loopback hosts count', () => {
    expect(isLoopbackHost(hostOf('http://127.0.0.1:18789'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://[::1]:18789'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://localhost:18789'))).toBe(true);
    // URL normalises the IPv4 shorthand, so the parsed origin is what decides.
    expect(isLoopbackHost(hostOf('http://127.1'))).toBe(true);
    expect(isLoopbackHost(hostOf('http://127.evil.example'))).toBe(false);
    expect(isLoopbackHost(hostOf('http://127.0.0.1.nip.io:18789'))).toBe(false);
    expect(isLoopbackHost(hostOf('http://localhost.evil.example'))).toBe(false);
  });
});
