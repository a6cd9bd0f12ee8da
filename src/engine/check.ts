// The contract every check module in checks/ follows (modelled on ESLint rules): self-describing
// metadata, a pure detect() over facts, and an optional repair() that returns operations as data.
import type { FactName, Facts } from '../facts/types.js';
import type { Operation } from './operations.js';

export type Severity = 'info' | 'warning' | 'error';
/** none: explain only · safe: --fix applies it · confirm: needs --yes or an interactive yes. */
export type FixKind = 'none' | 'safe' | 'confirm';

export interface CheckMeta {
  /** Stable id, `area/name`: CI users pin it in --only/--skip. Never rename. */
  id: string;
  title: string;
  area: string;
  severity: Severity;
  /** The facts detect() reads; the runner collects only these. */
  facts: FactName[];
  fix: FixKind;
  /** Where the seeds/reference document this, e.g. 'seeds: Gateway troubleshooting › bind and auth'. */
  docs?: string;
}

export interface Evidence {
  /** What kind of source: a config value, a log line, a file, a process, a probe result. */
  kind: 'config' | 'log' | 'file' | 'process' | 'probe' | 'service' | 'env' | 'system';
  /** Where: a dotted config path, a file:line, a pid, a URL. */
  source: string;
  /** The observed value or line (already redacted). */
  value?: string;
}

export interface Finding {
  checkId: string;
  severity: Severity;
  message: string;
  /** The dotted config path the finding is about, when there is one. */
  path?: string;
  /** A command or a sentence that tells the user what to do. */
  fixHint?: string;
  /** One of the cause ids in signatures/causes (shared with the log catalog). */
  cause?: string;
  evidence?: Evidence[];
  /** Machine-readable detail shown in --json (the gateway's details.code, a pairing requestId). */
  details?: Record<string, string>;
  /** Data repair() needs (kept out of the message). */
  data?: Record<string, unknown>;
}

export interface Check {
  meta: CheckMeta;
  detect(facts: Facts): Finding[];
  repair?(finding: Finding, facts: Facts): Operation[];
}

export function defineCheck(check: Check): Check {
  return check;
}
