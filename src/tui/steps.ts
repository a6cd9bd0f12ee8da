// One ladder step = one fact collected through the doctor's collectors, summarised in a line.
// Log lines go through the signature catalog (scanLines) and arrive one by one via onMatch.
import type { Fact, FactMap, FactName } from '../facts/types.js';
import { t } from '../i18n/index.js';

export type StepStatus = 'ok' | 'warn' | 'fail';

export interface StepOutcome {
  status: StepStatus;
  summary: string;
}

export interface LogHit {
  cause: string;
  severity: string;
  text: string;
}

type Summarise<K extends FactName> = (v: FactMap[K]) => StepOutcome;

const ok = (summary: string): StepOutcome => ({ status: 'ok', summary });
const warn = (summary: string): StepOutcome => ({ status: 'warn', summary });
const fail = (summary: string): StepOutcome => ({ status: 'fail', summary });

const SUMMARIES: { [K in FactName]?: Summarise<K> } = {
  config: (c) => (c.error ? fail(t('tui.fact.config.error', { message: c.error.message })) : c.exists === false ? warn(t('tui.fact.config.missing', { path: c.path })) : ok(t('tui.fact.config.ok', { path: c.path }))),
  gateway: (g) => {
    // A gateway that is still starting answers; it only needs a few seconds.
    if (!g.ok && g.connect.error?.kind === 'unavailable') return warn(t('tui.fact.gateway.starting', { url: g.url, message: g.connect.error.message }));
    if (!g.ok) return fail(t('tui.fact.gateway.error', { url: g.url, kind: g.connect.error?.kind ?? 'error', message: g.connect.error?.message || null }));
    if (g.warnings.length) return warn(t('tui.fact.gateway.warnings', { url: g.url, count: g.warnings.length, first: g.warnings[0] }));
    return ok(t('tui.fact.gateway.ok', { url: g.url, ms: g.connect.latencyMs ?? null }));
  },
  ports: (p) => (p.listening ? ok(t('tui.fact.ports.listening', { port: p.port, pids: p.holders?.length ? p.holders.map((h) => h.pid).join(', ') : null })) : warn(t('tui.fact.ports.free', { port: p.port }))),
  lock: (l) =>
    l.state === 'stale'
      ? warn(l.reason ? t('tui.fact.lock.stale', { reason: l.reason }) : t('tui.fact.lock.stale-gone', { pid: l.lock.pid }))
      : l.state === 'held'
        ? ok(t('tui.fact.lock.held', { pid: l.lock.pid }))
        : l.state === 'absent'
          ? ok(t('tui.fact.lock.absent'))
          : warn(t('tui.fact.lock.unreadable', { reason: l.reason })),
  services: (s) => (s.installed ? ok(t('tui.fact.services.installed', { kind: s.kind, name: s.expected.name })) : warn(t('tui.fact.services.missing', { kind: s.kind, name: s.expected.name }))),
  system: (s) => ok(t('tui.fact.system', { node: s.nodeVersion, platform: s.platform, free: Math.round(s.memAvailableBytes / 2 ** 20) })),
  state: (s) => (s.exists ? ok(t('tui.fact.state.ok', { dir: s.stateDir })) : warn(t('tui.fact.state.missing', { dir: s.stateDir }))),
  logs: (l) => (l.files.length ? ok(t('tui.fact.logs.ok', { lines: l.lines.length, files: l.files.length })) : warn(t('tui.fact.logs.none'))),
  channels: (c) => (c.accounts.length ? ok(t('tui.fact.channels.ok', { count: c.accounts.length })) : warn(t('tui.fact.channels.none'))),
  models: (m) => ok(t('tui.fact.models', { count: m.providers.length })),
  nodes: (n) => (n.recentErrors.length ? warn(t('tui.fact.nodes.errors', { count: n.nodes.length, errors: n.recentErrors.length })) : ok(t('tui.fact.nodes.ok', { count: n.nodes.length }))),
  cron: (c) => (c.enabled ? ok(t('tui.fact.cron.on', { count: c.jobs.length })) : warn(t('tui.fact.cron.off', { count: c.jobs.length }))),
  heartbeat: (h) => (h.last ? ok(t('tui.fact.heartbeat.last', { last: JSON.stringify(h.last).slice(0, 60) })) : warn(t('tui.fact.heartbeat.none'))),
  browser: (b) => (b.enabled ? (b.configProblems.length ? warn(b.configProblems[0]!.message) : ok(t('tui.fact.browser.profiles', { count: b.profiles.length }))) : warn(t('tui.fact.browser.disabled'))),
  cdp: (c) => (!c.probed ? ok(t('tui.fact.cdp.none')) : c.httpOk ? ok(t('tui.fact.cdp.ok', { url: c.url })) : fail(t('tui.fact.cdp.error', { url: c.url, error: c.error ?? null }))),
  devices: (d) => (d.pending.length ? warn(t('tui.fact.devices.pending', { count: d.pending.length })) : ok(t('tui.fact.devices.none'))),
};

export function summariseFact<K extends FactName>(name: K, fact: Fact<FactMap[K]>): StepOutcome {
  if (!fact.ok) return warn(t('tui.fact.unknown', { reason: fact.reason }));
  const fn = SUMMARIES[name] as Summarise<K> | undefined;
  try {
    return fn ? fn(fact.value) : ok(t('tui.fact.collected'));
  } catch {
    return ok(t('tui.fact.collected'));
  }
}
