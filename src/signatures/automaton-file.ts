// The precompiled automaton file (dist/signatures/automaton.bin, written by the build next to
// catalog.json): the compiled tables, keyed by the exact literal list and trigger set they were
// built from, so a start-up reads them instead of compiling the catalog (~20 ms). Anything that does
// not fit (an older format, another catalog, a truncated or damaged file) reads as "no file".
//
// Layout: MAGIC, u32 header length, the JSON header, zero padding to 4 bytes, then classOf (256
// bytes), outStart and outList (Int32), and delta (Int16 or Int32, as the header says), all in the
// byte order named in the header.
import { crc32 } from 'node:zlib';
import type { AutomatonTables } from './automaton.js';
import { tablesAreSound } from './automaton.js';

/** The format's name and version: change the version whenever the tables' meaning changes. */
const MAGIC = Buffer.from('OCSIGAC3', 'latin1');
const ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

interface Header {
  literals: string[];
  triggers: number[];
  endian: string;
  shift: number;
  /** Bytes per `delta` entry: 2 or 4. */
  deltaBytes: number;
  states: number;
  outputs: number;
  crc32: number;
}

/** What the tables were built from: the automaton is a function of these (and of the format). */
export interface AutomatonKey {
  literals: readonly string[];
  /** Indexes of the trigger literals, ascending. */
  triggers: readonly number[];
}

/** The tables' bytes as stored; their CRC-32 catches a damaged file (native; a third of SHA-256's cost
 * on the 1.8 MB tables, and the check is against damage, not tampering: the file sits beside the code).
 * The Int32 tables come before delta, so every table starts aligned to its element size. */
function body(t: AutomatonTables): Buffer[] {
  return [t.classOf, t.outStart, t.outList, t.delta].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
}

function digest(parts: Uint8Array[]): number {
  let crc = 0;
  for (const part of parts) crc = crc32(part, crc);
  return crc;
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

export function encodeAutomaton(tables: AutomatonTables, key: AutomatonKey): Buffer {
  const header: Header = {
    literals: [...key.literals],
    triggers: [...key.triggers],
    endian: ENDIAN,
    shift: tables.shift,
    deltaBytes: tables.delta.BYTES_PER_ELEMENT,
    states: tables.delta.length >> tables.shift,
    outputs: tables.outList.length,
    crc32: digest(body(tables)),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([MAGIC, length, json, Buffer.alloc(pad4(MAGIC.length + 4 + json.length)), ...body(tables)]);
}

function sameKey(header: Header, key: AutomatonKey): boolean {
  const same = (a: readonly unknown[], b: readonly unknown[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
  return same(header.literals, key.literals) && same(header.triggers, key.triggers);
}

/** The tables stored in `file` if they were built from exactly `key` and are intact; otherwise undefined. */
export function decodeAutomaton(file: Uint8Array, key: AutomatonKey): AutomatonTables | undefined {
  try {
    const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const jsonEnd = MAGIC.length + 4 + buf.readUInt32LE(MAGIC.length);
    if (jsonEnd > buf.length) return undefined;
    const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, jsonEnd)) as Header;
    if (header === null || typeof header !== 'object' || header.endian !== ENDIAN || !sameKey(header, key)) return undefined;
    const { shift, deltaBytes, states, outputs } = header;
    if (![shift, states, outputs].every((n) => Number.isSafeInteger(n) && n >= 0) || shift > 8 || (deltaBytes !== 2 && deltaBytes !== 4)) return undefined;
    let at = jsonEnd + pad4(jsonEnd);
    if (at > buf.length || buf.subarray(jsonEnd, at).some((b) => b !== 0)) return undefined;
    if (digest([buf.subarray(at)]) !== header.crc32) return undefined;
    // Views into the file's buffer where it is aligned (a whole-file read is), else copies:
    // copying the tables cost as much as reading them.
    const table = <T extends Int16Array | Int32Array>(Kind: { new (b: ArrayBuffer, o: number, n: number): T; new (n: number): T; BYTES_PER_ELEMENT: number }, count: number): T => {
      const end = at + count * Kind.BYTES_PER_ELEMENT;
      if (end > buf.length) throw new RangeError('truncated');
      const offset = buf.byteOffset + at;
      const out = offset % Kind.BYTES_PER_ELEMENT === 0 ? new Kind(buf.buffer as ArrayBuffer, offset, count) : new Kind(count);
      if (out.buffer !== buf.buffer) new Uint8Array(out.buffer).set(buf.subarray(at, end));
      at = end;
      return out;
    };
    if (at + 256 > buf.length) return undefined;
    const classOf = Uint8Array.from(buf.subarray(at, at + 256));
    at += 256;
    const outStart = table(Int32Array, states + 1);
    const outList = table(Int32Array, outputs);
    const delta = deltaBytes === 2 ? table(Int16Array, states << shift) : table(Int32Array, states << shift);
    const tables: AutomatonTables = { classOf, shift, delta, outStart, outList };
    if (at !== buf.length || !tablesAreSound(tables, key.literals.length)) return undefined;
    return tables;
  } catch {
    return undefined;
  }
}
