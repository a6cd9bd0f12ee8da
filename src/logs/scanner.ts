// The scan itself: finds candidate lines with the catalog's automaton straight on the bytes, decodes
// only those, joins stack traces, matches signatures, clusters unexplained warn/error lines, and
// aggregates everything into the report shape `logs scan --json` prints. Memory stays bounded:
// counts grow, stored matches and templates are capped.
import { LINE_START_LEVELS, type CompiledCatalog, type SignatureHit } from '../signatures/matcher.js';
import { translatedCause } from '../signatures/cause-text.js';
import type { Fix } from '../signatures/schema.js';
import { SEVERITY_RANK, type Severity } from '../signatures/severity.js';
import { TemplateClusters, type Unrecognized } from './cluster.js';
import { maskPeerValues } from '../system/untrusted-text.js';
import { decodeLine, lineTime } from './decode.js';
import { dropTrailingProse, foldQuotes, foldWidth } from './fold.js';

export interface Match {
  signature: string;
  cause: string;
  severity: Severity;
  line: number;
  text: string;
  evidence: Record<string, string>;
  /** The signature's one-line detail, when it has one (the text is the cause's). */
  detail?: string;
  /** The log file, when the scan read files. */
  file?: string;
  /** For a combination's match: which of its facts this line is. */
  fact?: string;
}

export interface CauseSummary {
  cause: string;
  severity: Severity;
  count: number;
  firstLine: number;
  file?: string;
  signatures: string[];
  /** The cause's own text (signatures/causes.yaml): the same wherever the cause is shown. */
  title: string;
  explanation: string;
  fix: Fix;
  /** The title and explanation in the active locale, when it is not English. */
  text?: { title: string; explanation: string };
}

export interface ScanReport {
  scanned: { lines: number; bytes: number };
  matches: Match[];
  causes: CauseSummary[];
  unrecognized: Unrecognized[];
}

export interface ScanOptions {
  /** Skip lines older than this (ms since the epoch) at the start of each source. */
  since?: number;
  /** Matches kept in the report (every match is still counted in its cause). */
  maxMatches?: number;
  /** Called for every match as it is found (used by --follow). */
  onMatch?: (m: Match) => void;
}

interface CauseState {
  /** The best answer of at least one line (not only a second cause named on lines explained otherwise). */
  primary: boolean;
  severity: Severity;
  specificity: number;
  count: number;
  firstLine: number;
  firstOrder: number;
  file?: string;
  signatures: Set<string>;
}

/** A combination outranks the single-line causes it is made of. */
const COMBINATION_SPECIFICITY = 10_000;

const NL = 10;
const MAX_TEXT = 500;
const MAX_TRACE_LINES = 50;

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let p = buf.indexOf(NL, from); p !== -1 && p < to; p = buf.indexOf(NL, p + 1)) n++;
  return n;
}

/** A stack-trace line that belongs to the line above it: indented `at …`/`...`, or `Caused by`. */
/** A stack-trace line (`    at …`, `    ...`, `Caused by`): it belongs to the record above it. */
export function isContinuation(buf: Buffer, start: number, end: number): boolean {
  let i = start;
  if (end - start >= 9 && buf[i] === 0x43 /* C */) return buf.toString('latin1', i, i + 9) === 'Caused by';
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  if (i === start || end - i < 3) return false;
  return (buf[i] === 0x61 && buf[i + 1] === 0x74 && buf[i + 2] === 0x20) /* at */ || (buf[i] === 0x2e && buf[i + 1] === 0x2e && buf[i + 2] === 0x2e); /* ... */
}

function startsWithLevelWord(buf: Buffer, pos: number, end: number): boolean {
  const head = buf.toString('latin1', pos, Math.min(end, pos + 8)).toLowerCase();
  return LINE_START_LEVELS.some((w) => head.startsWith(w));
}

export class LogScanner {
  private lines = 0;
  private bytes = 0;
  private lineInSource = 0;
  private order = 0;
  private file?: string;
  private started = true;
  private readonly matches: Match[] = [];
  private readonly causeStates = new Map<string, CauseState>();
  private readonly clusters = new TemplateClusters();
  /** Per combination, the first line seen holding each of its facts. */
  private readonly factLines = new Map<number, Map<number, { line: number; text: string; file?: string; order: number }>>();

  constructor(
    private readonly catalog: CompiledCatalog,
    private readonly options: ScanOptions = {},
  ) {}

  /** Starts a new source: line numbers restart, and --since applies again. */
  beginSource(file?: string): void {
    this.file = file;
    this.lineInSource = 0;
    this.started = this.options.since === undefined;
  }

