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
