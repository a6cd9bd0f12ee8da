// The Prometheus text exposition format, for node_exporter's textfile collector: one gauge per
// check (ok or not), findings by severity, how long the run took and when. prom-client does the
// formatting and escaping; it loads only with this reporter (≈25 ms, bench/README.md).
import type { Check } from '../check.js';
import type { DoctorReport } from '../report.js';

const SEVERITIES = ['info', 'warning', 'error'] as const;

/** A check is ok when it reported nothing above info (the same rule as the JUnit reporter). */
function checkOk(r: DoctorReport, id: string): boolean {
  return !r.findings.some((f) => f.checkId === id && f.severity !== 'info');
}

export async function renderPrometheus(r: DoctorReport, checks: Check[], version: string, nowMs = Date.now()): Promise<string> {
  const { Gauge, Registry } = await import('prom-client');
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge<L>({ name, help, labelNames, registers: [registry] });

  const checkGauge = gauge('openclaw_doctor_check_ok', 'Whether the check found nothing above info severity (1) or not (0).', ['check', 'area']);
  for (const c of checks) checkGauge.set({ check: c.meta.id, area: c.meta.area }, checkOk(r, c.meta.id) ? 1 : 0);
  const findings = gauge('openclaw_doctor_findings', 'Findings of the last doctor run, by severity.', ['severity']);
  for (const s of SEVERITIES) findings.set({ severity: s }, r.findings.filter((f) => f.severity === s).length);
  gauge('openclaw_doctor_ok', 'Whether the last doctor run found no error (1) or some (0).').set(r.ok ? 1 : 0);
  gauge('openclaw_doctor_duration_seconds', 'How long the last doctor run took.').set((r.durationMs ?? 0) / 1000);
  gauge('openclaw_doctor_last_run_timestamp_seconds', 'When the last doctor run finished, in seconds since the epoch.').set(Math.round(nowMs / 1000));
  gauge('openclaw_doctor_info', 'The doctor toolkit version (always 1).', ['version']).set({ version }, 1);
  return registry.metrics();
}