  /** Continues a source from where an earlier read stopped (--follow). */
  resumeSource(file: string | undefined, linesSoFar: number): void {
    this.file = file;
    this.lineInSource = linesSoFar;
    this.started = true;
  }

  get sourceLines(): number {
    return this.lineInSource;
  }

  /** Scans buf[start, end): whole lines, except that the last one may lack its newline (EOF, cut line). */
  scanBuffer(buf: Buffer, start: number, end: number): void {
    this.bytes += end - start;
    let pos = this.started ? start : this.skipOlderLines(buf, start, end);
    while (pos < end) {
      // Search from the newline before the line so line-start markers (`\nerror `) can fire; the
      // first line of the buffer has no newline before it and is checked directly.
      const hit =
        pos > 0 && buf[pos - 1] === NL
          ? this.catalog.automaton.firstHit(buf, pos - 1, end)
          : startsWithLevelWord(buf, pos, end)
            ? pos
            : this.catalog.automaton.firstHit(buf, pos, end);
      if (hit < 0) {
        this.advanceLines(buf, pos, end);
        return;
      }
      let lineStart = buf.lastIndexOf(NL, hit) + 1;
      if (lineStart < pos) lineStart = pos;
      this.advanceLines(buf, pos, lineStart);
      // A hit inside a stack trace belongs to the line the trace hangs from.
      let head = lineStart;
      let back = 0;
      while (head > start && back < MAX_TRACE_LINES && isContinuation(buf, head, this.lineEnd(buf, head, end))) {
        const prev = buf.lastIndexOf(NL, head - 2) + 1;
        head = prev < start ? start : prev;
        back++;
      }
      let recordEnd = this.lineEnd(buf, lineStart, end);
      for (let extra = 0; recordEnd < end && extra < MAX_TRACE_LINES; extra++) {
        const nextEnd = this.lineEnd(buf, recordEnd, end);
        if (!isContinuation(buf, recordEnd, nextEnd)) break;
        recordEnd = nextEnd;
      }
      const headLine = this.lineInSource + 1 - back;
      this.advanceLines(buf, lineStart, recordEnd);
      this.handleRecord(buf.toString('utf8', head, recordEnd), headLine);
      pos = recordEnd;
    }
  }

  /** Index just past the line starting at `from` (its newline included), at most `end`. */
  private lineEnd(buf: Buffer, from: number, end: number): number {
    const nl = buf.indexOf(NL, from);
    return nl === -1 || nl >= end ? end : nl + 1;
  }

  private advanceLines(buf: Buffer, from: number, to: number): void {
    if (to <= from) return;
    let n = countNewlines(buf, from, to);
    if (buf[to - 1] !== NL) n++; // the last line of the input, without its newline
    this.lines += n;
    this.lineInSource += n;
  }

  /** --since: skips lines until the first one stamped at or after the cutoff; returns where to go on. */
  private skipOlderLines(buf: Buffer, start: number, end: number): number {
    let pos = start;
    while (pos < end) {
      const next = this.lineEnd(buf, pos, end);
      const time = lineTime(buf.toString('utf8', pos, Math.min(next, pos + 4096)));
      if (time !== undefined && time >= this.options.since!) {
        this.started = true;
        return pos;
      }
      this.advanceLines(buf, pos, next);
      pos = next;
    }
    return end;
  }

  private handleRecord(record: string, line: number): void {
    const nl = record.indexOf('\n');
    const headRaw = nl === -1 || nl === record.length - 1 ? record : record.slice(0, nl);
    const trace = nl === -1 ? '' : record.slice(nl + 1).trimEnd();
    const decoded = decodeLine(headRaw);
    const full = trace ? `${decoded.text}\n${trace}` : decoded.text;
    // Values a peer chose (`platform="…"`, upstream's structured origin/userAgent, …) never match a
    // signature: a client named "EADDRINUSE …" is not a port conflict. Evidence still reads them.
    // Text pasted from a chat or an IME is folded to ASCII first; peers' values are masked before
    // curly quotes fold (a peer's `”` must not close its own value) and again after (a chat app's
    // `key=“…”`).
    const folded = foldWidth(full);
    const quoted = foldQuotes(folded);
    const { hits, facts } = this.catalog.matchLine(maskPeerValues(foldQuotes(maskPeerValues(folded))), false, dropTrailingProse(quoted));
    this.order++;
    const text = decoded.text.length > MAX_TEXT ? `${decoded.text.slice(0, MAX_TEXT)}…` : decoded.text;
    for (const f of facts) {
      const seen = this.factLines.get(f.combination) ?? new Map();
      if (!seen.has(f.fact)) seen.set(f.fact, { line, text, file: this.file, order: this.order });
      this.factLines.set(f.combination, seen);
    }
    if (hits.length === 0) {
      if (decoded.level === 'error' || decoded.level === 'warning' || decoded.level === 'fatal') this.clusters.add(decoded.text);
      return;
    }
    hits.forEach((hit, i) => this.record(hit, line, text, i === 0));
  }

