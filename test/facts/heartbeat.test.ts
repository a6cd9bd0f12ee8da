// One `heartbeat` fact (the doctor had `heartbeat` for HEARTBEAT.md's text and `heartbeatRuntime` for
// the settings, the file's shape and the last beat, each with its own type): one read gives all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectOn } from '../helpers/collect-facts.js';
import { useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

describe('the heartbeat fact', () => {
  it('holds the workspace HEARTBEAT.md text and shape, the settings and the last beat', async () => {
    const fx = fixture('healthy');
    const config = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
    config.agents = { defaults: { workspace: 'ws', heartbeat: { every: '30m' } } };
    fs.writeFileSync(fx.configPath, JSON.stringify(config), { mode: 0o600 });
    const text = '# Heartbeat\n\nCheck the inbox and answer anything urgent.\n';
    fs.mkdirSync(path.join(fx.stateDir, 'ws'), { mode: 0o700 });
    fs.writeFileSync(path.join(fx.stateDir, 'ws', 'HEARTBEAT.md'), text, { mode: 0o600 });
    const facts = await collectOn(fx, ['heartbeat']);
    expect(facts.heartbeat).toMatchObject({
      ok: true,
      value: { heartbeatFile: { path: path.join(fx.stateDir, 'ws', 'HEARTBEAT.md'), exists: true, content: text, empty: false }, last: null },
    });
    expect(Object.keys(facts)).toEqual(['heartbeat']);
  });
});
