// How many terminal columns a text takes: Hangul and CJK characters take two. Enough to line up
// the report's short labels ("오류", "错误") in every language we speak; no emoji or combining marks there.
/** Characters that take two columns; a line of CJK text may break after any of them. */
export const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/gu;

export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** `text` padded with spaces to `columns` terminal columns. */
export function padColumns(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/** Full-width closing punctuation: never the first character of a line, so it stays with the character before it. */
export const CLOSING = '）」』】〉》。，、：；！？';
const CLOSERS = `[${CLOSING}]*`;
/** One wide character (with its closing punctuation), or a run of narrow ones: the pieces a line of CJK text may break between. */
const PIECES = new RegExp(`${WIDE.source}${CLOSERS}|(?:(?!${WIDE.source}).)+${CLOSERS}`, 'gu');

/**
 * Words into lines of at most `width` columns. Chinese has no spaces between words, so a run of
 * wide characters breaks between any two of them, without adding a space.
 */
export function wrapColumns(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  let used = 0;
  for (const word of text.split(/\s+/)) {
    for (const [i, piece] of (word.match(PIECES) ?? [word]).entries()) {
      const gap = current && i === 0 ? 1 : 0;
      const w = displayWidth(piece);
      if (current && used + gap + w > width) {
        lines.push(current);
        current = piece;
        used = w;
      } else {
        current = gap ? `${current} ${piece}` : current + piece;
        used += gap + w;
      }
    }
  }
  if (current) lines.push(current);
  return lines;
}
