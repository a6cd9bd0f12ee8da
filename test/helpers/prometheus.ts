// Reading what our /metrics and `doctor --format prometheus` emit with real parsers: the text
// exposition format with parse-prometheus-text-format, PromQL with Prometheus' own grammar.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { parser as promql } from '@prometheus-io/lezer-promql';

export interface Exposition {
  /** Family name → type as declared (COUNTER, GAUGE, HISTOGRAM, …). */
  types: Map<string, string>;
  /** Every sample with its full labels, histogram series (`_bucket`, `_sum`, `_count`) included. */
  samples: { name: string; labels: Record<string, string>; value: number }[];
  /** The one sample of `name` whose labels include `labels`; undefined when there is none. */
  value(name: string, labels?: Record<string, string>): number | undefined;
  /** Every metric name a PromQL selector could match: families and their histogram series. */
  names(): Set<string>;
}

export function parseExposition(text: string): Exposition {
  const families = parsePrometheusTextFormat(text);
  const types = new Map(families.map((f) => [f.name, f.type]));
  // The parser merges a labelled histogram's buckets into one series; read the samples from the same
  // text with histograms declared untyped, which keeps every `_bucket`/`_sum`/`_count` line as it is.
  const flat = parsePrometheusTextFormat(text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'));
  const samples = flat.flatMap((f) => f.metrics.map((m) => ({ name: f.name, labels: m.labels ?? {}, value: Number(m.value) })));
  return {
    types,
    samples,
    value(name, labels = {}) {
      const hits = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      if (hits.length > 1) throw new Error(`${hits.length} samples of ${name} match ${JSON.stringify(labels)}`);
      return hits[0]?.value;
    },
    names() {
      const out = new Set(types.keys());
      for (const [name, type] of types) if (type === 'HISTOGRAM') for (const s of ['_bucket', '_sum', '_count']) out.add(name + s);
      return out;
    },
  };
}

/** The metric names a PromQL expression selects; throws on a syntax error. */
export function promqlMetricNames(expr: string): string[] {
  const tree = promql.parse(expr);
  const names: string[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) throw new Error(`PromQL syntax error at ${cursor.from} in: ${expr}`);
    if (cursor.name === 'Identifier' && cursor.node.parent?.name === 'VectorSelector') names.push(expr.slice(cursor.from, cursor.to));
  } while (cursor.next());
  return names;
}
