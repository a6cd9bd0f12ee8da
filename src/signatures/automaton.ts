// A case-insensitive multi-literal searcher: an Aho-Corasick automaton compiled to one dense
// transition table over byte classes. One table lookup per byte, no string conversion and no per-line
// work, which is what lets `logs scan` keep up with grep on a multi-GiB file (see bench/README.md).

/** ASCII letters fold to lower case; every other byte stands for itself. */
const FOLD = new Uint8Array(256).map((_, b) => (b >= 65 && b <= 90 ? b + 32 : b));

export interface LiteralAutomaton {
  /** Number of literals the automaton was built from, in input order. */
  readonly size: number;
  /**
   * Finds the first byte offset at which some literal ends, scanning [from, to), or -1.
   * The search restarts from the root state, so callers can resume at any line start.
   */
  firstHit(buf: Uint8Array, from: number, to: number): number;
  /** Every literal (by index) occurring anywhere in `text`, overlaps included. */
  literalsIn(text: string): Set<number>;
}

/**
 * The compiled automaton as plain tables: what the build stores (src/signatures/automaton-file.ts)
 * so a start-up reads them instead of compiling the catalog again.
 */
export interface AutomatonTables {
  /** Byte → class. Bytes no literal uses share class 0; an upper-case letter shares its lower case's. */
  readonly classOf: Uint8Array;
  /** A row of `delta` is 2^shift entries wide, the number of classes rounded up to a power of two. */
  readonly shift: number;
  /**
   * states × 2^shift transitions: the target state, stored as `-state - 1` when the target ends a
   * trigger literal. Bytes in one class have identical transitions, so this table is the whole
   * automaton. 16-bit while the states fit (the file, read at every doctor start, is half the size).
   */
  readonly delta: Int16Array | Int32Array;
  /** The literals ending at state s (overlaps included) are outList[outStart[s] .. outStart[s + 1]). */
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
}

/** The most states a 16-bit table holds: entries are `state` or `-state - 1`. */
const INT16_STATES = 0x8000;

/**
 * `isTrigger(i)` says which literals make `firstHit` stop (the prefilter anchors); the others are
 * only reported by `literalsIn` (helper literals such as a signature's `all` and `not` lists).
 */
export function buildAutomaton(literals: readonly string[], isTrigger: (index: number) => boolean = () => true): LiteralAutomaton {
  return automatonFrom(compileAutomaton(literals, isTrigger), literals.length);
}

/** Compiles the literals into the automaton's tables (see `buildAutomaton`). */
export function compileAutomaton(literals: readonly string[], isTrigger: (index: number) => boolean = () => true): AutomatonTables {
  // 1. A trie of the folded literals.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  /** Folded bytes that label some trie edge. */
  const used = new Set<number>();
  literals.forEach((literal, index) => {
    let state = 0;
    for (const byte of Buffer.from(literal, 'latin1')) {
      const b = FOLD[byte];
      used.add(b);
      let next = children[state].get(b);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        children[state].set(b, next);
      }
      state = next;
    }
    own[state].push(index);
  });

  // 2. Breadth-first: failure links, outputs (own + those of the failure state), dense transitions.
  const states = children.length;
  const next = new Int32Array(states * 256);
  const outputs: number[][] = new Array(states);
  outputs[0] = [];
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let b = 0; b < 256; b++) {
    const child = children[0].get(FOLD[b]);
    next[b] = child ?? 0;
    if (child !== undefined && FOLD[b] === b) queue.push(child);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    outputs[s] = own[s].length ? [...own[s], ...outputs[fail[s]]] : outputs[fail[s]];
    // Start from the failure state's row (complete: it is shallower), then add s's own edges; this
    // skips 256 map lookups per state, which dominated compiling the catalog on `doctor` start-up.
    const row = s * 256;
    const failRow = fail[s] * 256;
    next.copyWithin(row, failRow, failRow + 256);
    // Edge labels are folded bytes; visit them in byte order so the queue order stays the same.
    for (const [b, child] of [...children[s]].sort((x, y) => x[0] - y[0])) {
      next[row + b] = child;
      if (b >= 97 && b <= 122) next[row + b - 32] = child; // the upper-case letter folds to b
      fail[child] = next[failRow + b];
      queue.push(child);
    }
  }

  const triggers = outputs.map((out) => out.some(isTrigger));

  // 3. The hot table, over byte classes (bytes no literal uses share class 0, upper case shares its
  // lower-case class) so it stays small enough for the CPU cache. Rows are a power of two wide, so a
  // lookup is a shift and an or; entries are negative when the target state ends a trigger literal.
  const classOf = new Uint8Array(256);
  const representative: number[] = [0];
  for (let b = 0; b < 256; b++) {
    const f = FOLD[b];
    if (f !== b) continue;
    if (used.has(f)) {
      classOf[b] = representative.length;
      representative.push(b);
    }
  }
  for (let b = 0; b < 256; b++) if (FOLD[b] !== b) classOf[b] = classOf[FOLD[b]];
  // Class 0 must stand for a byte that no literal uses.
  representative[0] = [...Array(256).keys()].find((b) => classOf[b] === 0 && FOLD[b] === b) ?? 0;
  const shift = Math.ceil(Math.log2(representative.length));
  const delta = states <= INT16_STATES ? new Int16Array(states << shift) : new Int32Array(states << shift);
  for (let s = 0; s < states; s++) {
    for (let c = 0; c < representative.length; c++) {
      const t = next[s * 256 + representative[c]];
      delta[(s << shift) | c] = triggers[t] ? -t - 1 : t;
    }
  }

  const outStart = new Int32Array(states + 1);
  for (let st = 0; st < states; st++) outStart[st + 1] = outStart[st] + outputs[st].length;
  const outList = Int32Array.from(outputs.flat());
  return { classOf, shift, delta, outStart, outList };
}

