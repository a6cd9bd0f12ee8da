// Table-driven tests of the service checks (in the style of ESLint's RuleTester): each fixture dir
// goes through the real services collector, and each check must find exactly what the table says.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import configDrift from '../../checks/service/config-drift.js';
import extraGateways from '../../checks/service/extra-gateways.js';
import notInstalled from '../../checks/service/not-installed.js';
import portDrift from '../../checks/service/port-drift.js';
import restartLoop from '../../checks/service/restart-loop.js';
import systemdUnavailable from '../../checks/service/systemd-unavailable.js';
import tokenDrift from '../../checks/service/token-drift.js';
import tokenEmbedded from '../../checks/service/token-embedded.js';
import { resolvePaths } from '../../src/config/paths.js';
import type { Check, Finding } from '../../src/engine/check.js';
import { collectServices, type ServicesFact } from '../../src/facts/services.js';
import type { Facts } from '../../src/facts/types.js';
import { fixtureDirs, fixtureEnv } from './service-fixtures.js';

const CHECKS: Check[] = [configDrift, tokenDrift, portDrift, tokenEmbedded, extraGateways, notInstalled, restartLoop, systemdUnavailable];
const FIXTURES = path.resolve('fixtures');
const copies: string[] = [];
afterAll(() => copies.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Copies a fixture to a temp dir (checks run on a copy so repairs cannot touch the repository). */
function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oc-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  copies.push(dir);
  return dir;
}

async function factsFor(root: string, patch: (f: ServicesFact) => void = () => {}, platform: NodeJS.Platform = 'linux'): Promise<Facts> {
  const env = fixtureEnv(root);
  const fact = await collectServices({ paths: resolvePaths({ env }), env, platform, dirs: fixtureDirs(root), deep: true, manager: false });
  if (fact.ok) patch(fact.value);
  return { services: fact };
}

function runAll(facts: Facts): Finding[] {
  return CHECKS.flatMap((c) => c.detect(facts));
}

interface Case {
  fixture: string;
  /** Check ids that must fire, in CHECKS order; every other check must stay quiet. */
  findings: string[];
  patch?: (f: ServicesFact) => void;
  platform?: NodeJS.Platform;
  messages?: Record<string, RegExp[]>;
}

