// Catalog self-test: every entry is well-formed, every example behaves as written in every shape a
// real log has, and no regex can backtrack catastrophically.
import safeRegex from 'safe-regex2';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeLine } from '../../src/logs/decode.js';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import { scanLinesWith } from '../../src/signatures/index.js';
import type { Catalog } from '../../src/signatures/schema.js';
import { shapes } from '../helpers/log-shapes.js';

const ISSUE_CAUSES = `mode-unset bind-without-auth port-conflict stale-lock gateway-unreachable restart-health-timeout oom
node-version-unsupported protocol-mismatch docker-networking proxy-env token-mismatch device-token-stale pairing-required
origin-not-allowed device-identity-required device-signature-invalid auth-rate-limited config-invalid config-clobbered
config-newer-version legacy-config-key service-drift extra-gateway-services systemd-unavailable mention-gating
dm-policy-blocked channel-permission channel-conflict cron-disabled cron-not-firing heartbeat-skipped
browser-plugin-excluded browser-executable-missing browser-launch-failed cdp-url-invalid cdp-unreachable browser-no-tabs
playwright-missing node-background node-permission node-command-unsupported exec-approval context1m-429
string-content-compat provider-auth-missing unknown-model context-window-too-small`.split(/\s+/);

let catalog: Catalog;
let compiled: CompiledCatalog;

beforeAll(async () => {
  catalog = await loadCatalogFromYaml(catalogDir());
  compiled = new CompiledCatalog(catalog);
});

describe('signature catalog', () => {
  it('loads with unique ids and only known causes', () => {
    const ids = catalog.signatures.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of catalog.signatures) expect(catalog.causes[s.cause], `${s.id} → ${s.cause}`).toBeDefined();
  });

  it('describes every cause id listed in the issue, each used by at least one signature or combination', () => {
    for (const id of ISSUE_CAUSES) expect(catalog.causes[id], id).toBeDefined();
    const used = new Set([...catalog.signatures, ...catalog.combinations].map((s) => s.cause));
    for (const id of Object.keys(catalog.causes)) expect(used.has(id), `cause ${id} has no signature`).toBe(true);
  });

  it('has no regex with catastrophic backtracking', () => {
    for (const s of catalog.signatures) {
      if (s.match.regex) expect(safeRegex(s.match.regex), s.id).toBe(true);
    }
  });

  it('names evidence groups in every regex and captures them on some example', () => {
    for (const s of catalog.signatures.filter((x) => x.match.regex)) {
      expect(s.match.regex, s.id).toMatch(/\(\?<\w+>/);
      const captured = s.examples.match.some((ex) => {
        const hit = compiled.match(decodeLine(ex).text, true).find((h) => h.signature === s.id);
        return hit && Object.keys(hit.evidence).length > 0;
      });
      expect(captured, `${s.id}: no example yields evidence`).toBe(true);
    }
  });

  it('gives each entry a fix and examples in more than one shape overall', () => {
    const jsonExamples = catalog.signatures.flatMap((s) => s.examples.match).filter((e) => e.startsWith('{'));
    const journald = catalog.signatures.flatMap((s) => s.examples.match).filter((e) => /^[A-Z][a-z]{2} \d+ [\d:]+ \S+ \S+\[\d+\]: /.test(e));
    const docker = catalog.signatures.flatMap((s) => s.examples.match).filter((e) => /^\S+\s+\| |^\d{4}-\d\d-\d\dT\S+Z /.test(e));
    expect(jsonExamples.length).toBeGreaterThan(20);
    expect(journald.length).toBeGreaterThan(5);
    expect(docker.length).toBeGreaterThan(3);
  });
});

describe('catalog examples', () => {
  it('every examples.match line matches its signature, in every log shape', () => {
    const failures: string[] = [];
    for (const s of catalog.signatures) {
      for (const example of s.examples.match) {
        for (const [shape, line] of Object.entries(shapes(example))) {
          const hits = compiled.match(decodeLine(line).text, true);
          if (!hits.some((h) => h.signature === s.id)) failures.push(`${s.id} [${shape}]: ${line}`);
          const report = scanLinesWith(compiled, [line]);
          if (!report.causes.some((c) => c.cause === s.cause)) failures.push(`${s.id} [${shape}] cause ${s.cause} not reported: ${line}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('every example is found inside a pasted block: prompts, Korean and Chinese notes, a stack trace', () => {
    const failures: string[] = [];
    for (const s of catalog.signatures) {
      for (const example of s.examples.match) {
        const block = ['user@vps:~$ openclaw gateway', '게이트웨이를 시작하는 중입니다... (오류가 납니다)', '网关启动失败，日志如下：', example, '    at Server.setupListenHandle [as _listen2] (node:net:1817:16)', 'user@vps:~$'];
        const report = scanLinesWith(compiled, block);
        if (!report.causes.some((c) => c.cause === s.cause)) failures.push(`${s.id}: ${example}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('no examples.noMatch line matches its signature', () => {
    const failures: string[] = [];
    for (const s of catalog.signatures) {
      for (const example of s.examples.noMatch) {
        for (const [shape, line] of Object.entries(shapes(example))) {
          if (compiled.match(decodeLine(line).text, true).some((h) => h.signature === s.id)) failures.push(`${s.id} [${shape}]: ${line}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
