// The doctor's log scanner: recent log lines (the `logs` fact) matched against the signature
// catalog. The catalog (and its precompiled automaton) is read only when a run selects
// `logs/known-signatures`.
import { loadMatcher, scanLinesWith } from '../signatures/index.js';
import type { CompiledCatalog } from '../signatures/matcher.js';
import { detailRef } from '../signatures/detail.js';
import { lineTime } from '../logs/decode.js';
import type { LogWindow } from './log-window.js';
import type { LogLine, LogsFact, SignatureMatch, SkippedLog } from './logs.js';

export interface LogSignaturesFact {
  matches: SignatureMatch[];
  /** Log paths that were not regular files and were not read (so the report can say so). */
  skipped?: SkippedLog[];
  /** Matches stamped before `window.since` are history. */
  window?: LogWindow;
}

/** Dates each match: the line's own time, else (a plain line without a stamp) its file's last write as an upper bound. */
export function dateMatches(matches: SignatureMatch[], files: LogsFact['files']): SignatureMatch[] {
  const written = new Map(files.map((f) => [f.path, f.mtimeMs]));
  return matches.map((m) => {
    const own = m.line.time ? Date.parse(m.line.time) : lineTime(m.line.text);
    if (own !== undefined && !Number.isNaN(own)) return { ...m, at: new Date(own).toISOString() };
    const bound = written.get(m.line.file);
    return bound === undefined ? m : { ...m, at: new Date(bound).toISOString(), atUpperBound: true };
  });
}

/** Scans lines with a compiled catalog; each match keeps its original log line (file and number). */
export async function scanWithCatalog(matcher: CompiledCatalog, lines: LogLine[]): Promise<SignatureMatch[]> {
  // Multi-line records (a JSON line with a newline inside) would shift the numbering: keep one row per line.
  const report = scanLinesWith(matcher, lines.map((l) => l.text.replace(/\r?\n/g, ' ')), { maxMatches: 1000 });
  const byId = new Map(matcher.signatures.map((s) => [s.id, s]));
  return report.matches.flatMap((m): SignatureMatch[] => {
    const sig = byId.get(m.signature);
    const line = lines[m.line - 1];
    const cause = matcher.causes[m.cause];
    // A combination's lines (m.fact) have no signature of their own; every match takes its cause's text.
    if ((!sig && !m.fact) || !line || !cause) return [];
    const match: SignatureMatch = { signatureId: m.signature, cause: m.cause, severity: m.severity, title: cause.title, explanation: cause.explanation, line, commands: cause.fix.commands };
    if (m.detail !== undefined) match.detail = m.detail;
    if (m.detail !== undefined && sig?.detail) match.detailRef = detailRef(sig.id, sig.detail, m.evidence);
    const check = sig?.check ?? cause.fix.check;
    if (check) match.check = check;
    return [match];
  });
}

/** The shipped catalog's scanner, compiled once per process. */
export async function catalogScanner(): Promise<(lines: LogLine[]) => Promise<SignatureMatch[]>> {
  const matcher = await loadMatcher();
  return (lines) => scanWithCatalog(matcher, lines);
}
