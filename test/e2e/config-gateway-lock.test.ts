// Issue 13 item 3 on the gateway side: config.patch takes the same write lock as the CLI, so a live
// holder makes it answer "being written by pid N" (and change nothing), and patches racing real
// `config set` processes lose no update on either side.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configLockPath } from '../../src/config/write-lock.js';
import { cleanup, envFor, handshake, makeState, newDevice, newToken, readJsonFile, rpc, startGateway, type RunningGateway } from './gateway-harness.js';
import { cliPath } from '../helpers/cli.js';

const token = newToken();
let dir: string;
let gw: RunningGateway;
beforeAll(async () => {
  dir = makeState({ gateway: { mode: 'local', auth: { mode: 'token', token } } });
  gw = await startGateway(dir, ['--port', '0'], { OPENCLAW_CONFIG_LOCK_TIMEOUT_MS: '400' });
}, 20_000);
afterAll(async () => {
  await gw?.stop();
  await cleanup();
});

function configSet(key: string, value: string): Promise<number | null> {
  const child = spawn(process.execPath, [cliPath, 'config', 'set', key, value], { env: envFor(dir, { OPENCLAW_CONFIG_LOCK_TIMEOUT_MS: '60000' }), stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return once(child, 'exit').then(([code]) => {
    clearTimeout(timer);
    return code as number | null;
  });
}

describe('config.patch under the config write lock', () => {
  it('answers "being written by pid N" while a live process holds the lock, and writes once it is free', async () => {
    const file = path.join(dir, 'openclaw.json');
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(configLockPath(file), JSON.stringify({ pid: holder.pid, createdAt: new Date().toISOString() }));
      const before = fs.readFileSync(file, 'utf8');
      const { sock } = await handshake(gw.url, { token, device: newDevice() });
      const busy = await rpc(sock, 'config.patch', { raw: '{ notes: { fromRpc: "1" } }' });
      expect(busy.ok).toBe(false);
      expect(busy.error.message).toContain(`being written by pid ${holder.pid}`);
      expect(fs.readFileSync(file, 'utf8')).toBe(before);

      fs.rmSync(configLockPath(file));
      const ok = await rpc(sock, 'config.patch', { raw: '{ notes: { fromRpc: "1" } }' });
      expect(ok.ok).toBe(true);
      expect(readJsonFile(file).notes.fromRpc).toBe('1');
      sock.ws.close();
    } finally {
      holder.kill('SIGKILL');
    }
  }, 30_000);

  it('patches racing 12 real `config set` processes lose no update', async () => {
    const { sock } = await handshake(gw.url, { token, device: newDevice() });
    const sets = Array.from({ length: 12 }, (_, i) => configSet(`notes.cli${i}`, `c${i}`));
    const patch = await rpc(sock, 'config.patch', { raw: '{ notes: { rpc: "r" } }' });
    expect(await Promise.all(sets)).toEqual(Array(12).fill(0));
    expect(patch.ok).toBe(true);
    const notes = readJsonFile(path.join(dir, 'openclaw.json')).notes;
    for (let i = 0; i < 12; i++) expect(notes[`cli${i}`]).toBe(`c${i}`);
    expect(notes.rpc).toBe('r');
    expect(notes.fromRpc).toBe('1');
    sock.ws.close();
  }, 90_000);
});
