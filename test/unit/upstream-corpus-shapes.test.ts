// Issue 15 item 5: every upstream corpus example explain recognises is recognised with the same top
// cause in the shapes real logs and pastes give it: the file log's JSON line, console, journald,
// docker/podman, Windows task output, ANSI colours, clack boxes, the desktop wrapper's prefix, a
// JSON line cut mid-way, a line cut mid-way after its distinguishing words, and a pasted block.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import type { Catalog } from '../../src/signatures/schema.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import { scanLinesWith } from '../../src/signatures/index.js';
import { cutJsonLine, pastes, shapes } from '../helpers/log-shapes.js';
import { readCorpus } from '../helpers/upstream-corpus.js';

const corpus = readCorpus();
let catalog: Catalog;
let compiled: CompiledCatalog;
const answer = (text: string) => scanLinesWith(compiled, [text]).causes[0];
const top = (text: string) => answer(text)?.cause;

/**
 * The line cut at 70% of its length (a terminal's width, a truncated copy), when the cut still holds
 * the words its signature matched on: one of its `any` anchors and all of its `all` anchors.
 */
function cutKeepingAnchors(example: string): string | undefined {
  const cut = example.slice(0, Math.floor(example.length * 0.7));
  const id = answer(example)?.signatures[0];
  const sig = catalog.signatures.find((s) => s.id === id);
  const has = (a: string) => cut.toLowerCase().includes(a.toLowerCase());
  if (!sig || cut.length === example.length || !sig.match.any.some(has) || !(sig.match.all ?? []).every(has)) return undefined;
  return `${cut}…`;
}

beforeAll(async () => {
  catalog = await loadCatalogFromYaml(catalogDir());
  compiled = new CompiledCatalog(catalog);
});

describe('upstream corpus examples in real shapes', () => {
  it('keep their top cause in every shape', () => {
    const recognised = corpus.map((e) => [e.example, top(e.example)] as const).filter(([, cause]) => cause);
    expect(recognised.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const [example, cause] of recognised) {
      const cut = cutKeepingAnchors(example);
      const all = { ...shapes(example), ...pastes(example), cutJson: cutJsonLine(example), ...(cut ? { cut } : {}) };
      for (const [shape, text] of Object.entries(all)) {
        const got = top(text);
        if (got !== cause) failures.push(`${shape}: ${got ?? 'nothing'} instead of ${cause}: ${example}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('are cut mid-way for a good part of them (the cut shape is exercised, not skipped)', () => {
    const cuts = corpus.filter((e) => top(e.example) && cutKeepingAnchors(e.example));
    expect(cuts.length).toBeGreaterThan(50);
  });
});
