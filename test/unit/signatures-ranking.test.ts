// Specific beats generic (issue 15 item 4): every catalog example's own cause comes first, a
// catch-all never outranks a specific signature, and another subsystem's failure (a channel's 401,
// a provider's 429) never lands on a gateway or gateway-auth cause.
import { beforeAll, describe, expect, it } from 'vitest';
import { scanLinesWith } from '../../src/signatures/index.js';
import { catalogDir, loadCatalogFromYaml } from '../../src/signatures/load.js';
import { CompiledCatalog } from '../../src/signatures/matcher.js';
import type { Catalog } from '../../src/signatures/schema.js';
import { shapes } from '../helpers/log-shapes.js';

/** Areas whose causes say the gateway itself or its client auth is at fault. */
const GATEWAY_AREAS = new Set(['gateway', 'auth']);
/** The subsystems behind the gateway (the same split as the matcher's). */
const SUBSYSTEM_AREAS = new Set(['channels', 'models', 'browser', 'nodes', 'scheduler']);

let catalog: Catalog;
let compiled: CompiledCatalog;

beforeAll(async () => {
  catalog = await loadCatalogFromYaml(catalogDir());
  compiled = new CompiledCatalog(catalog);
});

const areaOf = (cause: string) => catalog.causes[cause].area;

describe('ranking', () => {
  it('every example puts its own cause first, in every log shape', () => {
    const failures: string[] = [];
    for (const s of catalog.signatures) {
      for (const example of s.examples.match) {
        for (const [shape, line] of Object.entries(shapes(example))) {
          const top = scanLinesWith(compiled, [line]).causes[0]?.cause;
          if (top !== s.cause) failures.push(`${s.id} [${shape}] → ${top}: ${example}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a catch-all never outranks a specific signature, whatever their severities', () => {
    const generic = catalog.signatures.filter((s) => s.generic);
    expect(generic.length).toBeGreaterThan(0);
    // A line with a catch-all's example and a specific example of any severity, in either order.
    const failures: string[] = [];
    for (const g of generic) {
      for (const s of catalog.signatures.filter((x) => !x.generic && x.cause !== g.cause)) {
        const lines = [g.examples.match[0], s.examples.match[0]];
        for (const order of [lines, [...lines].reverse()]) {
          const causes = scanLinesWith(compiled, order).causes.map((c) => c.cause);
          if (causes.indexOf(s.cause) > causes.indexOf(g.cause) && causes.includes(g.cause)) failures.push(`${g.id} above ${s.id}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("another subsystem's failure never lands on a gateway or auth cause", () => {
    const failures: string[] = [];
    for (const s of catalog.signatures.filter((x) => SUBSYSTEM_AREAS.has(areaOf(x.cause)))) {
      for (const example of s.examples.match) {
        const gateway = scanLinesWith(compiled, [example]).causes.filter((c) => GATEWAY_AREAS.has(areaOf(c.cause)));
        if (gateway.length) failures.push(`${s.id} → ${gateway.map((c) => c.cause).join(', ')}: ${example}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a Telegram 401 for a bad bot token is a channel credential, and a provider 429 a provider limit', () => {
    const top = (line: string) => scanLinesWith(compiled, [line]).causes.map((c) => c.cause);
    expect(top('Telegram bot token unauthorized for account "default" (getMe returned 401 from Telegram; source: config).')).toEqual(['channel-credentials-missing']);
    expect(top("GrammyError: Call to 'getMe' failed! (401: Unauthorized)")[0]).toBe('channel-credentials-missing');
    expect(top('HTTP 429: rate_limit_error: Number of requests has exceeded your rate limit')).toEqual(['provider-rate-limited']);
    expect(top("GrammyError: Call to 'sendMessage' failed! (429: Too Many Requests: retry after 35)")).toEqual(['channel-rate-limited']);
  });
});
