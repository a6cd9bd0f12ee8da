// A case-insensitive multi-literal searcher: an Aho-Corasick automaton compiled to one dense
// transition table over bytes. One table lookup per byte, no string conversion and no per-line
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

export function buildAutomaton(literals: readonly string[]): LiteralAutomaton {
  // 1. A trie of the folded literals.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  literals.forEach((literal, index) => {
    let state = 0;
    for (const byte of Buffer.from(literal, 'latin1')) {
      const b = FOLD[byte];
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
    for (let b = 0; b < 256; b++) {
      const child = children[s].get(FOLD[b]);
      if (child === undefined) next[s * 256 + b] = next[fail[s] * 256 + b];
      else {
        next[s * 256 + b] = child;
        if (FOLD[b] === b) {
          fail[child] = next[fail[s] * 256 + b];
          queue.push(child);
        }
      }
    }
  }

  // 3. The hot table: entries pre-multiplied by 256, negative when the target state emits a literal.
  const delta = new Int32Array(states * 256);
  for (let i = 0; i < delta.length; i++) {
    const t = next[i];
    delta[i] = outputs[t].length ? -(t * 256) - 1 : t * 256;
  }

  return {
    size: literals.length,
    firstHit(buf, from, to) {
      let st = 0;
      for (let i = from; i < to; i++) {
        st = delta[st | buf[i]];
        if (st < 0) return i;
      }
      return -1;
    },
    literalsIn(text) {
      const found = new Set<number>();
      let st = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // Literals are ASCII, so any wider character simply cannot continue a match.
        st = next[st * 256 + (c > 0xff ? 0xff : c)];
        for (const lit of outputs[st]) found.add(lit);
      }
      return found;
    },
  };
}
