// Applies config operations to a copy of the config, in memory. config.move refuses when the
// target already holds a different value, so a repair can never overwrite what the user set.
import { isDeepStrictEqual } from 'node:util';
import { getPath, parsePath, setPath, unsetPath } from '../config/dotpath.js';
import type { JsonObject } from '../config/load.js';
import type { Operation } from './operations.js';

export const CONFIG_OPS = new Set(['config.set', 'config.unset', 'config.move', 'config.restore', 'config.repair-text']);

/** Operations that replace the whole file rather than edit values in it. */
export function replacesWholeConfig(op: Operation): boolean {
  return op.op === 'config.restore' || op.op === 'config.repair-text';
}

export function isConfigOp(op: Operation): boolean {
  return CONFIG_OPS.has(op.op);
}

export class ConfigOpConflict extends Error {}

export function applyConfigOp(config: JsonObject, op: Operation, readCopy: (file: string) => JsonObject): JsonObject {
  switch (op.op) {
    case 'config.set':
      return setPath(config, parsePath(op.path), op.value);
    case 'config.unset':
      return unsetPath(config, parsePath(op.path)).value;
    case 'config.move': {
      const from = getPath(config, parsePath(op.from));
      if (!from.found) return config; // already moved
      const to = getPath(config, parsePath(op.to));
      if (to.found && !isDeepStrictEqual(to.value, from.value)) {
        throw new ConfigOpConflict(`cannot move ${op.from} to ${op.to}: ${op.to} already holds a different value; keep the one you want and remove the other`);
      }
      return unsetPath(setPath(config, parsePath(op.to), from.value), parsePath(op.from)).value;
    }
    case 'config.restore':
      return readCopy(op.from);
    default:
      return config;
  }
}

export function applyConfigOps(config: JsonObject, ops: Operation[], readCopy: (file: string) => JsonObject): JsonObject {
  return ops.filter(isConfigOp).reduce((c, op) => applyConfigOp(c, op, readCopy), config);
}
