// The machine formats of `doctor --targets`: each target's report as its own test suite (JUnit), or
// as results tagged with the target (SARIF). The terminal rendering is the CLI's (doctor-remote.ts).
import type { Check } from '../check.js';
import type { FleetReport, TargetReport } from '../remote.js';
import { renderTestsuite, renderTestsuites, SUITE_NAME } from './junit.js';
import { renderSarif } from './sarif.js';

/** `name (url) env=prod,region=eu`: how a target is named in every format. */
export function targetLabel(t: Pick<TargetReport, 'name' | 'url' | 'labels'>): string {
  const labels = Object.entries(t.labels).map(([k, v]) => `${k}=${v}`).join(',');
  return `${t.name} (${t.url})${labels ? ` ${labels}` : ''}`;
}

export function renderFleetJunit(r: FleetReport, checks: Check[]): string {
  return renderTestsuites(
    r.targets.map((t) => renderTestsuite(t, checks, `${SUITE_NAME}: ${targetLabel(t)}`, `doctor.${t.name}`)),
    r.durationMs,
  );
}

export function renderFleetSarif(r: FleetReport, checks: Check[], version: string): object {
  const runs = r.targets.map((t) => {
    const sarif = renderSarif({ ...t, configPath: undefined }, checks, version) as { runs: Array<{ results: Array<Record<string, any>> }> };
    return sarif.runs[0].results.map((res) => ({
      ...res,
      message: { text: `[${t.name}] ${res.message.text}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: t.url } } }],
      properties: { ...res.properties, target: t.name, url: t.url, labels: t.labels },
    }));
  });
  const base = renderSarif({ schemaVersion: 1, ok: r.ok, checksRun: checks.length, checksSkipped: 0, findings: [] }, checks, version) as { runs: Array<Record<string, any>> };
  base.runs[0].results = runs.flat();
  return base;
}
