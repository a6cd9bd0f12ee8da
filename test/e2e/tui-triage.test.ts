// The triage wizard in a real pseudo-terminal: tmux runs the built CLI at 80×24 against a real
// embedded gateway whose config has a legacy bind value. `openclaw triage` starts the
// wizard; we pick the symptom, apply the fix, see it verified, write the report, press Ctrl-C and
// check the terminal is back in cooked mode. Off a terminal (or in CI) the wizard refuses. A bare
// `openclaw doctor` on a terminal prints the report and asks one question about the safe repairs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI, cleanup, cli, makeState, newToken, startGateway, waitFor, type RunningGateway } from './gateway-harness.js';

// A private tmux server (its own socket in a temp dir): teardown kills it and removes the socket.
const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-tui-tmux-'));
// One server per terminal: a new one never races the shutdown of the last.
const sockets: string[] = [];
const gateways: RunningGateway[] = [];

const tmux = (socket: string, ...args: string[]) => spawnSync('tmux', ['-S', socket, ...args], { encoding: 'utf8', timeout: 5000 });

afterEach(async () => {
  for (const s of sockets.splice(0)) tmux(s, 'kill-server');
  for (const g of gateways.splice(0)) await g.stop();
});
afterAll(async () => {
  fs.rmSync(socketDir, { recursive: true, force: true });
  await cleanup();
});

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Starts `script` in a detached 80×24 tmux session; returns a reader of the screen and a key sender. */
function terminal(name: string, stateDir: string, command: string, extraEnv: Record<string, string> = {}) {
  const script = path.join(stateDir, `${name}.sh`);
  // Not in a container (this machine may be one): there an unset bind is 0.0.0.0 and these configs would need a token.
  const env = { OPENCLAW_STATE_DIR: stateDir, NO_COLOR: '1', TERM: 'xterm-256color', PATH: process.env.PATH ?? '', HOME: stateDir, OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR: process.env.OPENCLAW_DOCTOR_UPSTREAM_LOG_DIR, OPENCLAW_IN_CONTAINER: '0', ...extraEnv };
  const exports = Object.entries(env).map(([k, v]) => `export ${k}=${JSON.stringify(v)}`);
  // After the CLI exits, print its status and the terminal mode, then stay so the pane can be read.
  fs.writeFileSync(script, ['#!/bin/sh', 'unset CI OPENCLAW_CONFIG_PATH OPENCLAW_GATEWAY_TOKEN OPENCLAW_GATEWAY_PORT', ...exports, `cd ${JSON.stringify(stateDir)}`, `${command}`, 'echo "EXIT=$?"', 'stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo', 'sleep 120', ''].join('\n'), { mode: 0o700 });
  const socket = path.join(socketDir, name);
  sockets.push(socket);
  const r = tmux(socket, 'new-session', '-d', '-s', name, '-x', '80', '-y', '24', script);
  expect(r.status, r.stderr).toBe(0);
  // The whole pane, scrollback included (a long report scrolls its first lines away).
  const screen = () => tmux(socket, 'capture-pane', '-p', '-J', '-S', '-', '-t', name).stdout;
  const keys = async (...k: string[]) => {
    for (const key of k) {
      tmux(socket, 'send-keys', '-t', name, key);
      await new Promise((res) => setTimeout(res, 80));
    }
  };
  const see = (what: string | RegExp, ms = 15_000) => waitFor(() => {
    const s = screen();
    return (typeof what === 'string' ? s.includes(what) : what.test(s)) && s;
  }, ms, `${String(what)} on screen`).catch((err) => {
    throw new Error(`${(err as Error).message}; the screen:\n${screen()}`);
  });
  /** The visible screen with its escape codes, to check what colour reached the terminal. */
  const raw = () => tmux(socket, 'capture-pane', '-p', '-e', '-t', name).stdout;
  return { screen, keys, see, raw };
}

