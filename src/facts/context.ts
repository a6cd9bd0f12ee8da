// What every collector gets: where the machine's state is, how long it may take, and the edges
// injected from outside (the gateway prober, the log-signature scanner) so a fixture or a test can
// stand in for the machine.
import type { ProbeOptions, ProbeResult } from '../client/types.js';
import type { ResolvedPaths } from '../config/paths.js';
import type { ConfigFact } from './config.js';
import type { LogLine, SignatureMatch } from './logs.js';

export type Prober = (opts: ProbeOptions) => Promise<ProbeResult>;
export type LogScanner = (lines: LogLine[]) => SignatureMatch[] | Promise<SignatureMatch[]>;

export interface CollectOptions {
  paths: ResolvedPaths;
  env: NodeJS.ProcessEnv;
  /** Per-fact budget in ms. */
  timeoutMs: number;
  deep?: boolean;
  /**
   * A directory of recorded facts (`probe.json`, `ports.json`, `lock.json`, `system.json`, `disk.json`,
   * `memory.json`, `virt.json`, `cdp.json`): when set, live machine facts come from there, and a missing file means unavailable.
   */
  recordedDir?: string;
  /** Defaults to the gateway client (src/client/probe.ts), loaded on first use. */
  probe?: Prober;
  /** Defaults to the shipped signature catalog, loaded only when `logSignatures` is collected. */
  scanner?: LogScanner;
  /** The directory the gateway lock lives under (defaults to os.tmpdir()). */
  tmpdir?: string;
  /** Where upstream's shared log lives (defaults to /tmp/openclaw). */
  upstreamLogDir?: string;
  /** The gateway `doctor --remote` / `--targets` looks at from outside; only the `remote` checks run then. */
  remote?: import('../client/remote-probe.js').RemoteTarget;
  /** `doctor --since`: log lines before this time (ms since the epoch) are history. Default: src/facts/log-window.ts. */
  logsSince?: number;
  /** This toolkit's version, announced in the remote handshake. */
  clientVersion?: string;
}

/** The options plus a per-run memo, so the config is read once even though several collectors need it. */
export interface CollectContext extends CollectOptions {
  config(): ConfigFact;
  /** Shared results of collectors other collectors build on (the probe result for the ports lookup). */
  memo: Map<string, Promise<unknown>>;
}
