// The Prometheus text exposition format, for node_exporter's textfile collector: one gauge per
// check (ok or not), findings by severity, how long the run took and when. prom-client does the
// formatting and escaping; it loads only with this reporter (≈25 ms, bench/README.md).
// i18n-ignore-file: metric names and HELP texts are a scrape format, the same in every language.
import type { Check } from '../check.js';
import type { DoctorReport } from '../report.js';

const SEVERITIES = ['info', 'warning', 'error'] as const;

/** A check is ok when it reported nothing above info (the same rule as the JUnit reporter). */
function checkOk(r: Pick<DoctorReport, 'findings'>, id: string): boolean {
  return !r.findings.some((f) => f.checkId === id && f.severity !== 'info');
}

/** One report to expose, with the labels that tell it apart (a fleet's target), none for a local run. */
export interface LabelledReport {
  labels: Record<string, string>;
  report: Pick<DoctorReport, 'ok' | 'findings' | 'durationMs'>;
}

export async function renderPrometheus(r: DoctorReport, checks: Check[], version: string, nowMs = Date.now()): Promise<string> {
  return renderPrometheusReports([{ labels: {}, report: r }], checks, version, nowMs);
}

/**
 * Several reports in one exposition, each series labelled with its report's labels (`target`, `url`
 * for `--remote`/`--targets`), so one textfile or scrape covers a whole fleet.
 */
export async function renderPrometheusReports(entries: LabelledReport[], checks: Check[], version: string, nowMs = Date.now()): Promise<string> {
  const { Gauge, Registry } = await import('prom-client');
  const registry = new Registry();
  const extra = [...new Set(entries.flatMap((e) => Object.keys(e.labels)))];
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge<string>({ name, help, labelNames: [...labelNames, ...extra], registers: [registry] });

  const checkGauge = gauge('openclaw_doctor_check_ok', 'Whether the check found nothing above info severity (1) or not (0).', ['check', 'area']);
  const findings = gauge('openclaw_doctor_findings', 'Findings of the last doctor run, by severity.', ['severity']);
  const ok = gauge('openclaw_doctor_ok', 'Whether the last doctor run found no error (1) or some (0).');
  const duration = gauge('openclaw_doctor_duration_seconds', 'How long the last doctor run took.');
  for (const { labels, report } of entries) {
    for (const c of checks) checkGauge.set({ ...labels, check: c.meta.id, area: c.meta.area }, checkOk(report, c.meta.id) ? 1 : 0);
    for (const s of SEVERITIES) findings.set({ ...labels, severity: s }, report.findings.filter((f) => f.severity === s).length);
    ok.set(labels, report.ok ? 1 : 0);
    duration.set(labels, (report.durationMs ?? 0) / 1000);
  }
  new Gauge({ name: 'openclaw_doctor_last_run_timestamp_seconds', help: 'When the last doctor run finished, in seconds since the epoch.', registers: [registry] }).set(Math.round(nowMs / 1000));
  new Gauge({ name: 'openclaw_doctor_info', help: 'The doctor toolkit version (always 1).', labelNames: ['version'], registers: [registry] }).set({ version }, 1);
  return registry.metrics();
}
