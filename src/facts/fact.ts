// What every collector returns: its value, or why it has none. Apart from types.ts, which imports
// every collector's value type, so that collectors can name it without importing types.ts back.
export type Fact<T> = { ok: true; value: T; ms?: number } | { ok: false; reason: string; ms?: number };
