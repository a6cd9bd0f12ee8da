// examples/prometheus: the scrape config and the alerting rules parse (YAML, then every expression
// with Prometheus' own PromQL grammar), have the shape Prometheus expects, cover the alerts the
// README promises, and name only metrics that a real gateway and a real doctor run emit.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli-sync.js';
import { cliEnv, useFixtures } from '../helpers/fixtures.js';
import { parseExposition, promqlMetricNames } from '../helpers/prometheus.js';
import { cleanup, handshake, makeState, newDevice, newToken, rpc, startGateway } from './gateway-harness.js';

const DIR = path.resolve(import.meta.dirname, '../../examples/prometheus');
const load = (file: string) => parse(fs.readFileSync(path.join(DIR, file), 'utf8'), { strict: true, uniqueKeys: true });
/** Series Prometheus makes itself for every target. */
const PROMETHEUS_OWN = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

const fixture = useFixtures();
const emitted = new Set<string>();

beforeAll(async () => {
  const token = newToken();
  const gw = await startGateway(makeState({ gateway: { mode: 'local', auth: { token } } }));
  const { sock } = await handshake(gw.url, { token, device: newDevice() });
  await rpc(sock, 'health');
  sock.ws.close();
  const res = await fetch(`http://127.0.0.1:${gw.port}/metrics`, { signal: AbortSignal.timeout(5000) });
  for (const n of parseExposition(await res.text()).names()) emitted.add(n);
  await gw.stop();
}, 30_000);
afterAll(cleanup);

describe('examples/prometheus', () => {
  it('prometheus.yml: scrape jobs with targets, the rules file it names exists', () => {
    const cfg = load('prometheus.yml');
    expect(cfg.global.scrape_interval).toMatch(DURATION);
    for (const f of cfg.rule_files) expect(fs.existsSync(path.join(DIR, f)), f).toBe(true);
    const jobs = cfg.scrape_configs.map((j: any) => j.job_name);
    expect(jobs).toEqual(['openclaw-gateway', 'node']);
    for (const job of cfg.scrape_configs) {
      expect(Object.keys(job).every((k) => ['job_name', 'metrics_path', 'scheme', 'authorization', 'static_configs'].includes(k)), job.job_name).toBe(true);
      for (const sc of job.static_configs) for (const t of sc.targets) expect(t).toMatch(/^[a-z0-9.-]+:\d+$/);
    }
    const gateway = cfg.scrape_configs[0];
    expect(gateway.metrics_path).toBe('/metrics');
    expect(gateway.authorization).toEqual({ type: 'Bearer', credentials_file: expect.any(String) }); // never the token inline
  });

  it('the alerting rules parse as PromQL, have the fields Prometheus needs, and cover the promised alerts', () => {
    const rules = load('openclaw-alerts.yml').groups.flatMap((g: any) => g.rules);
    const names = new Set<string>();
    for (const r of rules) {
      expect(Object.keys(r).every((k) => ['alert', 'expr', 'for', 'labels', 'annotations'].includes(k)), r.alert).toBe(true);
      expect(r.alert).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      if (r.for !== undefined) expect(r.for).toMatch(DURATION);
      expect(['critical', 'warning', 'info']).toContain(r.labels.severity);
      expect(r.annotations.summary.length).toBeGreaterThan(10);
      for (const n of promqlMetricNames(r.expr)) names.add(n);
    }
    for (const m of ['up', 'openclaw_gateway_auth_failures_total', 'openclaw_gateway_auth_lockouts_total', 'openclaw_doctor_findings', 'openclaw_gateway_event_loop_lag_p99_seconds']) {
      expect(names, m).toContain(m);
    }
    expect(() => promqlMetricNames('rate(openclaw_gateway_auth_failures_total[5m] > 1')).toThrow(/syntax error/); // the parser does reject
  });

  it('every metric the rules name is emitted by the gateway or the doctor', () => {
    const r = runCli(['doctor', '--format', 'prometheus'], cliEnv(fixture('healthy')));
    for (const n of parseExposition(r.stdout).names()) emitted.add(n);
    expect(emitted).toContain('openclaw_gateway_rpc_duration_seconds_bucket');
    const rules = load('openclaw-alerts.yml').groups.flatMap((g: any) => g.rules);
    const named = rules.flatMap((rule: any) => promqlMetricNames(rule.expr));
    // The descriptions name metrics too (for the person paged): those must exist as well.
    const described = rules.flatMap((rule: any) => [...String(rule.annotations.description).matchAll(/\b(openclaw_[a-z0-9_]+|process_[a-z0-9_]+|nodejs_[a-z0-9_]+)\b/g)].map((m) => m[1]));
    for (const n of [...named, ...described]) expect(PROMETHEUS_OWN.has(n) || emitted.has(n), n).toBe(true);
  });
});
