// The system facts read from the real machine: statfs of the state dir, cgroup memory files,
// container markers. Compared with what the machine's own tools and files say.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectDisk } from '../../src/facts/system-disk.js';
import { collectMemory } from '../../src/facts/system-memory.js';
import { collectVirt } from '../../src/facts/system-virt.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('disk fact', () => {
  it('measures the state dir’s file system as df does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-disk-'));
    dirs.push(dir);
    const d = await collectDisk(dir);
    expect(d.path).toBe(dir);
    const [size, avail] = execFileSync('df', ['-B1', '--output=size,avail', dir], { encoding: 'utf8', timeout: 5000 }).trim().split('\n')[1].trim().split(/\s+/).map(Number);
    expect(d.totalBytes).toBe(size);
    expect(Math.abs(d.availableBytes - avail)).toBeLessThan(64 * 1024 * 1024); // other writers between the two calls
  });

  it('a state dir that does not exist yet: its nearest existing parent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-disk-'));
    dirs.push(dir);
    expect((await collectDisk(path.join(dir, 'not', 'yet'))).path).toBe(dir);
  });
});

describe('memory fact', () => {
  it('reads this process’s memory cgroup and its oom_kill counter', () => {
    const m = collectMemory();
    const line = fs.readFileSync('/proc/self/cgroup', 'utf8');
    expect(m.cgroups.length).toBe(/memory|^0::/m.test(line) ? 1 : 0);
    for (const c of m.cgroups) {
      expect(c.of).toBe('self');
      expect(fs.existsSync(c.dir)).toBe(true);
      expect(c.oomKills).toBeGreaterThanOrEqual(0);
      expect(c.usageBytes).toBeGreaterThan(0);
    }
    if (fs.existsSync('/proc/pressure/memory')) expect(m.pressureFullAvg60).toBeGreaterThanOrEqual(0);
  });

  it('adds the gateway’s cgroup only when it differs from ours', () => {
    expect(collectMemory(process.pid).cgroups.map((c) => c.of)).toEqual(collectMemory().cgroups.map((c) => c.of));
  });
});

describe('virt fact', () => {
  it('names a container from the markers the runtimes leave (OpenClaw checks /.dockerenv)', () => {
    const v = collectVirt({});
    if (fs.existsSync('/.dockerenv')) expect(v).toMatchObject({ container: 'docker', evidence: expect.arrayContaining(['/.dockerenv']) });
    else if (fs.existsSync('/run/.containerenv')) expect(v.container).toBe('podman');
    expect(collectVirt({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }).container).toBe(fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv') ? v.container : 'kubernetes');
    for (const e of v.evidence) expect(typeof e).toBe('string');
  });
});
