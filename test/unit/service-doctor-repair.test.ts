// The doctor's service.install side effect on a fixture home and this machine's real systemd (which
// cannot be used here): the file is rewritten and the repair says why it could not be enabled; undo
// puts the old definition back with its mode; nothing is left behind when nothing changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';
import { ManualStepError, runSideEffect, undoStep } from '../../src/engine/side-effects.js';
import { fixtureEnv } from './service-fixtures.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-svc-repair-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function setup(fixture: string) {
  fs.cpSync(path.resolve('fixtures', fixture), tmp, { recursive: true });
  const env = { ...fixtureEnv(tmp), PATH: process.env.PATH ?? '/usr/bin:/bin' };
  return { env, paths: resolvePaths({ env }), unit: path.join(tmp, '.config/systemd/user/openclaw-gateway.service') };
}

const leftovers = (unit: string) => fs.readdirSync(path.dirname(unit)).filter((n) => n.includes('.doctor-'));

describe('service.install side effect', () => {
  it('rewrites the unit, notes why it is not enabled, and undo restores the old one', async () => {
    const { env, paths, unit } = setup('service-token-drift');
    fs.chmodSync(unit, 0o640);
    const before = fs.readFileSync(unit, 'utf8');
    const err = await runSideEffect({ op: 'service.install', force: true }, { paths, env }).catch((e) => e);
    expect(err).toBeInstanceOf(ManualStepError);
    expect(err.message).toMatch(/^definition rewritten but could not be enabled: systemd user services unavailable: /);
    expect(fs.readFileSync(unit, 'utf8')).not.toContain('OPENCLAW_GATEWAY_TOKEN');
    expect(err.undo).toMatchObject({ op: 'file.replace', path: unit, mode: 0o640 });
    expect(fs.statSync(err.undo.from).mode & 0o777).toBe(0o600);
    undoStep(err.undo);
    expect(fs.readFileSync(unit, 'utf8')).toBe(before);
    expect(fs.statSync(unit).mode & 0o777).toBe(0o640);
    expect(leftovers(unit)).toEqual([]);
  });

  it('an up-to-date unit is left alone and no copy is kept', async () => {
    const { env, paths, unit } = setup('service-token-drift');
    await runSideEffect({ op: 'service.install', force: true }, { paths, env }).catch(() => undefined);
    const current = fs.readFileSync(unit, 'utf8');
    for (const n of leftovers(unit)) fs.rmSync(path.join(path.dirname(unit), n));
    const err = await runSideEffect({ op: 'service.install', force: true }, { paths, env }).catch((e) => e);
    expect(err.message).toMatch(/^definition already up to date but could not be enabled/);
    expect(err.undo).toBeUndefined();
    expect(fs.readFileSync(unit, 'utf8')).toBe(current);
    expect(leftovers(unit)).toEqual([]);
  });

  it('a broken config stops the reinstall: failed, the unit untouched, no copy left', async () => {
    const { env, paths, unit } = setup('service-token-drift');
    fs.writeFileSync(path.join(tmp, 'state/openclaw.json'), '{ gateway: ');
    const before = fs.readFileSync(unit, 'utf8');
    const err = await runSideEffect({ op: 'service.install', force: true }, { paths, env }).catch((e) => e);
    expect(err).not.toBeInstanceOf(ManualStepError);
    expect(fs.readFileSync(unit, 'utf8')).toBe(before);
    expect(leftovers(unit)).toEqual([]);
  });

  it('without the profile paths it is a manual step', async () => {
    await expect(runSideEffect({ op: 'service.install', force: true }, {})).rejects.toThrow(/openclaw gateway install --force/);
  });
});
