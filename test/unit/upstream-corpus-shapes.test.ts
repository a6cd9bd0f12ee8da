// Issue 15 item 5: every upstream corpus example explain recognises is recognised with the same top
// cause in the shapes real logs and pastes give it: the file log's JSON line, console, journald,
// docker/podman, Windows task output, ANSI colours, clack boxes, the desktop wrapper's prefix, a
// JSON line cut mid-way, and a pasted multi-line block.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import { scanLinesWith } from '../../src/signatures/index.js';
import { cutJsonLine, pastes, shapes } from '../helpers/log-shapes.js';
import { readCorpus } from '../helpers/upstream-corpus.js';

const corpus = readCorpus();
let compiled: CompiledCatalog;
const top = (text: string) => scanLinesWith(compiled, [text]).causes[0]?.cause;

beforeAll(async () => {
  compiled = new CompiledCatalog(await loadCatalogFromYaml(catalogDir()));
});

describe('upstream corpus examples in real shapes', () => {
  it('keep their top cause in every shape', () => {
    const recognised = corpus.map((e) => [e.example, top(e.example)] as const).filter(([, cause]) => cause);
    expect(recognised.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const [example, cause] of recognised) {
      const all = { ...shapes(example), ...pastes(example), cutJson: cutJsonLine(example) };
      for (const [shape, text] of Object.entries(all)) {
        const got = top(text);
        if (got !== cause) failures.push(`${shape}: ${got ?? 'nothing'} instead of ${cause}: ${example}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
