// Real helper processes for end-to-end tests: a TCP listener on a port from the OS, and a pid
// that is guaranteed dead. Every process is killed in teardown; every wait has a timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

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

/** A separate node process holding a TCP port picked by the OS (the `-e` script is its command line). */
export async function startListener(): Promise<Listener> {
  const child = spawn(process.execPath, ['-e', LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
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
