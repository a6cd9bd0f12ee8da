// logs/known-signatures leaves out what this doctor's own probes made a gateway log: a refused
// probe is logged like any client, in the two forms a real OpenClaw 2026.9.6 writes, and the live
// probe of the run already says how things are now. Other clients' failures stay findings.
import { describe, expect, it } from 'vitest';
import knownSignatures from '../../checks/logs/known-signatures.js';
import { VERSION } from '../../src/version.js';
import type { ProbeResult } from '../../src/client/types.js';
import { parseLogLine, type LogLine } from '../../src/facts/logs.js';
import type { Facts } from '../../src/facts/types.js';
import { scanWithCatalog } from '../../src/facts/log-signatures.js';
import { loadMatcher } from '../../src/signatures/index.js';

const json = (parts: unknown[]) => JSON.stringify({ ...Object.fromEntries(parts.map((p, i) => [String(i), p])), _meta: { logLevelName: 'WARN', date: '2026-12-06T01:52:33.014Z' } });
const healthy: ProbeResult = { ok: true, url: 'ws://127.0.0.1:18789', durationMs: 9, connect: { ok: true, rpcOk: true }, warnings: [] };

async function run(texts: string[]) {
  const lines: LogLine[] = texts.map((t, i) => parseLogLine('/tmp/openclaw/openclaw-2026-12-06.log', t, i + 1));
  const matches = await scanWithCatalog(await loadMatcher(), lines);
  const facts: Facts = { logSignatures: { ok: true, value: { matches } }, gateway: { ok: true, value: healthy } };
  return knownSignatures.detect(facts);
}

const refused = (client: string, mode: string, version: string) => [
  json(['{"subsystem":"gateway/ws"}', `unauthorized conn=f920 peer=127.0.0.1:52326->127.0.0.1:18790 remote=127.0.0.1 client=${client} ${mode} v${version} role=operator scopes=5 auth=token device=yes reason=token_mismatch guidance=unauthorized: gateway token mismatch (provide gateway auth token)`]),
  json(['{"subsystem":"gateway/ws"}', { cause: 'unauthorized', handshake: 'failed', authReason: 'token_mismatch', client, mode, version, platform: 'linux' }]),
];

describe("this doctor's own probes in a gateway's log", () => {
  it('are left out: the live probe speaks for now', async () => {
    expect(await run(refused('cli', 'probe', VERSION))).toEqual([]);
  });

  it("another client's refused connects (the real CLI, the Control UI) become one warning naming those clients, since the probe gets in", async () => {
    const found = await run([...refused('cli', 'probe', VERSION), ...refused('cli', 'probe', '2026.9.6'), ...refused('openclaw-control-ui', 'webchat', VERSION)]);
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        cause: 'token-mismatch',
        // Two lines each from the other two clients; the own probe's two are not counted.
        details: expect.objectContaining({ count: '4', clients: `cli probe v2026.9.6 from 127.0.0.1; openclaw-control-ui webchat v${VERSION} from 127.0.0.1` }),
      }),
    ]);
    expect(found[0].evidence?.[0]?.value).not.toContain(`cli probe v${VERSION} `);
  });

  it('with a probe that fails too, they stay errors', async () => {
    const refusedProbe: ProbeResult = { ...healthy, ok: false, connect: { ok: false, rpcOk: false, error: { kind: 'auth', message: 'token mismatch', code: 'AUTH_TOKEN_MISMATCH' } } };
    const lines = refused('openclaw-control-ui', 'webchat', VERSION).map((t, i) => parseLogLine('/tmp/openclaw/openclaw-2026-12-06.log', t, i + 1));
    const matches = await scanWithCatalog(await loadMatcher(), lines);
    const found = knownSignatures.detect({ logSignatures: { ok: true, value: { matches } }, gateway: { ok: true, value: refusedProbe } });
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('(auth.gateway-token-mismatch, 1 line'), expect.stringContaining('(auth.unauthorized, 1 line')]);
    expect(found.map((f) => f.severity)).toEqual(['error', 'error']);
  });
});
