// `npm start`: the main job on a scratch state dir, so a newcomer sees the toolkit work without
// touching their own ~/.openclaw. Builds first when dist/ is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/src/cli/main.js');
if (!fs.existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const stateDir = process.env.OPENCLAW_STATE_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-demo-'));
const env = { ...process.env, OPENCLAW_STATE_DIR: stateDir };
delete env.OPENCLAW_CONFIG_PATH;
const configPath = path.join(stateDir, 'openclaw.json');
if (!fs.existsSync(configPath)) {
  // A real-looking config with the most common start blocker: gateway.mode is missing.
  fs.writeFileSync(
    configPath,
    `{\n  // written by npm start\n  gateway: { port: 18789, bind: "loopback", auth: { mode: "token" } },\n  agents: { defaults: { workspace: "${path.join(stateDir, 'workspace')}" } },\n}\n`,
    { mode: 0o600 },
  );
}

let failed = 0;
function step(title, args) {
  console.log(`\n$ openclaw ${args.join(' ')}    # ${title}`);
  const r = spawnSync(process.execPath, [cli, ...args], { env, stdio: 'inherit' });
  return r.status ?? 1;
}

console.log(`Scratch state dir: ${stateDir}`);
step('where the config is', ['config', 'file']);
step('validate it as it is', ['config', 'validate']);
if (step('the fix for "gateway start blocked": set gateway.mode', ['config', 'set', 'gateway.mode', 'local']) !== 0) failed++;
if (step('validate again', ['config', 'validate']) !== 0) failed++;
step('read a value back', ['config', 'get', 'gateway']);
process.exitCode = failed ? 1 : 0;
