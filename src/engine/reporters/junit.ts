// JUnit XML for CI systems: one test case per check that ran; a finding of error or warning severity fails it.
import type { Check } from '../check.js';
import type { DoctorReport } from '../report.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderJunit(r: DoctorReport, checks: Check[]): string {
  const cases = checks.map((c) => {
    const fs = r.findings.filter((f) => f.checkId === c.meta.id && f.severity !== 'info');
    const body = fs.map((f) => `      <failure type="${f.severity}" message="${esc(f.message)}">${esc([f.message, ...(f.evidence ?? []).map((e) => `${e.source}: ${e.value ?? ''}`), f.fixHint ? `next: ${f.fixHint}` : ''].filter(Boolean).join('\n'))}</failure>\n`).join('');
    return `    <testcase classname="doctor.${esc(c.meta.area)}" name="${esc(c.meta.id)}">${body ? `\n${body}    ` : ''}</testcase>`;
  });
  const failures = checks.filter((c) => r.findings.some((f) => f.checkId === c.meta.id && f.severity !== 'info')).length;
  const seconds = ((r.durationMs ?? 0) / 1000).toFixed(3);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="openclaw doctor" tests="${checks.length}" failures="${failures}" time="${seconds}">\n  <testsuite name="openclaw doctor" tests="${checks.length}" failures="${failures}" time="${seconds}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
