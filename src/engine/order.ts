// Ordering of check ids, areas and other ASCII identifiers. Plain code-unit order, not
// localeCompare: the first localeCompare in a process loads ICU's collation data, ~15 ms of every
// doctor start, and ids are ASCII where both orders make sense.
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
