// `openclaw models status --probe` against a real strict local backend (127.0.0.1:0) that rejects
// array content with the upstream error; after setting compat.requiresStringContent the probe works.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStrictBackend, type StrictBackend } from '../../src/subsystems/models/strict-backend.js';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';

let backend: StrictBackend | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await backend?.close();
  backend = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('openclaw models status', () => {
  it('finds the string-content failure, then passes once compat.requiresStringContent is set', async () => {
    backend = await startStrictBackend({ models: ['qwen2.5-7b'] });
    const stateDir = tempDir('oc-models-e2e-');
    dirs.push(stateDir);
    const config = { models: { providers: { lmstudio: { baseUrl: backend.url, api: 'openai-completions', models: [{ id: 'qwen2.5-7b', contextWindow: 32768 }, { id: 'missing-model' }] } } } };
    fs.writeFileSync(path.join(stateDir, 'openclaw.json'), JSON.stringify(config));
    const env = cleanEnv({ OPENCLAW_STATE_DIR: stateDir });

    const bad = await runCli(['models', 'status', '--probe', '--json'], { env });
    expect(bad.code).toBe(1);
    const r = JSON.parse(bad.stdout);
    const p = r.providers[0];
    expect(p).toMatchObject({ id: 'lmstudio', local: true, key: 'not-needed', reachable: true, unknownModels: ['missing-model'] });
    expect(p.models[0].probe).toMatchObject({ ok: false, status: 400, stringContent: true });
    expect(p.models[0].probe.error).toContain('messages[0].content: invalid type: sequence, expected a string');

    const human = await runCli(['models', 'status', '--probe'], { env });
    expect(human.stdout).toContain('→ set compat.requiresStringContent: true');
    expect(human.stdout).toContain('missing-model (not served by the backend)');

    const set = await runCli(['config', 'set', 'models.providers.lmstudio.models[0].compat.requiresStringContent', 'true'], { env });
    expect(set.code).toBe(0);
    const good = JSON.parse((await runCli(['models', 'status', '--probe', '--json'], { env })).stdout);
    expect(good.providers[0].models[0].probe).toMatchObject({ ok: true });
  });
});
