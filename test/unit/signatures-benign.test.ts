// A healthy gateway's log must not light up: lines that mention the same words as failures
// (auth, tokens, proxies, containers, mentions, pairing) without failing.
import { beforeAll, expect, it } from 'vitest';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import { scanLinesWith } from '../../src/signatures/index.js';

const HEALTHY = [
  '[gateway] listening on ws://127.0.0.1:18789 (auth: token, bind: loopback)',
  'gateway ready in 1840ms',
  'Runtime: running (pid 4242)',
  'RPC probe: ok',
  'Config (cli): /home/ana/.openclaw/openclaw.json',
  'ws connected conn=4f2a client=openclaw-control-ui mode=ui role=operator',
  'hello-ok protocol=4 conn=4f2a scopes=operator.admin',
  'device paired: 3f9a0c4e5b6d7e8f (role operator)',
  'device token issued for 3f9a0c4e5b6d7e8f',
  'auth ok (token) from 127.0.0.1',
  'env: HTTPS_PROXY=http://proxy.corp:3128 NO_PROXY=localhost,127.0.0.1',
  'running inside a container, connecting to ws://host.docker.internal:18789',
  'discord: guild 1190233 requireMention=true mentionPatterns=2',
  'discord: message 1 in guild 1190233 routed (mentioned)',
  'telegram: getUpdates ok (3 updates)',
  'cron: scheduler started (3 jobs, next wake 02:30)',
  'heartbeat sent to telegram:55120 in 420ms',
  'config reloaded (hot): cron, hooks',
  'gateway.auth.token is a SecretRef (env OPENCLAW_GATEWAY_TOKEN)',
  'models: catalog refreshed (212 models, 840ms)',
  'browser: Chrome CDP listening on port 18800 for profile "openclaw"',
  'node ana-iphone online (foreground), 14 commands',
  'system.run approved: /usr/bin/git status',
  JSON.stringify({ '0': '{"subsystem":"gateway"}', '1': 'agent run 7f3a ok in 2200ms', _meta: { logLevelName: 'INFO' } }),
  'Nov 22 02:18:55 box systemd[811]: Started openclaw-gateway.service - OpenClaw Gateway.',
];

let compiled: CompiledCatalog;
beforeAll(async () => {
  compiled = new CompiledCatalog(await loadCatalogFromYaml(catalogDir()));
});

it('finds nothing in a healthy gateway log', () => {
  const report = scanLinesWith(compiled, HEALTHY);
  expect(report.matches.map((m) => `${m.signature}: ${m.text}`)).toEqual([]);
  expect(report.unrecognized).toEqual([]);
});
