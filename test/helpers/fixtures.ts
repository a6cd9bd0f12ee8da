// Fixture directories as machines: copy one into a temp dir, give its files the modes a real
// state dir has (git keeps no modes), and resolve the paths and options a doctor run needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { resolvePaths, type ResolvedPaths } from '../../src/config/paths.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export interface FixtureMeta {
  description: string;
  /** Check ids of the findings a full run reports (one entry per finding). */
  findings: string[];
  env?: Record<string, string>;
  /** Permission bits to give paths relative to state/ after the copy (default: dirs 700, files 600). */
  modes?: Record<string, string>;
  /** Confirm repairs are part of this fixture's fix (run --fix with --yes). */
  yes?: boolean;
  afterFix?: { config?: unknown };
}

export interface FixtureCopy {
  name: string;
  root: string;
  stateDir: string;
  factsDir: string;
  configPath: string;
  meta: FixtureMeta;
  env: NodeJS.ProcessEnv;
  paths: ResolvedPaths;
  cleanup(): void;
}

export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURES).filter((n) => fs.existsSync(path.join(FIXTURES, n, 'fixture.json'))).sort();
}

function secureModes(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) secureModes(p);
    else fs.chmodSync(p, 0o600);
  }
}

export function copyFixture(name: string): FixtureCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `doctor-fx-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  const stateDir = path.join(root, 'state');
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'fixture.json'), 'utf8')) as FixtureMeta;
  secureModes(stateDir);
  for (const [rel, mode] of Object.entries(meta.modes ?? {})) fs.chmodSync(path.join(stateDir, rel), Number.parseInt(mode, 8));
  // Not in a container unless the fixture says so: the machine running the tests may be one.
  const env: NodeJS.ProcessEnv = { OPENCLAW_STATE_DIR: stateDir, HOME: root, OPENCLAW_IN_CONTAINER: '0', ...(meta.env ?? {}) };
  return {
    name,
    root,
    stateDir,
    factsDir: path.join(root, 'facts'),
    configPath: path.join(stateDir, 'openclaw.json'),
    meta,
    env,
    paths: resolvePaths({ env }),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** The environment for spawning the built CLI against a fixture copy. */
export function cliEnv(fx: FixtureCopy): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1', ...fx.env, OPENCLAW_DOCTOR_FACTS: fx.factsDir, TMPDIR: fx.root };
  return env;
}

/** `fixture(name)` for a test file: copies are removed after each test. Call at the top level of the file. */
export function useFixtures(): (name: string) => FixtureCopy {
  const copies: FixtureCopy[] = [];
  afterEach(() => {
    for (const c of copies.splice(0)) c.cleanup();
  });
  return (name) => {
    const fx = copyFixture(name);
    copies.push(fx);
    return fx;
  };
}
