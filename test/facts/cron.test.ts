// One `cron` fact (the doctor's `cron` and `cronRuntime` were two readers of one store): the doctor
// reads the store the gateway's scheduler uses, so a relative `cron.store` is resolved against the
// state dir, and every cron check sees the same jobs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectOn } from '../helpers/collect-facts.js';
import { useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

describe('the cron fact', () => {
  it('reads a relative cron.store from the state dir, as the scheduler does', async () => {
    const fx = fixture('cron-disabled');
    fs.mkdirSync(path.join(fx.stateDir, 'custom'), { mode: 0o700 });
    fs.renameSync(path.join(fx.stateDir, 'cron', 'jobs.json'), path.join(fx.stateDir, 'custom', 'jobs.json'));
    const config = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
    config.cron.store = 'custom/jobs.json';
    fs.writeFileSync(fx.configPath, JSON.stringify(config), { mode: 0o600 });
    const facts = await collectOn(fx, ['cron']);
    expect(facts.cron).toMatchObject({ ok: true, value: { enabled: false, storePath: path.join(fx.stateDir, 'custom', 'jobs.json') } });
    expect(facts.cron?.ok && facts.cron.value.jobs.map((j) => [j.id, j.enabled])).toEqual([['daily-digest', true]]);
  });
});
