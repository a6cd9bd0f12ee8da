// The doctor and the log catalog share two vocabularies: a signature's `fix.check` must name a check
// the doctor has, and a finding's `cause` must be a cause the catalog explains.
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/engine/doctor.js';
import { loadChecks } from '../../src/engine/loader.js';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { fixtureNames, useFixtures } from '../helpers/fixtures.js';

const checks = await loadChecks();
const catalog = await loadCatalogFromYaml(catalogDir());
const checkIds = new Set(checks.map((c) => c.meta.id));

describe('catalog → doctor', () => {
  it('every check named in signatures/*.yaml and causes.yaml is a real check id', () => {
    const named = [
      ...catalog.signatures.map((s) => ({ where: `${s.file} ${s.id}`, check: s.check })),
      ...Object.entries(catalog.causes).map(([id, c]) => ({ where: `causes.yaml ${id}`, check: c.fix.check })),
    ].filter((n) => n.check);
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((n) => !checkIds.has(n.check!))).toEqual([]);
  });
});

describe('doctor → catalog', () => {
  const copy = useFixtures();
  it.each(fixtureNames())('every finding on %s names a cause from causes.yaml', async (name) => {
    const fx = copy(name);
    const run = await runDoctor({ checks, paths: fx.paths, env: fx.env, recordedDir: fx.factsDir, timeoutMs: 2000, tmpdir: fx.root });
    const unknown = run.findings.filter((f) => f.cause !== undefined && !(f.cause in catalog.causes)).map((f) => `${f.checkId}: ${f.cause}`);
    expect(unknown).toEqual([]);
  });
});
