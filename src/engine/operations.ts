// Fix operations are data, so --dry-run can print them, the executor can validate the resulting
// config before writing, and the journal can undo them. A repair never deletes a value it can move.
export type Operation =
  | { op: 'config.set'; path: string; value: unknown }
  | { op: 'config.unset'; path: string }
  /** Moves a value; the executor refuses when `to` already holds a different value. */
  | { op: 'config.move'; from: string; to: string }
  /** Replaces the whole config with a saved copy (last-known-good, a backup); the current file is kept aside. */
  | { op: 'config.restore'; from: string; keepCurrentAs?: string }
  /** Inserts a few characters into a config that does not parse (a missing comma): the rest of the text stays as written. */
  | { op: 'config.repair-text'; line: number; column: number; insert: string; description: string }
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

/** One operation in words, for the dry run and the repairs list (redact secret values before). */
export function describeOperation(op: Operation): string {
  switch (op.op) {
    case 'config.set':
      return `set ${op.path} to ${shown(op.value)}`;
    case 'config.unset':
      return `remove ${op.path} from the config`;
    case 'config.move':
      return `move the value of ${op.from} to ${op.to}`;
    case 'config.restore':
      return `replace the config with ${op.from}${op.keepCurrentAs ? ` (the current file is kept as ${op.keepCurrentAs})` : ''}`;
    case 'config.repair-text':
      return `${op.description} (line ${op.line}, column ${op.column})`;
    case 'file.chmod':
      return `change the mode of ${op.path} to 0${op.mode.toString(8)}`;
    case 'file.remove':
      return `remove ${op.path}`;
    case 'lock.clear':
      return `remove the stale lock ${op.path}${op.pid !== undefined ? ` (of pid ${op.pid})` : ''}`;
    case 'port.free':
      return `stop pid ${op.pid}${op.command ? ` (${op.command})` : ''} to free port ${op.port}`;
    case 'gateway.restart':
      return 'restart the gateway';
    case 'service.install':
      return `install the gateway service${op.force ? ', replacing the installed definition' : ''}`;
    default: {
      // A new operation kind must be described here: the compiler points at this line.
      const unknown: never = op;
      return JSON.stringify(unknown);
    }
  }
}
