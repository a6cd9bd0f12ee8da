// A config that does not parse: say what was expected where, find the one-character repair when
// there is exactly one (a missing comma, closing quote or brace), and salvage what the file still
// says, so a restore can show what it would drop. Every repair is checked by parsing its result.
// Each explanation is data too (a catalog id and its params, worded at the reporting edge in the
// reader's language) next to its English, which the gateway's own start error and `message` keep.
import type { MessageRef } from '../i18n/index.js';

/** An explanation as the catalog's id and params (locales/<locale>/config-reasons.json) and in English. */
export interface Explained {
  ref: MessageRef & { params: Record<string, string | number> };
  english: string;
}

const explained = (id: string, params: Record<string, string | number>, english: string): Explained => ({ ref: { id, params }, english });

export interface TextRepair {
  /** 1-based position where `insert` goes. */
  line: number;
  column: number;
  insert: string;
  /** What the repair does, in words: `insert the missing "," on line 3`. */
  description: string;
  /** The same as a catalog message, for the reader's language. */
  descriptionRef?: MessageRef;
}

interface Open {
  char: '{' | '[';
  line: number;
}

interface Scan {
  /** Brackets still open at the position. */
  open: Open[];
  /** The last character before the position that is not blank or a comment, and its place. */
  prev?: { char: string; offset: number; line: number };
  /** Set when the position is inside an unclosed string: where the string opened. */
  inString?: { quote: string; offset: number; line: number };
}

/** Offset of a 1-based line and column in text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** Walks JSON5 text up to `end`: strings, comments and brackets. */
function scan(text: string, end: number): Scan {
  const open: Open[] = [];
  let line = 1;
  let prev: Scan['prev'];
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = { quote: c, offset: i, line };
      for (i++; i < end && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      if (i >= end || text[i] === '\n') {
        if (text[i] === '\n') line++;
        if (i >= end) return { open, prev, inString: start };
        continue;
      }
      prev = { char: c, offset: i, line };
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < end && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const stop = close < 0 ? end : Math.min(end, close + 2);
      for (; i < stop - 1; i++) if (text[i] === '\n') line++;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '{' || c === '[') open.push({ char: c, line });
    else if (c === '}' || c === ']') open.pop();
    prev = { char: c, offset: i, line };
  }
  return { open, prev };
}

