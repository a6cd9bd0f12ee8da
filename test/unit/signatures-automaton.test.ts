// The prefilter automaton against a naive search, on random text built from literal fragments.
import { describe, expect, it } from 'vitest';
import { rng } from '../helpers/rng.js';
import { buildAutomaton } from '../../src/signatures/automaton.js';

const LITERALS = ['eaddrinuse', 'token mismatch', 'device token mismatch', 'mismatch', 'ab', 'abc', 'bca', '\nerror ', 'x"y'];

function naiveEnds(text: string, lits: string[]): number[] {
  const lower = text.toLowerCase();
  const ends: number[] = [];
  for (const l of lits) for (let p = lower.indexOf(l); p !== -1; p = lower.indexOf(l, p + 1)) ends.push(p + l.length - 1);
  return ends.sort((a, b) => a - b);
}

describe('buildAutomaton', () => {
  it('firstHit finds the earliest end of any literal, case-insensitively, on random text', () => {
    const rand = rng(7);
    const pieces = ['EADDRINUSE', 'Token ', 'mis', 'match', 'device ', 'A', 'b', 'C', ' ', '\n', 'ERROR ', 'x', '"y', 'é', '端'];
    const a = buildAutomaton(LITERALS);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      const buf = Buffer.from(text, 'latin1');
      const ends = naiveEnds(buf.toString('latin1'), LITERALS);
      expect(a.firstHit(buf, 0, buf.length), JSON.stringify(text)).toBe(ends.length ? ends[0] : -1);
    }
  });

  it('only trigger literals stop firstHit; literalsIn reports all, overlaps included', () => {
    const a = buildAutomaton(['browser', 'unknown command'], (i) => i === 1);
    const benign = Buffer.from('browser started');
    expect(a.firstHit(benign, 0, benign.length)).toBe(-1);
    const line = 'error: unknown command "browser"';
    expect(a.firstHit(Buffer.from(line), 0, line.length)).toBe(line.indexOf('command') + 'command'.length - 1);
    expect([...buildAutomaton(LITERALS).literalsIn('Device TOKEN mismatch')].sort()).toEqual([1, 2, 3]);
  });

  it('respects the [from, to) range', () => {
    const a = buildAutomaton(['abc']);
    const buf = Buffer.from('abc abc');
    expect(a.firstHit(buf, 1, buf.length)).toBe(6);
    expect(a.firstHit(buf, 1, 6)).toBe(-1);
  });
});
