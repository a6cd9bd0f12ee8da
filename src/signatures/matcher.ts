// The compiled catalog: one automaton over every anchor literal (the prefilter), and per signature
// its all/not literals and evidence regex, run only on lines the automaton flagged.
import { automatonFrom, compileAutomaton, type AutomatonTables, type LiteralAutomaton } from './automaton.js';
import { decodeAutomaton, encodeAutomaton, type AutomatonKey } from './automaton-file.js';
import { fillDetail } from './detail.js';
import type { Catalog, Cause, Combination, Signature } from './schema.js';
import { SEVERITY_RANK, type Severity } from './severity.js';

export interface SignatureHit {
  signature: string;
  cause: string;
  severity: Severity;
  /** Longer anchors are more specific; a generic signature scores 0. */
  specificity: number;
  evidence: Record<string, string>;
  /** The signature's one-line detail, evidence filled in (the text itself is the cause's). */
  detail?: string;
}

/** A line holding one fact of a combination (indexes into `CompiledCatalog.combinations`). */
export interface FactHit {
  combination: number;
  fact: number;
}

interface LiteralRule {
  any: number[];
  all: number[];
  not: number[];
}

interface CompiledSignature {
  sig: Signature;
  index: number;
  all: number[];
  not: number[];
  /** The evidence regex, made on the signature's first match: most runs match a few signatures of 200. */
  regex?: RegExp | null;
}

/** Level words that open plain lines (`ERROR something`, `WARN …`). */
export const LINE_START_LEVELS = ['error ', 'err ', 'warn ', 'warning ', 'fatal ', 'panic '];

/**
 * Lowercase markers of a warn/error line in the formats we read. They join the prefilter so such
 * lines reach the decoder and, when no signature explains them, the template clustering.
 */
export const LEVEL_MARKERS = [
  '"loglevelname":"error"',
  '"loglevelname":"warn"',
  '"loglevelname":"fatal"',
  '"level":"error"',
  '"level":"warn"',
  '"level":"fatal"',
  'level=error',
  'level=warn',
  'level=fatal',
  '[error]',
  '[warn]',
  '[warning]',
  '[fatal]',
  ' error ',
  ' warn ',
  ' warning ',
  ' fatal ',
  'error:',
  'warning:',
  'fatal:',
  // A level word opening a line; the scanner starts each search on the newline before the line.
  ...LINE_START_LEVELS.map((w) => `\n${w}`),
];

export class CompiledCatalog {
  readonly automaton: LiteralAutomaton;
  readonly causes: Record<string, Cause>;
  readonly signatures: readonly Signature[];
  readonly combinations: readonly Combination[];
  /** Whether the automaton was read from the build's precompiled file rather than compiled here. */
  readonly precompiled: boolean;
  private readonly tables: AutomatonTables;
  private readonly literals: string[] = [];
  private readonly literalId = new Map<string, number>();
  /** For each literal, the signatures it is an `any` anchor of. */
  private readonly anchorOf: number[][] = [];
  private readonly triggers = new Set<number>();
  private readonly compiled: CompiledSignature[];
  /** Per combination, per fact: its literals. */
  private readonly facts: LiteralRule[][];

  /**
   * `precompiled` is the build's automaton file (dist/signatures/automaton.bin); it is used only when
   * it was built from exactly this catalog's literals, and compiled afresh otherwise.
   */
  constructor(catalog: Catalog, precompiled?: Uint8Array) {
    this.causes = catalog.causes;
    this.signatures = catalog.signatures;
    this.compiled = catalog.signatures.map((sig, index) => {
      for (const lit of sig.match.any) this.anchorOf[this.intern(lit)].push(index);
      return {
        sig,
        index,
        all: (sig.match.all ?? []).map((l) => this.intern(l)),
        not: (sig.match.not ?? []).map((l) => this.intern(l)),
      };
    });
    // A catalog.json written before combinations existed has none.
    this.combinations = catalog.combinations ?? [];
    const rule = (m: { any: string[]; all?: string[]; not?: string[] }): LiteralRule => ({
      any: m.any.map((l) => this.intern(l)),
      all: (m.all ?? []).map((l) => this.intern(l)),
      not: (m.not ?? []).map((l) => this.intern(l)),
    });
    this.facts = this.combinations.map((c) => c.facts.map(rule));
    for (const marker of LEVEL_MARKERS) this.triggers.add(this.intern(marker));
    for (const sig of catalog.signatures) for (const lit of sig.match.any) this.triggers.add(this.literalId.get(lit.toLowerCase())!);
    for (const facts of this.facts) for (const f of facts) for (const id of f.any) this.triggers.add(id);
    // Only anchors and level markers stop the scan; `all`/`not` literals are looked up on candidates.
    const stored = precompiled && decodeAutomaton(precompiled, this.automatonKey());
    this.precompiled = stored !== undefined;
    this.tables = stored || compileAutomaton(this.literals, (i) => this.triggers.has(i));
    this.automaton = automatonFrom(this.tables, this.literals.length);
  }