  private record(hit: SignatureHit, line: number, text: string, primary: boolean): void {
    // Only a line's own answer says how specific the evidence for a cause is.
    const specificity = primary ? hit.specificity : 0;
    const match: Match = { signature: hit.signature, cause: hit.cause, severity: hit.severity, line, text, evidence: hit.evidence };
    if (hit.detail !== undefined) match.detail = hit.detail;
    if (this.file !== undefined) match.file = this.file;
    if (this.matches.length < (this.options.maxMatches ?? 1000)) this.matches.push(match);
    this.options.onMatch?.(match);
    const state = this.causeStates.get(hit.cause);
    if (!state) {
      this.causeStates.set(hit.cause, {
        primary,
        severity: hit.severity,
        specificity,
        count: 1,
        firstLine: line,
        firstOrder: this.order,
        file: this.file,
        signatures: new Set([hit.signature]),
      });
      return;
    }
    state.count++;
    state.primary ||= primary;
    state.signatures.add(hit.signature);
    if (SEVERITY_RANK[hit.severity] > SEVERITY_RANK[state.severity]) state.severity = hit.severity;
    state.specificity = Math.max(state.specificity, specificity);
  }

  /**
   * Combinations whose every fact was seen: one cause each, its evidence the lines holding the facts.
   * Joined when a report is made (a later report, under --follow, finds the cause already there).
   */
  private joinFacts(): Match[] {
    const joined: Match[] = [];
    this.catalog.combinations.forEach((combo, index) => {
      const seen = this.factLines.get(index);
      if (!seen || seen.size < combo.facts.length) return;
      const lines = [...seen.entries()].sort(([, a], [, b]) => a.order - b.order);
      const matches = lines.map(([fact, l]): Match => {
        const m: Match = { signature: combo.id, cause: combo.cause, severity: combo.severity, line: l.line, text: l.text, evidence: {}, fact: combo.facts[fact].name };
        if (l.file !== undefined) m.file = l.file;
        return m;
      });
      joined.push(...matches);
      const first = lines[0][1];
      const state = this.causeStates.get(combo.cause);
      if (state) {
        state.signatures.add(combo.id);
        state.primary = true;
        if (SEVERITY_RANK[combo.severity] > SEVERITY_RANK[state.severity]) state.severity = combo.severity;
        state.specificity = Math.max(state.specificity, COMBINATION_SPECIFICITY);
        return;
      }
      this.causeStates.set(combo.cause, {
        primary: true,
        severity: combo.severity,
        specificity: COMBINATION_SPECIFICITY,
        count: 1,
        firstLine: first.line,
        firstOrder: first.order,
        file: first.file,
        signatures: new Set([combo.id]),
      });
    });
    return joined;
  }

  report(): ScanReport {
    const joined = this.joinFacts();
    const causes = [...this.causeStates.entries()]
      // A line's own answer before a cause only named beside it; a catch-all (specificity 0) below every
      // specific signature; then the most severe, the most specific, the first seen.
      .sort(
        ([, a], [, b]) =>
          Number(b.primary) - Number(a.primary) ||
          Number(b.specificity > 0) - Number(a.specificity > 0) ||
          SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
          b.specificity - a.specificity ||
          a.firstOrder - b.firstOrder,
      )
      .map(([id, s]): CauseSummary => {
        const cause = this.catalog.causes[id];
        const summary: CauseSummary = {
          cause: id,
          severity: s.severity,
          count: s.count,
          firstLine: s.firstLine,
          signatures: [...s.signatures],
          title: cause.title,
          explanation: cause.explanation,
          fix: cause.fix,
        };
        const text = translatedCause(id, cause);
        if (text) summary.text = text;
        if (s.file !== undefined) summary.file = s.file;
        return summary;
      });
    return {
      scanned: { lines: this.lines, bytes: this.bytes },
      // A combination's lines first: they are the evidence of the cause that leads.
      matches: [...joined, ...this.matches],
      causes,
      unrecognized: this.clusters.list(100),
    };
  }
}