const cases: Case[] = [
  { fixture: 'service-clean', findings: [] },
  { fixture: 'service-exporter-only', findings: [] },
  { fixture: 'service-restart-once', findings: [] },
  { fixture: 'service-none', findings: ['service/not-installed'] },
  {
    fixture: 'service-config-drift',
    findings: ['service/config-drift'],
    messages: { 'service/config-drift': [/Config \(cli\): .*\/state\/openclaw\.json/, /Config \(service\): .*\/\.openclaw-old\/openclaw\.json/, /state dir differs/] },
  },
  { fixture: 'service-token-drift', findings: ['service/token-drift'] },
  { fixture: 'service-token-embedded', findings: ['service/token-embedded'], messages: { 'service/token-embedded': [/lives only in the service definition/] } },
  { fixture: 'service-token-repeated', findings: ['service/token-embedded'], messages: { 'service/token-embedded': [/repeats the gateway token/] } },
  { fixture: 'service-port-drift', findings: ['service/port-drift'], messages: { 'service/port-drift': [/listens on port 19999 \(--port in its command line\) but the CLI expects 18789 \(config gateway\.port\)/] } },
  {
    fixture: 'service-extra-gateways',
    findings: ['service/extra-gateways'],
    messages: { 'service/extra-gateways': [/^Other gateway-like services detected \(best effort\)/, /clawdbot-gateway\.service \(system, port 18789, legacy, same port/, /openclaw-gateway-work\.service \(user, port 18789, same port/, /openclaw-gateway\.service \(system, port 18789, same port as this profile, same config as this profile, duplicate of this profile’s unit\)/] },
  },
  { fixture: 'service-restart-loop', findings: ['service/restart-loop'], messages: { 'service/restart-loop': [/keeps restarting the gateway into a port conflict on 18789: 5 port-conflict line/] } },
  // NRestarts from systemd makes a single conflict line enough evidence.
  { fixture: 'service-restart-once', findings: ['service/restart-loop'], patch: (f) => void (f.runtime = { state: 'activating', restarts: 7 }), messages: { 'service/restart-loop': [/NRestarts=7/] } },
  {
    // Nothing installed and no systemd to install into: nothing to say (containers, WSL).
    fixture: 'service-none',
    findings: [],
    patch: (f) =>
      void (f.availability = { ok: false, failed: 'user-bus', reason: 'systemd user services unavailable: no user bus (systemctl --user: Failed to connect to bus: No medium found)', alternatives: ['a', 'b'], steps: [{ check: 'user-bus', ok: false, detail: 'Failed to connect to bus' }] }),
  },
  { fixture: 'service-clean', findings: [], patch: (f) => void (f.availability = { ok: true, steps: [] }) },
  // macOS: the same drift read from a launchd plist (OPENCLAW_CONFIG_PATH pinned to an old copy).
  { fixture: 'service-launchd-drift', platform: 'darwin', findings: ['service/config-drift'], messages: { 'service/config-drift': [/Config \(service\): .*-service-launchd-drift-\w+\/Documents\/openclaw-backup\/openclaw\.json/, /the service pins OPENCLAW_CONFIG_PATH=/] } },
  { fixture: 'service-none', platform: 'darwin', findings: ['service/not-installed'], messages: { 'service/not-installed': [/ai\.openclaw\.gateway at .*Library\/LaunchAgents\/ai\.openclaw\.gateway\.plist/] } },
];

describe('service checks over fixtures', () => {
  it.each(cases)('$fixture → $findings', async ({ fixture, findings, patch, platform, messages }) => {
    const facts = await factsFor(copyFixture(fixture), patch, platform);
    const found = runAll(facts);
    expect(found.map((f) => f.checkId)).toEqual(findings);
    for (const [id, patterns] of Object.entries(messages ?? {})) {
      const f = found.find((x) => x.checkId === id)!;
      for (const p of patterns) expect(f.message).toMatch(p);
    }
    // No finding ever prints a token.
    expect(JSON.stringify(found)).not.toMatch(/tok-[a-z-]*0123456789/);
  });

  it('ignores everything but the services fact being unavailable', () => {
    expect(runAll({ services: { ok: false, reason: 'timed out' } })).toEqual([]);
    expect(runAll({})).toEqual([]);
  });

  it('not-installed stays quiet in a container: its runtime restarts the gateway, not systemd', async () => {
    const facts = await factsFor(copyFixture('service-none'));
    expect(notInstalled.detect(facts).map((f) => f.checkId)).toEqual(['service/not-installed']);
    expect(notInstalled.detect({ ...facts, virt: { ok: true, value: { container: 'docker', evidence: ['/.dockerenv'] } } })).toEqual([]);
    expect(notInstalled.detect({ ...facts, virt: { ok: true, value: { vm: 'kvm', evidence: ['DMI sys_vendor: QEMU'] } } }).length).toBe(1);
  });

  it('extra-gateways needs --deep', async () => {
    const facts = await factsFor(copyFixture('service-extra-gateways'), (f) => void ((f.deep = false), (f.others = undefined)));
    expect(extraGateways.detect(facts)).toEqual([]);
  });

  it('every check has a unique service/ id and its metadata', () => {
    const ids = CHECKS.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.meta.id).toMatch(/^service\//);
      expect(c.meta.facts[0]).toBe('services');
      expect(Boolean(c.repair)).toBe(c.meta.fix !== 'none');
    }
  });
});

describe('repairs as operations', () => {
  it('config drift: keeps the token the service used before reinstalling', async () => {
    const facts = await factsFor(copyFixture('service-config-drift'));
    const [finding] = configDrift.detect(facts);
    expect(configDrift.repair!(finding, facts)).toEqual([
      { op: 'config.set', path: 'gateway.auth.token', value: 'tok-old-state-0123456789' },
      { op: 'service.install', force: true },
    ]);
    // The CLI's state dir came from the environment, so the command carries it.
    const stateDir = path.dirname(finding.data!.cliConfig as string);
    expect(finding.fixHint).toBe(`Reinstall the service from this shell so both use ${finding.data!.cliConfig}: \`OPENCLAW_STATE_DIR=${stateDir} OPENCLAW_CONFIG_PATH=${finding.data!.cliConfig} openclaw gateway install --force\``);
  });

  it('token only in the service: config.set first, then service.install', async () => {
    const facts = await factsFor(copyFixture('service-token-embedded'));
    const [finding] = tokenEmbedded.detect(facts);
    expect(tokenEmbedded.repair!(finding, facts)).toEqual([
      { op: 'config.set', path: 'gateway.auth.token', value: 'tok-only-in-service-0123456789' },
      { op: 'service.install', force: true },
    ]);
  });

  it('token drift and port drift: the config already has the token, so only reinstall', async () => {
    for (const [check, fixture] of [[tokenDrift, 'service-token-drift'], [portDrift, 'service-port-drift']] as const) {
      const facts = await factsFor(copyFixture(fixture));
      const [finding] = check.detect(facts);
      expect(check.repair!(finding, facts)).toEqual([{ op: 'service.install', force: true }]);
    }
  });
});
