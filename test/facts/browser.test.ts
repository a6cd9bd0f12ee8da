// One `browser` fact (the doctor had `browser` for the executable and `browserRuntime` for the
// plugin gate, config problems and profiles, two types named BrowserFact): one collector fills both.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext, collectFacts } from '../../src/facts/collect.js';
import { useFixtures } from '../helpers/fixtures.js';

const fixture = useFixtures();
const refused = async () => ({ ok: false, url: 'ws://127.0.0.1:1', durationMs: 0, connect: { ok: false, error: { kind: 'refused', message: 'refused' } }, warnings: [] }) as never;

describe('the browser fact', () => {
  it('holds the executable check beside the tool settings', async () => {
    const fx = fixture('healthy');
    const missing = path.join(fx.root, 'no-such-chromium');
    const config = JSON.parse(fs.readFileSync(fx.configPath, 'utf8'));
    config.browser = { enabled: false, executablePath: missing };
    fs.writeFileSync(fx.configPath, JSON.stringify(config), { mode: 0o600 });
    const facts = await collectFacts(createContext({ paths: fx.paths, env: fx.env, timeoutMs: 1000, probe: refused }), ['browser']);
    expect(facts.browser).toMatchObject({ ok: true, value: { enabled: false, profiles: [], configProblems: [expect.objectContaining({ code: 'executable-missing' })], executablePath: missing, executableExists: false } });
  });
});
