// The doctor's repairs proven on the real OpenClaw 2026.9.6 (issue 14 item 8): each state dir is
// broken in a way the real gateway refuses to start with; `openclaw doctor --fix --yes` repairs it
// (or, where nothing can be repaired automatically, says what to do, and doing that is the repair);
// then the real gateway starts. Needs a real install (OPENCLAW_UPSTREAM_BIN, reference §8) and a
// loopback-only network namespace (it makes outbound requests at start); skipped with the reason
// otherwise:
//
//   ip netns exec <ns> env OPENCLAW_UPSTREAM_BIN=<scratch>/node_modules/.bin/openclaw \
//     npx vitest run test/e2e/doctor-real-gateway.test.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs helper shared with the scripts
import { freePort } from '../../scripts/free-port.mjs';
import { notLoopbackOnly, removeUpstreamLocks, startUpstreamGateway, type UpstreamGateway } from '../../scripts/upstream-openclaw.mjs';
import { CLI, runCli } from '../helpers/cli-sync.js';

const bin = process.env.OPENCLAW_UPSTREAM_BIN;
const skipReason = !bin
  ? 'OPENCLAW_UPSTREAM_BIN is not set (install openclaw@2026.9.6 outside the repo, reference §8)'
  : !fs.existsSync(bin)
    ? `OPENCLAW_UPSTREAM_BIN=${bin} does not exist`
    : notLoopbackOnly();

const TOKEN = 'real-gw-0123456789abcdef0123456789abcdef';
const uid = process.getuid?.() ?? 0;

/** A state dir broken one way, what the doctor must do about it, and (if any) the user's step after. */
interface Broken {
  name: string;
  /** Writes the broken state into `stateDir` (config at stateDir/openclaw.json); the configured port is `port`. */
  breakIt(s: Scratch, port: number): void | Promise<void>;
  /** The check whose fix makes the gateway start; `manual` when the finding says "cannot repair automatically". */
  fix: string | { manual: string; hint: RegExp; follow(s: Scratch): void };
}

interface Scratch {
  home: string;
  stateDir: string;
  configPath: string;
  env: NodeJS.ProcessEnv;
  writeConfig(text: string | object): void;
}

const gw = (gateway: object) => ({ gateway });
const STATES: Broken[] = [
  { name: 'no config at all', breakIt: () => {}, fix: 'gateway/mode-unset' },
  { name: 'gateway.mode unset', breakIt: (s, port) => s.writeConfig(gw({ port, auth: { mode: 'token', token: TOKEN } })), fix: 'gateway/mode-unset' },
  { name: 'bind lan without auth', breakIt: (s, port) => s.writeConfig(gw({ mode: 'local', port, bind: 'lan' })), fix: 'gateway/bind-without-auth' },
  { name: 'legacy gateway.token', breakIt: (s, port) => s.writeConfig(gw({ mode: 'local', port, token: TOKEN })), fix: 'gateway/legacy-token-key' },
  {
    name: 'unparseable, one comma missing, no saved copy',
    breakIt: (s, port) => s.writeConfig(`{\n  gateway: {\n    mode: "local"\n    port: ${port},\n    auth: { mode: "token", token: "${TOKEN}" },\n  },\n}\n`),
    fix: 'config/unparseable',
  },
  {
    name: 'unparseable, merge conflict, saved copy',
    breakIt: (s, port) => {
      s.writeConfig(`{\n  gateway: { mode: "local", port: ${port}, auth: { mode: "token", token: "${TOKEN}" } },\n<<<<<<< HEAD\n  cron: { enabled: true },\n=======\n}\n`);
      fs.writeFileSync(`${s.configPath}.bak`, `${JSON.stringify(gw({ mode: 'local', port, auth: { mode: 'token', token: TOKEN } }), null, 2)}\n`, { mode: 0o600 });
    },
    fix: 'config/unparseable',
  },
  {
    name: 'unparseable, merge conflict, no saved copy',
    breakIt: (s, port) => s.writeConfig(`{\n  gateway: { mode: "local", port: ${port}, auth: { mode: "token", token: "${TOKEN}" } },\n<<<<<<< HEAD\n  cron: { enabled: true },\n=======\n}\n`),
    fix: {
      manual: 'config/unparseable',
      hint: /^Cannot repair automatically: .*keep it aside and start fresh: `mv (\S+) \1\.broken && openclaw setup`$/,
      // What the hint says: keep the file aside and set up afresh with `openclaw setup` (ours).
      follow: (s) => {
        fs.renameSync(s.configPath, `${s.configPath}.broken`);
        expect(runCli(['setup'], s.env).code).toBe(0);
      },
    },
  },
  { name: 'a key one typo away (gateway.prot)', breakIt: (s, port) => s.writeConfig(gw({ mode: 'local', prot: port, auth: { mode: 'token', token: TOKEN } })), fix: 'config/mistyped' },
  { name: 'an unknown key that is no typo', breakIt: (s, port) => s.writeConfig(gw({ mode: 'local', port, auth: { mode: 'token', token: TOKEN }, frobnicate: { level: 3 } })), fix: 'config/invalid' },
  { name: 'an auth.mode that does not exist', breakIt: (s, port) => s.writeConfig(gw({ mode: 'local', port, bind: 'loopback', auth: { mode: 'oauth' } })), fix: 'config/invalid' },
  { name: 'password mode without a password', breakIt: (s, port) => s.writeConfig(gw({ mode: 'local', port, bind: 'loopback', auth: { mode: 'password' } })), fix: 'gateway/password-missing' },
];

