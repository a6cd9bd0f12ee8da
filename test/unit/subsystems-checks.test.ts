// Table-driven tests for the subsystem checks, in the style of ESLint's RuleTester: every fixture
// under fixtures/subsystems-*/<case>/ is a state dir plus case.json naming the findings it must
// produce (check id → severities). Cases marked `fix` are repaired through the engine (planner →
// executor → journal), re-collected and re-checked: the second run must find nothing; then
// `--undo` restores the config byte for byte and the findings come back.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../src/config/load.js';
import { resolvePaths } from '../../src/config/paths.js';
import type { Check, Finding } from '../../src/engine/check.js';
import { executeFixes } from '../../src/engine/executor.js';
import { undoLastFix } from '../../src/engine/journal.js';
import { planFixes } from '../../src/engine/planner.js';
import { collectConfig } from '../../src/facts/config.js';
import type { Facts } from '../../src/facts/types.js';
import { collectSubsystemFacts } from '../../src/facts/collect-subsystems.js';
import { startStrictBackend, type StrictBackend } from '../../src/subsystems/models/strict-backend.js';
import cronJobFailing from '../../checks/cron/job-failing.js';
import cronNextWake from '../../checks/cron/next-wake-missing.js';
import heartbeatLastSkipped from '../../checks/heartbeat/last-skipped.js';
import channelsPairing from '../../checks/channels/pairing-pending.js';
import channelsMention from '../../checks/channels/mention-gating.js';
import channelsAllowlist from '../../checks/channels/allowlist-mismatch.js';
import channelsPermission from '../../checks/channels/permission-error.js';
import channelsUnreachable from '../../checks/channels/delivery-unreachable.js';
import nodesPermission from '../../checks/nodes/permission-required.js';
import nodesApproval from '../../checks/nodes/approval-required.js';
import nodesDisconnected from '../../checks/nodes/disconnected.js';
import modelsKey from '../../checks/models/provider-key-missing.js';
import modelsUnknown from '../../checks/models/unknown-model.js';
import modelsLocalUnreachable from '../../checks/models/local-provider-unreachable.js';
import modelsContext from '../../checks/models/context-window-small.js';
import modelsStringContent from '../../checks/models/string-content-probe.js';
import browserStale from '../../checks/browser/stale-launch.js';

const CHECKS: Check[] = [
  cronJobFailing,
  cronNextWake,
  heartbeatLastSkipped,
  channelsPairing,
  channelsMention,
  channelsAllowlist,
  channelsPermission,
  channelsUnreachable,
  nodesPermission,
  nodesApproval,
  nodesDisconnected,
  modelsKey,
  modelsUnknown,
  modelsLocalUnreachable,
  modelsContext,
  modelsStringContent,
  browserStale,
];

interface CaseSpec {
  now: number;
  expect: Record<string, string[]>;
  fix?: boolean;
  probe?: boolean;
  offline?: boolean;
}

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const cases = fs
  .readdirSync(FIXTURES)
  .filter((d) => d.startsWith('subsystems-'))
  .flatMap((area) => fs.readdirSync(path.join(FIXTURES, area)).map((name) => ({ area, name, dir: path.join(FIXTURES, area, name) })));

let backend: StrictBackend;
const temps: string[] = [];
beforeAll(async () => {
  backend = await startStrictBackend({ models: ['qwen'] });
  process.env.STRICT_BACKEND_URL = backend.url;
  // A loopback port the OS just handed out and nobody listens on any more: a local backend that is down.
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as net.AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  process.env.CLOSED_BACKEND_URL = `http://127.0.0.1:${port}/v1`;
});
afterAll(async () => {
  await backend.close();
  delete process.env.STRICT_BACKEND_URL;
  delete process.env.CLOSED_BACKEND_URL;
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

async function collect(stateDir: string, spec: CaseSpec): Promise<Facts> {
  const r = readConfigFile(path.join(stateDir, 'openclaw.json'));
  const config = r.exists ? r.resolved : {};
  return collectSubsystemFacts({ stateDir, config, now: spec.now, probeModels: spec.probe, offline: spec.offline, timeoutMs: 1000 });
}

function detectAll(facts: Facts): Finding[] {
  return CHECKS.flatMap((c) => c.detect(facts).map((f) => ({ ...f, checkId: c.meta.id })));
}

function bySeverity(findings: Finding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[f.checkId] ??= []).push(f.severity);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

/** Repairs the findings the way `doctor --fix --yes` does: planned, executed and journaled by the engine. */
async function fixThroughEngine(stateDir: string, findings: Finding[], facts: Facts) {
  const env = { OPENCLAW_STATE_DIR: stateDir, HOME: stateDir };
  const paths = resolvePaths({ env });
  const plans = planFixes(findings, CHECKS, facts, { yes: true });
  return executeFixes(plans, { config: collectConfig(paths, env), stateDir, env, paths });
}

describe('every subsystem check has passing and failing fixtures', () => {
  it('covers each check id at least once failing', () => {
    const failing = new Set(cases.flatMap((c) => Object.keys((JSON.parse(fs.readFileSync(path.join(c.dir, 'case.json'), 'utf8')) as CaseSpec).expect)));
    for (const c of CHECKS) expect(failing, c.meta.id).toContain(c.meta.id);
    expect(cases.filter((c) => Object.keys(JSON.parse(fs.readFileSync(path.join(c.dir, 'case.json'), 'utf8')).expect).length === 0).length).toBeGreaterThan(5);
  });
});

describe.each(cases)('$area/$name', ({ dir }) => {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseSpec;
  it(Object.keys(spec.expect).length ? `finds ${Object.keys(spec.expect).join(', ')}` : 'finds nothing', async () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-fixture-'));
    temps.push(stateDir);
    fs.cpSync(path.join(dir, 'state'), stateDir, { recursive: true });
    const facts = await collect(stateDir, spec);
    const findings = detectAll(facts);
    const expected = Object.fromEntries(Object.entries(spec.expect).map(([k, v]) => [k, [...v].sort()]));
    expect(bySeverity(findings)).toEqual(expected);
    for (const f of findings) expect(f.message.length).toBeGreaterThan(10);

    if (!spec.fix) return;
    const fixable = findings.filter((f) => CHECKS.find((c) => c.meta.id === f.checkId)?.repair);
    expect(fixable.length).toBeGreaterThan(0);
    for (const f of fixable) expect(CHECKS.find((c) => c.meta.id === f.checkId)!.repair!(f, facts).length).toBeGreaterThan(0);
    const configFile = path.join(stateDir, 'openclaw.json');
    const before = fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : undefined;
    const execution = await fixThroughEngine(stateDir, fixable, facts);
    expect(execution.results.map((r) => [r.checkId, r.status])).toEqual(fixable.map((f) => [f.checkId, 'applied']));
    expect(execution.journal).toBeDefined();
    const after = await collect(stateDir, spec);
    const remaining = detectAll(after).filter((f) => fixable.some((x) => x.checkId === f.checkId));
    expect(remaining).toEqual([]);

    // --undo: the config as it was, and the same problems found again.
    const undone = undoLastFix(stateDir);
    expect(undone).toBeDefined();
    expect(fs.existsSync(configFile) ? fs.readFileSync(configFile, 'utf8') : undefined).toBe(before);
    const back = detectAll(await collect(stateDir, spec)).filter((f) => fixable.some((x) => x.checkId === f.checkId));
    expect(bySeverity(back)).toEqual(bySeverity(fixable));
  });
});
