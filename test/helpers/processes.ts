// Real helper processes for end-to-end tests: a TCP listener on a port from the OS, and a pid
// that is guaranteed dead. Every process is killed in teardown; every wait has a timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'); // where node_modules/ws is

const LISTENER = `const s=require('net').createServer(c=>c.destroy());s.listen(0,'127.0.0.1',()=>console.log(s.address().port));`;

export interface Listener {
  child: ChildProcess;
  pid: number;
  port: number;
  kill(): Promise<void>;
}

function waitLine(child: ChildProcess, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the helper process did not start in time')), ms);
    child.stdout!.once('data', (d) => {
      clearTimeout(timer);
      resolve(String(d).trim());
    });
  });
}

/** A separate node process holding a TCP port picked by the OS (the `-e` script, then `args`, is its command line). */
export async function startListener(args: string[] = []): Promise<Listener> {
  const child = spawn(process.execPath, ['-e', LISTENER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = Number(await waitLine(child, 10_000));
  return { child, pid: child.pid!, port, kill: () => stop(child) };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
}

/** The pid of a process that ran and was killed: a stale lock's owner. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(()=>{},1000)'], { stdio: 'ignore' });
  const pid = child.pid!;
  await stop(child);
  return pid;
}

// What OpenClaw 2026.9.6 does for several seconds after a start, as captured from a real one: it
// listens, sends the connect challenge, answers `connect` with UNAVAILABLE and closes with 1013.
const STARTING_GATEWAY = `process.title='openclaw-gateway';
const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => console.log(wss.address().port));
wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'event', event: 'connect.challenge', payload: { nonce: require('crypto').randomUUID(), ts: Date.now() } }));
  ws.on('message', (d) => {
    const f = JSON.parse(String(d));
    ws.send(JSON.stringify({ type: 'res', id: f.id, ok: false, error: { code: 'UNAVAILABLE', message: 'gateway starting; retry shortly', retryable: true, retryAfterMs: 500, details: { reason: 'startup-sidecars' } } }));
    ws.close(1013, 'gateway starting');
  });
});`;

/** A process that looks and answers like a real OpenClaw gateway that is still starting (its title is `openclaw-gateway`). */
export async function startStartingGateway(env: NodeJS.ProcessEnv): Promise<Listener> {
  const child = spawn(process.execPath, ['-e', STARTING_GATEWAY], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = Number(await waitLine(child, 10_000));
  return { child, pid: child.pid!, port, kill: () => stop(child) };
}

/** `python3 -m http.server` on a port from the OS, with the environment given (e.g. an inherited OPENCLAW_STATE_DIR). */
export async function startHttpServer(env: NodeJS.ProcessEnv): Promise<Listener> {
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await waitLine(child, 10_000); // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
  const port = Number(/ port (\d+)/.exec(line)?.[1]);
  if (!port) throw new Error(`python3 -m http.server said: ${line}`);
  return { child, pid: child.pid!, port, kill: () => stop(child) };
}

/** `sleep 300`: a live process that is certainly not a gateway (what a reused pid looks like). */
export function startSleep(): { pid: number; kill(): Promise<void> } {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  return { pid: child.pid!, kill: () => stop(child) };
}

// A gateway process (title `openclaw-gateway`) that sends the connect challenge and then never
// answers `connect`: hung, as a gateway wedged after a bad reload is. With HANDSHAKE=0 it does not even
// send the challenge (a listener whose command line alone claims to be a gateway).
const HUNG_GATEWAY = `process.title='openclaw-gateway';
const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => console.log(wss.address().port));
wss.on('connection', (ws) => {
  if (process.env.HANDSHAKE !== '0') ws.send(JSON.stringify({ type: 'event', event: 'connect.challenge', payload: { nonce: require('crypto').randomUUID(), ts: Date.now() } }));
});`;

export async function startHungGateway(opts: { challenge: boolean }): Promise<Listener> {
  const env = { PATH: process.env.PATH, HANDSHAKE: opts.challenge ? '1' : '0' };
  const child = spawn(process.execPath, ['-e', HUNG_GATEWAY], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = Number(await waitLine(child, 10_000));
  return { child, pid: child.pid!, port, kill: () => stop(child) };
}
