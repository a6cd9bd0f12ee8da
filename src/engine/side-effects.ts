// Operations that act on the machine rather than the config: chmod, lock removal, freeing a port,
// restarting the gateway. Each returns what undo needs, and re-checks the situation first so it
// never acts on a pid or file that changed since the facts were collected.
import fs from 'node:fs';
import type { ResolvedPaths } from '../config/paths.js';
import { fileTimestamp } from '../config/write.js';
import { readLock } from '../system/gateway-lock.js';
import type { Operation } from './operations.js';
import type { MessageRef } from '../i18n/index.js';

/** What the journal keeps to undo one operation. */
export type UndoStep =
  | { op: 'file.chmod'; path: string; mode: number }
  | { op: 'file.restore'; path: string; from: string }
  | { op: 'lock.restore'; path: string; content: string }
  /** Puts a saved copy back over a file that was rewritten (a service definition). */
  | { op: 'file.replace'; path: string; from: string; mode: number };

export interface SideEffectHooks {
  /** Restarts the gateway; the service layer provides it. Without it, gateway.restart is reported as manual. */
  restartGateway?: () => Promise<void>;
}

/** What service.install needs besides the hooks: the profile's paths and the run's environment. */
export interface SideEffectContext extends SideEffectHooks {
  paths?: ResolvedPaths;
  env?: NodeJS.ProcessEnv;
}

/** A step that did not run: its English message, and the same as a catalog message for the reader's language. */
export class StepError extends Error {
  constructor(message: string, readonly ref?: MessageRef) {
    super(message);
  }
}

export class ManualStepError extends StepError {
  /** What undo needs when the step did part of its work before stopping (a rewritten definition). */
  constructor(message: string, ref?: MessageRef, readonly undo?: UndoStep) {
    super(message, ref);
  }
}

export async function runSideEffect(op: Operation, hooks: SideEffectContext): Promise<UndoStep | undefined> {
  switch (op.op) {
    case 'file.chmod': {
      const before = fs.statSync(op.path).mode & 0o777;
      fs.chmodSync(op.path, op.mode);
      return { op: 'file.chmod', path: op.path, mode: before };
    }
    case 'file.remove': {
      // Never delete: move it aside so undo (or the user) can bring it back.
      const aside = `${op.path}.removed.${fileTimestamp()}`;
      fs.renameSync(op.path, aside);
      return { op: 'file.restore', path: op.path, from: aside };
    }
    case 'lock.clear': {
      const state = readLock(op.path);
      if (state.state === 'absent') return undefined;
      if (state.state === 'held') throw new StepError(`the lock is held again by a live process (pid ${state.lock.pid}); not removed`, { id: 'repair.step.lock-held-again', params: { pid: state.lock.pid } });
      if (op.pid !== undefined && state.state === 'stale' && state.lock.pid !== op.pid) throw new StepError('the lock changed since it was inspected; run the doctor again', { id: 'repair.step.lock-changed' });
      const content = fs.readFileSync(op.path, 'utf8');
      fs.rmSync(op.path);
      return { op: 'lock.restore', path: op.path, content };
    }
    case 'port.free': {
      const { findPortHolders, isIdentifiedGateway } = await import('../system/port-holders.js');
      const holder = (await findPortHolders(op.port))?.find((h) => h.pid === op.pid);
      if (!holder) throw new StepError(`pid ${op.pid} no longer holds port ${op.port}; nothing stopped`, { id: 'repair.step.port-released', params: { pid: op.pid, port: op.port } });
      // Identified again right before the signal: the pid may have been reused since the facts.
      if (!(await isIdentifiedGateway(holder))) {
        const command = holder.command ?? 'command unknown';
        throw new StepError(`pid ${op.pid} (${command}) is not an identified OpenClaw gateway; not signalled`, { id: 'repair.step.not-a-gateway', params: { pid: op.pid, command: holder.command ?? null } });
      }
      const { processGone, terminate } = await import('../system/process-stop.js');
      if ((await terminate(op.pid, 3000)) === 'SIGKILL' && !processGone(op.pid)) throw new StepError(`pid ${op.pid} did not exit after SIGKILL`, { id: 'repair.step.survived-sigkill', params: { pid: op.pid } });
      return undefined; // a stopped process cannot be un-stopped; the journal says so
    }
    case 'gateway.restart':
      if (!hooks.restartGateway) throw new ManualStepError('restart the gateway yourself: `openclaw gateway restart` (or restart its service)', { id: 'repair.step.restart-yourself' });
      await hooks.restartGateway();
      return undefined;
    case 'service.install': {
      if (!hooks.paths) throw new ManualStepError('reinstall the service yourself: `openclaw gateway install --force`', { id: 'repair.step.reinstall-yourself' });
      // Runs after the config write, so the definition is rendered from the repaired config.
      const { reinstallForDoctor } = await import('../service/doctor-repair.js');
      const r = await reinstallForDoctor({ paths: hooks.paths, env: hooks.env, force: op.force });
      const undo: UndoStep | undefined = r.replaced && { op: 'file.replace', ...r.replaced };
      // Written but not enabled still repairs the file: applied, with the reason noted.
      if (r.note) throw new ManualStepError(r.note, r.noteRef, undo);
      return undo;
    }
    default:
      return undefined;
  }
}

export function undoStep(step: UndoStep): void {
  switch (step.op) {
    case 'file.chmod':
      fs.chmodSync(step.path, step.mode);
      break;
    case 'file.restore':
      if (fs.existsSync(step.path)) throw new Error(`${step.path} exists again; ${step.from} left in place`);
      fs.renameSync(step.from, step.path);
      break;
    case 'file.replace':
      fs.renameSync(step.from, step.path);
      fs.chmodSync(step.path, step.mode);
      break;
    case 'lock.restore':
      if (!fs.existsSync(step.path)) fs.writeFileSync(step.path, step.content, { mode: 0o600 });
      break;
  }
}
