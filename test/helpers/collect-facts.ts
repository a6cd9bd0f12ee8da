// Collects named facts over a fixture copy as the doctor does, with a gateway that refuses (no network).
import { collectFacts, createContext } from '../../src/facts/collect.js';
import type { FactName, Facts } from '../../src/facts/types.js';
import type { FixtureCopy } from './fixtures.js';

const probeRefused = async (o: { url: string }) => ({ ok: false, url: o.url, durationMs: 1, connect: { ok: false, rpcOk: false, error: { kind: 'refused' as const, message: 'ECONNREFUSED' } }, warnings: [] });

export function collectOn(fx: FixtureCopy, names: FactName[]): Promise<Facts> {
  return collectFacts(createContext({ paths: fx.paths, env: fx.env, timeoutMs: 1000, probe: probeRefused }), names);
}
