// One ladder step = one fact collected through the doctor's collectors, summarised in a line.
// Log lines go through the signature catalog (scanLines) and arrive one by one via onMatch.
import type { Fact, FactMap, FactName } from '../facts/types.js';

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
  config: (c) => (c.error ? fail(`config does not load: ${c.error.message}`) : c.exists === false ? warn(`no config at ${c.path}`) : ok(`${c.path} loads`)),
  gateway: (g) => {
    // A gateway that is still starting answers; it only needs a few seconds.
    if (!g.ok && g.connect.error?.kind === 'unavailable') return warn(`gateway at ${g.url} is still starting: ${g.connect.error.message}`);
    if (!g.ok) return fail(`gateway at ${g.url}: ${g.connect.error?.kind ?? 'error'}${g.connect.error?.message ? ` — ${g.connect.error.message}` : ''}`);
    if (g.warnings.length) return warn(`gateway answers at ${g.url}; ${g.warnings.length} warning(s): ${g.warnings[0]}`);
    return ok(`gateway answers at ${g.url}${g.connect.latencyMs !== undefined ? ` (${g.connect.latencyMs} ms)` : ''}`);
  },
  ports: (p) => (p.listening ? ok(`port ${p.port} is listening${p.holders?.length ? ` (pid ${p.holders.map((h) => h.pid).join(', ')})` : ''}`) : warn(`nothing listens on port ${p.port}`)),
  lock: (l) => (l.state === 'stale' ? warn(`stale lock: ${l.reason ?? `pid ${l.lock.pid} is gone`}`) : l.state === 'held' ? ok(`lock held by pid ${l.lock.pid}`) : l.state === 'absent' ? ok('no gateway lock') : warn(`lock unreadable: ${l.reason}`)),
  services: (s) => (s.installed ? ok(`${s.kind} service ${s.expected.name} is installed`) : warn(`no ${s.kind} service installed (${s.expected.name})`)),
  system: (s) => ok(`node ${s.nodeVersion} on ${s.platform}, ${Math.round(s.memAvailableBytes / 2 ** 20)} MiB free`),
  state: (s) => (s.exists ? ok(`state dir ${s.stateDir}`) : warn(`state dir ${s.stateDir} does not exist`)),
  logs: (l) => (l.files.length ? ok(`${l.lines.length} recent lines from ${l.files.length} log file(s)`) : warn('no log files found')),
  channels: (c) => (c.accounts.length ? ok(`${c.accounts.length} channel account(s) configured`) : warn('no channel accounts configured')),
  models: (m) => ok(`${m.providers.length} model provider(s) configured`),
  nodes: (n) => (n.recentErrors.length ? warn(`${n.nodes.length} node(s), ${n.recentErrors.length} recent error(s)`) : ok(`${n.nodes.length} node(s), no recent errors`)),
  cron: (c) => (c.enabled ? ok(`scheduler on, ${c.jobs.length} job(s)`) : warn(`scheduler disabled, ${c.jobs.length} job(s)`)),
  heartbeat: (h) => (h.last ? ok(`last heartbeat: ${JSON.stringify(h.last).slice(0, 60)}`) : warn('no heartbeat recorded yet')),
  browser: (b) => (b.enabled ? (b.configProblems.length ? warn(b.configProblems[0]!.message) : ok(`${b.profiles.length} browser profile(s)`)) : warn('browser tool disabled')),
  cdp: (c) => (!c.probed ? ok('no CDP URL configured') : c.httpOk ? ok(`CDP answers at ${c.url}`) : fail(`CDP at ${c.url}: ${c.error ?? 'no answer'}`)),
  devices: (d) => (d.pending.length ? warn(`${d.pending.length} device(s) waiting for approval`) : ok('no pending device requests')),
};

export function summariseFact<K extends FactName>(name: K, fact: Fact<FactMap[K]>): StepOutcome {
  if (!fact.ok) return warn(`could not tell: ${fact.reason}`);
  const fn = SUMMARIES[name] as Summarise<K> | undefined;
  try {
    return fn ? fn(fact.value) : ok('collected');
  } catch {
    return ok('collected');
  }
}
