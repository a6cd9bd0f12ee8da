// Feeding bytes to the scanner in whole lines through one fixed buffer, whatever the source: a file
// read in place, stdin, or the bytes appended to a followed file. A line longer than the buffer is
// cut (and scanned as it is), so memory stays flat on any input.
import fs from 'node:fs';
import { openRegular } from '../system/regular-file.js';
import type { LogScanner } from './scanner.js';

export const CHUNK_SIZE = 1 << 20;

export class LineFeeder {
  private readonly buf: Buffer;
  private fill = 0;

  constructor(
    private readonly scanner: LogScanner,
    size = CHUNK_SIZE,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Appends bytes; every complete line is scanned now, a partial last line waits for more. */
  push(chunk: Uint8Array): void {
    for (let off = 0; off < chunk.length; ) {
      const n = Math.min(chunk.length - off, this.buf.length - this.fill);
      this.buf.set(chunk.subarray(off, off + n), this.fill);
      this.fill += n;
      off += n;
      this.drain(false);
    }
  }

  /** Reads straight into the buffer until `read` returns 0 (no copy for files). */
  async readFrom(read: (buf: Buffer, offset: number, length: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await read(this.buf, this.fill, this.buf.length - this.fill);
      if (n === 0) return total;
      total += n;
      this.fill += n;
      this.drain(false);
    }
  }

  /** Bytes of an unfinished last line, still waiting for its newline. */
  get pending(): number {
    return this.fill;
  }

  /** Scans what is left: a last line without a newline is still a line. */
  end(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    if (this.fill === 0) return;
    let upto = final ? this.fill : this.buf.lastIndexOf(10, this.fill - 1) + 1;
    if (upto === 0) {
      if (this.fill < this.buf.length) return;
      upto = this.fill; // an over-long line: scan the part we have
    }
    this.scanner.scanBuffer(this.buf, 0, upto);
    this.buf.copy(this.buf, 0, upto, this.fill);
    this.fill -= upto;
  }
}

/**
 * Scans a file from `offset` to its current end; returns the offset reached. With `waitForNewline`
 * (following a file being written) an unfinished last line is left for the next read. With
 * `regularOnly` (files found in log directories, not named by the user) anything but a regular file
 * is refused with NotRegularFileError instead of blocking on it.
 */
export async function scanFile(scanner: LogScanner, file: string, offset = 0, waitForNewline = false, regularOnly = false): Promise<number> {
  const handle = regularOnly ? await openRegular(file) : await fs.promises.open(file, 'r'); // fs.promises loads on first use (regular-file.ts)
  try {
    const feeder = new LineFeeder(scanner);
    let position = offset;
    // A pipe the user named (`logs scan <(journalctl …)`) cannot seek: read it as a stream.
    const seekable = (await handle.stat()).isFile();
    await feeder.readFrom(async (buf, off, len) => {
      const { bytesRead } = await handle.read(buf, off, len, seekable ? position : null);
      position += bytesRead;
      return bytesRead;
    });
    if (waitForNewline) return position - feeder.pending;
    feeder.end();
    return position;
  } finally {
    await handle.close();
  }
}

/** Scans a stream (stdin) to its end. */
export async function scanStream(scanner: LogScanner, stream: AsyncIterable<Uint8Array>): Promise<void> {
  const feeder = new LineFeeder(scanner);
  for await (const chunk of stream) feeder.push(chunk);
  feeder.end();
}

/** Scans text already in memory (a pasted snippet, lines the doctor collected). */
export function scanText(scanner: LogScanner, text: string): void {
  const feeder = new LineFeeder(scanner);
  feeder.push(Buffer.from(text, 'utf8'));
  feeder.end();
}
