// The CLI ships as one CommonJS script, dist/src/cli/openclaw.cjs (scripts/postbuild.mjs), run
// through node:vm so V8 can use a code cache: the build runs `doctor --json` once and saves the
// bytecode of every function that run compiled (scripts/code-cache.mjs). A later start
// deserializes that instead of parsing and compiling ~1 MB of JavaScript, which was the largest
// share of the doctor's start-up on Node 20 (it has no module compile cache; bench/README.md).
// A cache that does not fit (another Node version, other V8 flags, a bundle edited after the build)
// is ignored and the script compiles as usual. V8 checks little of what it is given and aborts the
// process on damaged data, so the file carries a CRC-32 of its payload, checked before V8 sees it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';

export const BUNDLE_FILE = fileURLToPath(new URL('./openclaw.cjs', import.meta.url));
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.cache`;
/** Recorded from a gateway's start to listening: the server's code, which a doctor run never compiles. */
export const GATEWAY_CODE_CACHE_FILE = `${BUNDLE_FILE}.gateway.cache`;

/**
 * Which cache a command starts from (the path for `file`'s own caches): the gateway run in the
 * foreground (`gateway`, `gateway run`, `gateway --port N`) takes the one its start recorded, every
 * other command the doctor's. Only the words matter, read roughly (an option's value is skipped when
 * it follows the option): a wrong pick costs compile time, never behaviour, since both caches fit.
 */
export function cacheFileFor(args: readonly string[], file: string = BUNDLE_FILE): string {
  const words = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1]!.startsWith('--') && !args[i - 1]!.includes('=')));
  const gatewayRun = words[0] === 'gateway' && (words.length === 1 || words[1] === 'run');
  return gatewayRun ? `${file}.gateway.cache` : `${file}.cache`;
}

// The bundle is one function expression, written into the file by the build (scripts/postbuild.mjs)
// rather than added around the text here: a joined string would be copied whole (1.5 MB, and fresh
// pages at ~3 us each) when V8 flattens it to compile. The bundle reads import.meta.url as
// __bundleUrl. __importEsm is how the script loads an ES module (the triage wizard's Ink bundle): a
// vm.Script cannot call import() on Node 20 without an experimental flag, so the launcher lends its own.
export const BUNDLE_WRAPPER = {
  // i18n-ignore: JavaScript source, the wrapper around the bundle
  head: '(function (exports, require, module, __filename, __dirname, __bundleUrl, __importEsm) {',
  tail: '})',
};

export interface BundleScript {
  script: vm.Script;
  /** Whether V8 took the code cache (false when there was none or it did not fit). */
  cacheUsed: boolean;
}

// The cache file: MAGIC, the payload's CRC-32, zeros up to HEADER_SIZE (which keeps the payload
// 8-byte aligned, so V8 need not copy it), then V8's cached data. The checksum is there because V8
// aborts the process on damaged cached data; CRC-32 catches a torn or flipped file and costs a third
// of SHA-256 on every start (0.16 vs 0.53 ms for 1 MB). Whoever can rewrite the cache can rewrite the
// bundle too, so it guards against accidents, not attackers.
const MAGIC = Buffer.from('occache2');
const HEADER_SIZE = 64;

const checksum = (data: Uint8Array): Buffer => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(data));
  return out;
};

/** The cached data, when the file is whole and was written after the bundle (not rebuilt or edited since). */
function readCache(cacheFile: string, bundleMtimeMs: number): Buffer | undefined {
  let file: Buffer;
  try {
    if (fs.statSync(cacheFile).mtimeMs < bundleMtimeMs) return undefined;
    file = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER_SIZE || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = file.subarray(HEADER_SIZE);
  return checksum(payload).equals(file.subarray(MAGIC.length, MAGIC.length + 4)) ? payload : undefined;
}

/** Saves what `script` has compiled so far as `cacheFile` (atomically: a reader sees the old file or the new one). */
export function writeCodeCache(script: vm.Script, cacheFile: string = CODE_CACHE_FILE): number {
  const payload = script.createCachedData();
  const header = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(header);
  checksum(payload).copy(header, MAGIC.length);
  const temp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, Buffer.concat([header, payload]));
  fs.renameSync(temp, cacheFile);
  return HEADER_SIZE + payload.length;
}

/**
 * Compiles the bundle (`file`, for tests: another copy, with its caches beside it) with the code
 * cache for the command `args` name (cacheFileFor; the doctor's when there are none).
 */
export function compileBundle(opts: { useCache: boolean; file?: string; args?: readonly string[] }): BundleScript {
  const file = opts.file ?? BUNDLE_FILE;
  const fd = fs.openSync(file, 'r');
  let source: string;
  let mtimeMs: number;
  try {
    mtimeMs = fs.fstatSync(fd).mtimeMs;
    // latin1: the build guarantees the bundle is ASCII (scripts/postbuild.mjs), and decoding it as
    // latin1 skips UTF-8 validation (~1 ms for 1.5 MB).
    source = fs.readFileSync(fd, 'latin1');
  } finally {
    fs.closeSync(fd);
  }
  const cachedData = opts.useCache ? readCache(cacheFileFor(opts.args ?? [], file), mtimeMs) : undefined;
  const script = new vm.Script(source, { filename: file, cachedData });
  return { script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Runs the bundle's top level, which starts the CLI on process.argv. */
export function runBundle(script: vm.Script): void {
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  const importEsm = (url: string): Promise<unknown> => import(url);
  run.call(module.exports, module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, path.dirname(BUNDLE_FILE), pathToFileURL(BUNDLE_FILE).href, importEsm);
}