const closerOf = (o: Open) => (o.char === '{' ? '}' : ']');
const endsValue = (c: string) => /["'\d}\]a-zA-Z]/.test(c);
const startsValue = (c: string | undefined) => c !== undefined && /["'\d{[a-zA-Z_$+-]/.test(c);

/** What the parser expected at the error, in words; undefined when the parser's own words are best. */
export function explainParseError(text: string, line: number, column: number, reason: string): Explained | undefined {
  const at = offsetOf(text, line, column);
  const s = scan(text, at);
  const here = text[at];
  const inner = s.open[s.open.length - 1];
  if (/end of input/.test(reason) || at >= text.length) {
    if (s.inString) {
      const { line: from, quote } = s.inString;
      return explained('config.parse.stops-in-string', { line: from, quote }, `the text stops inside a string opened on line ${from}: a closing ${quote} is missing`);
    }
    const missing = s.open.map(closerOf).reverse().join(' ');
    const count = s.open.length;
    return missing ? explained('config.parse.stops-early', { missing, count }, `the text stops before the JSON is complete: ${missing} ${count === 1 ? 'is' : 'are'} missing at the end`) : undefined;
  }
  if (s.inString || (here === '\n' && /invalid character/.test(reason))) {
    const from = s.inString?.line ?? line;
    return explained('config.parse.string-not-closed', { line: from }, `a string on line ${from} is not closed: a closing quote is missing before the end of the line`);
  }
  if (inner && s.prev && endsValue(s.prev.char) && s.prev.char !== '{' && s.prev.char !== '[' && startsValue(here)) {
    const closer = closerOf(inner);
    return explained('config.parse.expected-comma-or-closer', { closer, line: s.prev.line }, `expected \`,\` or \`${closer}\` after the value on line ${s.prev.line}`);
  }
  if ((here === '}' || here === ']') && inner && here !== closerOf(inner)) {
    const [closer, kind] = [closerOf(inner), inner.char === '{' ? 'object' : 'list'];
    return explained('config.parse.wrong-closer', { found: here, closer, kind, line: inner.line }, `found \`${here}\` where \`${closer}\` should close the ${kind} opened on line ${inner.line}`);
  }
  return undefined;
}

/** The JSON5 parser's own reason (`invalid character 'x'`) as data; its words as they are when it says something else. */
export function parserReason(reason: string): Explained {
  const char = /^invalid character '(.*)'$/s.exec(reason);
  if (char) return explained('config.parse.invalid-character', { char: char[1]! }, reason);
  if (reason === 'invalid end of input') return explained('config.parse.end-of-input', {}, reason);
  if (reason === 'invalid identifier character') return explained('config.parse.invalid-identifier', {}, reason);
  return explained('config.parse.other', { reason }, reason);
}

/**
 * The single-character repair that makes the text parse, when exactly one of the candidates does:
 * a missing comma before the error, a missing closing quote at the end of the line, the missing
 * closing brackets at the end.
 */
export function minimalRepair(text: string, line: number, column: number, parses: (text: string) => boolean): TextRepair | undefined {
  const at = offsetOf(text, line, column);
  const s = scan(text, at);
  const candidates: { offset: number; insert: string; description: (l: number) => Explained }[] = [];
  if (s.prev && endsValue(s.prev.char)) {
    candidates.push({ offset: s.prev.offset + 1, insert: ',', description: (l) => explained('config.repair.insert-comma', { line: l }, `insert the missing "," after the value on line ${l}`) });
  }
  const eol = text.indexOf('\n', s.inString ? s.inString.offset : at);
  const lineEnd = eol < 0 ? text.length : text[eol - 1] === '\r' ? eol - 1 : eol;
  if (s.inString) {
    // Before a trailing comma, if the line has one; else at the end of the line.
    const body = text.slice(s.inString.offset, lineEnd);
    const comma = /,\s*$/.exec(body);
    candidates.push({ offset: comma ? s.inString.offset + comma.index : lineEnd, insert: s.inString.quote, description: (l) => explained('config.repair.close-string', { line: l, quote: s.inString!.quote }, `close the string on line ${l} with ${s.inString!.quote}`) });
  }
  if (at >= text.trimEnd().length && s.open.length && !s.inString) {
    const closers = s.open.map(closerOf).reverse().join('');
    candidates.push({ offset: text.trimEnd().length, insert: `\n${closers}`, description: () => explained('config.repair.add-closers', { closers: closers.split('').join(' ') }, `add the missing ${closers.split('').join(' ')} at the end`) });
  }
  const working = candidates.filter((c) => parses(text.slice(0, c.offset) + c.insert + text.slice(c.offset)));
  if (working.length !== 1) return undefined;
  const c = working[0]!;
  const before = text.slice(0, c.offset);
  const l = before.split('\n').length;
  const description = c.description(l);
  return { line: l, column: c.offset - before.lastIndexOf('\n'), insert: c.insert, description: description.english, descriptionRef: description.ref };
}

export function applyRepair(text: string, repair: Pick<TextRepair, 'line' | 'column' | 'insert'>): string {
  const offset = offsetOf(text, repair.line, repair.column);
  return text.slice(0, offset) + repair.insert + text.slice(offset);
}

/**
 * What the broken text still says, best effort: the repaired text when a minimal repair exists,
 * else everything before the error with its brackets closed. Undefined when neither parses.
 */
export function salvage<T>(text: string, line: number, column: number, parse: (text: string) => T, repair?: TextRepair): T | undefined {
  const attempt = (t: string): T | undefined => {
    try {
      return parse(t);
    } catch {
      return undefined;
    }
  };
  if (repair) return attempt(applyRepair(text, repair));
  const at = offsetOf(text, line, column);
  // Cut back to the last complete value before the error, then close what is open.
  for (let cut = at; cut > 0; cut = text.lastIndexOf('\n', cut - 1)) {
    const head = text.slice(0, cut).replace(/[,:\s]+$/, '');
    const s = scan(head, head.length);
    if (s.inString) continue;
    const value = attempt(head + s.open.map(closerOf).reverse().join(''));
    if (value !== undefined) return value;
  }
  return undefined;
}
