// Service situations as the services collector sees them: each service fixture dir is a home (units
// under .config/systemd/user, system units under system/), read by the real collector on a copy,
// some with what systemd or the platform would add (restart counts, no user bus, macOS launchd).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { resolvePaths } from '../../../src/config/paths.js';
import { collectServices, type ServicesFact } from '../../../src/facts/services.js';
import type { Facts } from '../../../src/facts/types.js';
import { FIXTURES } from '../../helpers/fixtures.js';
import { fixtureDirs, fixtureEnv } from '../../unit/service-fixtures.js';

const copies: string[] = [];
afterAll(() => copies.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The services fact of a copy of `fixture`, patched as systemd or the platform would have it. */
function services(fixture: string, patch: (f: ServicesFact) => void = () => {}, platform: NodeJS.Platform = 'linux', extra: Facts = {}) {
  return async (): Promise<Facts> => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `oc-${fixture}-`));
    copies.push(root);
    fs.cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
    const env = fixtureEnv(root);
    const fact = await collectServices({ paths: resolvePaths({ env }), env, platform, dirs: fixtureDirs(root), deep: true, manager: false });
    if (fact.ok) patch(fact.value);
    return { services: fact, ...extra };
  };
}

const noUserBus = (f: ServicesFact) =>
  void (f.availability = {
    ok: false,
    failed: 'user-bus',
    reason: 'systemd user services unavailable: no user bus (systemctl --user: Failed to connect to bus: No medium found)',
    alternatives: ['a', 'b'],
    steps: [{ check: 'user-bus', ok: false, detail: 'Failed to connect to bus' }],
  });

export const SERVICES: Record<string, () => Promise<Facts>> = {
  'service-clean': services('service-clean'),
  'service-clean, systemd available': services('service-clean', (f) => void (f.availability = { ok: true, steps: [] })),
  'service-clean, no user bus': services('service-clean', noUserBus),
  'service-exporter-only': services('service-exporter-only'),
  'service-restart-once': services('service-restart-once'),
  // NRestarts from systemd makes a single conflict line enough evidence.
  'service-restart-once, NRestarts=7': services('service-restart-once', (f) => void (f.runtime = { state: 'activating', restarts: 7 })),
  'service-none': services('service-none'),
  // Nothing installed and no systemd to install into: nothing to say (containers, WSL).
  'service-none, no user bus': services('service-none', noUserBus),
  // In a container its runtime restarts the gateway, not systemd; a VM is a machine like any other.
  'service-none, in docker': services('service-none', undefined, 'linux', { virt: { ok: true, value: { container: 'docker', evidence: ['/.dockerenv'] } } } as Facts),
  'service-none, in a VM': services('service-none', undefined, 'linux', { virt: { ok: true, value: { vm: 'kvm', evidence: ['DMI sys_vendor: QEMU'] } } } as Facts),
  'service-none on macOS': services('service-none', undefined, 'darwin'),
  'service-config-drift': services('service-config-drift'),
  // macOS: the same drift read from a launchd plist (OPENCLAW_CONFIG_PATH pinned to an old copy).
  'service-launchd-drift on macOS': services('service-launchd-drift', undefined, 'darwin'),
  'service-token-drift': services('service-token-drift'),
  'service-token-embedded': services('service-token-embedded'),
  'service-token-repeated': services('service-token-repeated'),
  'service-port-drift': services('service-port-drift'),
  'service-extra-gateways': services('service-extra-gateways'),
  // extra-gateways needs --deep.
  'service-extra-gateways without --deep': services('service-extra-gateways', (f) => void ((f.deep = false), (f.others = undefined))),
  'service-restart-loop': services('service-restart-loop'),
  'services unavailable': async () => ({ services: { ok: false, reason: 'timed out' } }) as Facts,
  'services not collected': async () => ({}) as Facts,
};

/** The fixtures' tokens (tok-…-0123456789): no finding ever prints one. */
export const TOKENS = /tok-[a-z-]*0123456789/;

/** The situations a service check must stay quiet on: all but the ones it fails on. */
export const quietOnServices = (failing: string[]) => Object.keys(SERVICES).filter((n) => !failing.includes(n));
