// Issue 13 item 3: 50 real `openclaw config set` processes of distinct keys, started at once, all
// succeed and every key survives; no temp or lock file is left behind.
import { execa } from 'execa';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, cliPath, tempDir } from '../helpers/cli.js';

const WRITERS = 50;
const state = tempDir('oc-concurrent-');
afterAll(() => fs.rmSync(state, { recursive: true, force: true }));

describe('parallel config writers', () => {
  it(`${WRITERS} parallel \`config set\` processes keep all ${WRITERS} keys and none fails`, async () => {
    const env = cleanEnv({ OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_LOCK_TIMEOUT_MS: '60000' });
    fs.writeFileSync(path.join(state, 'openclaw.json'), '{"gateway":{"mode":"local"}}\n');
    const runs = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        execa(process.execPath, [cliPath, 'config', 'set', `notes.k${i}`, `v${i}`], { env, extendEnv: false, reject: false, timeout: 110_000 }),
      ),
    );
    const failures = runs.filter((r) => r.exitCode !== 0).map((r) => r.stderr);
    expect(failures).toEqual([]);
    const config = JSON.parse(fs.readFileSync(path.join(state, 'openclaw.json'), 'utf8'));
    expect(Object.keys(config.notes).length).toBe(WRITERS);
    for (let i = 0; i < WRITERS; i++) expect(config.notes[`k${i}`]).toBe(`v${i}`);
    expect(config.gateway.mode).toBe('local');
    expect(fs.readdirSync(state).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  }, 120_000);
});