/** The searcher over compiled tables (fresh from `compileAutomaton` or read back from the build). */
export function automatonFrom(tables: AutomatonTables, size: number): LiteralAutomaton {
  const { classOf, shift, delta, outStart, outList } = tables;
  return {
    size,
    firstHit(buf, from, to) {
      let st = 0;
      for (let i = from; i < to; i++) {
        st = delta[(st << shift) | classOf[buf[i]]];
        if (st < 0) return i;
      }
      return -1;
    },
    literalsIn(text) {
      const found = new Set<number>();
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // Literals are ASCII, so any wider character simply cannot continue a match.
        const t = delta[(state << shift) | classOf[c > 0xff ? 0xff : c]];
        state = t < 0 ? -t - 1 : t;
        for (let k = outStart[state]; k < outStart[state + 1]; k++) found.add(outList[k]);
      }
      return found;
    },
  };
}

/**
 * Whether tables read from outside (a file) have a consistent shape: classes, state count and
 * outputs all in range. The transitions themselves are not scanned here (that costs more than the
 * rest of a load): the file's CRC-32 vouches for them, and `compileAutomaton` only writes states
 * that exist (the tests check `transitionsLandOnStates` on every compiled catalog).
 */
export function tablesAreSound(t: AutomatonTables, size: number): boolean {
  const { classOf, shift, delta, outStart, outList } = t;
  if (classOf.length !== 256 || !Number.isInteger(shift) || shift < 0 || shift > 8 || delta.length === 0 || delta.length % (1 << shift) !== 0) return false;
  const states = delta.length >> shift;
  if (delta instanceof Int16Array && states > INT16_STATES) return false;
  if (outStart.length !== states + 1 || outStart[0] !== 0 || outStart[states] !== outList.length) return false;
  for (let b = 0; b < 256; b++) if (classOf[b] >= 1 << shift) return false;
  for (let st = 0; st < states; st++) if (outStart[st + 1] < outStart[st]) return false;
  for (let k = 0; k < outList.length; k++) if (outList[k] < 0 || outList[k] >= size) return false;
  return true;
}

/** Every transition is a (possibly trigger-marked) state of the table. */
export function transitionsLandOnStates({ shift, delta }: AutomatonTables): boolean {
  const states = delta.length >> shift;
  for (let i = 0; i < delta.length; i++) {
    const e = delta[i];
    const state = e < 0 ? -e - 1 : e;
    if (state >= states) return false;
  }
  return true;
}
