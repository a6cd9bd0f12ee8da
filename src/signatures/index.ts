// The catalog's programmatic surface, for the CLI and for the doctor's `logs/known-signatures` check.
import { scanText } from '../logs/read.js';
import { LogScanner, type ScanOptions, type ScanReport } from '../logs/scanner.js';
import { loadCatalog, readPrecompiledAutomaton } from './load.js';
import { CompiledCatalog } from './matcher.js';

export { loadCatalog, CatalogError } from './load.js';
export { CompiledCatalog, type SignatureHit } from './matcher.js';
export type { Catalog, Cause, Severity, Signature } from './schema.js';
export type { CauseSummary, Match, ScanReport } from '../logs/scanner.js';

let compiled: Promise<CompiledCatalog> | undefined;

/** The shipped catalog compiled into its matcher, once per process. */
export function loadMatcher(): Promise<CompiledCatalog> {
  // The build's precompiled automaton is checked against the catalog's literals before it is used.
  compiled ??= loadCatalog().then((c) => new CompiledCatalog(c, readPrecompiledAutomaton()));
  return compiled;
}

/** Scans lines already in memory with a compiled catalog: the same report as `logs scan --json`. */
export function scanLinesWith(matcher: CompiledCatalog, lines: Iterable<string>, options: ScanOptions = {}): ScanReport {
  const scanner = new LogScanner(matcher, options);
  scanner.beginSource();
  scanText(scanner, [...lines].join('\n'));
  return scanner.report();
}

/** Scans lines already in memory (e.g. the doctor's log tail) against the shipped catalog. */
export async function scanLines(lines: Iterable<string>, options: ScanOptions = {}): Promise<ScanReport> {
  return scanLinesWith(await loadMatcher(), lines, options);
}
