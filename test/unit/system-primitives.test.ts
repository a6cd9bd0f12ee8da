import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPathFor, pidAlive, readLock } from '../../src/system/gateway-lock.js';
import { findPortHolders } from '../../src/system/port-holders.js';
import { tempDir } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('gateway lock', () => {
  it('lives at <tmpdir>/openclaw-<uid>/gateway.<sha256(configPath)[0:8]>.lock', () => {
    const cfg = '/home/ada/.openclaw/openclaw.json';
    const hash = crypto.createHash('sha256').update(cfg).digest('hex').slice(0, 8);
    expect(lockPathFor(cfg, { tmpdir: '/tmp', uid: 1000 })).toBe(`/tmp/openclaw-1000/gateway.${hash}.lock`);
  });

  it('tells held, stale, absent and unreadable apart', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'gateway.lock');
    expect(readLock(file).state).toBe('absent');
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, createdAt: Date.now(), configPath: '/x' }));
    expect(readLock(file).state).toBe('held');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    expect(pidAlive(deadPid)).toBe(false);
    fs.writeFileSync(file, JSON.stringify({ pid: deadPid, createdAt: Date.now(), configPath: '/x' }));
    expect(readLock(file)).toMatchObject({ state: 'stale', lock: { pid: deadPid } });
    fs.writeFileSync(file, '{"pid": 12');
    expect(readLock(file)).toMatchObject({ state: 'unreadable' });
  });
});

describe('findPortHolders', () => {
  it('names the pid and command line of a real listener, and nothing for a free port', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const holders = await findPortHolders(port);
      expect(holders).toEqual([expect.objectContaining({ port, address: '127.0.0.1', pid: process.pid })]);
      expect(holders?.[0].command).toContain(path.basename(process.execPath));
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(await findPortHolders(port)).toEqual([]);
  });
});
