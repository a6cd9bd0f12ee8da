// The contract every check module in checks/ follows (modelled on ESLint rules): self-describing
// metadata, a pure detect() over facts, and an optional repair() that returns operations as data.
import type { FactName, Facts } from '../facts/types.js';
import type { Operation } from './operations.js';
import { en, hasMessage, type Params } from '../i18n/index.js';

export type Severity = 'info' | 'warning' | 'error';
/** none: explain only · safe: --fix applies it · confirm: needs --yes or an interactive yes. */
export type FixKind = 'none' | 'safe' | 'confirm';

export interface CheckMeta {
  /** Stable id, `area/name`: CI users pin it in --only/--skip. Never rename. */
  id: string;
  /** English, from the catalog's `<id>.title` (defineCheck fills it in). */
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
  /** English, always: `en(messageId, params)`. Reporters show it in the active locale with t(). */
  message: string;
  /** The message's catalog id (locales/en.json) and parameters: what --json, SARIF and JUnit carry. */
  messageId?: string;
  params?: Params;
  /** The fix hint's catalog id; it takes the same params. */
  fixHintId?: string;
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

/** A check as written: its title comes from the catalog (a test's ad-hoc check may give its own). */
export type CheckDefinition = Omit<Check, 'meta'> & { meta: Omit<CheckMeta, 'title'> & { title?: string } };

export function defineCheck(check: CheckDefinition): Check {
  return { ...check, meta: { ...check.meta, title: check.meta.title ?? en(`${check.meta.id}.title`) } };
}

/** A finding's words: what say() returns. */
export type Said = Pick<Finding, 'message' | 'messageId' | 'params' | 'fixHint' | 'fixHintId'>;

/** What a finding says, by catalog id: the message and the fix hint (`<id>.fix`, or `fix` when given; null for none). */
export function say(id: string, params: Params = {}, fix?: string | null): Said {
  const fixHintId = fix === undefined ? (hasMessage(`${id}.fix`) ? `${id}.fix` : undefined) : (fix ?? undefined);
  return { message: en(id, params), messageId: id, params, ...(fixHintId ? { fixHint: en(fixHintId, params), fixHintId } : {}) };
}
