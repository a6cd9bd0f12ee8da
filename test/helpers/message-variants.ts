// A catalog message (ICU MessageFormat) as the plain texts it can say: parameters shown as `<x>`
// (as advice-commands shows a template literal's parts), and one text per case of its plural and
// select parts (the k-th text takes each part's k-th case, or its last).
import { parse, type Token } from '@messageformat/parser';

function render(tokens: Token[], k: number): string {
  return tokens
    .map((tok) => {
      if (tok.type === 'content') return tok.value;
      if (tok.type === 'plural' || tok.type === 'select' || tok.type === 'selectordinal') return render(tok.cases[Math.min(k, tok.cases.length - 1)]!.tokens, k);
      if (tok.type === 'octothorpe') return '<x>';
      return '<x>';
    })
    .join('');
}

function mostCases(tokens: Token[]): number {
  let n = 1;
  for (const tok of tokens) {
    if (tok.type === 'plural' || tok.type === 'select' || tok.type === 'selectordinal') n = Math.max(n, tok.cases.length, ...tok.cases.map((c) => mostCases(c.tokens)));
  }
  return n;
}

export function messageVariants(source: string): string[] {
  const tokens = parse(source);
  return [...new Set(Array.from({ length: mostCases(tokens) }, (_, k) => render(tokens, k)))];
}
