// Drain-like grouping of warn/error lines no signature explains: variable tokens (ids, numbers,
// paths, addresses) are masked, lines with the same token count and first token are compared, and
// a line close enough to a template merges into it, differing positions becoming <*>. A novel
// failure then shows up once with a count instead of a thousand times. Memory is bounded.

export interface Unrecognized {
  template: string;
  count: number;
  example: string;
}

const MASKS: [RegExp, string][] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>'],
  [/\[?[0-9a-f]*:[0-9a-f:]*:[0-9a-f]+\]?(?::\d+)?(?=\s|$)/gi, '<ip>'],
  [/(?:~|\.{1,2})?(?:\/[\w.@+-]+){2,}\/?/g, '<path>'],
  [/\b\d{4}-\d{2}-\d{2}[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi, '<hex>'],
  [/\b[\w-]*\d[\w-]*\b/g, '<num>'],
];

/** The line with its variable parts masked, as tokens. */
export function maskTokens(message: string): string[] {
  let text = message.length > 400 ? message.slice(0, 400) : message;
  for (const [re, mask] of MASKS) text = text.replace(re, mask);
  return text.split(/\s+/).filter(Boolean);
}

interface Cluster {
  tokens: string[];
  count: number;
  example: string;
}

const WILDCARD = '<*>';

function similarity(a: string[], b: string[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] || a[i] === WILDCARD) same++;
  return same / a.length;
}

export class TemplateClusters {
  private readonly groups = new Map<string, Cluster[]>();
  private size = 0;
  /** Lines that arrived after the cluster limit was reached and fitted no template. */
  overflow = 0;

  constructor(
    private readonly maxClusters = 1000,
    private readonly threshold = 0.5,
  ) {}

  add(message: string): void {
    const tokens = maskTokens(message);
    if (tokens.length === 0) return;
    const key = `${tokens.length}\u0000${tokens[0].startsWith('<') ? WILDCARD : tokens[0]}`;
    const group = this.groups.get(key) ?? [];
    let best: Cluster | undefined;
    let bestScore = -1;
    for (const c of group) {
      const score = similarity(c.tokens, tokens);
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (best && bestScore >= this.threshold) {
      best.count++;
      for (let i = 0; i < tokens.length; i++) if (best.tokens[i] !== tokens[i]) best.tokens[i] = WILDCARD;
      return;
    }
    if (this.size >= this.maxClusters) {
      this.overflow++;
      return;
    }
    group.push({ tokens, count: 1, example: message.slice(0, 400) });
    this.groups.set(key, group);
    this.size++;
  }

  /** Templates, most frequent first. */
  list(limit = Infinity): Unrecognized[] {
    return [...this.groups.values()]
      .flat()
      .sort((a, b) => b.count - a.count)
      .slice(0, limit)
      .map((c) => ({ template: c.tokens.join(' '), count: c.count, example: c.example }));
  }
}
