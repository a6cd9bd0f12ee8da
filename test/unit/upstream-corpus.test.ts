// Issue 15 item 2: the real OpenClaw's user-facing messages (test/corpus/upstream-messages.jsonl,
// mined by scripts/mine-upstream.mjs) against `explain`'s matcher. Every miss is listed, with why, in
// test/corpus/upstream-misses.yaml (scripts/corpus-misses.mjs rewrites it): a new miss (a new
// release's template, a catalog change) fails here, and so does a listed miss that explain now gets
// right. The bars count the entries labelled with a cause: one labelled "none" means no cause
// applies, and explain saying it does not recognise it is the right answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import { scanLinesWith } from '../../src/signatures/index.js';
import { missOf, readCorpus, readMisses, type CorpusEntry } from '../helpers/upstream-corpus.js';

/** Every area is held to the bar. */
const HELD_AREAS = ['auth', 'config', 'gateway', 'service', 'browser', 'channels', 'cron/heartbeat', 'models', 'nodes'];
const RECOGNISED_BAR = 0.95;
const RIGHT_BAR = 0.9;

const corpus = readCorpus();
const listed = readMisses();
let answers: Map<CorpusEntry, string[]>;

beforeAll(async () => {
  const compiled = new CompiledCatalog(await loadCatalogFromYaml(catalogDir()));
  answers = new Map(corpus.map((e) => [e, scanLinesWith(compiled, [e.example]).causes.map((c) => c.cause)]));
});

describe('the upstream-message corpus', () => {
  it('is well-formed: one entry per template, each with an example, a release, a file and an area', () => {
    expect(corpus.length).toBeGreaterThan(300);
    expect(new Set(corpus.map((e) => e.template)).size).toBe(corpus.length);
    for (const e of corpus) {
      expect(e.example.length, e.template).toBeGreaterThan(0);
      expect(e.releases.length, e.template).toBeGreaterThan(0);
      expect(e.file, e.template).toMatch(/\.m?js$/);
      expect(['auth', 'gateway', 'config', 'service', 'cron/heartbeat', 'browser', 'nodes', 'channels', 'models']).toContain(e.area);
    }
  });

  it('labels only with causes the catalog has', async () => {
    const catalog = await loadCatalogFromYaml(catalogDir());
    const unknown = corpus.filter((e) => e.expected !== null && e.expected !== 'none' && !catalog.causes[e.expected]);
    expect(unknown.map((e) => `${e.expected}: ${e.template}`)).toEqual([]);
  });

  it('lists every miss, with a reason, and nothing explain now gets right', () => {
    const actual = corpus.flatMap((e) => {
      const miss = missOf({ ...e, causes: answers.get(e)! });
      return miss ? [`${miss}: ${e.template}`] : [];
    });
    const expected = listed.map((m) => `${m.miss}: ${m.template}`);
    const notListed = actual.filter((m) => !expected.includes(m));
    const nowRight = expected.filter((m) => !actual.includes(m));
    expect({ notListed, nowRight }).toEqual({ notListed: [], nowRight: [] });
    const unexplained = listed.filter((m) => !m.reason?.trim() || m.reason === 'TODO').map((m) => m.template);
    expect(unexplained, 'misses without a reason').toEqual([]);
  });

  it.each(HELD_AREAS)('%s: every entry labelled, at least 95%% of those with a cause recognised and 90%% with the right top cause', (area) => {
    const entries = corpus.filter((e) => e.area === area);
    expect(entries.filter((e) => e.expected === null).map((e) => e.template)).toEqual([]);
    const withCause = entries.filter((e) => e.expected !== 'none');
    const recognised = withCause.filter((e) => answers.get(e)!.length > 0);
    const right = withCause.filter((e) => answers.get(e)![0] === e.expected);
    expect(withCause.length).toBeGreaterThan(0);
    expect(recognised.length / withCause.length).toBeGreaterThanOrEqual(RECOGNISED_BAR);
    expect(right.length / withCause.length).toBeGreaterThanOrEqual(RIGHT_BAR);
  });

  it('has a note for every entry labelled "none"', () => {
    expect(corpus.filter((e) => e.expected === 'none' && !e.note?.trim()).map((e) => e.template)).toEqual([]);
  });
});
