// JUnit XML for CI systems: one test case per check that ran; a finding of error or warning severity fails it.
import type { Check } from '../check.js';
import type { DoctorReport } from '../report.js';
import { en } from '../../i18n/index.js';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The report's name in JUnit (a fleet's suites add the target to it). i18n-ignore: a name, not a sentence */
export const SUITE_NAME = 'openclaw doctor';

export interface Suite {
  xml: string;
  tests: number;
  failures: number;
}

/**
 * Each failure's catalog id and parameters (JSON) as test-case properties, in the failures' order:
 * a CI system can show them in any language. The text in the active locale when it is not English.
 */
function properties(fs: DoctorReport['findings']): string {
  const props = fs.flatMap((f) => [
    ...(f.messageId ? [['messageId', f.messageId], ['params', JSON.stringify(f.params ?? {})]] : []),
    ...(f.text ? [['text', f.text]] : []),
  ]);
  if (!props.length) return '';
  // i18n-ignore: XML markup
  return `      <properties>\n${props.map(([name, value]) => `        <property name="${name}" value="${esc(value!)}"/>\n`).join('')}      </properties>\n`;
}

/** One <testsuite> (a doctor run; with --targets, one per gateway, its name carrying the target). */
export function renderTestsuite(r: Pick<DoctorReport, 'findings' | 'durationMs'>, checks: Check[], name = SUITE_NAME, classPrefix = 'doctor'): Suite {
  const cases = checks.map((c) => {
    const fs = r.findings.filter((f) => f.checkId === c.meta.id && f.severity !== 'info');
    // i18n-ignore: XML markup; the texts in it are the findings' (English, as `message` always is)
    const body = fs.map((f) => `      <failure type="${f.severity}" message="${esc(f.message)}">${esc([f.message, ...(f.evidence ?? []).map((e) => `${e.source}: ${e.value ?? ''}`), f.fixHint ? en('report.junit.next', { next: f.fixHint }) : ''].filter(Boolean).join('\n'))}</failure>\n`).join('');
    const props = properties(fs);
    // i18n-ignore: XML markup
    return `    <testcase classname="${esc(classPrefix)}.${esc(c.meta.area)}" name="${esc(c.meta.id)}">${body || props ? `\n${props}${body}    ` : ''}</testcase>`;
  });
  const failures = checks.filter((c) => r.findings.some((f) => f.checkId === c.meta.id && f.severity !== 'info')).length;
  const seconds = ((r.durationMs ?? 0) / 1000).toFixed(3);
  // i18n-ignore: XML markup
  return { tests: checks.length, failures, xml: `  <testsuite name="${esc(name)}" tests="${checks.length}" failures="${failures}" time="${seconds}">\n${cases.join('\n')}\n  </testsuite>` };
}

export function renderTestsuites(suites: Suite[], durationMs = 0): string {
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const seconds = (durationMs / 1000).toFixed(3);
  // i18n-ignore: XML markup
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${SUITE_NAME}" tests="${tests}" failures="${failures}" time="${seconds}">\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
}

export function renderJunit(r: DoctorReport, checks: Check[]): string {
  return renderTestsuites([renderTestsuite(r, checks)], r.durationMs);
}
