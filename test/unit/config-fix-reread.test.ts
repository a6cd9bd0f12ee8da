// doctor --fix re-reads the config under the write lock: an edit made after the facts were collected
// (another `config set`, the gateway) is kept, and the repair applies on top of it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import modeUnset from '../../checks/gateway/mode-unset.js';
import { defineCheck } from '../../src/engine/check.js';
import { runDoctor } from '../../src/engine/doctor.js';
import { useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

describe('doctor --fix and a concurrent writer', () => {
  it('keeps a key written between fact collection and the fix', async () => {
    const fx = fixture('mode-unset');
    let wrote = false;
    // Runs after the facts are collected and before the executor: what a concurrent writer looks like.
    const interloper = defineCheck({
      meta: { id: 'test/interloper', title: 'edits the config mid-run', area: 'test', severity: 'info', facts: ['config'], fix: 'none' },
      detect: () => {
        if (!wrote) {
          const cfg = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
          fs.writeFileSync(fx.configPath, JSON.stringify({ ...cfg, notes: { concurrent: 'kept' } }));
          wrote = true;
        }
        return [];
      },
    });
    const r = await runDoctor({ paths: fx.paths, env: fx.env, recordedDir: fx.factsDir, tmpdir: fx.root, timeoutMs: 1000, checks: [interloper, modeUnset], fix: true });
    expect(r.report.fixes?.map((f) => [f.checkId, f.status])).toEqual([['gateway/mode-unset', 'applied']]);
    const cfg = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
    expect(cfg.gateway.mode).toBe('local');
    expect(cfg.notes).toEqual({ concurrent: 'kept' });
  });
});
