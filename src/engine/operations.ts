// Fix operations are data, so --dry-run can print them, the executor can validate the resulting
// config before writing, and the journal can undo them. A repair never deletes a value it can move.
import { t, type MessageRef } from '../i18n/index.js';

export type Operation =
  | { op: 'config.set'; path: string; value: unknown }
  | { op: 'config.unset'; path: string }
  /** Moves a value; the executor refuses when `to` already holds a different value. */
  | { op: 'config.move'; from: string; to: string }
  /** Replaces the whole config with a saved copy (last-known-good, a backup); the current file is kept aside. */
  | { op: 'config.restore'; from: string; keepCurrentAs?: string }
  /** Inserts a few characters into a config that does not parse (a missing comma): the rest of the text stays as written. */
  | { op: 'config.repair-text'; line: number; column: number; insert: string; description: string; descriptionRef?: MessageRef }
  | { op: 'file.chmod'; path: string; mode: number }
  | { op: 'file.remove'; path: string }
  | { op: 'lock.clear'; path: string; pid?: number }
  | { op: 'port.free'; port: number; pid: number; command?: string }
  | { op: 'gateway.restart' }
  | { op: 'service.install'; force?: boolean };

export type OperationName = Operation['op'];

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}

/** One operation in words in the reader's language, for the dry run and the repairs list (redact secret values before). */
export function describeOperation(op: Operation): string {
  switch (op.op) {
    case 'config.set':
      return t('operation.config.set', { path: op.path, value: shown(op.value) });
    case 'config.unset':
      return t('operation.config.unset', { path: op.path });
    case 'config.move':
      return t('operation.config.move', { from: op.from, to: op.to });
    case 'config.restore':
      return t('operation.config.restore', { from: op.from, keepCurrentAs: op.keepCurrentAs ?? null });
    case 'config.repair-text':
      return t('operation.config.repair-text', { description: op.descriptionRef ?? op.description, line: op.line, column: op.column });
    case 'file.chmod':
      return t('operation.file.chmod', { path: op.path, mode: `0${op.mode.toString(8)}` });
    case 'file.remove':
      return t('operation.file.remove', { path: op.path });
    case 'lock.clear':
      return t('operation.lock.clear', { path: op.path, pid: op.pid ?? null });
    case 'port.free':
      return t('operation.port.free', { pid: op.pid, command: op.command || null, port: op.port });
    case 'gateway.restart':
      return t('operation.gateway.restart');
    case 'service.install':
      return t('operation.service.install', { force: Boolean(op.force) });
    default: {
      // A new operation kind must be described here: the compiler points at this line.
      const unknown: never = op;
      return JSON.stringify(unknown);
    }
  }
}