describe('triage wizard in a real terminal', () => {
  it('`openclaw triage` on a TTY: pick "Probe warnings", apply the fix, see it verified; Ctrl-C leaves a cooked terminal', async () => {
    const token = newToken();
    const port = await freePort();
    const stateDir = makeState({ gateway: { mode: 'local', port, bind: '127.0.0.1', auth: { mode: 'token', token } } });
    const configPath = path.join(stateDir, 'openclaw.json');
    gateways.push(await startGateway(stateDir, ['--port', String(port)]));

    const t = terminal('wizard', stateDir, `node ${JSON.stringify(CLI)} triage`);
    await t.see('What is wrong?');
    expect(t.raw()).not.toMatch(/\u001B\[[0-9;]*(3[0-8]|9[0-7])[;m]/); // NO_COLOR: no foreground colour at all
    await t.keys('j', 'j', 'j');
    await t.see('› Probe warnings');
    await t.keys('Enter');
    const ladder = await t.see('Ladder done', 30_000);
    expect(ladder).toContain(`✓ openclaw gateway status: gateway answers at ws://127.0.0.1:${port}`);
    await t.keys('Enter');
    await t.see(/\[x\] ! gateway\/legacy-bind-alias/);
    await t.keys('d');
    const plan = await t.see('+    "bind": "loopback",');
    expect(plan).toContain('gateway/legacy-bind-alias (safe): set gateway.bind = "loopback"');
    expect(JSON.parse(fs.readFileSync(configPath, 'utf8')).gateway.bind).toBe('127.0.0.1');
    await t.keys('Enter');
    const after = await t.see('applied, verified', 30_000);
    expect(after).toContain('✓ gateway/legacy-bind-alias: applied, verified');
    const cfg = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    expect(cfg.gateway.bind).toBe('loopback');
    expect(cfg.gateway.auth.token).toBe(token);
    await t.keys('Enter');
    await t.see('Summary');
    await t.keys('r');
    await t.see('Report written to');
    const report = fs.readdirSync(stateDir).find((n) => /^openclaw-triage-.*\.md$/.test(n));
    expect(report).toBeDefined();
    const md = fs.readFileSync(path.join(stateDir, report!), 'utf8');
    expect(md).toContain('- gateway/legacy-bind-alias: applied, verified');
    expect(md).not.toContain(token);

    await t.keys('C-c');
    const end = await t.see(/EXIT=\d+\s+\S/);
    expect(end).toContain('EXIT=130');
    expect(end).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(end).toMatch(/(^|\s)echo(\s|$)/m);
    expect(end).not.toContain('-icanon');
    expect(end).not.toContain(token);
    // The gateway kept running through the fix and still answers.
    expect(gateways[0]!.proc.exitCode).toBeNull();
  }, 120_000);

  it('refuses politely with exit 2 in CI, even on a TTY; a bare doctor there prints its report', async () => {
    const stateDir = makeState({ gateway: { mode: 'local', port: await freePort() } });
    const t = terminal('ci', stateDir, `node ${JSON.stringify(CLI)} triage; echo "TRIAGE=$?"; node ${JSON.stringify(CLI)} doctor --help >/dev/null; node ${JSON.stringify(CLI)} doctor`, { CI: 'true' });
    const s = await t.see(/EXIT=\d+/);
    expect(s).toContain('TRIAGE=2');
    expect(s).toContain('needs an interactive terminal (CI is set)');
    expect(s).toContain('openclaw doctor --json');
    expect(s).toMatch(/gateway\/not-running|No gateway is listening/);
    expect(s).not.toContain('What is wrong?');
  }, 60_000);

  it('bare `openclaw doctor` on a TTY prints the report by area and asks once; no (the default) changes nothing', async () => {
    const port = await freePort();
    const stateDir = makeState({ gateway: { mode: 'local', port, bind: '127.0.0.1' } });
    const configPath = path.join(stateDir, 'openclaw.json');
    const before = fs.readFileSync(configPath, 'utf8');
    const t = terminal('ask-no', stateDir, `node ${JSON.stringify(CLI)} doctor`);
    const s = await t.see('Apply the safe repair now? [y/N]');
    expect(s).not.toContain('What is wrong?');
    expect(s).toMatch(/^! gateway$/m);
    expect(s).toMatch(/^✓ system$/m);
    expect(s).toContain('▲ warning  gateway.bind is the legacy host value "127.0.0.1"');
    expect(s).toMatch(/guided: `openclaw triage`/);
    await t.keys('Enter');
    const end = await t.see(/EXIT=\d+/);
    expect(end).toContain('EXIT=0'); // warnings only: the report's own exit code
    expect(end).not.toContain('Repairs');
    expect(fs.readFileSync(configPath, 'utf8')).toBe(before);
  }, 60_000);

  it('bare `openclaw doctor` on a TTY: a "y" typed while it starts is not lost and applies the safe repair', async () => {
    const port = await freePort();
    const stateDir = makeState({ gateway: { mode: 'local', port, bind: '127.0.0.1' } });
    const configPath = path.join(stateDir, 'openclaw.json');
    const t = terminal('ask-yes', stateDir, `node ${JSON.stringify(CLI)} doctor`);
    await t.keys('y', 'Enter'); // typed ahead, before the question is on screen
    const end = await t.see(/EXIT=\d+/, 30_000);
    expect(end).toContain('Apply the safe repair now? [y/N] y');
    expect(end).toMatch(/fixed +gateway\/legacy-bind-alias\n\s+set gateway\.bind to "loopback"/);
    expect(end.match(/fixed/g)).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(configPath, 'utf8')).gateway.bind).toBe('loopback');
  }, 60_000);

  it('never asks with --non-interactive or in CI', async () => {
    const stateDir = makeState({ gateway: { mode: 'local', port: await freePort(), bind: '127.0.0.1' } });
    const t = terminal('no-ask', stateDir, `node ${JSON.stringify(CLI)} doctor --non-interactive; CI=1 node ${JSON.stringify(CLI)} doctor`);
    const s = await t.see(/EXIT=\d+/);
    expect(s.match(/gateway\.bind is the legacy host value/g)).toHaveLength(2);
    expect(s).not.toContain('[y/N]');
  }, 60_000);

  it('explain with nothing piped on a TTY says how to paste on this platform (xclip on X11, wl-paste on Wayland)', async () => {
    const stateDir = makeState({ gateway: { mode: 'local' } });
    const t = terminal('explain', stateDir, `node ${JSON.stringify(CLI)} explain; WAYLAND_DISPLAY=wayland-0 node ${JSON.stringify(CLI)} explain`);
    const s = await t.see(/EXIT=\d+/);
    expect(s).toContain('error: nothing to explain');
    expect(s).toContain('`xclip -selection clipboard -o | openclaw explain`');
    expect(s).toContain('`wl-paste | openclaw explain`');
    expect(s).not.toContain('pbpaste');
  }, 60_000);

  it('doctor with any flag on a TTY prints the report, never the wizard', async () => {
    const stateDir = makeState({ gateway: { mode: 'local', port: await freePort() } });
    const t = terminal('flagged', stateDir, `node ${JSON.stringify(CLI)} doctor --only gateway`);
    const s = await t.see(/EXIT=\d+/);
    expect(s).toMatch(/gateway\/not-running|No gateway is listening/);
    expect(s).not.toContain('What is wrong?');
  }, 60_000);

  it('refuses with exit 2 off a terminal and suggests `openclaw doctor --json`', () => {
    const stateDir = makeState({ gateway: { mode: 'local' } });
    const r = cli(stateDir, ['triage']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs an interactive terminal');
    expect(r.stderr).toContain('openclaw doctor --json');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
