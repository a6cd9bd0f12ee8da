// `gateway status --deep` runs the service checks through the engine's runner: a check that throws
// on a fact it did not expect is a finding about itself, and the other checks still report.
import { describe, expect, it } from 'vitest';
import { SERVICE_CHECKS, serviceFindings } from '../../src/cli/commands/service-findings.js';
import { isCrash } from '../../src/engine/runner.js';

describe('serviceFindings', () => {
  it('turns a check that throws into a crash finding instead of failing the status', () => {
    // A services fact whose shape no check expects: before, the first check's TypeError escaped.
    const broken = { ok: true as const, value: {} as never };
    const findings = serviceFindings(broken);
    expect(findings.length).toBeGreaterThan(0);
    const crashed = findings.filter(isCrash);
    expect(crashed.length).toBeGreaterThan(0);
    for (const f of crashed) expect(SERVICE_CHECKS.map((c) => c.meta.id)).toContain(f.checkId);
  });

  it('reports nothing from an unavailable fact', () => {
    expect(serviceFindings({ ok: false, reason: 'no service manager' }).filter(isCrash)).toEqual([]);
  });
});
