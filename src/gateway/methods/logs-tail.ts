// `logs.tail {cursor?, limit, maxBytes}` → {file, cursor, size, lines[], truncated?, reset?}.
import fs from 'node:fs';
import { NotRegularFileError, openRegularSync } from '../../system/regular-file.js';
import { RpcError } from '../../protocol/rpc.js';
import type { MethodDef } from './types.js';

export function tailFile(file: string, opts: { cursor?: number; limit?: number; maxBytes?: number }) {
  const limit = Math.min(Math.max(Number(opts.limit) || 200, 1), 5000);
  const maxBytes = Math.min(Math.max(Number(opts.maxBytes) || 250_000, 1024), 5_000_000);
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    return { file, cursor: 0, size: 0, lines: [] as string[] };
  }
  let start: number;
  let reset = false;
  if (typeof opts.cursor === 'number' && opts.cursor >= 0) {
    if (opts.cursor > size) {
      reset = true; // the file was rotated or truncated
      start = Math.max(0, size - maxBytes);
    } else start = Math.max(opts.cursor, size - maxBytes);
  } else start = Math.max(0, size - maxBytes);
  const truncated = start > (typeof opts.cursor === 'number' && !reset ? opts.cursor : 0);
  // A FIFO as the log file would block here (and the whole gateway with it): NotRegularFileError.
  const fd = openRegularSync(file);
  const buf = Buffer.alloc(size - start);
  try {
    fs.readSync(fd, buf, 0, buf.length, start);
  } finally {
    fs.closeSync(fd);
  }
  let text = buf.toString('utf8');
  // A window that starts mid-line drops the partial first line; a partial last line waits for the next call.
  if (start > 0 && truncated) text = text.slice(text.indexOf('\n') + 1);
  const end = text.lastIndexOf('\n');
  const complete = end < 0 ? '' : text.slice(0, end);
  const cursor = size - (Buffer.byteLength(text) - Buffer.byteLength(complete) - (end < 0 ? 0 : 1));
  let lines = complete ? complete.split('\n') : [];
  const cut = lines.length > limit;
  if (cut) lines = lines.slice(-limit);
  const out: { file: string; cursor: number; size: number; lines: string[]; truncated?: boolean; reset?: boolean } = { file, cursor, size, lines };
  if (truncated || cut) out.truncated = true;
  if (reset) out.reset = true;
  return out;
}

export const logsTail: MethodDef = {
  name: 'logs.tail',
  scope: 'operator.read',
  handle: (params, { rt }) => {
    try {
      return tailFile(rt.logger.file, params ?? {});
    } catch (err) {
      if (err instanceof NotRegularFileError) throw new RpcError('UNAVAILABLE', err.message);
      throw err;
    }
  },
};
