// A Control UI served beyond loopback with no allowed origins: browsers get "origin not allowed".
// Fix: seed gateway.controlUi.allowedOrigins with the origins this config implies.
import { configEvidence, exposure, get, parsedConfig } from '../../src/engine/check-helpers.js';
import { defineCheck, say } from '../../src/engine/check.js';

function seedOrigins(cfg: Record<string, any>, port: number, host: string | undefined): string[] {
  const out = new Set<string>();
  const publicOrigin = get(cfg, 'gateway.publicOrigin');
  if (typeof publicOrigin === 'string' && publicOrigin) out.add(publicOrigin.replace(/\/+$/, ''));
  if (host && host !== '0.0.0.0' && host !== '::') out.add(`http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  out.add(`http://localhost:${port}`);
  out.add(`http://127.0.0.1:${port}`);
  return [...out];
}

export default defineCheck({
  meta: {
    id: 'gateway/allowed-origins-missing',
    area: 'gateway',
    severity: 'warning',
    facts: ['config'],
    fix: 'safe',
    docs: 'seeds: Gateway troubleshooting › Dashboard control ui connectivity',
  },
  detect(facts) {
    const p = parsedConfig(facts);
    if (!p) return [];
    const x = exposure(p.config);
    const ui = p.cfg.gateway?.controlUi ?? {};
    if (!x.exposed || ui.enabled === false) return [];
    if (Array.isArray(ui.allowedOrigins) && ui.allowedOrigins.length > 0) return [];
    const port = typeof p.config.effective.port?.value === 'number' ? (p.config.effective.port.value as number) : p.config.defaultPort;
    return [
      {
        checkId: 'gateway/allowed-origins-missing',
        severity: 'warning',
        ...say('gateway/allowed-origins-missing.gateway-listens-beyond'),
        path: 'gateway.controlUi.allowedOrigins',
        cause: 'origin-not-allowed',
        evidence: [configEvidence('gateway.bind', x.raw), configEvidence('gateway.controlUi.allowedOrigins', ui.allowedOrigins)],
        data: { origins: seedOrigins(p.cfg, port, x.host) },
      },
    ];
  },
  repair: (finding) => [{ op: 'config.set', path: 'gateway.controlUi.allowedOrigins', value: finding.data?.origins }],
});
