// One `browser` fact (the doctor had `browser` for the executable and `browserRuntime` for the
// plugin gate, config problems and profiles, two types named BrowserFact): one collector fills both.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectOn } from '../helpers/collect-facts.js';
import { useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();

describe('the browser fact', () => {
  it('holds the executable check beside the tool settings', async () => {
    const fx = fixture('healthy');
    const missing = path.join(fx.root, 'no-such-chromium');
    const config = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
    config.browser = { enabled: false, executablePath: missing };
    fs.writeFileSync(fx.configPath, JSON.stringify(config), { mode: 0o600 });
    const facts = await collectOn(fx, ['browser']);
    expect(facts.browser).toMatchObject({ ok: true, value: { enabled: false, profiles: [], configProblems: [expect.objectContaining({ code: 'executable-missing' })], executablePath: missing, executableExists: false } });
  });
});