describe.skipIf(Boolean(skipReason))(`the real gateway starts after doctor --fix --yes${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let root: string; // made in beforeAll: a skipped suite must leave nothing behind
  const running = new Set<UpstreamGateway>();
  const stateDirs: string[] = [];
  let hadTmpLogs = true;

  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error('build first: npm run build');
    hadTmpLogs = fs.existsSync('/tmp/openclaw');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-real-gw-'));
  });

  afterAll(async () => {
    for (const g of running) await g.stop();
    // What the real gateway writes outside its state dirs (reference §8).
    removeUpstreamLocks(stateDirs);
    if (!hadTmpLogs) fs.rmSync('/tmp/openclaw', { recursive: true, force: true });
    fs.rmSync(root, { recursive: true, force: true });
  }, 60_000);

  function scratch(name: string): Scratch {
    const home = path.join(root, name.replace(/[^a-z0-9]+/gi, '-'));
    const stateDir = path.join(home, '.openclaw');
    fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    stateDirs.push(stateDir);
    const configPath = path.join(stateDir, 'openclaw.json');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1' };
    return { home, stateDir, configPath, env, writeConfig: (c) => fs.writeFileSync(configPath, typeof c === 'string' ? c : `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 }) };
  }

  async function realGateway(s: Scratch, port: number, waitMs?: number): Promise<UpstreamGateway> {
    const g = await startUpstreamGateway(bin!, s.env, port, { waitMs });
    running.add(g);
    return g;
  }
  async function stop(g: UpstreamGateway) {
    await g.stop();
    running.delete(g);
  }

  const doctorFix = (s: Scratch) => {
    const r = runCli(['doctor', '--fix', '--yes', '--json'], s.env, { timeoutMs: 60_000 });
    return r.json() as { findings: { checkId: string; fixHint?: string }[]; fixes?: { checkId: string; status: string; verified: boolean; reason?: string }[] };
  };

  for (const b of STATES) {
    it(b.name, async () => {
      const s = scratch(b.name);
      const port = await freePort();
      await b.breakIt(s, port);
      let g = await realGateway(s, port);
      await stop(g);
      expect(g.state, `the real gateway must refuse the broken state first:\n${g.output()}`).toBe('exited');

      const report = doctorFix(s);
      if (typeof b.fix === 'string') {
        const fix = report.fixes?.find((f) => f.checkId === b.fix);
        expect(fix, JSON.stringify(report)).toMatchObject({ status: 'applied', verified: true });
      } else {
        const manual = b.fix;
        const finding = report.findings.find((f) => f.checkId === manual.manual);
        expect(finding?.fixHint, JSON.stringify(report)).toMatch(manual.hint);
        expect(report.fixes?.filter((f) => f.checkId === manual.manual && f.status === 'applied') ?? []).toEqual([]);
        manual.follow(s);
      }

      g = await realGateway(s, port);
      await stop(g);
      expect(g.state, `the real gateway must start after the repair:\n${g.output()}`).toBe('up');
    }, 180_000);
  }

  it('a lock held by a live gateway of this config (under the state dir, as 2026.9.6 keeps it)', async () => {
    const s = scratch('live lock owner');
    const [port, other] = [await freePort(), await freePort()];
    s.writeConfig(gw({ mode: 'local', port, bind: 'loopback', auth: { mode: 'token', token: TOKEN } }));
    const owner = await realGateway(s, other);
    expect(owner.state, owner.output()).toBe('up');
    expect(fs.existsSync(path.join(s.stateDir, 'tmp', `openclaw-${uid}`))).toBe(true);
    // A second one for the configured port waits for the lock and never comes up.
    const blocked = await realGateway(s, port, 20_000);
    await stop(blocked);
    expect(blocked.state, blocked.output()).not.toBe('up');

    const report = doctorFix(s);
    const fix = report.fixes?.find((f) => f.checkId === 'gateway/not-running');
    expect(fix, JSON.stringify(report)).toMatchObject({ status: 'applied', verified: true });
    await stop(owner);

    const g = await realGateway(s, port);
    await stop(g);
    expect(g.state, g.output()).toBe('up');
  }, 240_000);
});
