// `gateway stop` / `gateway restart` for a gateway run by hand: src/client/gateway-control.ts acts,
// this prints what happened and picks the exit code.
import type { CliContext } from '../context.js';
import { printError, printJson, println } from '../output.js';
import { t, words } from '../../i18n/index.js';

function timeout(flags: { timeout?: string }): number {
  const n = Number(flags.timeout);
  return Number.isFinite(n) && n > 0 ? n : 10_000;
}

export async function gatewayStop(ctx: CliContext, flags: { json?: boolean; timeout?: string }): Promise<number> {
  const { stopGatewayProcess } = await import('../../client/gateway-control.js');
  const r = await stopGatewayProcess(ctx.paths, timeout(flags));
  if (!r.running) {
    if (flags.json) printJson({ ok: true, stopped: false, running: false, message: r.message, ...(r.staleLockPid !== undefined ? { lockPid: r.staleLockPid, signalled: false } : {}) });
    else println(words(r.text));
    return 0;
  }
  const { pid, signal, stopped } = r;
  if (flags.json) printJson({ ok: stopped, stopped, pid, signal });
  else println(stopped ? t('cli.gateway-process.stopped', { pid, signal }) : t('cli.gateway-process.not-stopped', { pid }));
  return stopped ? 0 : 1;
}

export async function gatewayRestart(ctx: CliContext, flags: { json?: boolean; timeout?: string }): Promise<number> {
  const { restartGatewayProcess } = await import('../../client/gateway-control.js');
  const r = await restartGatewayProcess(ctx.paths, timeout(flags), { startIfStopped: true });
  const started = r.oldPid === undefined;
  if (flags.json) printJson({ ok: r.ok, started, oldPid: r.oldPid, pid: r.pid, log: r.log, staleLock: r.staleLock, exitCode: r.exitCode });
  else if (!r.ok) {
    printError(
      r.exitCode !== undefined ? t('cli.gateway-process.exited', { code: r.exitCode }) : t('cli.gateway-process.no-listen', { started, ms: timeout(flags) }),
      t('cli.gateway-process.see-log', { log: r.errLog }),
    );
  } else if (started) println(t('cli.gateway-process.started', { staleLock: r.staleLock ?? '', hasStale: Boolean(r.staleLock), pid: r.pid, log: r.log }));
  else println(t('cli.gateway-process.restarted', { oldPid: r.oldPid, pid: r.pid }));
  return r.ok ? 0 : 1;
}
