// Reading a file that should be a regular file without hanging when it is not: opening a FIFO for
// reading blocks until someone writes to it, and a device can stream forever. Callers that look at
// whatever sits in a directory (logs/) check the type with lstat first and open with O_NONBLOCK, then
// confirm with fstat, so a FIFO swapped in between is refused too.
import fs from 'node:fs';

export type PathKind = 'file' | 'missing' | 'directory' | 'FIFO' | 'socket' | 'character device' | 'block device' | 'other';

function kindOf(st: fs.Stats): PathKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  return 'other';
}

/** What a path is, without opening it: lstat, and for a symlink what it points at. */
export function pathKind(file: string): PathKind {
  try {
    const st = fs.lstatSync(file);
    return kindOf(st.isSymbolicLink() ? fs.statSync(file) : st);
  } catch {
    return 'missing';
  }
}

export class NotRegularFileError extends Error {
  constructor(
    readonly file: string,
    readonly kind: PathKind,
  ) {
    super(`${file} is a ${kind}, not a regular file`);
  }
}

const READ_NONBLOCK = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** A read-only descriptor of a regular file; NotRegularFileError (never a hang) for anything else. */
export function openRegularSync(file: string): number {
  const fd = fs.openSync(file, READ_NONBLOCK);
  const kind = kindOf(fs.fstatSync(fd));
  if (kind === 'file') return fd;
  fs.closeSync(fd);
  throw new NotRegularFileError(file, kind);
}

/**
 * openRegularSync for fs/promises. fs.promises is reached only here, not imported: loading it also
 * loads Node's readline internals (~2 ms), which the doctor, that only reads synchronously, never needs.
 */
export async function openRegular(file: string): Promise<fs.promises.FileHandle> {
  const handle = await fs.promises.open(file, READ_NONBLOCK);
  const kind = kindOf(await handle.stat());
  if (kind === 'file') return handle;
  await handle.close();
  throw new NotRegularFileError(file, kind);
}
