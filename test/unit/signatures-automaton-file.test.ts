// The precompiled automaton (dist/signatures/automaton.bin): read back, it searches exactly like a
// freshly compiled one; built from another catalog, or damaged in any way, it is ignored and the
// matcher compiles its own, never crashes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { automatonFrom, buildAutomaton, compileAutomaton, transitionsLandOnStates } from '../../src/signatures/automaton.js';
import { decodeAutomaton, encodeAutomaton } from '../../src/signatures/automaton-file.js';
import { catalogDir, loadCatalogFromYaml, readPrecompiledAutomaton } from '../../src/signatures/load.js';
import { CompiledCatalog, LEVEL_MARKERS } from '../../src/signatures/matcher.js';
import type { Catalog } from '../../src/signatures/schema.js';
import { rng } from '../helpers/rng.js';

let catalog: Catalog;
let fresh: CompiledCatalog;
let file: Buffer;

beforeAll(async () => {
  catalog = await loadCatalogFromYaml(catalogDir());
  fresh = new CompiledCatalog(catalog);
  file = fresh.automatonFile();
});

const examples = () => catalog.signatures.flatMap((s) => [...s.examples.match, ...s.examples.noMatch]);

/** Random text from pieces of the catalog's literals (case-mixed), level markers, examples and noise. */
function randomTexts(seed: number, count: number): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const anchors = catalog.signatures.flatMap((s) => [...s.match.any, ...(s.match.all ?? []), ...(s.match.not ?? [])]);
  const noise = [' ', '\n', '"', ':', 'é', '端', '\u212a', '\xff', '\x00', 'ERROR ', 'x', '{"level":"warn"}'];
  const piece = () => {
    const r = rand();
    if (r < 0.4) {
      const a = pick(anchors);
      const cut = Math.floor(rand() * a.length);
      const part = rand() < 0.5 ? a : rand() < 0.5 ? a.slice(0, cut) : a.slice(cut);
      return rand() < 0.3 ? part.toUpperCase() : part;
    }
    if (r < 0.5) return pick(LEVEL_MARKERS);
    if (r < 0.55) return pick(examples());
    if (r < 0.8) return pick(noise);
    return String.fromCharCode(Math.floor(rand() * 256));
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rand() * 30) }, piece).join(''));
}

/** firstHit from every start offset, literalsIn (in order) and the signature matches, for one text. */
function behaviour(m: CompiledCatalog, text: string) {
  const buf = Buffer.from(text, 'latin1');
  const hits: number[] = [];
  for (let from = 0; from < buf.length; from++) hits.push(m.automaton.firstHit(buf, from, buf.length));
  return { hits, literals: [...m.automaton.literalsIn(text)], matches: m.match(text, true) };
}

/** Asserts the same behaviour as the fresh matcher; returns how many texts had a hit, literals, matches. */
function expectSameAsFresh(m: CompiledCatalog, texts: string[]) {
  const seen = { hit: 0, literals: 0, matches: 0 };
  for (const text of texts) {
    const b = behaviour(m, text);
    expect(b, JSON.stringify(text)).toEqual(behaviour(fresh, text));
    seen.hit += Number(b.hits.some((h) => h >= 0));
    seen.literals += Number(b.literals.length > 0);
    seen.matches += Number(b.matches.length > 0);
  }
  return seen;
}

