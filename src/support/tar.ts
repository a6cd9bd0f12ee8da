// A reproducible .tar.gz from in-memory files: entries sorted by name, every header field that
// could differ between two runs fixed (mtime 0, uid/gid 0, no user or group names, one mode), and
// gzip's own header mtime 0 (node:zlib writes 0 and no file name). The same files give the same bytes.
import { gzipSync } from 'node:zlib';
import { lazyRequire } from '../lazy-require.js';

// tar-stream (and its streams library) loads from node_modules, outside the CLI bundle, and only
// when a bundle is written: inside openclaw.cjs it would add ~60 KB that every start reads.
const tarStream = lazyRequire<typeof import('tar-stream')>('tar-stream');

export interface TarFile {
  /** Path inside the archive, `/`-separated. */
  name: string;
  content: string | Uint8Array;
}

const FIXED = { mtime: new Date(0), uid: 0, gid: 0, uname: '', gname: '', mode: 0o600, type: 'file' } as const;

export async function reproducibleTarGz(files: readonly TarFile[]): Promise<Buffer> {
  const tar = tarStream().pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    tar.on('data', (c) => chunks.push(c as Buffer));
    tar.on('end', () => resolve());
    tar.on('error', reject);
  });
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of sorted) {
    const content = typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content;
    await new Promise<void>((resolve, reject) => tar.entry({ ...FIXED, name: f.name, size: content.length }, content, (err) => (err ? reject(err) : resolve())));
  }
  tar.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}
