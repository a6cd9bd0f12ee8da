// `doctor --remote` and `doctor --targets`: the remote/* checks against one gateway, or against
// many through a bounded pool. Each target is an ordinary doctor run whose only fact is the remote
// probe, so its report has the usual shape; the fleet report lists them with their labels and is
// ok only when every target is.
import { loadOrCreateIdentity } from '../client/identity.js';
import { displayUrl, type RemoteTarget } from '../client/remote-probe.js';
import type { ResolvedPaths } from '../config/paths.js';
import type { Check, Severity } from './check.js';
import { runDoctor, type DoctorRun } from './doctor.js';
import type { DoctorReport } from './report.js';
import { selectChecks } from './runner.js';
import type { FleetTarget } from './targets.js';

export interface RemoteRunOptions {
  checks: Check[];
  paths: ResolvedPaths;
  env: NodeJS.ProcessEnv;
  /** Budget for one target's probe (both handshakes and the health call). */
  timeoutMs: number;
  only?: string[];
  skip?: string[];
  severityMin?: Severity;
  clientVersion?: string;
}

export type TargetReport = Omit<DoctorReport, 'configPath'> & { name: string; url: string; labels: Record<string, string> };

export interface FleetReport {
  schemaVersion: 1;
  ok: boolean;
  targetsTotal: number;
  targetsOk: number;
  concurrency: number;
  durationMs: number;
  targets: TargetReport[];
}

export const DEFAULT_CONCURRENCY = 8;

/** The remote checks these options select; throws SelectionError for an --only/--skip that names none. */
export function remoteChecks(opts: Pick<RemoteRunOptions, 'checks' | 'only' | 'skip'>): Check[] {
  return selectChecks(
    opts.checks.filter((c) => c.meta.area === 'remote'),
    opts.only,
    opts.skip,
  ).selected;
}

export function runRemoteDoctor(target: RemoteTarget, opts: RemoteRunOptions): Promise<DoctorRun> {
  return runDoctor({ ...opts, remote: target });
}

export async function runFleet(targets: FleetTarget[], opts: RemoteRunOptions & { concurrency?: number }): Promise<{ report: FleetReport; selected: Check[] }> {
  const started = performance.now();
  const selected = remoteChecks(opts);
  warmIdentity(opts.paths.stateDir.value);
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, targets.length));
  const reports = await pool(targets, concurrency, async (t): Promise<TargetReport> => {
    const { report } = await runDoctor({ ...opts, checks: selected, only: [], skip: [], remote: t });
    const { configPath: _local, ...rest } = report;
    return { name: t.name, url: displayUrl(t.url), labels: t.labels, ...rest };
  });
  const targetsOk = reports.filter((r) => r.ok).length;
  return {
    selected,
    report: { schemaVersion: 1, ok: targetsOk === reports.length, targetsTotal: reports.length, targetsOk, concurrency, durationMs: Math.round(performance.now() - started), targets: reports },
  };
}

/** Creates this machine's device identity once, before the pool, so parallel probes do not race to. */
function warmIdentity(stateDir: string): void {
  try {
    loadOrCreateIdentity(stateDir);
  } catch {
    /* not writable here: each probe then goes on with the shared secret alone */
  }
}

/** Runs work over items with at most `size` at a time; results keep the items' order. */
async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return out;
}