describe('precompiled automaton', () => {
  it('is read back from the file and behaves exactly like a freshly compiled one', () => {
    const rehydrated = new CompiledCatalog(catalog, file);
    expect(rehydrated.precompiled).toBe(true);
    expect(fresh.precompiled).toBe(false);
    const onExamples = expectSameAsFresh(rehydrated, examples());
    const onRandom = expectSameAsFresh(rehydrated, randomTexts(42, 400));
    // The comparison means something only if the texts exercise the automaton.
    expect(onExamples.matches).toBeGreaterThan(100);
    expect(onRandom.hit).toBeGreaterThan(200);
    expect(onRandom.literals).toBeGreaterThan(200);
    expect(onRandom.matches).toBeGreaterThan(20);
  });

  it('the build wrote a file that matches the built catalog.json', () => {
    const dist = path.resolve(__dirname, '../../dist/signatures');
    const built = JSON.parse(fs.readFileSync(path.join(dist, 'catalog.json'), 'utf8')) as Catalog;
    expect(new CompiledCatalog(built, readPrecompiledAutomaton(path.join(dist, 'automaton.bin'))).precompiled).toBe(true);
  });

  it('literalsIn over byte classes finds exactly the literals a naive search finds', () => {
    const literals = [...new Set([...catalog.signatures.flatMap((s) => s.match.any).map((l) => l.toLowerCase()), ...LEVEL_MARKERS])];
    const a = buildAutomaton(literals);
    // The automaton folds ASCII only (a Kelvin sign is not a k).
    const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (const text of randomTexts(7, 400)) {
      const naive = literals.flatMap((l, i) => (fold(text).includes(l) ? [i] : []));
      expect([...a.literalsIn(text)].sort((x, y) => x - y), JSON.stringify(text)).toEqual(naive);
    }
  });

  it('compiles transitions that all land on states (what the file check relies on)', () => {
    expect(transitionsLandOnStates(compileAutomaton(['abc', 'bcd', 'x"y', '\nerror '], (i) => i > 0))).toBe(true);
    const anchors = catalog.signatures.flatMap((s) => s.match.any.map((l) => l.toLowerCase()));
    expect(transitionsLandOnStates(compileAutomaton([...new Set([...anchors, ...LEVEL_MARKERS])]))).toBe(true);
  });

  it('stores 16-bit transitions while the states fit and 32-bit beyond, and both search alike', () => {
    const anchors = [...new Set(catalog.signatures.flatMap((s) => s.match.any.map((l) => l.toLowerCase())))];
    expect(compileAutomaton(anchors).delta).toBeInstanceOf(Int16Array);

    const rand = rng(11);
    const word = () => Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
    const literals = [...new Set(Array.from({ length: 5000 }, word))];
    const big = compileAutomaton(literals, (i) => i % 2 === 0);
    expect(big.delta).toBeInstanceOf(Int32Array);
    expect(big.delta.length >> big.shift).toBeGreaterThan(0x8000);
    expect(transitionsLandOnStates(big)).toBe(true);
    const key = { literals, triggers: literals.flatMap((_, i) => (i % 2 === 0 ? [i] : [])) };
    const back = decodeAutomaton(encodeAutomaton(big, key), key)!;
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(back.delta).toBeInstanceOf(Int32Array);
    expect(bytes(back.delta).equals(bytes(big.delta))).toBe(true); // toEqual compares 3 M entries one by one
    expect(bytes(back.outList).equals(bytes(big.outList))).toBe(true);

    const a = automatonFrom(big, literals.length);
    for (let i = 0; i < 50; i++) {
      const text = `${word()}${literals[Math.floor(rand() * literals.length)].toUpperCase()} ${word()}`;
      expect([...a.literalsIn(text)].sort((x, y) => x - y)).toEqual(literals.flatMap((l, k) => (text.toLowerCase().includes(l) ? [k] : [])));
      const firstEnd = Math.min(...key.triggers.map((k) => text.toLowerCase().indexOf(literals[k])).filter((at) => at >= 0));
      const hit = a.firstHit(Buffer.from(text, 'latin1'), 0, text.length);
      if (Number.isFinite(firstEnd)) expect(hit).toBeGreaterThanOrEqual(firstEnd);
      else expect(hit).toBe(-1);
    }
  });

  it('is ignored when built from other literals or another trigger set, and the matcher still matches', () => {
    const other: Catalog = { ...catalog, signatures: catalog.signatures.slice(1) };
    const stale = new CompiledCatalog(other).automatonFile();
    const m = new CompiledCatalog(catalog, stale);
    expect(m.precompiled).toBe(false);
    expectSameAsFresh(m, [...examples(), ...randomTexts(3, 50)]);

    const literals = ['abc', 'bcd'];
    const tables = compileAutomaton(literals, (i) => i === 0);
    const bin = encodeAutomaton(tables, { literals, triggers: [0] });
    expect(decodeAutomaton(bin, { literals, triggers: [0] })).toEqual(tables);
    expect(decodeAutomaton(bin, { literals, triggers: [0, 1] })).toBeUndefined();
    expect(decodeAutomaton(bin, { literals: ['bcd', 'abc'], triggers: [0] })).toBeUndefined();
    expect(decodeAutomaton(bin, { literals: ['abc'], triggers: [0] })).toBeUndefined();
  });

  it('is ignored when truncated, extended or damaged anywhere, never a crash', () => {
    const damaged: Uint8Array[] = [Buffer.alloc(0), Buffer.from('garbage'), Buffer.concat([file, Buffer.from([0])])];
    for (const length of [1, 8, 11, 12, 40, 2000, file.length >> 1, file.length - 4, file.length - 1]) damaged.push(file.subarray(0, length));
    const rand = rng(99);
    for (let i = 0; i < 40; i++) {
      const copy = Buffer.from(file);
      // Early bytes are the magic and header; the rest the tables.
      const at = i < 10 ? Math.floor(rand() * 200) : Math.floor(rand() * copy.length);
      copy[at] ^= 1 + Math.floor(rand() * 255);
      damaged.push(copy);
    }
    const version = Buffer.from(file);
    version[7] = '9'.charCodeAt(0); // OCSIGAC3 → OCSIGAC9: another format
    damaged.push(version);
    // An unaligned view of the intact file still reads (file buffers need not be 4-byte aligned).
    const unaligned = Buffer.concat([Buffer.from([0]), file]).subarray(1);
    expect(new CompiledCatalog(catalog, unaligned).precompiled).toBe(true);

    const texts = randomTexts(5, 20);
    for (const bytes of damaged) {
      const m = new CompiledCatalog(catalog, bytes);
      expect(m.precompiled, `${bytes.length} bytes`).toBe(false);
      expectSameAsFresh(m, texts);
    }
  });

  it('reads no file as no precompiled automaton', () => {
    expect(readPrecompiledAutomaton(path.join(os.tmpdir(), 'no-such-dir-automaton', 'automaton.bin'))).toBeUndefined();
  });
});
