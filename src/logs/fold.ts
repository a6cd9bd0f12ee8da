// Pasted text → the text the signature matcher reads. People paste a log line inside their own
// language: a Korean or Chinese note on the same line, an IME's full-width forms (`：`, `（`, `ｅｒｒｏｒ`),
// CJK brackets and full stops (「」【】。), a chat app's curly quotes, no-break and zero-width spaces.
// Folding those to the ASCII a gateway writes lets one catalog recognise a cause whatever language
// surrounds the line. The scanner folds the lines it matches and shows them as they were; `explain`
// folds a paste before the scan (so its automaton sees ASCII) and shows the folded line.

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
/** No-break, typographic and ideographic spaces. */
const isOddSpace = (c: number) => c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
/** CJK sentence punctuation and brackets (、。〈〉《》「」『』【】〔〕…): never part of what a gateway logs. */
const isCjkPunct = (c: number) => c >= 0x3001 && c <= 0x301f;
const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const isFullWidth = (c: number) => c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST;
/** Full-width punctuation an IME types between words of a CJK sentence. */
const SENTENCE_PUNCT = new Set('！（），．：；？'.split('').map((ch) => ch.charCodeAt(0)));
/** Folded punctuation that English follows with a space (`current：remote` reads `current: remote`). */
const SPACED_AFTER = new Set([':', ',', ';', '!', '?']);
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const QUOTES: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‟': '"', '＂': '"', '‘': "'", '’': "'", '‚': "'", '‛': "'", '＇': "'" };
// Built from QUOTES rather than typed as a regex literal: esbuild escapes non-ASCII in strings but
// not in regex literals, and one raw character makes V8 hold the whole CLI bundle as a two-byte
// string, which is slower to read and parse on every start (bench/README.md, "CLI start-up").
const QUOTE_CHARS = new RegExp(`[${Object.keys(QUOTES).join('')}]`, 'g');
const NON_ASCII = /[^\x00-\x7f]/;

function cjkAround(text: string, i: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : -1;
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
  return [before, after].some((c) => c >= 0 && (isCjkPunct(c) || CJK_LETTER.test(String.fromCharCode(c))));
}

/**
 * Width forms to ASCII, odd spaces to a space, zero-width characters dropped, CJK punctuation to a
 * space. Full-width punctuation next to CJK text belongs to the sentence around the log line and
 * becomes a space; elsewhere it folds to ASCII, with the space English puts after `:` and `,`.
 * Quote characters are left alone (see foldQuotes): a quote ends a peer's value in the log.
 */
export function foldWidth(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out += text[i];
    else if (ZERO_WIDTH.has(c)) continue;
    else if (isOddSpace(c) || isCjkPunct(c)) out += ' ';
    else if (isFullWidth(c) && c !== 0xff02 && c !== 0xff07) {
      if (SENTENCE_PUNCT.has(c) && cjkAround(text, i)) {
        out += ' ';
        continue;
      }
      const ascii = String.fromCharCode(c - 0xfee0);
      // Before a word only: `ws：//host：18789` keeps its URL and port, `current：remote` gets its space.
      out += SPACED_AFTER.has(ascii) && /[A-Za-z]/.test(text[i + 1] ?? '') ? `${ascii} ` : ascii;
    } else out += text[i];
  }
  return out;
}

/** Curly and full-width quotes to ASCII ones. */
export function foldQuotes(text: string): string {
  return NON_ASCII.test(text) ? text.replace(QUOTE_CHARS, (q) => QUOTES[q]) : text;
}

// From a space to the end of a line: text with no ASCII letter or digit but some CJK letter.
const TRAILING_PROSE = /\s+(?=[^A-Za-z0-9\n]*[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}])[^A-Za-z0-9\n]*$/gmu;

/**
 * The line without a note in CJK after it (`… not reachable at http://h:9222. 어떻게 고치나요?`), so an
 * evidence pattern that ends at the line's end, or takes the last word, reads what the gateway wrote.
 * Only for evidence: a catalog literal in CJK (a localised OS message) still matches the whole line.
 */
export function dropTrailingProse(text: string): string {
  return NON_ASCII.test(text) ? text.replace(TRAILING_PROSE, '') : text;
}

/** A line longer than this is folded in parts rather than held whole (a paste piped in can be a log). */
const MAX_PENDING = 1 << 20;

/**
 * A byte stream (a paste piped into `explain`) folded line by line, so even a line written wholly in
 * full width reaches the catalog's automaton as ASCII. Memory stays bounded by one line.
 */
export async function* foldStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    const cut = pending.length > MAX_PENDING ? pending.length : pending.lastIndexOf('\n') + 1;
    if (cut === 0) continue;
    yield Buffer.from(foldWidth(pending.slice(0, cut)), 'utf8');
    pending = pending.slice(cut);
  }
  pending += decoder.decode();
  if (pending) yield Buffer.from(foldWidth(pending), 'utf8');
}
