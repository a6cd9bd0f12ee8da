// Reasoning over several lines (issue 15 item 7): a combination in signatures/combinations.yaml is
// reported when every one of its facts is in the paste, ahead of what each line says alone, with each
// fact's line as evidence; one of its lines alone gives the single-line answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { scanWithCatalog } from '../../src/facts/log-signatures.js';
import { scanLinesWith } from '../../src/signatures/index.js';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import type { Catalog } from '../../src/signatures/schema.js';
import { validateCatalog } from '../../src/signatures/validate.js';

let catalog: Catalog;
let matcher: CompiledCatalog;
beforeAll(async () => {
  catalog = await loadCatalogFromYaml(catalogDir());
  matcher = new CompiledCatalog(catalog);
});

const scan = (paste: string) => scanLinesWith(matcher, paste.split('\n'));

describe('combinations in the catalog', () => {
  it('ships the two of the issue, each pointing at a known cause', () => {
    expect(catalog.combinations.map((c) => c.id)).toEqual(expect.arrayContaining(['combo.gateway-hung', 'combo.restart-loop-mode-unset']));
    for (const c of catalog.combinations) expect(catalog.causes[c.cause], c.id).toBeDefined();
  });

  it('every match example: the combination first, each fact named on the line that holds it', () => {
    for (const combo of catalog.combinations) {
      for (const example of combo.examples.match) {
        const report = scan(example);
        expect(report.causes[0]?.cause, `${combo.id}: ${example}`).toBe(combo.cause);
        expect(report.causes[0].signatures).toContain(combo.id);
        const evidence = report.matches.filter((m) => m.signature === combo.id);
        expect(evidence.map((m) => m.fact).sort(), example).toEqual(combo.facts.map((f) => f.name).sort());
        const lines = example.split('\n');
        for (const m of evidence) expect(lines[m.line - 1], example).toContain(m.text.slice(0, 20));
      }
    }
  });

  it('every noMatch example: the combination is not reported', () => {
    for (const combo of catalog.combinations) {
      // The cause may still come from a single line's signature; the combination itself must not fire.
      for (const example of combo.examples.noMatch) expect(scan(example).matches.map((m) => m.signature), `${combo.id}: ${example}`).not.toContain(combo.id);
    }
  });
});

describe('the issue’s two examples', () => {
  it('"Status: live" + "Port 18789 is not listening, but the PID exists" is a hung process; either line alone is not', () => {
    const both = scan('Status: live\nPort 18789 is not listening, but the PID exists');
    expect(both.causes[0]).toMatchObject({ cause: 'gateway-hung', severity: 'error', firstLine: 1 });
    expect(both.matches.filter((m) => m.cause === 'gateway-hung').map((m) => [m.line, m.fact])).toEqual([
      [1, 'process-alive'],
      [2, 'port-not-listening'],
    ]);
    for (const alone of ['Status: live', 'Port 18789 is not listening']) expect(scan(alone).causes.map((c) => c.cause)).not.toContain('gateway-hung');
  });

  it('"restart counter is at 27" + "gateway.mode is missing" is a restart loop from mode-unset, ahead of mode-unset alone', () => {
    const both = scan('Nov 22 02:19:00 box systemd[812]: openclaw-gateway.service: Scheduled restart job, restart counter is at 27.\nGateway start blocked: existing config is missing gateway.mode.');
    expect(both.causes.map((c) => c.cause)).toEqual(['restart-loop-mode-unset', 'mode-unset']);
    expect(both.matches.filter((m) => m.cause === 'restart-loop-mode-unset').map((m) => [m.line, m.fact])).toEqual([
      [1, 'restart-counter'],
      [2, 'mode-unset'],
    ]);
    // Alone, the mode line is mode-unset and the counter line is nothing known.
    expect(scan('gateway.mode is missing').causes.map((c) => c.cause)).toEqual(['mode-unset']);
    expect(scan('restart counter is at 27').causes).toEqual([]);
  });

  it('the facts may be far apart and in any order; a fact seen twice is named once', () => {
    const filler = Array.from({ length: 500 }, (_, i) => `info tick ${i}`);
    const report = scan(['gateway.mode is missing', ...filler, 'restart counter is at 2', 'restart counter is at 3'].join('\n'));
    expect(report.causes[0].cause).toBe('restart-loop-mode-unset');
    expect(report.matches.filter((m) => m.cause === 'restart-loop-mode-unset').map((m) => m.line)).toEqual([1, 502]);
  });
});

describe('the doctor’s log evidence', () => {
  it('reports a combination from log lines with its cause’s text, each fact’s line kept', async () => {
    const lines = ['Status: live', 'info tick', 'Port 18789 is not listening, but the PID exists'].map((text, i) => ({ file: '/var/log/openclaw.log', line: i + 1, text }));
    const hung = (await scanWithCatalog(matcher, lines)).filter((m) => m.cause === 'gateway-hung');
    expect(hung.map((m) => [m.signatureId, m.line.line])).toEqual([
      ['combo.gateway-hung', 1],
      ['combo.gateway-hung', 3],
    ]);
    expect(hung[0]).toMatchObject({ severity: 'error', explanation: catalog.causes['gateway-hung'].explanation, check: 'gateway/rpc-probe-failed' });
  });
});

describe('combinations are validated like signatures', () => {
  const causes = { file: 'causes.yaml', data: { 'gateway-hung': { area: 'gateway', title: 'Hung', explanation: 'x', fix: { commands: ['openclaw gateway restart'] } } } };
  const combo = (over: Record<string, unknown> = {}) => ({
    id: 'combo.hung',
    cause: 'gateway-hung',
    severity: 'error',
    facts: [
      { name: 'alive', any: ['Status: live'] },
      { name: 'deaf', any: ['not listening'] },
    ],
    examples: { match: ['Status: live\nnot listening'], noMatch: ['Status: live'] },
    ...over,
  });

  it('accepts a valid combination', () => {
    expect(validateCatalog([causes, { file: 'combinations.yaml', data: [combo()] }]).combinations[0]).toMatchObject({ id: 'combo.hung', file: 'combinations.yaml' });
  });

  it.each([
    ['an unknown cause', [combo({ cause: 'nope' })], 'combinations.yaml: entry combo.hung: unknown cause "nope"'],
    ['a single fact', [combo({ facts: [{ name: 'alive', any: ['Status: live'] }] })], 'at least two facts'],
    ['two facts with one name', [combo({ facts: [{ name: 'a', any: ['Status: live'] }, { name: 'a', any: ['not listening'] }] })], 'two facts share a name'],
    ['an anchor with a quote', [combo({ facts: [{ name: 'a', any: ['say "hi"'] }, { name: 'b', any: ['xyz'] }] })], 'anchors contain no'],
    ['no noMatch example', [combo({ examples: { match: ['x'], noMatch: [] } })], 'examples.noMatch'],
    ['a duplicate id', [combo(), combo()], 'duplicate id combo.hung'],
  ])('rejects %s, naming file and entry', (_what, data, message) => {
    expect(() => validateCatalog([causes, { file: 'combinations.yaml', data }])).toThrow(message);
  });
});