  private automatonKey(): AutomatonKey {
    return { literals: this.literals, triggers: [...this.triggers].sort((a, b) => a - b) };
  }

  /** The automaton file for the build to store next to catalog.json. */
  automatonFile(): Buffer {
    return encodeAutomaton(this.tables, this.automatonKey());
  }

  private intern(literal: string): number {
    const key = literal.toLowerCase();
    let id = this.literalId.get(key);
    if (id === undefined) {
      id = this.literals.length;
      this.literals.push(key);
      this.literalId.set(key, id);
      this.anchorOf.push([]);
    }
    return id;
  }

  /** The anchor literals of every signature: what `grep -F -i -f` would need to find the same lines. */
  anchorLiterals(): string[] {
    return [...new Set(this.signatures.flatMap((s) => s.match.any))];
  }

  /**
   * Signatures matching one decoded message (a line, or a line with its stack trace). With `all`,
   * every matching signature, before generic ones yield and each cause keeps its best (self-test).
   * `evidenceText`, when given, is what the evidence regexes read (the scanner matches a text with
   * peer-supplied values masked, but shows evidence from the whole line).
   */
  match(text: string, all = false, evidenceText = text): SignatureHit[] {
    return this.matchLine(text, all, evidenceText).hits;
  }

  /** `match`, plus the facts of combinations the line holds (the scanner joins those across lines). */
  matchLine(text: string, all = false, evidenceText = text): { hits: SignatureHit[]; facts: FactHit[] } {
    const found = this.automaton.literalsIn(text);
    if (found.size === 0) return { hits: [], facts: [] };
    const facts: FactHit[] = [];
    this.facts.forEach((rules, combination) =>
      rules.forEach((r, fact) => {
        if (r.any.some((l) => found.has(l)) && r.all.every((l) => found.has(l)) && !r.not.some((l) => found.has(l))) facts.push({ combination, fact });
      }),
    );
    return { hits: this.signatureHits(found, all, evidenceText), facts };
  }

  private signatureHits(found: Set<number>, all: boolean, evidenceText: string): SignatureHit[] {
    const hits: SignatureHit[] = [];
    const tried = new Set<number>();
    for (const lit of found) {
      for (const index of this.anchorOf[lit]) {
        if (tried.has(index)) continue;
        tried.add(index);
        const c = this.compiled[index];
        if (!c.all.every((l) => found.has(l)) || c.not.some((l) => found.has(l))) continue;
        const evidence: Record<string, string> = {};
        if (c.regex === undefined) c.regex = c.sig.match.regex ? new RegExp(c.sig.match.regex, 'i') : null;
        const groups = c.regex?.exec(evidenceText)?.groups;
        if (groups) for (const [k, v] of Object.entries(groups)) if (v !== undefined) evidence[k] = v;
        const longest = Math.max(...c.sig.match.any.filter((a) => found.has(this.literalId.get(a.toLowerCase())!)).map((a) => a.length));
        const hit: SignatureHit = {
          signature: c.sig.id,
          cause: c.sig.cause,
          severity: c.sig.severity,
          specificity: c.sig.generic ? 0 : longest + (c.sig.match.all ?? []).reduce((n, a) => n + a.length, 0),
          evidence,
        };
        if (c.sig.detail) hit.detail = fillDetail(c.sig.detail, evidence);
        hits.push(hit);
      }
    }
    return all ? hits : this.preferSpecific(hits);
  }

  /**
   * One line's answer, best first. Generic signatures yield to specific ones; the most specific
   * signature names the line's problem whatever its severity (a cron tick failing with EACCES is a
   * cron problem first); a line a subsystem's signature explains is no evidence of a gateway or
   * client-auth cause that merely shares a word with it (a channel's 401, a provider's ECONNREFUSED);
   * each cause is reported once, by its most specific signature.
   */
  private preferSpecific(hits: SignatureHit[]): SignatureHit[] {
    const specific = hits.filter((h) => h.specificity > 0);
    let kept = (specific.length ? specific : hits).sort(
      (a, b) => b.specificity - a.specificity || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    );
    const areaOf = (h: SignatureHit) => this.causes[h.cause]?.area ?? '';
    if (kept.length > 1 && SUBSYSTEM_AREAS.has(areaOf(kept[0]))) kept = kept.filter((h) => !GATEWAY_AREAS.has(areaOf(h)));
    const seen = new Set<string>();
    return kept.filter((h) => !seen.has(h.cause) && seen.add(h.cause));
  }
}

/** Cause areas of the gateway itself and of clients' auth to it. */
const GATEWAY_AREAS = new Set(['gateway', 'auth']);
/** Cause areas of the subsystems behind the gateway: their failures are not the gateway's. */
const SUBSYSTEM_AREAS = new Set(['channels', 'models', 'browser', 'nodes', 'scheduler']);
